package io.clientyield.benchmarks;

import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.CrossStatisticsOptions;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import java.util.List;

/**
 * Reduces the library's folded deals and cross statistics to a {@link FunnelTable} for the
 * equality check against DuckDB: a {@link DealSink} that counts per manager × stage, and a copy
 * of the per-cell statistics. Used before timing, not timed.
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
    int won = Outcome.Kind.WON.ordinal();
    int lost = Outcome.Kind.CLIENT_REFUSED.ordinal();
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
   * Folds the events with the library's hash folder and counts them, and adds the library's
   * cross statistics with the default options.
   *
   * @param e the events
   * @return the table
   */
  public static FunnelTable of(SyntheticEvents e) {
    return of(e, CrossStatisticsOptions.DEFAULT);
  }

  /**
   * Folds the events with the library's hash folder and counts them, and adds the library's
   * cross statistics ({@code CrossStatisticsAccumulator.result(options)}).
   *
   * @param e the events
   * @param options the flagging options
   * @return the table
   */
  public static FunnelTable of(SyntheticEvents e, CrossStatisticsOptions options) {
    FunnelTable t = new FunnelTable();
    LibraryFunnel.singleThreaded(e, sink(t));
    CrossStatisticsAccumulator<ManagerId> acc = LibraryFunnel.accumulator();
    LibraryFunnel.singleThreaded(e, io.clientyield.funnel.internal.FunnelSinks.of(acc));
    statistics(acc.result(options), t);
    return t;
  }

  /**
   * Copies the per-cell statistics of the library's result into {@code table}: groups are the
   * unnamed group indices ({@code "#m"}) the primitive path gives manager {@code m}.
   *
   * @param stats the library's cross statistics
   * @param table the table to fill
   */
  public static void statistics(CrossStatistics stats, FunnelTable table) {
    for (GroupStatistics g : stats.groups()) {
      int m = Integer.parseInt(g.group().substring(1));
      List<StageCell> cells = g.cells();
      for (int s = 0; s < cells.size(); s++) {
        StageCell cell = cells.get(s);
        int c = m * SyntheticEvents.STAGES + s;
        table.passed[c] = cell.passed();
        cell.wilson95().ifPresent(w -> {
          table.wilsonLower[c] = w.lower();
          table.wilsonUpper[c] = w.upper();
        });
        table.method[c] = cell.test().isEmpty() ? FunnelTable.UNTESTED
            : cell.test().get() == ConversionTestMethod.FISHER_EXACT
                ? FunnelTable.FISHER : FunnelTable.NORMAL;
        table.pValue[c] = cell.pValue().orElse(Double.NaN);
        table.qValue[c] = cell.qValue().orElse(Double.NaN);
        table.flagged[c] = cell.flagged();
      }
    }
  }
}
