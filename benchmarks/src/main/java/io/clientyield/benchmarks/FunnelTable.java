package io.clientyield.benchmarks;

import java.util.Arrays;

/**
 * Funnel counts per manager × stage, the common result form both sides of the comparison are
 * reduced to for the equality check: deals that reached each stage (a deal counts once, at its
 * furthest stage, and has reached every stage up to it), their budget, the deals won at their
 * furthest stage and the deals dropped (lost) there per reason; and the cross statistics per
 * cell: passed, the 95 % Wilson interval, the weak-cell test, its p- and q-value and flag. Cells
 * are indexed {@code manager * STAGES + stage}. Mutable while filled; compare the counts with
 * {@link #equals} and the statistics with {@link #firstStatisticsDifference}.
 */
public final class FunnelTable {
  final long[] reached;
  final long[] reachedBudget;
  final long[] won;
  final long[] dropped;
  /** The conversions as the SQL computed them (NaN when null or not from SQL). */
  final double[] sqlConversion;
  final double[] sqlBudgetConversion;
  /** Passed per cell: entered the next stage, or won at this one. */
  final long[] passed;
  /** The 95 % Wilson interval of passed / resolved; NaN when nothing was resolved. */
  final double[] wilsonLower;
  final double[] wilsonUpper;
  /** The weak-cell test used: {@link #UNTESTED}, {@link #FISHER} or {@link #NORMAL}. */
  final byte[] method;
  /** One-sided p-value and Benjamini–Hochberg q-value of the weak-cell test; NaN if untested. */
  final double[] pValue;
  final double[] qValue;
  /** Whether the cell is flagged as significantly below the rest of the team. */
  final boolean[] flagged;

  /** Method code of a cell that was not tested. */
  public static final byte UNTESTED = 0;
  /** Method code of Fisher's exact test. */
  public static final byte FISHER = 1;
  /** Method code of the two-proportion z test. */
  public static final byte NORMAL = 2;
  /** Absolute tolerance on Wilson bounds (both sides use the same double formula). */
  public static final double WILSON_TOLERANCE = 1e-12;
  /**
   * Relative tolerance on p- and q-values: the SQL's normal CDF is the Numerical Recipes erfc
   * approximation (fractional error below 1.2e-7) and its Fisher tail is summed from log-gamma
   * terms, the library uses Hipparchus.
   */
  public static final double P_TOLERANCE = 1e-6;

  /** Creates an all-zero table for {@link SyntheticEvents#MANAGERS} × {@link SyntheticEvents#STAGES}. */
  public FunnelTable() {
    int cells = SyntheticEvents.MANAGERS * SyntheticEvents.STAGES;
    reached = new long[cells];
    reachedBudget = new long[cells];
    won = new long[cells];
    dropped = new long[cells * SyntheticEvents.REASONS];
    sqlConversion = new double[cells];
    sqlBudgetConversion = new double[cells];
    passed = new long[cells];
    wilsonLower = new double[cells];
    wilsonUpper = new double[cells];
    method = new byte[cells];
    pValue = new double[cells];
    qValue = new double[cells];
    flagged = new boolean[cells];
    Arrays.fill(sqlConversion, Double.NaN);
    Arrays.fill(sqlBudgetConversion, Double.NaN);
    Arrays.fill(wilsonLower, Double.NaN);
    Arrays.fill(wilsonUpper, Double.NaN);
    Arrays.fill(pValue, Double.NaN);
    Arrays.fill(qValue, Double.NaN);
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

  /**
   * Returns the number of cells flagged as weak.
   *
   * @return the count
   */
  public int flaggedCells() {
    int n = 0;
    for (boolean f : flagged) {
      n += f ? 1 : 0;
    }
    return n;
  }

  /**
   * Returns the number of cells tested with a method.
   *
   * @param code {@link #FISHER} or {@link #NORMAL}
   * @return the count
   */
  public int testedCells(byte code) {
    int n = 0;
    for (byte b : method) {
      n += b == code ? 1 : 0;
    }
    return n;
  }

  /**
   * Returns a short description of the first cell whose statistics differ from {@code other}
   * beyond {@link #WILSON_TOLERANCE} and {@link #P_TOLERANCE} (passed, method and flag exactly),
   * or {@code "equal"}.
   *
   * @param other the table to compare
   * @return the description
   */
  public String firstStatisticsDifference(FunnelTable other) {
    for (int c = 0; c < reached.length; c++) {
      String where = "cell " + c + " (manager " + c / SyntheticEvents.STAGES + ", stage "
          + c % SyntheticEvents.STAGES + "): ";
      if (passed[c] != other.passed[c]) {
        return where + "passed " + passed[c] + " vs " + other.passed[c];
      }
      if (!close(wilsonLower[c], other.wilsonLower[c], WILSON_TOLERANCE)
          || !close(wilsonUpper[c], other.wilsonUpper[c], WILSON_TOLERANCE)) {
        return where + "wilson [" + wilsonLower[c] + ", " + wilsonUpper[c] + "] vs ["
            + other.wilsonLower[c] + ", " + other.wilsonUpper[c] + "]";
      }
      if (method[c] != other.method[c] || flagged[c] != other.flagged[c]) {
        return where + "method " + method[c] + " vs " + other.method[c] + ", flagged "
            + flagged[c] + " vs " + other.flagged[c];
      }
      double pTol = P_TOLERANCE * Math.max(Math.abs(pValue[c]), Math.abs(other.pValue[c]));
      double qTol = P_TOLERANCE * Math.max(Math.abs(qValue[c]), Math.abs(other.qValue[c]));
      if (!close(pValue[c], other.pValue[c], pTol) || !close(qValue[c], other.qValue[c], qTol)) {
        return where + "p " + pValue[c] + " vs " + other.pValue[c] + ", q " + qValue[c] + " vs "
            + other.qValue[c];
      }
    }
    return "equal";
  }

  private static boolean close(double a, double b, double tolerance) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    return Math.abs(a - b) <= tolerance;
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
