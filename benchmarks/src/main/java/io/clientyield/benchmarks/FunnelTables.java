package io.clientyield.benchmarks;

import io.clientyield.core.OutcomeKind;
import io.clientyield.funnel.DealSink;

/**
 * Reduces the library's folded deals to a {@link FunnelTable} for the equality check against
 * DuckDB: a {@link DealSink} that counts per manager × stage. Used before timing, not timed.
 */
public final class FunnelTables {
  private FunnelTables() {}

  /**
   * Returns a sink filling {@code table}: a deal at furthest stage s adds to reached and budget
   * of stages 0..s, to won at s if won, to dropped[reason] at s if refused.
   *
   * @param table the table to fill
   * @return the sink
   */
  public static DealSink sink(FunnelTable table) {
    int won = OutcomeKind.WON.ordinal();
    int lost = OutcomeKind.CLIENT_REFUSED.ordinal();
    return (group, stage, outcome, reason, budget) -> {
      int base = group * SyntheticEvents.STAGES;
      long b = budget == DealSink.NO_BUDGET ? 0 : budget;
      for (int s = 0; s <= stage; s++) {
        table.reached[base + s]++;
        table.reachedBudget[base + s] += b;
      }
      if (outcome == won) {
        table.won[base + stage]++;
      } else if (outcome == lost && reason >= 0) {
        table.dropped[(base + stage) * SyntheticEvents.REASONS + reason]++;
      }
    };
  }

  /**
   * Folds the events with the library's hash folder and counts them.
   *
   * @param e the events
   * @return the table
   */
  public static FunnelTable of(SyntheticEvents e) {
    FunnelTable t = new FunnelTable();
    LibraryFunnel.singleThreaded(e, sink(t));
    return t;
  }
}
