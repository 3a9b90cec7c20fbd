package io.clientyield.benchmarks;

import java.util.Arrays;

/**
 * Funnel counts per manager × stage, the common result form both sides of the comparison are
 * reduced to for the equality check: deals that reached each stage (a deal counts once, at its
 * furthest stage, and has reached every stage up to it), their budget, the deals won at their
 * furthest stage and the deals dropped (lost) there per reason. Cells are indexed
 * {@code manager * STAGES + stage}. Mutable while filled; compare with {@link #equals}.
 */
public final class FunnelTable {
  final long[] reached;
  final long[] reachedBudget;
  final long[] won;
  final long[] dropped;
  /** The conversions as the SQL computed them (NaN when null or not from SQL). */
  final double[] sqlConversion;
  final double[] sqlBudgetConversion;

  /** Creates an all-zero table for {@link SyntheticEvents#MANAGERS} × {@link SyntheticEvents#STAGES}. */
  public FunnelTable() {
    int cells = SyntheticEvents.MANAGERS * SyntheticEvents.STAGES;
    reached = new long[cells];
    reachedBudget = new long[cells];
    won = new long[cells];
    dropped = new long[cells * SyntheticEvents.REASONS];
    sqlConversion = new double[cells];
    sqlBudgetConversion = new double[cells];
    java.util.Arrays.fill(sqlConversion, Double.NaN);
    java.util.Arrays.fill(sqlBudgetConversion, Double.NaN);
  }

  /**
   * Stage conversion of a cell: deals that reached the next stage over deals that reached this
   * one; {@code NaN} when undefined (no deals, or the last stage).
   *
   * @param manager the manager index
   * @param stage the stage index
   * @return the conversion in [0, 1] or NaN
   */
  public double conversion(int manager, int stage) {
    int c = manager * SyntheticEvents.STAGES + stage;
    if (stage == SyntheticEvents.STAGES - 1 || reached[c] == 0) {
      return Double.NaN;
    }
    return (double) reached[c + 1] / reached[c];
  }

  /**
   * Budget-weighted stage conversion: budget that reached the next stage over budget that
   * reached this one; {@code NaN} when undefined.
   *
   * @param manager the manager index
   * @param stage the stage index
   * @return the conversion in [0, 1] or NaN
   */
  public double budgetConversion(int manager, int stage) {
    int c = manager * SyntheticEvents.STAGES + stage;
    if (stage == SyntheticEvents.STAGES - 1 || reachedBudget[c] == 0) {
      return Double.NaN;
    }
    return (double) reachedBudget[c + 1] / reachedBudget[c];
  }

  /**
   * Returns the number of deals that reached a stage.
   *
   * @param manager the manager index
   * @param stage the stage index
   * @return the count
   */
  public long reached(int manager, int stage) {
    return reached[manager * SyntheticEvents.STAGES + stage];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FunnelTable t
        && Arrays.equals(reached, t.reached)
        && Arrays.equals(reachedBudget, t.reachedBudget)
        && Arrays.equals(won, t.won)
        && Arrays.equals(dropped, t.dropped);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(reached) * 31 + Arrays.hashCode(dropped);
  }

  /**
   * Returns a short description of the first differing cell against {@code other}, or
   * {@code "equal"}.
   *
   * @param other the table to compare
   * @return the description
   */
  public String firstDifference(FunnelTable other) {
    for (int c = 0; c < reached.length; c++) {
      if (reached[c] != other.reached[c] || reachedBudget[c] != other.reachedBudget[c]
          || won[c] != other.won[c]) {
        return "cell " + c + ": reached " + reached[c] + " vs " + other.reached[c]
            + ", budget " + reachedBudget[c] + " vs " + other.reachedBudget[c]
            + ", won " + won[c] + " vs " + other.won[c];
      }
    }
    for (int c = 0; c < dropped.length; c++) {
      if (dropped[c] != other.dropped[c]) {
        return "dropped cell " + c + ": " + dropped[c] + " vs " + other.dropped[c];
      }
    }
    return "equal";
  }
}
