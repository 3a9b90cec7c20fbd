package io.clientyield.funnel.internal;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.Comparator;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;

/**
 * One-sided tests of "this cell converts lower than the rest": a cell with {@code x1} passed of
 * {@code n1} entered against the pooled rest of the team with {@code x2} of {@code n2}, and the
 * Benjamini–Hochberg adjustment across many such tests.
 *
 * <p>The 2×2 table is {@code [[x1, n1−x1], [x2, n2−x2]]}; its expected counts under equal
 * conversion are {@code row total × column total / N}. When any expected count is below 5 the
 * {@linkplain #fisherPValue Fisher exact test} is used (the hypergeometric lower tail
 * {@code P(X <= x1)} with population {@code N = n1+n2}, {@code x1+x2} successes and sample
 * {@code n1}), otherwise the {@linkplain #normalPValue two-proportion z test} with pooled
 * variance: {@code z = (x1/n1 − x2/n2) / √(p(1−p)(1/n1 + 1/n2))}, {@code p = (x1+x2)/N},
 * p-value {@code Φ(z)}. Fisher needs {@code N} to fit in an {@code int}; larger tables use the z
 * test (at that size it is accurate). Distributions from Hipparchus. Stateless and thread-safe.
 */
public final class ConversionTests {
  /** The expected count below which the exact test is used. */
  public static final double MIN_EXPECTED_FOR_NORMAL = 5;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private ConversionTests() {}

  /**
   * Chooses the test for a table: Fisher when any expected count is below
   * {@link #MIN_EXPECTED_FOR_NORMAL} (and the table fits an {@code int}), else the z test.
   *
   * @param x1 passed in the cell
   * @param n1 entered in the cell, {@code > 0}
   * @param x2 passed in the rest
   * @param n2 entered in the rest, {@code > 0}
   * @return the method
   * @throws ValidationException if the counts are inconsistent
   */
  public static ConversionTestMethod methodFor(long x1, long n1, long x2, long n2) {
    check(x1, n1, x2, n2);
    double total = (double) n1 + n2;
    double k = (double) x1 + x2;
    double minRow = Math.min(n1, n2);
    double minCol = Math.min(k, total - k);
    boolean small = minRow * minCol / total < MIN_EXPECTED_FOR_NORMAL;
    return small && n1 + n2 <= Integer.MAX_VALUE ? ConversionTestMethod.FISHER_EXACT : ConversionTestMethod.NORMAL_Z;
  }

  /**
   * Returns the one-sided p-value of "the cell converts lower than the rest" with the method
   * {@link #methodFor} chooses.
   *
   * @param x1 passed in the cell
   * @param n1 entered in the cell, {@code > 0}
   * @param x2 passed in the rest
   * @param n2 entered in the rest, {@code > 0}
   * @return the p-value in {@code [0, 1]}
   */
  public static double pValue(long x1, long n1, long x2, long n2) {
    return methodFor(x1, n1, x2, n2) == ConversionTestMethod.FISHER_EXACT
        ? fisherPValue(x1, n1, x2, n2) : normalPValue(x1, n1, x2, n2);
  }

  /**
   * Returns Fisher's exact one-sided p-value {@code P(X <= x1)}, X hypergeometric with
   * population {@code n1+n2}, {@code x1+x2} successes and sample size {@code n1}.
   *
   * <p>Example: 0 of 10 against 10 of 10 gives {@code 1 / C(20,10)} ≈ 5.4e-6.
   *
   * @param x1 passed in the cell
   * @param n1 entered in the cell, {@code > 0}
   * @param x2 passed in the rest
   * @param n2 entered in the rest, {@code > 0}
   * @return the p-value in {@code [0, 1]}
   * @throws ValidationException if the counts are inconsistent or {@code n1+n2} exceeds an int
   */
  public static double fisherPValue(long x1, long n1, long x2, long n2) {
    check(x1, n1, x2, n2);
    if (n1 + n2 > Integer.MAX_VALUE) {
      throw ValidationException.of("n1 + n2", n1 + n2, "must be <= " + Integer.MAX_VALUE + " for the exact test");
    }
    HypergeometricDistribution h =
        new HypergeometricDistribution((int) (n1 + n2), (int) (x1 + x2), (int) n1);
    return clamp(h.cumulativeProbability((int) x1));
  }

  /**
   * Returns the two-proportion z statistic with pooled variance,
   * {@code z = (x1/n1 − x2/n2) / √(p(1−p)(1/n1 + 1/n2))}, {@code p = (x1+x2)/(n1+n2)}: negative
   * when the cell converts lower than the rest. Empty when the pooled conversion is 0 or 1 (the
   * standard error is 0).
   *
   * <p>Example: 30 of 100 against 50 of 100: z = −2.887.
   *
   * @param x1 passed in the cell
   * @param n1 entered in the cell, {@code > 0}
   * @param x2 passed in the rest
   * @param n2 entered in the rest, {@code > 0}
   * @return the z statistic, or empty if undefined
   */
  public static OptionalDouble zStatistic(long x1, long n1, long x2, long n2) {
    check(x1, n1, x2, n2);
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double p = ((double) x1 + x2) / ((double) n1 + n2);
    double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    if (!(se > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((p1 - p2) / se);
  }

  /**
   * Returns the one-sided p-value {@code Φ(z)} of the two-proportion z test (pooled variance);
   * 1 when the pooled conversion is 0 or 1 (no evidence either way).
   *
   * <p>Example: 30 of 100 against 50 of 100: z = −2.887, p ≈ 0.0019.
   *
   * @param x1 passed in the cell
   * @param n1 entered in the cell, {@code > 0}
   * @param x2 passed in the rest
   * @param n2 entered in the rest, {@code > 0}
   * @return the p-value in {@code [0, 1]}
   */
  public static double normalPValue(long x1, long n1, long x2, long n2) {
    OptionalDouble z = zStatistic(x1, n1, x2, n2);
    if (z.isEmpty()) {
      return 1.0;
    }
    return clamp(STANDARD_NORMAL.cumulativeProbability(z.getAsDouble()));
  }

  /**
   * Adjusts p-values for the false-discovery rate (Benjamini–Hochberg): with the p-values sorted
   * ascending, {@code q(i) = min over j >= i of p(j) · m / j}, capped at 1; returned in the input
   * order. A test is a discovery at FDR {@code α} when {@code q <= α}.
   *
   * <p>Example: {0.01, 0.04, 0.03} gives {0.03, 0.04, 0.04}.
   *
   * @param pValues the p-values, each in {@code [0, 1]} (may be empty)
   * @return the q-values, same order and length
   * @throws ValidationException if a p-value is outside {@code [0, 1]}
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    Checks.notNull("pValues", pValues);
    int m = pValues.length;
    for (int i = 0; i < m; i++) {
      Checks.inRange("pValues[" + i + "]", pValues[i], 0, 1);
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i));
    double[] q = new double[m];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      q[i] = Math.min(1.0, running);
    }
    return q;
  }

  private static double clamp(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }

  private static void check(long x1, long n1, long x2, long n2) {
    Checks.Collector c = Checks.collector();
    if (n1 <= 0) {
      c.add("n1", n1, "must be > 0");
    }
    if (n2 <= 0) {
      c.add("n2", n2, "must be > 0");
    }
    if (x1 < 0 || x1 > n1) {
      c.add("x1", x1, "must be within [0, n1 (" + n1 + ")]");
    }
    if (x2 < 0 || x2 > n2) {
      c.add("x2", x2, "must be within [0, n2 (" + n2 + ")]");
    }
    c.throwIfAny();
  }
}
