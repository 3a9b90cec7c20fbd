package io.clientyield.profitability.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

class HourlyPricingTest {

  private static final double TOL = 1e-9;
  private static final Money SALARY = Money.of("6000.00", "EUR");
  private static final Money TAXES = Money.of("1800.00", "EUR");
  private static final Money OVERHEAD = Money.of("2200.00", "EUR");

  @Test
  void fullUtilizationCostPerHour() {
    // (6000 + 1800 + 2200) / (160 x 1.0) = 62.50
    assertThat(HourlyPricing.costPerHour(SALARY, TAXES, OVERHEAD, 160, 1.0))
        .isEqualTo(Money.of("62.50", "EUR"));
  }

  @Test
  void fiftyPercentUtilizationDoublesTheCostPerHour() {
    // (10000) / (160 x 0.5) = 125.00
    assertThat(HourlyPricing.costPerHour(SALARY, TAXES, OVERHEAD, 160, 0.5))
        .isEqualTo(Money.of("125.00", "EUR"));
  }

  @Test
  void priceForTwentyPercentMargin() {
    // 125 / (1 - 0.2) = 156.25
    assertThat(HourlyPricing.priceForMargin(Money.of("125.00", "EUR"), 0.2))
        .isEqualTo(Money.of("156.25", "EUR"));
  }

  @Test
  void priceForTwentyFivePercentMarkup() {
    // 125 x 1.25 = 156.25: a 25 % markup is a 20 % margin
    assertThat(HourlyPricing.priceForMarkup(Money.of("125.00", "EUR"), 0.25))
        .isEqualTo(Money.of("156.25", "EUR"));
  }

  @Test
  void marginAtAGivenPriceAndUtilization() {
    Money cost = HourlyPricing.costPerHour(SALARY, TAXES, OVERHEAD, 160, 0.5);
    // (156.25 - 125) / 156.25 = 0.2
    assertThat(HourlyPricing.marginAt(Money.of("156.25", "EUR"), cost).getAsDouble())
        .isCloseTo(0.2, within(TOL));
    // at full utilization the same price yields (156.25 - 62.5) / 156.25 = 0.6
    Money full = HourlyPricing.costPerHour(SALARY, TAXES, OVERHEAD, 160, 1.0);
    assertThat(HourlyPricing.marginAt(Money.of("156.25", "EUR"), full).getAsDouble())
        .isCloseTo(0.6, within(TOL));
    assertThat(HourlyPricing.marginAt(Money.of("0.00", "EUR"), full)).isEmpty();
  }

  @Test
  void badUtilizationAndHoursAreReportedTogether() {
    assertThatThrownBy(() -> HourlyPricing.costPerHour(SALARY, TAXES, OVERHEAD, 0, 1.5))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("workingHours")
        .hasMessageContaining("utilization");
  }

  @Test
  void targetMarginOfOneIsRejected() {
    assertThatThrownBy(() -> HourlyPricing.priceForMargin(Money.of("10.00", "EUR"), 1.0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("targetMargin");
  }
}
