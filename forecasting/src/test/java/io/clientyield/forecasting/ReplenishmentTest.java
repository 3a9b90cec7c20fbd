package io.clientyield.forecasting;

import static io.clientyield.core.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReplenishmentTest {
  static final double TOL = 1e-12;

  @Test
  void lostBudgetIsTheLatestValueOfRefusedDeals() {
    PlannedDeal refused = CorrectedTargetsTest.SEPTEMBER_DEAL;
    assertThat(Replenishment.lostBudget(List.of(refused), ForecastGenerators.EUR))
        .isEqualTo(Money.of("75000000", "EUR"));
  }

  @Test
  void prospectsNeededRoundUp() {
    ProspectsNeeded n = Replenishment.prospectsNeeded(
        Money.of("25000000", "EUR"), Money.of("5000000", "EUR"), Proportion.of(20, 100));
    assertThat(n.prospects()).contains(25L);
    ProspectsNeeded m = Replenishment.prospectsNeeded(
        Money.of("25000001", "EUR"), Money.of("5000000", "EUR"), Proportion.of(20, 100));
    assertThat(m.prospects()).contains(26L);
    assertThat(m.exact().getAsDouble()).isCloseTo(25.000001, within(1e-9));
    assertJsonRoundTrip(m, ProspectsNeeded.class);
    ProspectsNeeded none = Replenishment.prospectsNeeded(
        Money.of("1", "EUR"), Money.of("5", "EUR"), Proportion.of(0, 10));
    assertThat(none.prospects()).isEmpty();
    assertThat(none.reason()).isPresent();
    assertJsonRoundTrip(none, ProspectsNeeded.class);
  }

  @Test
  void coverageAlertBelowRequired() {
    CoverageCheck c = Replenishment.coverage(Money.of("120", "EUR"), Money.of("100", "EUR"), 0.75);
    assertThat(c.coverage().getAsDouble()).isCloseTo(1.2, within(TOL));
    assertThat(c.required().getAsDouble()).isCloseTo(4 / 3.0, within(TOL));
    assertThat(c.alert()).isTrue();
    assertJsonRoundTrip(c, CoverageCheck.class);
    CoverageCheck ok = Replenishment.coverage(Money.of("140", "EUR"), Money.of("100", "EUR"), 0.75);
    assertThat(ok.alert()).isFalse();
    RatioEstimate est = new RatioEstimate(6, 0.75, OptionalDouble.of(0.05), 0.75, 0.3);
    CoverageCheck conf = Replenishment.coverage(Money.of("140", "EUR"), Money.of("100", "EUR"), est, 0.9);
    assertThat(conf.required().getAsDouble()).isCloseTo(1 / 0.6859224, within(1e-5));
    assertThat(conf.alert()).isTrue();
    assertJsonRoundTrip(conf, CoverageCheck.class);
  }
}
