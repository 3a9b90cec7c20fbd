package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.List;
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
public record AccuracyMeasures(
    @JsonProperty("periods") long periods,
    @JsonProperty("mape") OptionalDouble mape,
    @JsonProperty("wape") OptionalDouble wape,
    @JsonProperty("bias") OptionalDouble bias,
    @JsonProperty("trackingSignal") OptionalDouble trackingSignal) {

  /**
   * Creates the measures (absent values become empty).
   *
   * @param periods the number of periods behind the measures
   * @param mape mean absolute percentage error (0.333 = 33.3 %)
   * @param wape weighted absolute percentage error
   * @param bias relative bias
   * @param trackingSignal the tracking signal
   * @throws ValidationException (all violations together) if periods is negative, MAPE or WAPE
   *     is present and NaN, infinite or negative, or bias or the tracking signal is present and
   *     NaN or infinite
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

  /**
   * Computes the measures over period totals.
   *
   * @param totals one entry per period
   * @param forecast the step taken as forecast
   * @param actual the step taken as actual
   * @return the measures (all empty for no periods)
   * @throws ValidationException if an argument is null or the list holds null ({@code
   *     totals[i] (null) must not be null}); all violations together
   */
  public static AccuracyMeasures of(List<PeriodTotals> totals, BudgetStep forecast, BudgetStep actual) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.elementsNotNull("totals", totals));
    c.check(() -> Checks.notNull("forecast", forecast));
    c.check(() -> Checks.notNull("actual", actual));
    c.throwIfAny();
    int n = totals.size();
    double sumApe = 0;
    boolean mapeDefined = n > 0;
    double sumAbsErr = 0;
    double sumAbsA = 0;
    double sumA = 0;
    double sumF = 0;
    double sumErr = 0;
    for (PeriodTotals t : totals) {
      double a = t.value(actual).minorUnits();
      double f = t.value(forecast).minorUnits();
      double e = Math.abs(a - f);
      if (a == 0) {
        mapeDefined = false;
      } else {
        sumApe += e / Math.abs(a);
      }
      sumAbsErr += e;
      sumAbsA += Math.abs(a);
      sumA += a;
      sumF += f;
      sumErr += a - f;
    }
    OptionalDouble mape = mapeDefined ? OptionalDouble.of(sumApe / n) : OptionalDouble.empty();
    OptionalDouble wape = sumAbsA > 0 ? OptionalDouble.of(sumAbsErr / sumAbsA) : OptionalDouble.empty();
    OptionalDouble bias = sumA != 0 ? OptionalDouble.of((sumF - sumA) / sumA) : OptionalDouble.empty();
    double mad = n > 0 ? sumAbsErr / n : 0;
    OptionalDouble ts = mad > 0 ? OptionalDouble.of(sumErr / mad) : OptionalDouble.empty();
    return new AccuracyMeasures(n, mape, wape, bias, ts);
  }
}
