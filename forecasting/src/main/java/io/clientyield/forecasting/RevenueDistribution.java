package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * never through {@code double}) and rounded once, half-even, to the minor unit ({@link
 * OpenPipeline#weightedPipeline()}); {@link #expectedMinor()} is the same sum as the nearest
 * double, for comparisons with {@link #distributionMean()}, the mean of the stored distribution.
 *
 * <p>JSON: {@code {"currency":"EUR","method":"GRID","expected":{"amount":"...","currency":"EUR"},
 * "expectedMinor":...,"valuesMinor":[...],"probabilities":[...],"meanErrorBound":...,
 * "cdfErrorBound":...}}; {@code expected} and {@code expectedMinor} must agree within one minor
 * unit, or within one ulp of {@code expectedMinor} beyond 2^53 minor units (where neighbouring
 * doubles are more than one unit apart).
 *
 * <p>Immutable and thread-safe.
 */
public final class RevenueDistribution {

  /** How the distribution was computed. */
  public enum Method {
    /** Exact convolution over budgets rounded to a money grid. */
    GRID,
    /** Seeded Monte Carlo simulation. */
    MONTE_CARLO
  }

  private final Currency currency;
  private final Method method;
  private final Money expected;
  private final double expectedMinor;
  private final long[] values;
  private final double[] probabilities;
  private final double meanErrorBound;
  private final double cdfErrorBound;

  RevenueDistribution(
      Currency currency,
      Method method,
      Money expected,
      double expectedMinor,
      long[] values,
      double[] probabilities,
      double meanErrorBound,
      double cdfErrorBound) {
    this.currency = currency;
    this.method = method;
    this.expected = expected;
    this.expectedMinor = expectedMinor;
    this.values = values;
    this.probabilities = probabilities;
    this.meanErrorBound = meanErrorBound;
    this.cdfErrorBound = cdfErrorBound;
  }

  @JsonCreator
  static RevenueDistribution fromJson(
      @JsonProperty("currency") Currency currency,
      @JsonProperty("method") Method method,
      @JsonProperty("expected") Money expected,
      @JsonProperty("expectedMinor") double expectedMinor,
      @JsonProperty("valuesMinor") List<Long> values,
      @JsonProperty("probabilities") List<Double> probabilities,
      @JsonProperty("meanErrorBound") double meanErrorBound,
      @JsonProperty("cdfErrorBound") double cdfErrorBound) {
    Checks.Collector c = Checks.collector();
    if (currency == null) {
      c.add("currency", null, "must not be null");
    }
    if (method == null) {
      c.add("method", null, "must not be null");
    }
    if (values == null || probabilities == null || values.isEmpty()
        || values.size() != probabilities.size()) {
      c.add("valuesMinor", values, "must be non-empty and as long as probabilities");
    }
    if (!(meanErrorBound >= 0) || !(cdfErrorBound >= 0) || !Double.isFinite(expectedMinor)) {
      c.add("meanErrorBound", meanErrorBound, "bounds must be >= 0 and expectedMinor finite");
    }
    if (expected == null) {
      c.add("expected", null, "must not be null");
    } else if (currency != null && !expected.currency().equals(currency)) {
      c.add("expected", expected, "must be in " + currency);
    } else if (Double.isFinite(expectedMinor)
        && new BigDecimal(expectedMinor).subtract(new BigDecimal(expected.amount().unscaledValue()))
            .abs().compareTo(agreement(expectedMinor)) > 0) {
      c.add("expected", expected, "must agree with expectedMinor (" + expectedMinor
          + ") within " + agreement(expectedMinor).toPlainString() + " minor unit(s)");
    }
    c.throwIfAny();
    long[] v = new long[values.size()];
    double[] p = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      Long x = values.get(i);
      Double y = probabilities.get(i);
      if (x == null || (i > 0 && x <= v[i - 1])) {
        throw ValidationException.of("valuesMinor[" + i + "]", x, "must be strictly ascending");
      }
      if (y == null || !(y >= 0 && y <= 1)) {
        throw ValidationException.of("probabilities[" + i + "]", y, "must be within [0, 1]");
      }
      v[i] = x;
      p[i] = y;
    }
    return new RevenueDistribution(currency, method, expected, expectedMinor, v, p,
        meanErrorBound, cdfErrorBound);
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
   * Returns the currency.
   *
   * @return the currency
   */
  @JsonProperty("currency")
  public Currency currency() {
    return currency;
  }

  /**
   * Returns how the distribution was computed.
   *
   * @return the method
   */
  @JsonProperty("method")
  public Method method() {
    return method;
  }

  /**
   * Returns the exact weighted pipeline rounded half-even to the minor unit (see {@link
   * #expectedValue()}).
   *
   * @return the expected won revenue
   */
  @JsonProperty("expected")
  Money expectedJson() {
    return expected;
  }

  /**
   * Returns the weighted pipeline {@code Σ b_i p_i} in (fractional) minor units: the double
   * nearest to the exact sum.
   *
   * @return the expected won revenue in minor units
   */
  @JsonProperty("expectedMinor")
  public double expectedMinor() {
    return expectedMinor;
  }

  /**
   * Returns the support (amounts in minor units, strictly ascending).
   *
   * @return a copy
   */
  @JsonProperty("valuesMinor")
  public List<Long> valuesMinor() {
    List<Long> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(v);
    }
    return out;
  }

  /**
   * Returns the probabilities of the support values.
   *
   * @return a copy
   */
  @JsonProperty("probabilities")
  public List<Double> probabilities() {
    List<Double> out = new ArrayList<>(probabilities.length);
    for (double v : probabilities) {
      out.add(v);
    }
    return out;
  }

  /**
   * Returns the bound on the mean's error in minor units: {@code n × step / 2} for the grid (a
   * hard bound); one standard error {@code sd / √trials} for Monte Carlo.
   *
   * @return the bound, {@code >= 0}
   */
  @JsonProperty("meanErrorBound")
  public double meanErrorBound() {
    return meanErrorBound;
  }

  /**
   * Returns the bound on any CDF value's error: 0 for the grid (exact on the rounded budgets);
   * the 99 % DKW bound {@code √(ln(200) / (2 × trials))} for Monte Carlo.
   *
   * @return the bound in {@code [0, 1]}
   */
  @JsonProperty("cdfErrorBound")
  public double cdfErrorBound() {
    return cdfErrorBound;
  }

  /**
   * Returns the weighted pipeline {@code Σ b_i p_i}, summed exactly in {@code BigDecimal} and
   * rounded once, half-even, to the minor unit.
   *
   * @return the expected won revenue
   */
  @JsonIgnore
  public Money expectedValue() {
    return expected;
  }

  /**
   * Returns the mean of the stored distribution {@code Σ x P(X = x)} in minor units.
   *
   * @return the distribution's mean (grid or sample mean)
   */
  @JsonIgnore
  public double distributionMean() {
    double s = 0;
    for (int i = 0; i < values.length; i++) {
      s += values[i] * probabilities[i];
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
    double c = 0;
    for (int i = 0; i < values.length; i++) {
      c += probabilities[i];
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
  @JsonIgnore
  public Money p10() {
    return quantile(0.10);
  }

  /**
   * Returns P50 (the median).
   *
   * @return {@code Q(0.50)}
   */
  @JsonIgnore
  public Money p50() {
    return quantile(0.50);
  }

  /**
   * Returns P90.
   *
   * @return {@code Q(0.90)}
   */
  @JsonIgnore
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
    int i = Arrays.binarySearch(values, t);
    int from = i >= 0 ? i : -i - 1;
    double s = 0;
    for (int j = values.length - 1; j >= from; j--) {
      s += probabilities[j];
    }
    return Math.min(1, Math.max(0, s));
  }

  long[] rawValues() {
    return values;
  }

  double[] rawProbabilities() {
    return probabilities;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevenueDistribution d
        && currency.equals(d.currency)
        && method == d.method
        && expected.equals(d.expected)
        && Double.compare(expectedMinor, d.expectedMinor) == 0
        && Arrays.equals(values, d.values)
        && Arrays.equals(probabilities, d.probabilities)
        && Double.compare(meanErrorBound, d.meanErrorBound) == 0
        && Double.compare(cdfErrorBound, d.cdfErrorBound) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "RevenueDistribution[" + method + ", expected=" + expectedValue() + ", P10=" + p10()
        + ", P50=" + p50() + ", P90=" + p90() + "]";
  }
}
