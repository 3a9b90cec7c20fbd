package io.clientyield.forecasting;

import io.clientyield.forecasting.Replenishment.CoverageCheck;
import io.clientyield.forecasting.Replenishment.ProspectsNeeded;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  static PlannedDeal refusedDeal(String client, String budget) {
    return PlannedDeal.plan(ClientId.of(client), CorrectedTargetsTest.SEPTEMBER, ManagerId.of("ann"),
        ManagerId.of("m1"), CorrectedTargetsTest.T0, Money.of(budget, "EUR"));
  }

  @Test
  void lostBudgetBeyondALongIsAValidationExceptionNamingTheDeal() {
    // 2 × EUR 50 000 000 000 000 000 = 10^19 cents > Long.MAX_VALUE (9.22 × 10^18)
    List<PlannedDeal> refused = List.of(
        refusedDeal("c1", "50000000000000000"), refusedDeal("c2", "50000000000000000"));
    assertThatThrownBy(() -> Replenishment.lostBudget(refused, ForecastGenerators.EUR))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).hasSize(1);
          assertThat(e.violations().get(0).field()).isEqualTo("refused[1].budget");
          assertThat(e.violations().get(0).rule()).contains("within a long of minor units");
        });
    // a single budget that a long of cents cannot hold (10^20 EUR)
    assertThatThrownBy(() -> Replenishment.lostBudget(
            List.of(refusedDeal("c1", "1"), refusedDeal("c2", "100000000000000000000")),
            ForecastGenerators.EUR))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.violations().get(0).field()).isEqualTo("refused[1].budget"));
    // just below the limit is fine: 2 × EUR 46 000 000 000 000 000 = 9.2 × 10^18 cents
    assertThat(Replenishment.lostBudget(
            List.of(refusedDeal("c1", "46000000000000000"), refusedDeal("c2", "46000000000000000")),
            ForecastGenerators.EUR))
        .isEqualTo(Money.of("92000000000000000", "EUR"));
  }

  @Test
  void aNullRefusedDealIsNamedByItsIndex() {
    List<PlannedDeal> refused = new ArrayList<>();
    refused.add(refusedDeal("c1", "1"));
    refused.add(null);
    assertThatThrownBy(() -> Replenishment.lostBudget(refused, ForecastGenerators.EUR))
        .isInstanceOf(ValidationException.class)
        .hasMessage("refused[1] (null) must not be null");
  }

  @Test
  void prospectsBeyondALongAreAValidationException() {
    // EUR 10^20 / (EUR 0.01 × 1/1) = 10^22 prospects > Long.MAX_VALUE
    assertThatThrownBy(() -> Replenishment.prospectsNeeded(Money.of("100000000000000000000", "EUR"),
            Money.of("0.01", "EUR"), Proportion.of(1, 1)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations().get(0).field()).isEqualTo("prospects");
          assertThat(e.violations().get(0).rejectedValue()).isEqualTo("10000000000000000000000");
        });
    // EUR 92 233 720 368 547 758.07 / (EUR 0.01 × 1/1) = Long.MAX_VALUE prospects: still fits
    assertThat(Replenishment.prospectsNeeded(Money.ofMinor(Long.MAX_VALUE, ForecastGenerators.EUR),
            Money.of("0.01", "EUR"), Proportion.of(1, 1)).prospects())
        .contains(Long.MAX_VALUE);
  }

  static final Money PIPELINE_120 = Money.of("120", "EUR");
  static final Money TARGET_100 = Money.of("100", "EUR");

  @Test
  void coverageIsNeverInfiniteOrNaN() {
    // r = 1e-310 (subnormal): 1 / r overflows to ∞ → required empty, alert with the reason
    CoverageCheck tiny = Replenishment.coverage(PIPELINE_120, TARGET_100, 1e-310);
    assertThat(tiny.coverage()).isEqualTo(OptionalDouble.of(1.2));
    assertThat(tiny.required()).isEmpty();
    assertThat(tiny.alert()).isTrue();
    assertThat(tiny.reason())
        .contains("the required coverage is undefined (realization ratio 1.0E-310: 1 / r overflows)");
    assertJsonRoundTrip(tiny, CoverageCheck.class);
    // the same through an estimate: μ = 1e-310, σ = 0 → μ − z σ = 1e-310
    RatioEstimate est = new RatioEstimate(2, 1e-310, OptionalDouble.of(0), 1e-310, 0.3);
    CoverageCheck viaEstimate = Replenishment.coverage(PIPELINE_120, TARGET_100, est, 0.9);
    assertThat(viaEstimate.required()).isEmpty();
    assertThat(viaEstimate.alert()).isTrue();
    assertJsonRoundTrip(viaEstimate, CoverageCheck.class);
    // r = 0: 1 / 0 is undefined
    CoverageCheck zeroRatio = Replenishment.coverage(PIPELINE_120, TARGET_100, 0);
    assertThat(zeroRatio.required()).isEmpty();
    assertThat(zeroRatio.reason()).contains("the required coverage is undefined (realization ratio 0)");
    // target 0: 120 / 0 is undefined; required 1 / 0.75 = 1.333…, nothing to alert
    CoverageCheck zeroTarget = Replenishment.coverage(PIPELINE_120, Money.of("0", "EUR"), 0.75);
    assertThat(zeroTarget.coverage()).isEmpty();
    assertThat(zeroTarget.required().getAsDouble()).isCloseTo(4 / 3.0, within(TOL));
    assertThat(zeroTarget.alert()).isFalse();
    assertJsonRoundTrip(zeroTarget, CoverageCheck.class);
    CoverageCheck nothing = Replenishment.coverage(Money.of("0", "EUR"), Money.of("0", "EUR"), 0);
    assertThat(nothing.coverage()).isEmpty();
    assertThat(nothing.required()).isEmpty();
    assertJsonRoundTrip(nothing, CoverageCheck.class);
  }

  @Test
  void negativeAmountsForCoverageAreRejectedTogether() {
    assertThatThrownBy(() -> Replenishment.coverage(
            Money.of("-1", "EUR"), Money.of("-2", "EUR"), Double.NaN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("3 violations: realizationRatio (NaN) must be finite and >= 0; "
            + "weightedPipeline (EUR -1.00) must be >= 0; target (EUR -2.00) must be >= 0");
  }

  @Test
  void nanOrInfiniteResultValuesAreRejected() {
    OptionalDouble nan = OptionalDouble.of(Double.NaN);
    OptionalDouble inf = OptionalDouble.of(Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> new CoverageCheck(nan, inf, true, Optional.of("x")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 violations: coverage (NaN) must be finite and >= 0; "
            + "required (Infinity) must be finite and > 0");
    assertThatThrownBy(() -> new CoverageCheck(
            OptionalDouble.of(1), OptionalDouble.of(0), true, Optional.of("x")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("required (0) must be finite and > 0");
    assertThatThrownBy(() -> new ProspectsNeeded(Optional.of(3L), inf, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("exact (Infinity) must be finite and >= 0");
    assertThatThrownBy(() -> new ProspectsNeeded(Optional.of(-1L), nan, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 violations: prospects (-1) must be >= 0; exact (NaN) must be finite and >= 0");
  }
}
