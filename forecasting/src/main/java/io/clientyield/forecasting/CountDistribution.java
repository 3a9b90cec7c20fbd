package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.List;

/**
 * The exact distribution of the number of won deals (Poisson-binomial): {@code pmf[k] = P(K = k)}
 * for {@code k = 0..n}.
 *
 * <p>Computed by {@link PipelineForecaster#counts} with the dynamic program {@code P_i(k) =
 * P_{i-1}(k)(1 − p_i) + P_{i-1}(k − 1) p_i}, O(n²) time and O(n) memory. Quantile definition
 * (used for P10 / P50 / P90): {@code Q(q) = min{k : P(K ≤ k) ≥ q}}. JSON: {@code {"pmf":[...]}};
 * a read checks what the constructor checks (every value within {@code [0, 1]}, so never NaN or
 * infinite, and the sum within {@link #SUM_TOLERANCE} of 1).
 *
 * <p>Immutable and thread-safe.
 *
 * @param pmf the probabilities {@code P(K = k)}, {@code k = 0..n} (an immutable list)
 */
@JsonPropertyOrder({"pmf"})
public record CountDistribution(@JsonProperty("pmf") List<Double> pmf) {
  /**
   * The largest number of deals {@link PipelineForecaster#counts} accepts: 100 000 (the dynamic
   * programme takes {@code n² / 2} = 5 × 10^9 steps there, some seconds, and 800 KB).
   */
  public static final int MAX_DEALS = 100_000;

  /**
   * How far the probabilities may sum from 1: {@code 1e-9} (the dynamic program over {@link
   * #MAX_DEALS} deals drifts by about {@code 10^5} ulps, {@code 2 × 10^-11}).
   */
  public static final double SUM_TOLERANCE = 1e-9;

  /**
   * Validates and copies: at least one value, at most {@link #MAX_DEALS} + 1, each within {@code
   * [0, 1]} ({@code pmf[i]}), summing to 1 within {@link #SUM_TOLERANCE} ({@code pmf}).
   */
  @JsonCreator
  public CountDistribution {
    Checks.notNull("pmf", pmf);
    Checks.notEmpty("pmf", pmf);
    if (pmf.size() > MAX_DEALS + 1) {
      throw ValidationException.of("pmf", pmf.size() + " values",
          "must have at most " + (MAX_DEALS + 1) + " values (MAX_DEALS + 1)");
    }
    PrimitiveLists.OfDouble own = PrimitiveLists.doubles("pmf", pmf);
    double[] a = own.array();
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      if (!(a[i] >= 0 && a[i] <= 1)) {
        throw ValidationException.of("pmf[" + i + "]", a[i], "must be within [0, 1]");
      }
      sum += a[i];
    }
    if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
      throw ValidationException.of("pmf", sum, "must sum to 1 (within 1e-9)");
    }
    pmf = own;
  }

  private double[] p() {
    return ((PrimitiveLists.OfDouble) pmf).array();
  }

  /**
   * Returns {@code P(K = k)}, 0 outside {@code 0..n}.
   *
   * @param k the count
   * @return the probability
   */
  public double probabilityOf(int k) {
    double[] p = p();
    return k < 0 || k >= p.length ? 0 : p[k];
  }

  /**
   * Returns the number of deals n.
   *
   * @return n
   */
  public int deals() {
    return pmf.size() - 1;
  }

  /**
   * Returns the mean {@code Σ k P(K = k)} (equals {@code Σ p_i} up to floating-point error).
   *
   * @return the expected number of won deals (a fractional count)
   */
  public double mean() {
    double[] p = p();
    double s = 0;
    for (int k = 1; k < p.length; k++) {
      s += k * p[k];
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
    double[] p = p();
    double s = 0;
    for (int j = p.length - 1; j >= k; j--) {
      s += p[j];
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
    double[] p = p();
    double c = 0;
    for (int k = 0; k < p.length; k++) {
      c += p[k];
      if (c >= q) {
        return k;
      }
    }
    return p.length - 1;
  }

  /**
   * Returns a short description (the size and the mean; the full table is in {@link #pmf()}).
   *
   * @return {@code CountDistribution[n=…, mean=…]}
   */
  @Override
  public String toString() {
    return "CountDistribution[n=" + deals() + ", mean=" + mean() + "]";
  }
}
