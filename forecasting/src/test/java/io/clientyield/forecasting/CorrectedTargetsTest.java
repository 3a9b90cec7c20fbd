package io.clientyield.forecasting;

import io.clientyield.forecasting.CorrectedTargets.CorrectedPlan;
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
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** DOMAIN 5.2: plan 100 M, refined 80 M, executed 75 M. */
class CorrectedTargetsTest {
  static final double EXACT = 1e-12;
  static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
  static final ReportingPeriod SEPTEMBER = ReportingPeriod.month(2026, 9);
  static final PlannedDeal SEPTEMBER_DEAL =
      PlannedDeal.plan(ClientId.of("c1"), SEPTEMBER, ManagerId.of("ann"), ManagerId.of("m1"), T0,
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

    // 100 000 000 / 0.75 = 133 333 333.333… → half-even to the cent: 133 333 333.33
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100000000", "EUR"), 0.75);
    assertThat(plan.plan()).contains(Money.of("133333333.33", "EUR"));
    assertThat(plan.effectiveRatio()).isEqualTo(OptionalDouble.of(0.75));
    // the plan realized at the measured ratio gives the target back:
    // 133 333 333.33 × 0.75 = 99 999 999.9975 → to the cent: 100 000 000.00
    assertThat(plan.plan().orElseThrow().multipliedBy(sep.realizationRatio().getAsDouble(),
            Money.ROUNDING))
        .isEqualTo(Money.of("100000000", "EUR"));
    // the additive answer falls short: the plan 125 M only reaches 93.75 M (125 × 0.75), i.e.
    // 125 M is the corrected plan for 93.75 M, not for 100 M
    assertThat(CorrectedTargets.planFor(Money.of("93750000", "EUR"), 0.75).plan())
        .contains(Money.of("125000000", "EUR"));
    assertThat(Money.of("125000000", "EUR").multipliedBy(sep.realizationRatio().getAsDouble(),
            Money.ROUNDING))
        .isEqualTo(Money.of("93750000", "EUR"));
    assertJsonRoundTrip(plan, CorrectedPlan.class);
    assertJsonRoundTrip(report, PlanningErrorReport.class);
  }

  @Test
  void confidencePlanUsesTheLowerRatio() {
    RatioEstimate est = new RatioEstimate(6, 0.75, OptionalDouble.of(0.05), 0.75, 0.3);
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), est, 0.90);
    // z_0.90 = Φ⁻¹(0.90) = 1.28155157; 1.28155157 × 0.05 = 0.06407758;
    // 0.75 − 0.06407758 = 0.68592242; 100 / 0.68592242 = 145.789082 → half-even: 145.79
    assertThat(plan.effectiveRatio().getAsDouble()).isCloseTo(0.68592242, within(1e-8));
    assertThat(CorrectedTargets.lowerRatio(est, 0.90).getAsDouble())
        .isCloseTo(0.68592242, within(1e-8));
    assertThat(plan.plan()).contains(Money.of("145.79", "EUR"));
    assertJsonRoundTrip(est, RatioEstimate.class);
  }

  @Test
  void confidencePlanIsEmptyWhenTheLowerRatioIsNotPositive() {
    RatioEstimate est = new RatioEstimate(3, 0.5, OptionalDouble.of(0.5), 0.5, 0.3);
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), est, 0.95);
    // z_0.95 = 1.64485363; 0.5 − 1.64485363 × 0.5 = −0.32242681 <= 0
    assertThat(plan.plan()).isEmpty();
    assertThat(plan.effectiveRatio().getAsDouble()).isCloseTo(-0.32242681, within(1e-8));
    assertThat(plan.reason()).contains("the effective realization ratio (-0.322427) is <= 0:"
        + " no finite plan reaches the target");
    assertJsonRoundTrip(plan, CorrectedPlan.class);
    RatioEstimate single = PlanningErrors.ratioEstimate(new double[] {0.75}, 0.3).orElseThrow();
    CorrectedPlan noSpread = CorrectedTargets.planFor(Money.of("100", "EUR"), single, 0.9);
    assertThat(noSpread.plan()).isEmpty();
    assertThat(noSpread.effectiveRatio()).isEmpty();
    assertThat(noSpread.reason())
        .contains("the ratio's standard deviation needs at least 2 periods, got 1");
  }

  @Test
  void zeroRatioGivesAnExplicitEmptyAndAZeroTargetAZeroPlan() {
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), 0);
    assertThat(plan.plan()).isEmpty();
    assertThat(plan.effectiveRatio()).isEqualTo(OptionalDouble.of(0));
    assertThat(plan.reason()).contains("the effective realization ratio (0.000000) is <= 0:"
        + " no finite plan reaches the target");
    // 0 / 0.75 = 0: nothing to reach, nothing to plan
    CorrectedPlan nothing = CorrectedTargets.planFor(Money.of("0", "EUR"), 0.75);
    assertThat(nothing.plan()).contains(Money.of("0.00", "EUR"));
    assertThat(nothing.reason()).isEmpty();
    // a ratio above 1 (over-realization) lowers the plan: 100 / 1.25 = 80.00
    assertThat(CorrectedTargets.planFor(Money.of("100", "EUR"), 1.25).plan())
        .contains(Money.of("80.00", "EUR"));
  }

  @Test
  void zeroDivisorIsAnExplicitEmptyNotAnException() {
    for (double zero : new double[] {0.0, -0.0}) {
      CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), zero);
      assertThat(plan.plan()).isEmpty();
      assertThat(plan.effectiveRatio()).isEqualTo(OptionalDouble.of(0.0));
      assertThat(plan.reason()).contains("the effective realization ratio (0.000000) is <= 0:"
          + " no finite plan reaches the target");
      assertJsonRoundTrip(plan, CorrectedPlan.class);
    }
    // through an estimate: μ = 0, σ = 0 → μ − z σ = 0 − 1.28 × 0 = 0
    RatioEstimate zero = new RatioEstimate(4, 0, OptionalDouble.of(0), 0, 0.3);
    CorrectedPlan viaEstimate = CorrectedTargets.planFor(Money.of("100", "EUR"), zero, 0.9);
    assertThat(viaEstimate.plan()).isEmpty();
    assertThat(viaEstimate.effectiveRatio()).isEqualTo(OptionalDouble.of(0.0));
    assertThat(viaEstimate.reason()).get().asString().contains("is <= 0");
  }

  @Test
  void aPlanBeyondMoneysRangeIsAnExplicitEmpty() {
    // 30 integer digits (Money's limit) / 0.5 needs 31 digits
    CorrectedPlan big =
        CorrectedTargets.planFor(Money.of("900000000000000000000000000000", "EUR"), 0.5);
    assertThat(big.plan()).isEmpty();
    assertThat(big.effectiveRatio()).isEqualTo(OptionalDouble.of(0.5));
    assertThat(big.reason()).get().asString()
        .startsWith("the plan exceeds the representable amount")
        .contains("30 integer digits");
    assertJsonRoundTrip(big, CorrectedPlan.class);
    // EUR 1 / 1e-300 = 10^300
    CorrectedPlan tiny = CorrectedTargets.planFor(Money.of("1", "EUR"), 1e-300);
    assertThat(tiny.plan()).isEmpty();
    assertThat(tiny.reason()).get().asString().startsWith("the plan exceeds");
  }

  @Test
  void aLowerRatioThatOverflowsIsAnExplicitEmptyWithoutInfinity() {
    // μ = σ = 1e308: μ − z σ = 1e308 + 1.645 × 1e308 (c = 0.05) overflows to +∞;
    // 1e308 − 1.645 × 1e308 = −6.4e307 (c = 0.95) is finite and <= 0
    RatioEstimate huge = new RatioEstimate(2, 1e308, OptionalDouble.of(1e308), 1e308, 0.3);
    CorrectedPlan plan = CorrectedTargets.planFor(Money.of("100", "EUR"), huge, 0.05);
    assertThat(plan.plan()).isEmpty();
    assertThat(plan.effectiveRatio()).isEmpty();
    assertThat(plan.reason()).get().asString().contains("is not finite (Infinity)");
    assertJsonRoundTrip(plan, CorrectedPlan.class);
    assertThat(CorrectedTargets.lowerRatio(huge, 0.05)).isEmpty();
    RatioEstimate negative = new RatioEstimate(2, -1e308, OptionalDouble.of(1e308), 0, 0.3);
    assertThat(CorrectedTargets.lowerRatio(negative, 0.95)).isEmpty();
    assertThat(CorrectedTargets.planFor(Money.of("100", "EUR"), negative, 0.95).reason())
        .get().asString().contains("is not finite (-Infinity)");
    assertThatThrownBy(() -> new CorrectedPlan(Optional.empty(),
            OptionalDouble.of(Double.POSITIVE_INFINITY), Optional.of("overflow")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("effectiveRatio (Infinity) must be finite");
  }
}
