/**
 * Event folders: turn a stream of interaction events (one row per touch of a deal) into one
 * primitive deal per deal key, pushed to a {@link io.clientyield.funnel.DealSink}.
 *
 * <p>{@link io.clientyield.funnel.events.DealEventFolder} takes events in any order (hash
 * table, mergeable across threads); {@link io.clientyield.funnel.events.GroupedEventFolder}
 * takes events already grouped by deal and needs no lookup. Both fold with the same rules,
 * documented on {@link io.clientyield.funnel.events.DealEventFolder}. To fold on several
 * threads, split the events by
 * {@link io.clientyield.funnel.events.DealEventFolder#partitionOf(long, int) deal-key partition}:
 * each thread's folder then holds whole, disjoint deals and only the accumulators they emit to
 * are merged.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.funnel.events;
