package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.OptionalDouble;

/**
 * Forecast accuracy over periods, the forecast F_t being one step's total (usually the plan)
 * and the actual A_t a later step's total (usually executed).
 *
 * <ul>
 *   <li>MAPE = {@code mean_t |A_t − F_t| / |A_t|}; empty when any A_t is zero (undefined).
 *   <li>WAPE = {@code Σ|A_t − F_t| / Σ|A_t|}; empty when {@code Σ|A_t| = 0}.
 *   <li>bias = {@code (ΣF_t − ΣA_t) / ΣA_t}: positive means over-planning (0.333 for plan 100,
 *       executed 75); empty when {@code ΣA_t = 0}.
 *   <li>tracking signal = {@code Σ(A_t − F_t) / MAD}, {@code MAD = mean_t |A_t − F_t|}, in MADs
 *       (|TS| above about 4 signals a systematic error); empty when MAD is zero.
 * </ul>
 *
 * <p>Never NaN or infinite: an undefined measure is empty. Immutable and thread-safe.
 *
 * @param periods the number of periods behind the measures
 * @param mape mean absolute percentage error (0.333 = 33.3 %)
 * @param wape weighted absolute percentage error
 * @param bias relative bias
 * @param trackingSignal the tracking signal
 */
@JsonPropertyOrder({"periods", "mape", "wape", "bias", "trackingSignal"})
public record AccuracyMeasures(
    @JsonProperty("periods") long periods,
    @JsonProperty("mape") OptionalDouble mape,
    @JsonProperty("wape") OptionalDouble wape,
    @JsonProperty("bias") OptionalDouble bias,
    @JsonProperty("trackingSignal") OptionalDouble trackingSignal) {

  /**
   * Normalizes absent values to empty and validates: {@code periods >= 0}; MAPE and WAPE finite and
   * {@code >= 0}; bias and tracking signal finite; all violations together.
   */
  @JsonCreator
  public AccuracyMeasures {
    mape = mape == null ? OptionalDouble.empty() : mape;
    wape = wape == null ? OptionalDouble.empty() : wape;
    bias = bias == null ? OptionalDouble.empty() : bias;
    trackingSignal = trackingSignal == null ? OptionalDouble.empty() : trackingSignal;
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("periods", periods));
    OptionalDouble m = mape;
    OptionalDouble w = wape;
    OptionalDouble b = bias;
    OptionalDouble t = trackingSignal;
    if (m.isPresent()) {
      c.check(() -> Checks.nonNegative("mape", m.getAsDouble()));
    }
    if (w.isPresent()) {
      c.check(() -> Checks.nonNegative("wape", w.getAsDouble()));
    }
    if (b.isPresent()) {
      c.check(() -> Checks.finite("bias", b.getAsDouble()));
    }
    if (t.isPresent()) {
      c.check(() -> Checks.finite("trackingSignal", t.getAsDouble()));
    }
    c.throwIfAny();
  }

}
