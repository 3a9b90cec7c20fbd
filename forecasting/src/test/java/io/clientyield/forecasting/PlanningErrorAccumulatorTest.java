package io.clientyield.forecasting;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlanningErrorAccumulatorTest {
  static final double TOL = 1e-12;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static PlannedDeal deal(int month, String planner, String plan, String executed) {
    return PlannedDeal.plan(ClientId.of("c" + month), ReportingPeriod.month(2026, month), ManagerId.of(planner),
            ManagerId.of("m-" + planner), T0, Money.of(plan, "EUR"))
        .execute(T0.plusSeconds(1), Money.of(executed, "EUR"));
  }

  @Test
  void accuracyOverThreePeriods() {
    PlanningErrorReport r = new PlanningErrorAccumulator(ForecastGenerators.EUR)
        .add(deal(1, "ann", "100", "75"))
        .add(deal(2, "ann", "100", "80"))
        .add(deal(3, "bob", "100", "100"))
        .result();
    AccuracyMeasures a = r.overall().accuracy();
    // |A−F|/A: 25/75, 20/80, 0 → mean 0.19444
    assertThat(a.mape().getAsDouble()).isCloseTo((25 / 75.0 + 20 / 80.0) / 3, within(TOL));
    assertThat(a.wape().getAsDouble()).isCloseTo(45 / 255.0, within(TOL));
    assertThat(a.bias().getAsDouble()).isCloseTo(45 / 255.0, within(TOL));
    // Σ(A−F) = −45, MAD = 15 → −3
    assertThat(a.trackingSignal().getAsDouble()).isCloseTo(-3, within(TOL));
    RatioEstimate e = r.overall().realizationEstimate().orElseThrow();
    assertThat(e.periods()).isEqualTo(3);
    assertThat(e.mean()).isCloseTo(0.85, within(TOL));
    assertThat(e.standardDeviation().getAsDouble()).isCloseTo(Math.sqrt(0.035 / 2), within(TOL));
    // EWMA α 0.3: 0.75 → 0.765 → 0.8355
    assertThat(e.ewma()).isCloseTo(0.8355, within(TOL));
    assertThat(r.byPlanner()).containsOnlyKeys(ManagerId.of("ann"), ManagerId.of("bob"));
    assertThat(r.byPlanner().get(ManagerId.of("ann")).periods()).hasSize(2);
    assertThat(r.byManager()).containsOnlyKeys(ManagerId.of("m-ann"), ManagerId.of("m-bob"));
    assertJsonRoundTrip(a, AccuracyMeasures.class);
    assertJsonRoundTrip(r, PlanningErrorReport.class);
  }

  @Test
  void mapeIsEmptyWhenAnActualIsZero() {
    AccuracyMeasures a = new PlanningErrorAccumulator(ForecastGenerators.EUR)
        .add(deal(1, "ann", "100", "0"))
        .add(deal(2, "ann", "100", "80"))
        .result().overall().accuracy();
    assertThat(a.mape()).isEmpty();
    assertThat(a.wape()).isPresent();
    assertJsonRoundTrip(a, AccuracyMeasures.class);
  }

  /** EUR 5 × 10^16 = 5 × 10^18 cents: two of them exceed Long.MAX_VALUE (9.22 × 10^18). */
  static final String HALF_OF_TOO_MUCH = "50000000000000000";

  @Test
  void anOverflowingAddIsRejectedAndLeavesTheAccumulatorUnchanged() {
    PlanningErrorAccumulator acc = new PlanningErrorAccumulator(ForecastGenerators.EUR)
        .add(deal(1, "ann", HALF_OF_TOO_MUCH, "1"));
    PlanningErrorReport before = acc.result();
    // another planner and manager: only the overall total of January overflows
    assertThatThrownBy(() -> acc.add(deal(1, "bob", HALF_OF_TOO_MUCH, "1")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations().get(0).field()).isEqualTo("deal.plan");
          assertThat(e.violations().get(0).rule()).contains("the accumulator is unchanged");
        });
    assertThat(acc.result()).isEqualTo(before);
    // a deal of another month still fits
    assertThat(acc.add(deal(2, "bob", HALF_OF_TOO_MUCH, "1")).result().overall().periods())
        .hasSize(2);
  }

  @Test
  void anOverflowingMergeIsRejectedAndLeavesTheAccumulatorUnchanged() {
    PlanningErrorAccumulator a = new PlanningErrorAccumulator(ForecastGenerators.EUR)
        .add(deal(1, "ann", HALF_OF_TOO_MUCH, "1"));
    PlanningErrorAccumulator b = new PlanningErrorAccumulator(ForecastGenerators.EUR)
        .add(deal(3, "bob", "1", "1"))
        .add(deal(1, "bob", HALF_OF_TOO_MUCH, "1"));
    PlanningErrorReport before = a.result();
    assertThatThrownBy(() -> a.merge(b))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("other.plan"));
    assertThat(a.result()).isEqualTo(before);
  }
}
