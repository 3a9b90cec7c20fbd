/**
 * Time to outcome with censoring (DOMAIN 2.5) and the time-aware win probability (DOMAIN 5.4).
 *
 * <p>For each stage {@code s} every deal that entered {@code s} on or before the as-of date gives
 * one observation: its <b>age</b> in {@code s} is {@code calendar.workingDaysBetween(entered s,
 * x)} (calendar days with {@link io.clientyield.core.BusinessCalendar#EVERY_DAY}), where
 * {@code x} is its close day when it closed on or before the as-of date (an event: won, or lost
 * for any other outcome), else the as-of date (the deal is <b>censored</b>: still open, which is
 * not a failure). Anything dated after the as-of date is ignored, so an estimate as of a day uses
 * only what was known on that day. A deal without any dated history cannot be placed in time: it
 * is set aside and counted ({@code undated}); a deal that entered its first dated stage after the
 * as-of date is counted as {@code notYetEntered}; a deal with an outcome but no close day is set
 * aside and counted ({@code closedWithoutDate}).
 *
 * <p>Estimators, over the counts of events and censorings by age (a histogram: merge = add, so
 * the result is exact after any split and merge):
 * <ul>
 *   <li>Kaplan–Meier survival (still open) {@code S(t) = Π_{t_j <= t} (1 - d_j / n_j)}, with
 *       {@code n_j} the deals at risk at age {@code t_j} (age {@code >= t_j}; at one age, events
 *       come before censorings) and Greenwood's variance
 *       {@code S² Σ d_j / (n_j (n_j - d_j))}; the 95 % interval is log(−log) transformed.</li>
 *   <li>Aalen–Johansen cumulative incidence of won and of lost,
 *       {@code F_k(t) = Σ_{t_j <= t} S(t_j−) d_kj / n_j}, so {@code S + F_won + F_lost = 1} at
 *       every age; variance by the delta method (Greenwood-type, Marubini–Valsecchi), 95 %
 *       interval log(−log) transformed.</li>
 *   <li>Percentiles of time to close: {@code t_q = min {t : S(t) <= 1 - q}}, with the
 *       Brookmeyer–Crowley interval from the transformed survival interval (empty where the curve
 *       never falls that far).</li>
 *   <li>Win within a horizon for an open deal at age {@code a}:
 *       {@code P = (F_won(a + h) - F_won(a)) / S(a)}, in [0, 1] and non-decreasing in
 *       {@code h}. A group's own curve is used when at least {@code minAtRisk} of its deals are at
 *       risk at age {@code a}; otherwise the pooled stage curve is used, and the result says
 *       so.</li>
 * </ul>
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.funnel.survival;
