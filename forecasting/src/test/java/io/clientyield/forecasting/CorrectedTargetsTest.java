package io.clientyield.forecasting;

import static io.clientyield.core.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** DOMAIN 5.2: plan 100 M, refined 80 M, executed 75 M. */
class CorrectedTargetsTest {
  static final double EXACT = 1e-12;
  static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
  static final Period SEPTEMBER = Period.month(2026, 9);
  static final PlannedDeal SEPTEMBER_DEAL =
      PlannedDeal.plan(ClientId.of("c1"), SEPTEMBER, "ann", ManagerId.of("m1"), T0,
              Money.of("100000000", "EUR"))
          .refine(T0.plusSeconds(60), Money.of("80000000", "EUR"))
          .execute(T0.plusSeconds(120), Money.of("75000000", "EUR"));

  @Test
  void domainExampleRatioErrorAndCorrectedPlan() {
    PlanningErrorReport report =
        new PlanningErrorAccumulator(ForecastGenerators.EUR).add(SEPTEMBER_DEAL).result();
    PeriodTotals sep = report.overall().periods().get(0);
    assertThat(sep.plan()).isEqualTo(Money.of("100000000", "EUR"));
    assertThat(sep.refined()).isEqualTo(Money.of("80000000", "EUR"));
    assertThat(sep.executed()).isEqualTo(Money.of("75000000", "EUR"));
    assertThat(sep.realizationRatio().getAsDouble()).isCloseTo(0.75, within(EXACT));
    assertThat(sep.errorShare().getAsDouble()).isCloseTo(0.25, within(EXACT));
    assertThat(sep.stepRatio(BudgetStep.PLAN, BudgetStep.REFINED).getAsDouble())
        .isCloseTo(0.80, within(EXACT));
    assertThat(sep.stepRatio(BudgetStep.REFINED, BudgetStep.EXECUTED).getAsDouble())
        .isCloseTo(0.9375, within(EXACT));

    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100000000", "EUR"), 0.75);
    assertThat(plan.plan()).contains(Money.of("133333333.33", "EUR"));
    // the additive answer falls short: 125 M realized at 0.75 is 93.75 M
    BigDecimal additive = new BigDecimal("125");
    assertThat(additive.multiply(new BigDecimal("0.75"))).isEqualByComparingTo("93.75");
    assertThat(new BigDecimal("133.33").multiply(new BigDecimal("0.75")))
        .isEqualByComparingTo("99.9975");
    assertJsonRoundTrip(plan, CorrectedPlan.class);
    assertJsonRoundTrip(report, PlanningErrorReport.class);
  }

  @Test
  void confidencePlanUsesTheLowerRatio() {
    RatioEstimate est = new RatioEstimate(6, 0.75, OptionalDouble.of(0.05), 0.75, 0.3);
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), est, 0.90);
    // z_0.90 = 1.2815516; 0.75 − 0.0640776 = 0.6859224; 100 / 0.6859224 = 145.79
    assertThat(plan.effectiveRatio().getAsDouble()).isCloseTo(0.6859224, within(1e-6));
    assertThat(plan.plan()).contains(Money.of("145.79", "EUR"));
    assertJsonRoundTrip(est, RatioEstimate.class);
  }

  @Test
  void confidencePlanIsEmptyWhenTheLowerRatioIsNotPositive() {
    RatioEstimate est = new RatioEstimate(3, 0.5, OptionalDouble.of(0.5), 0.5, 0.3);
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), est, 0.95);
    assertThat(plan.plan()).isEmpty();
    assertThat(plan.reason()).get().asString().contains("<= 0");
    assertJsonRoundTrip(plan, CorrectedPlan.class);
    RatioEstimate single = RatioEstimate.of(new double[] {0.75}, 0.3).orElseThrow();
    assertThat(CorrectedTargets.planFor(Money.of("100", "EUR"), single, 0.9).reason())
        .get().asString().contains("at least 2 periods");
  }

  @Test
  void zeroRatioGivesAnExplicitEmpty() {
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), 0);
    assertThat(plan.plan()).isEmpty();
    assertThat(plan.reason()).isPresent();
    assertThat(plan.reason()).isNotEqualTo(Optional.empty());
  }
}
