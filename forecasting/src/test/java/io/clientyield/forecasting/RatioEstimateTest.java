package io.clientyield.forecasting;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ValidationException;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RatioEstimateTest {
  static final double TOL = 1e-12;

  @Test
  void estimateOfThreePeriods() {
    // ratios 0.7, 0.8, 0.75: μ = 2.25 / 3 = 0.75; Σ(r − μ)² = 0.0025 + 0.0025 + 0 = 0.005,
    // σ = √(0.005 / 2) = 0.05; EWMA (α 0.3): 0.7 → 0.3·0.8 + 0.7·0.7 = 0.73 → 0.3·0.75 + 0.7·0.73
    // = 0.736
    RatioEstimate e = PlanningErrors.ratioEstimate(new double[] {0.7, 0.8, 0.75}, 0.3).orElseThrow();
    assertThat(e.periods()).isEqualTo(3);
    assertThat(e.mean()).isCloseTo(0.75, within(TOL));
    assertThat(e.standardDeviation().getAsDouble()).isCloseTo(0.05, within(TOL));
    assertThat(e.ewma()).isCloseTo(0.736, within(TOL));
    assertJsonRoundTrip(e, RatioEstimate.class);
  }

  @Test
  void anInfiniteOrNaNStandardDeviationIsRejected() {
    assertThatThrownBy(() -> new RatioEstimate(
            3, 0.75, OptionalDouble.of(Double.POSITIVE_INFINITY), 0.75, 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("standardDeviation (Infinity) must be finite and >= 0");
    assertThatThrownBy(() -> new RatioEstimate(3, 0.75, OptionalDouble.of(Double.NaN), 0.75, 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("standardDeviation (NaN) must be finite and >= 0");
    assertThatThrownBy(() -> new RatioEstimate(
            3, Double.NaN, OptionalDouble.of(-1), Double.NEGATIVE_INFINITY, 0))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(4));
  }

  @Test
  void ratiosWhoseSpreadOverflowsAreNamed() {
    // 1e308 and −1e308: μ = 0 but Σ(r − μ)² = 2e616 overflows, σ would be ∞
    assertThatThrownBy(() -> PlanningErrors.ratioEstimate(new double[] {1e308, -1e308}, 0.3))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).hasSize(1);
          assertThat(e.violations().get(0).field()).isEqualTo("ratios");
        });
    // 1e308 + 1e308 overflows the sum, μ would be ∞
    assertThatThrownBy(() -> PlanningErrors.ratioEstimate(new double[] {1e308, 1e308}, 0.3))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("ratios"));
    assertThatThrownBy(() -> PlanningErrors.ratioEstimate(new double[] {0.5, Double.NaN}, 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ratios[1] (NaN) must be finite");
  }
}
