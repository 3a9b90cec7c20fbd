package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * The distribution of won revenue of a period: a discrete distribution over amounts (minor units,
 * ascending) with its error statement.
 *
 * <p>Made by {@link PipelineForecaster#onGrid} (exact convolution on a money grid; every outcome
 * is off by at most {@code n × step / 2}, so are mean and quantiles) or {@link
 * PipelineForecaster#monteCarlo} (the empirical distribution of the trials; the mean's standard
 * error is {@code sd / √trials}; by the Dvoretzky–Kiefer–Wolfowitz inequality, with 99 %
 * confidence every CDF value, so every {@link #probabilityOfReaching} answer, is within {@code ε =
 * √(ln(200) / (2 × trials))}, and the reported {@code Pq} lies between the true {@code P(q−ε)}
 * and {@code P(q+ε)}).
 *
 * <p>Quantile definition: {@code Q(q) = min{x : P(X ≤ x) ≥ q}} (the lower inverse CDF; for Monte
 * Carlo the type-1 empirical quantile). {@link #expectedValue()} is the exact weighted pipeline
 * {@code Σ b_i p_i}, computed from the deals in {@code BigDecimal} (not from the approximation,
 * never through {@code double}) and rounded once, half-even, to the minor unit (the funnel's
 * weighted total on the same deals); {@link #expectedMinor()} is the same sum as the nearest
 * double, for comparisons with {@link #distributionMean()}, the mean of the stored distribution.
 *
 * <p>JSON: {@code {"currency":"EUR","method":"GRID","expected":{"amount":"...","currency":"EUR"},
 * "expectedMinor":...,"valuesMinor":[...],"probabilities":[...],"meanErrorBound":...,
 * "cdfErrorBound":...}}; {@code expected} and {@code expectedMinor} must agree within one minor
 * unit, or within one ulp of {@code expectedMinor} beyond 2^53 minor units (where neighboring
 * doubles are more than one unit apart). A read checks what the constructor checks: the bounds
 * and {@code expectedMinor} finite, every probability within {@code [0, 1]} and their sum within
 * {@link #SUM_TOLERANCE} of 1, the values strictly ascending.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency
 * @param method how the distribution was computed
 * @param expectedValue the weighted pipeline {@code Σ b_i p_i}, summed exactly in {@code
 *     BigDecimal} and rounded once, half-even, to the minor unit (JSON {@code expected})
 * @param expectedMinor the same sum in (fractional) minor units: the double nearest to the exact
 *     sum
 * @param valuesMinor the support: amounts in minor units, strictly ascending (an immutable list)
 * @param probabilities the probabilities of the support values (an immutable list)
 * @param meanErrorBound the bound on the mean's error in minor units: {@code n × step / 2} for
 *     the grid (a hard bound); one standard error {@code sd / √trials} for Monte Carlo
 * @param cdfErrorBound the bound on any CDF value's error, in {@code [0, 1]}: 0 for the grid
 *     (exact on the rounded budgets); the 99 % DKW bound {@code √(ln(200) / (2 × trials))} for
 *     Monte Carlo
 */
@JsonPropertyOrder({"currency", "method", "expected", "expectedMinor", "valuesMinor",
    "probabilities", "meanErrorBound", "cdfErrorBound"})
public record RevenueDistribution(
    @JsonProperty("currency") Currency currency,
    @JsonProperty("method") Method method,
    @JsonProperty("expected") Money expectedValue,
    @JsonProperty("expectedMinor") double expectedMinor,
    @JsonProperty("valuesMinor") List<Long> valuesMinor,
    @JsonProperty("probabilities") List<Double> probabilities,
    @JsonProperty("meanErrorBound") double meanErrorBound,
    @JsonProperty("cdfErrorBound") double cdfErrorBound) {

  /**
   * How far the probabilities may sum from 1: {@code 1e-6} (the library's own convolutions and
   * simulations drift by far less; a document whose probabilities sum to 1.5 or 0.5 is rejected).
   */
  public static final double SUM_TOLERANCE = 1e-6;

  /** How the distribution was computed. */
  public enum Method {
    /** Exact convolution over budgets rounded to a money grid. */
    GRID,
    /** Seeded Monte Carlo simulation. */
    MONTE_CARLO
  }

  /**
   * Validates, first the fields (all violations together), then the lists: every field present;
   * {@code expected} in the currency and within one minor unit (or one ulp) of {@code
   * expectedMinor}; {@code expectedMinor} finite; {@code meanErrorBound} finite and {@code >= 0};
   * {@code cdfErrorBound} within {@code [0, 1]}; the lists non-empty and of one length, the values
   * strictly ascending, each probability within {@code [0, 1]}, their sum within {@link
   * #SUM_TOLERANCE} of 1.
   */
  @JsonCreator
  public RevenueDistribution {
    Checks.Collector c = Checks.collector();
    if (currency == null) {
      c.add("currency", null, "must not be null");
    }
    if (method == null) {
      c.add("method", null, "must not be null");
    }
    if (valuesMinor == null || probabilities == null || valuesMinor.isEmpty()
        || valuesMinor.size() != probabilities.size()) {
      c.add("valuesMinor", valuesMinor == null ? null : valuesMinor.size() + " values",
          "must be non-empty and as long as probabilities");
    }
    if (!Double.isFinite(expectedMinor)) {
      c.add("expectedMinor", expectedMinor, "must be finite");
    }
    if (!(meanErrorBound >= 0 && meanErrorBound < Double.POSITIVE_INFINITY)) {
      c.add("meanErrorBound", meanErrorBound, "must be finite and >= 0");
    }
    if (!(cdfErrorBound >= 0 && cdfErrorBound <= 1)) {
      c.add("cdfErrorBound", cdfErrorBound, "must be within [0, 1]");
    }
    if (expectedValue == null) {
      c.add("expected", null, "must not be null");
    } else if (currency != null && !expectedValue.currency().equals(currency)) {
      c.add("expected", expectedValue, "must be in " + currency);
    } else if (Double.isFinite(expectedMinor)
        && new BigDecimal(expectedMinor)
            .subtract(new BigDecimal(expectedValue.amount().unscaledValue()))
            .abs().compareTo(agreement(expectedMinor)) > 0) {
      c.add("expected", expectedValue, "must agree with expectedMinor (" + expectedMinor
          + ") within " + agreement(expectedMinor).toPlainString() + " minor unit(s)");
    }
    c.throwIfAny();
    PrimitiveLists.OfLong v = PrimitiveLists.longs("valuesMinor", valuesMinor);
    PrimitiveLists.OfDouble p = PrimitiveLists.doubles("probabilities", probabilities);
    long[] va = v.array();
    double[] pa = p.array();
    double sum = 0;
    for (int i = 0; i < va.length; i++) {
      if (i > 0 && va[i] <= va[i - 1]) {
        throw ValidationException.of("valuesMinor[" + i + "]", va[i], "must be strictly ascending");
      }
      if (!(pa[i] >= 0 && pa[i] <= 1)) {
        throw ValidationException.of("probabilities[" + i + "]", pa[i], "must be within [0, 1]");
      }
      sum += pa[i];
    }
    if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
      throw ValidationException.of("probabilities", sum,
          "must sum to 1 (within " + SUM_TOLERANCE + ")");
    }
    valuesMinor = v;
    probabilities = p;
  }

  /**
   * How far {@code expected} (the exact sum rounded to the minor unit, off by at most half a unit)
   * and {@code expectedMinor} (the nearest double to the exact sum, off by at most half an ulp)
   * may lie apart: one minor unit, or one ulp of {@code expectedMinor} where that is larger
   * (beyond 2^53 minor units, where doubles are more than one unit apart).
   */
  private static BigDecimal agreement(double expectedMinor) {
    return BigDecimal.valueOf(Math.max(1.0, Math.ulp(expectedMinor)));
  }

  /**
   * Returns the mean of the stored distribution {@code Σ x P(X = x)} in minor units.
   *
   * @return the distribution's mean (grid or sample mean)
   */
  public double distributionMean() {
    long[] values = rawValues();
    double[] p = rawProbabilities();
    double s = 0;
    for (int i = 0; i < values.length; i++) {
      s += values[i] * p[i];
    }
    return s;
  }

  /**
   * Returns the quantile {@code Q(q) = min{x : P(X ≤ x) ≥ q}}.
   *
   * @param q the level in {@code (0, 1)}
   * @return the amount
   * @throws ValidationException if q is outside {@code (0, 1)}
   */
  public Money quantile(double q) {
    if (!(q > 0 && q < 1)) {
      throw ValidationException.of("q", q, "must be within (0, 1)");
    }
    long[] values = rawValues();
    double[] p = rawProbabilities();
    double c = 0;
    for (int i = 0; i < values.length; i++) {
      c += p[i];
      if (c >= q) {
        return Money.ofMinor(values[i], currency);
      }
    }
    return Money.ofMinor(values[values.length - 1], currency);
  }

  /**
   * Returns P10.
   *
   * @return {@code Q(0.10)}
   */
  public Money p10() {
    return quantile(0.10);
  }

  /**
   * Returns P50 (the median).
   *
   * @return {@code Q(0.50)}
   */
  public Money p50() {
    return quantile(0.50);
  }

  /**
   * Returns P90.
   *
   * @return {@code Q(0.90)}
   */
  public Money p90() {
    return quantile(0.90);
  }

  /**
   * Returns the probability of reaching a target, {@code P(X ≥ target)}.
   *
   * @param target the target in this currency
   * @return the probability in {@code [0, 1]}; non-increasing in the target
   * @throws ValidationException if the target is null or in another currency
   */
  public double probabilityOfReaching(Money target) {
    Checks.notNull("target", target);
    if (!target.currency().equals(currency)) {
      throw ValidationException.of("target", target, "must be in " + currency);
    }
    return survivalMinor(target.minorUnits());
  }

  /** {@code P(X ≥ t)} in minor units. */
  double survivalMinor(long t) {
    long[] values = rawValues();
    double[] p = rawProbabilities();
    int i = Arrays.binarySearch(values, t);
    int from = i >= 0 ? i : -i - 1;
    double s = 0;
    for (int j = values.length - 1; j >= from; j--) {
      s += p[j];
    }
    return Math.min(1, Math.max(0, s));
  }

  /** The support's backing array (read only). */
  long[] rawValues() {
    return ((PrimitiveLists.OfLong) valuesMinor).array();
  }

  /** The probabilities' backing array (read only). */
  double[] rawProbabilities() {
    return ((PrimitiveLists.OfDouble) probabilities).array();
  }

  /**
   * Returns a short description (method, expected value and the three quantiles; the full
   * support is in {@link #valuesMinor()}).
   *
   * @return {@code RevenueDistribution[METHOD, expected=…, P10=…, P50=…, P90=…]}
   */
  @Override
  public String toString() {
    return "RevenueDistribution[" + method + ", expected=" + expectedValue + ", P10=" + p10()
        + ", P50=" + p50() + ", P90=" + p90() + "]";
  }
}
