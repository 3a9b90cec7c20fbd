package io.clientyield.funnel.time;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import org.junit.jupiter.api.Test;

class SalesVelocityTest {
  private static final Money WON_30000 = Money.of("30000.00", "EUR");

  /**
   * By hand: 10 open deals × (2 won / 4 closed) × (30 000.00 / 2 won) / (60 working days / 2 won)
   * = 10 × 0.5 × 15 000.00 / 30 = EUR 2 500.00 per working day.
   */
  @Test
  void velocityComputedByHand() {
    SalesVelocity v = TimeInStageAccumulator.salesVelocity(10, Proportion.of(2, 4), WON_30000, 2, 2, 60);
    assertThat(v.averageWonBudget()).contains(Money.of("15000.00", "EUR"));
    assertThat(v.averageWonCycleWorkingDays()).hasValue(30.0);
    assertThat(v.perWorkingDay()).contains(Money.of("2500.00", "EUR"));
  }

  @Test
  void roundsOnceHalfEven() {
    // 1 × (1/3) × 100.00 / 7 = 4.761904... → 4.76
    SalesVelocity v = TimeInStageAccumulator.salesVelocity(1, Proportion.of(1, 3), Money.of("100.00", "EUR"), 1, 1, 7);
    assertThat(v.perWorkingDay()).contains(Money.of("4.76", "EUR"));
  }

  @Test
  void undefinedWithoutWonDealsOrCycleData() {
    assertThat(TimeInStageAccumulator.salesVelocity(5, Proportion.of(0, 4), Money.zero(WON_30000.currency()), 0, 0, 0).perWorkingDay()).isEmpty();
    assertThat(TimeInStageAccumulator.salesVelocity(5, Proportion.of(0, 0), Money.zero(WON_30000.currency()), 0, 0, 0).perWorkingDay()).isEmpty();
    assertThat(TimeInStageAccumulator.salesVelocity(5, Proportion.of(2, 4), WON_30000, 2, 0, 0).perWorkingDay()).isEmpty();
    assertThat(TimeInStageAccumulator.salesVelocity(5, Proportion.of(2, 4), WON_30000, 2, 2, 0).perWorkingDay()).isEmpty();
    assertThat(TimeInStageAccumulator.salesVelocity(0, Proportion.of(2, 4), WON_30000, 2, 2, 60).perWorkingDay())
        .contains(Money.of("0.00", "EUR"));
  }

  @Test
  void rejectsInconsistentCounts() {
    assertThatThrownBy(() -> TimeInStageAccumulator.salesVelocity(-1, Proportion.of(1, 4), WON_30000, 2, 2, 60))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(3))
        .hasMessageContaining("openDeals (-1) must be >= 0")
        .hasMessageContaining("wonDealsWithBudget (2) must be within [0, 1]");
  }

  @Test
  void roundTripsThroughJsonAndRejectsATamperedVelocity() {
    SalesVelocity v = TimeInStageAccumulator.salesVelocity(10, Proportion.of(2, 4), WON_30000, 2, 2, 60);
    String json = assertJsonRoundTrip(v, SalesVelocity.class);
    assertThat(json).contains("\"perWorkingDay\":{\"amount\":\"2500.00\",\"currency\":\"EUR\"}");
    String tampered = json.replace("\"2500.00\"", "\"9999.00\"");
    assertThatThrownBy(() -> ClientyieldJson.read(tampered, SalesVelocity.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("perWorkingDay");
    assertJsonRoundTrip(TimeInStageAccumulator.salesVelocity(0, Proportion.of(0, 0), Money.zero(WON_30000.currency()), 0, 0, 0),
        SalesVelocity.class);
  }
}
