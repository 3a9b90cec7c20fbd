/**
 * Time in stage, cycle length and sales velocity (DOMAIN 2.5), in working days of a core
 * {@link io.clientyield.core.BusinessCalendar}.
 *
 * <p>From a deal's dated history, the time in stage {@code s} is
 * {@code calendar.workingDaysBetween(entered s, entered the next stage)}, i.e. the working days
 * {@code d} with {@code entered s < d <= entered next}; the last visited stage of a closed deal
 * runs until its {@code closedOn}, that of an open deal is <b>ongoing</b> until the caller's
 * "as of" date. A stay is <b>overdue</b> when it exceeds the stage's norm
 * ({@link io.clientyield.funnel.time.StageNorms}): {@code days > norm}.
 *
 * <p>Durations are whole working days, so an internal histogram keeps an exact count per day
 * that merges by adding counts; percentiles use the nearest-rank rule and are exact after any
 * merge.
 *
 * <p>Finished stays and closed cycles alone are biased short: the deals still open are often the
 * slowest. Beside each closed-only summary the result gives the Kaplan–Meier median and 90th
 * percentile (95 % intervals) with the open deals' ongoing stays and cycles so far
 * <b>censored</b> at the as-of date, from the estimator of
 * {@link io.clientyield.funnel.survival} ({@link io.clientyield.funnel.time.TimeInStage.CensoredDurations}).
 *
 * <p>The cycle length of a closed deal is the working days from its first history date to its
 * {@code closedOn}. Sales velocity (money per working day) is
 * {@code open deals × win rate × average won budget / average won cycle length}
 * ({@link io.clientyield.funnel.time.SalesVelocity}).
 *
 * <p>Results are immutable and thread-safe; accumulators are mutable, one per thread, and merge.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.funnel.time;
