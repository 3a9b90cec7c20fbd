/**
 * Funnel and conversion analytics: the stage funnel, refusal reasons, cross statistics per
 * grouping key, quantitative vs financial conversion, stage win probabilities and time in stage.
 *
 * <p>The input is {@link io.clientyield.funnel.Deal}: one client worked in one campaign, with the
 * furthest stage it reached (a stage id of the caller's ordered {@link io.clientyield.funnel.Stages}),
 * optionally its stage history, and its {@link io.clientyield.core.Outcome} or none while open.
 * A deal carries a list value ({@code budget}) and, when won, optionally its contracted value:
 * price realization comes out of the same pass. A CRM status column that mixes stage and
 * outcome maps through {@link io.clientyield.funnel.DealStatusMapper}. Every accumulator
 * implements {@link io.clientyield.core.Accumulator} and offers a {@code collector(...)}.
 *
 * <p><b>Stage funnel</b> ({@link io.clientyield.funnel.StageFunnelAccumulator} →
 * {@link io.clientyield.funnel.StageFunnel}): a deal whose furthest stage is {@code s} entered
 * stages {@code 0..s} and passed {@code 0..s-1}; at {@code s} it is dropped (lost, by kind and
 * reason), in progress (open) or won — and a win also passes {@code s}. Per stage
 * {@code entered = passed + refused + declined + inProgress}; over the funnel
 * {@code top entered = won + refused + declined + in progress}. <b>Open deals are unfinished, not
 * failed</b>: the resolved stage conversion is passed / (passed + dropped), the deals in progress
 * at the stage reported beside it; every comparison, test and learned probability uses it. The
 * entered-base conversion passed / entered is kept for display funnels, labelled as such;
 * cumulative = passed / top entered. The weakest step is reported by absolute loss and by
 * resolved stage conversion.
 *
 * <p><b>Cross statistics</b> ({@link io.clientyield.funnel.CrossStatisticsAccumulator} →
 * {@link io.clientyield.funnel.CrossStatistics}): the funnel per group (manager, campaign,
 * attribute, any key), each stage cell with its resolved conversion, its deals in progress, a
 * 95 % Wilson interval and a one-sided test against
 * the rest of the team ({@link io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod}: Fisher exact for
 * small expected counts, else the z test; the z statistic is reported beside the p-value), Benjamini–Hochberg across tested cells, and a minimum
 * number of resolved deals below which nothing is tested; a cell is flagged only below the rest,
 * so a group that lost no deal at a stage is never flagged there. Per group, quantitative vs financial conversion
 * ({@link io.clientyield.funnel.ConversionComparison}).
 *
 * <p>All results are immutable and thread-safe; accumulators are mutable, one per thread, and
 * merge (identity, associative, order-independent).
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.funnel;
