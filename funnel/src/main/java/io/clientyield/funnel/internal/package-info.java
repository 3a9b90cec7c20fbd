/**
 * Internals of the funnel module, not exported: the primitive deal path ({@link
 * io.clientyield.funnel.internal.DealSink}, opened on a public accumulator by {@link
 * io.clientyield.funnel.internal.FunnelSinks}), the columnar event plumbing ({@link
 * io.clientyield.funnel.internal.EventColumns}) and the two event folders that turn interaction
 * events into primitive deals ({@link io.clientyield.funnel.internal.DealEventFolder} for events
 * in any order, {@link io.clientyield.funnel.internal.GroupedEventFolder} for events grouped by
 * deal; both fold with {@link io.clientyield.funnel.internal.EventFoldRules}), the exact
 * working-day histogram behind the time statistics and the significance tests of the cross
 * statistics. To fold on several threads, split the events by
 * {@link io.clientyield.funnel.internal.DealEventFolder#partitionOf(long, int) deal-key partition}:
 * each thread's folder then holds whole, disjoint deals and only the accumulators they emit to
 * are merged.
 */
package io.clientyield.funnel.internal;
