/**
 * Funnel and conversion analytics: the stage funnel, refusal reasons, cross statistics per
 * grouping key, quantitative vs financial conversion, stage win probabilities and time in stage.
 *
 * <p>The input is {@link io.clientyield.funnel.Deal}: one client worked in one campaign, with the
 * furthest stage it reached (a stage id of the caller's ordered stage list), optionally its stage
 * history, and its {@link io.clientyield.core.Outcome} or none while open.
 *
 * <p>All results are immutable and thread-safe; accumulators are mutable, one per thread, and
 * merge.
 */
@io.clientyield.core.ClientyieldStyle
package io.clientyield.funnel;
