package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact distribution of the number of won deals (Poisson-binomial): {@code pmf[k] = P(K = k)}
 * for {@code k = 0..n}.
 *
 * <p>Computed by {@link #of(double[])} with the dynamic programme {@code P_i(k) = P_{i-1}(k)(1 −
 * p_i) + P_{i-1}(k − 1) p_i}, O(n²) time and O(n) memory. Quantile definition (used for P10 / P50
 * / P90): {@code Q(q) = min{k : P(K ≤ k) ≥ q}}. JSON: {@code {"pmf":[...]}}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CountDistribution {
  /**
   * The largest number of deals {@link #of} accepts: 100 000 (the dynamic programme takes {@code
   * n² / 2} = 5 × 10^9 steps there, some seconds).
   */
  public static final int MAX_DEALS = 100_000;

  private final double[] pmf;

  private CountDistribution(double[] pmf) {
    this.pmf = pmf;
  }

  /**
   * Computes the distribution of the number of successes of independent Bernoulli trials.
   *
   * @param winProbabilities each in {@code [0, 1]}; may be empty (then {@code P(K = 0) = 1}); at
   *     most {@link #MAX_DEALS}
   * @return the distribution
   * @throws ValidationException if a probability is outside {@code [0, 1]} or there are more
   *     than {@link #MAX_DEALS}
   */
  public static CountDistribution of(double[] winProbabilities) {
    Checks.notNull("winProbabilities", winProbabilities);
    int n = winProbabilities.length;
    if (n > MAX_DEALS) {
      throw ValidationException.of("winProbabilities", n + " deals",
          "must have at most " + MAX_DEALS + " entries (the exact count distribution is O(n²))");
    }
    for (int i = 0; i < n; i++) {
      double p = winProbabilities[i];
      if (!(p >= 0 && p <= 1)) {
        throw ValidationException.of("winProbabilities[" + i + "]", p, "must be within [0, 1]");
      }
    }
    double[] dp = new double[n + 1];
    dp[0] = 1;
    for (int i = 0; i < n; i++) {
      double p = winProbabilities[i];
      double q = 1 - p;
      for (int k = i + 1; k > 0; k--) {
        dp[k] = dp[k] * q + dp[k - 1] * p;
      }
      dp[0] *= q;
    }
    return new CountDistribution(dp);
  }

  @JsonCreator
  static CountDistribution fromJson(@JsonProperty("pmf") List<Double> pmf) {
    Checks.notNull("pmf", pmf);
    Checks.notEmpty("pmf", pmf);
    double[] a = new double[pmf.size()];
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      Double v = pmf.get(i);
      if (v == null || !(v >= 0 && v <= 1)) {
        throw ValidationException.of("pmf[" + i + "]", v, "must be within [0, 1]");
      }
      a[i] = v;
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw ValidationException.of("pmf", sum, "must sum to 1 (within 1e-9)");
    }
    return new CountDistribution(a);
  }

  /**
   * Returns the probabilities {@code P(K = k)}, {@code k = 0..n}.
   *
   * @return a copy as a list
   */
  @JsonProperty("pmf")
  public List<Double> pmf() {
    List<Double> out = new ArrayList<>(pmf.length);
    for (double v : pmf) {
      out.add(v);
    }
    return out;
  }

  /**
   * Returns {@code P(K = k)}, 0 outside {@code 0..n}.
   *
   * @param k the count
   * @return the probability
   */
  public double probabilityOf(int k) {
    return k < 0 || k >= pmf.length ? 0 : pmf[k];
  }

  /**
   * Returns the number of deals n.
   *
   * @return n
   */
  public int deals() {
    return pmf.length - 1;
  }

  /**
   * Returns the mean {@code Σ k P(K = k)} (equals {@code Σ p_i} up to floating-point error).
   *
   * @return the expected number of won deals (a fractional count)
   */
  public double mean() {
    double s = 0;
    for (int k = 1; k < pmf.length; k++) {
      s += k * pmf[k];
    }
    return s;
  }

  /**
   * Returns {@code P(K ≥ k)}: the probability of winning at least k deals.
   *
   * @param k the target count
   * @return the probability in {@code [0, 1]}; 1 for {@code k ≤ 0}
   */
  public double probabilityAtLeast(int k) {
    if (k <= 0) {
      return 1;
    }
    double s = 0;
    for (int j = pmf.length - 1; j >= k; j--) {
      s += pmf[j];
    }
    return Math.min(1, s);
  }

  /**
   * Returns the quantile {@code Q(q) = min{k : P(K ≤ k) ≥ q}}.
   *
   * @param q the level in {@code (0, 1)}
   * @return the count
   * @throws ValidationException if q is outside {@code (0, 1)}
   */
  public int quantile(double q) {
    if (!(q > 0 && q < 1)) {
      throw ValidationException.of("q", q, "must be within (0, 1)");
    }
    double c = 0;
    for (int k = 0; k < pmf.length; k++) {
      c += pmf[k];
      if (c >= q) {
        return k;
      }
    }
    return pmf.length - 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountDistribution d && Arrays.equals(pmf, d.pmf);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pmf);
  }

  @Override
  public String toString() {
    return "CountDistribution[n=" + deals() + ", mean=" + mean() + "]";
  }
}
