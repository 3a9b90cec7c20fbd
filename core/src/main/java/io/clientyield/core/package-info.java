/**
 * The vocabulary every module shares.
 *
 * <ul>
 *   <li>{@link io.clientyield.core.Money}: exact money (BigDecimal at the currency's scale),
 *       never a double; {@link io.clientyield.core.MoneyAccumulator} for hot loops.</li>
 *   <li>{@link io.clientyield.core.Proportion}: successes of trials with an explicit empty
 *       value for no trials and a Wilson interval; {@link io.clientyield.core.Rate}: a
 *       validated rate in [0, 1] given as input.</li>
 *   <li>Typed ids ({@link io.clientyield.core.ClientId}, {@link io.clientyield.core.ManagerId},
 *       {@link io.clientyield.core.CampaignId}, {@link io.clientyield.core.DealId},
 *       {@link io.clientyield.core.ProjectId}, {@link io.clientyield.core.WorkerId}),
 *       {@link io.clientyield.core.ReportingPeriod} and {@link io.clientyield.core.BusinessCalendar}.</li>
 *   <li>{@link io.clientyield.core.ValidationException}: the one error for bad input, carrying
 *       every {@link io.clientyield.core.ValidationException.Violation} (field, rejected value, rule);
 *       {@code io.clientyield.core.internal.Checks} (not exported) raises it with uniform messages.</li>
 * </ul>
 *
 * <p>All values are immutable and thread-safe; accumulators are mutable, one per thread, and
 * merge.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.core;

