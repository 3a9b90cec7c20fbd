package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A stable estimate of the realization ratio over periods: the number of periods behind it, the
 * mean, the sample standard deviation and the exponentially weighted mean.
 *
 * <p>Over the per-period ratios {@code r_1..r_n} in period order: mean {@code μ = Σ r_t / n};
 * standard deviation {@code σ = √(Σ(r_t − μ)² / (n − 1))} (empty for n &lt; 2); EWMA {@code s_1
 * = r_1, s_t = α r_t + (1 − α) s_{t−1}} with the stated {@code α} (recent periods weigh more).
 *
 * <p>Immutable and thread-safe.
 *
 * @param periods n, {@code >= 1}
 * @param mean μ
 * @param standardDeviation σ, empty when n &lt; 2
 * @param ewma the exponentially weighted mean
 * @param alpha the smoothing weight in {@code (0, 1]}
 */
public record RatioEstimate(
    @JsonProperty("periods") long periods,
    @JsonProperty("mean") double mean,
    @JsonProperty("standardDeviation") OptionalDouble standardDeviation,
    @JsonProperty("ewma") double ewma,
    @JsonProperty("alpha") double alpha) {

  /** The default smoothing weight, 0.3. */
  public static final double DEFAULT_ALPHA = 0.3;

  /**
   * Creates the estimate.
   *
   * @param periods n, {@code >= 1}
   * @param mean μ
   * @param standardDeviation σ, empty when n &lt; 2
   * @param ewma the exponentially weighted mean
   * @param alpha the smoothing weight in {@code (0, 1]}
   * @throws ValidationException on a non-positive period count, a NaN or infinite mean, EWMA or
   *     standard deviation, a negative standard deviation, or α outside {@code (0, 1]}
   */
  @JsonCreator
  public RatioEstimate {
    standardDeviation = standardDeviation == null ? OptionalDouble.empty() : standardDeviation;
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.positive("periods", periods));
    c.check(() -> Checks.finite("mean", mean));
    c.check(() -> Checks.finite("ewma", ewma));
    if (!(alpha > 0 && alpha <= 1)) {
      c.add("alpha", alpha, "must be within (0, 1]");
    }
    OptionalDouble sd = standardDeviation;
    if (sd.isPresent()) {
      c.check(() -> Checks.nonNegative("standardDeviation", sd.getAsDouble()));
    }
    c.throwIfAny();
  }

  /**
   * Estimates from ratios in period order.
   *
   * @param ratios the per-period ratios, finite
   * @param alpha the EWMA weight in {@code (0, 1]}
   * @return the estimate, or empty when there are no ratios
   * @throws ValidationException if a ratio is NaN or infinite ({@code ratios[i]}), α is outside
   *     {@code (0, 1]}, or the ratios are so large that their mean, standard deviation or EWMA
   *     overflows a double ({@code ratios})
   */
  public static Optional<RatioEstimate> of(double[] ratios, double alpha) {
    Checks.notNull("ratios", ratios);
    if (!(alpha > 0 && alpha <= 1)) {
      throw ValidationException.of("alpha", alpha, "must be within (0, 1]");
    }
    int n = ratios.length;
    if (n == 0) {
      return Optional.empty();
    }
    double sum = 0;
    double s = ratios[0];
    for (int i = 0; i < n; i++) {
      Checks.finite("ratios[" + i + "]", ratios[i]);
      sum += ratios[i];
      if (i > 0) {
        s = alpha * ratios[i] + (1 - alpha) * s;
      }
    }
    double mean = sum / n;
    OptionalDouble sd = OptionalDouble.empty();
    if (n >= 2) {
      double ss = 0;
      for (double r : ratios) {
        ss += (r - mean) * (r - mean);
      }
      sd = OptionalDouble.of(Math.sqrt(ss / (n - 1)));
    }
    if (!Double.isFinite(mean) || !Double.isFinite(s)
        || (sd.isPresent() && !Double.isFinite(sd.getAsDouble()))) {
      throw ValidationException.of("ratios", java.util.Arrays.toString(ratios),
          "must be small enough for their mean, standard deviation and EWMA to be finite doubles");
    }
    return Optional.of(new RatioEstimate(n, mean, sd, s, alpha));
  }

  /**
   * Estimates the realization ratio (or a step ratio) from period totals in period order;
   * periods whose {@code from} total is zero are skipped.
   *
   * @param totals the period totals
   * @param from the denominator step (PLAN for the realization ratio)
   * @param to the numerator step (EXECUTED for the realization ratio)
   * @param alpha the EWMA weight
   * @return the estimate, or empty when no period has a defined ratio
   * @throws ValidationException if an argument is null, the list holds null ({@code totals[i]
   *     (null) must not be null}) or α is outside {@code (0, 1]}
   */
  public static Optional<RatioEstimate> of(
      List<PeriodTotals> totals, BudgetStep from, BudgetStep to, double alpha) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.elementsNotNull("totals", totals));
    c.check(() -> Checks.notNull("from", from));
    c.check(() -> Checks.notNull("to", to));
    c.throwIfAny();
    return of(totals.stream()
        .map(t -> t.stepRatio(from, to))
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .toArray(), alpha);
  }
}
