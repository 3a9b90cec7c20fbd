package io.clientyield.forecasting;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AccuracyMeasuresTest {
  static final double TOL = 1e-12;

  static PeriodTotals totals(int month, String plan, String executed) {
    Money p = Money.of(plan, "EUR");
    return new PeriodTotals(ReportingPeriod.month(2026, month), 1, p, p, p, Money.of(executed, "EUR"));
  }

  @Test
  void measuresOfTwoPeriods() {
    // F = 100, 50; A = 75, 50: |A − F| = 25, 0; MAPE = (25/75 + 0) / 2 = 1/6; WAPE = 25 / 125
    // = 0.2; bias = (150 − 125) / 125 = 0.2; MAD = 12.5, TS = (−25 + 0) / 12.5 = −2
    AccuracyMeasures m = PlanningErrors.accuracy(
        List.of(totals(9, "100", "75"), totals(10, "50", "50")), BudgetStep.PLAN, BudgetStep.EXECUTED);
    assertThat(m.periods()).isEqualTo(2);
    assertThat(m.mape().getAsDouble()).isCloseTo(1 / 6.0, within(TOL));
    assertThat(m.wape().getAsDouble()).isCloseTo(0.2, within(TOL));
    assertThat(m.bias().getAsDouble()).isCloseTo(0.2, within(TOL));
    assertThat(m.trackingSignal().getAsDouble()).isCloseTo(-2, within(TOL));
    assertJsonRoundTrip(m, AccuracyMeasures.class);
  }

  @Test
  void nanOrInfiniteMeasuresAreRejected() {
    OptionalDouble nan = OptionalDouble.of(Double.NaN);
    OptionalDouble inf = OptionalDouble.of(Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> new AccuracyMeasures(2, nan, inf, nan, inf))
        .isInstanceOf(ValidationException.class)
        .hasMessage("4 violations: mape (NaN) must be finite and >= 0; "
            + "wape (Infinity) must be finite and >= 0; bias (NaN) must be finite; "
            + "trackingSignal (Infinity) must be finite");
    assertThatThrownBy(() -> new AccuracyMeasures(
            1, OptionalDouble.of(-0.1), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("mape (-0.1) must be finite and >= 0");
  }
}
