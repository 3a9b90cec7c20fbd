package io.clientyield.profitability.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.Money;
import io.clientyield.profitability.ProfitabilityGenerators;
import org.junit.jupiter.api.Test;

class HourlyPricingProperties {

  @Test
  void costPerHourNeverRisesWithUtilization() {
    qt().forAll(
            ProfitabilityGenerators.monthlyCosts(),
            ProfitabilityGenerators.utilizations(),
            ProfitabilityGenerators.utilizations())
        .check(
            (salary, u1, u2) -> {
              double lo = Math.min(u1, u2);
              double hi = Math.max(u1, u2);
              Money z = Money.zero(salary.currency());
              return HourlyPricing.costPerHour(salary, z, z, 160, lo)
                      .compareTo(HourlyPricing.costPerHour(salary, z, z, 160, hi))
                  >= 0;
            });
  }

  @Test
  void priceForTargetMarginGivesBackThatMargin() {
    qt().forAll(ProfitabilityGenerators.monthlyCosts(), ProfitabilityGenerators.targetMargins())
        .assuming((cost, m) -> cost.minorUnits() >= 100_000)
        .checkAssert(
            (cost, m) -> {
              Money price = HourlyPricing.priceForMargin(cost, m);
              // rounding to a cent moves the margin by at most 0.005 / price
              double tol = 0.01 / price.amount().doubleValue() + 1e-12;
              assertThat(HourlyPricing.marginAt(price, cost).getAsDouble())
                  .isCloseTo(m, within(tol));
            });
  }

  @Test
  void marginAndMarkupConvertIntoEachOther() {
    qt().forAll(ProfitabilityGenerators.margins())
        .checkAssert(
            m -> {
              double k = Margins.markupFromMargin(m).getAsDouble();
              assertThat(Margins.marginFromMarkup(k).getAsDouble())
                  .isCloseTo(m, within(1e-9 * (1 + Math.abs(m))));
            });
  }

  @Test
  void lowerUtilizationNeverLowersTheRequiredPrice() {
    qt().forAll(
            ProfitabilityGenerators.monthlyCosts(),
            ProfitabilityGenerators.utilizations(),
            ProfitabilityGenerators.utilizations(),
            ProfitabilityGenerators.targetMargins())
        .check(
            (salary, u1, u2, m) -> {
              Money z = Money.zero(salary.currency());
              Money low = HourlyPricing.priceForMargin(
                  HourlyPricing.costPerHour(salary, z, z, 160, Math.min(u1, u2)), m);
              Money high = HourlyPricing.priceForMargin(
                  HourlyPricing.costPerHour(salary, z, z, 160, Math.max(u1, u2)), m);
              return low.compareTo(high) >= 0;
            });
  }
}
