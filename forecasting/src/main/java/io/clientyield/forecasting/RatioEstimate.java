package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
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
@JsonPropertyOrder({"periods", "mean", "standardDeviation", "ewma", "alpha"})
public record RatioEstimate(
    @JsonProperty("periods") long periods,
    @JsonProperty("mean") double mean,
    @JsonProperty("standardDeviation") OptionalDouble standardDeviation,
    @JsonProperty("ewma") double ewma,
    @JsonProperty("alpha") double alpha) {

  /** The default smoothing weight, 0.3. */
  public static final double DEFAULT_ALPHA = 0.3;

  /**
   * Validates: {@code periods >= 1}; mean, EWMA and standard deviation finite (σ {@code >= 0}); α
   * within {@code (0, 1]}; all violations together.
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

}
