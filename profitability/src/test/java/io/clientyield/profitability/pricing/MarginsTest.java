package io.clientyield.profitability.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import org.junit.jupiter.api.Test;

class MarginsTest {

  private static final double TOL = 1e-12;

  @Test
  void marginAndMarkupOfTheSameProfit() {
    Money profit = Money.of("20.00", "EUR");
    assertThat(Margins.margin(profit, Money.of("100.00", "EUR")).getAsDouble())
        .isCloseTo(0.20, within(TOL));
    assertThat(Margins.markup(profit, Money.of("80.00", "EUR")).getAsDouble())
        .isCloseTo(0.25, within(TOL));
  }

  @Test
  void conversions() {
    assertThat(Margins.markupFromMargin(0.2).getAsDouble()).isCloseTo(0.25, within(TOL));
    assertThat(Margins.marginFromMarkup(0.25).getAsDouble()).isCloseTo(0.2, within(TOL));
    assertThat(Margins.markupFromMargin(0.5).getAsDouble()).isCloseTo(1.0, within(TOL));
  }

  @Test
  void undefinedRatiosAreEmpty() {
    Money zero = Money.of("0.00", "EUR");
    assertThat(Margins.margin(Money.of("5.00", "EUR"), zero)).isEmpty();
    assertThat(Margins.markup(Money.of("5.00", "EUR"), zero)).isEmpty();
    assertThat(Margins.markupFromMargin(1.0)).isEmpty();
    assertThat(Margins.marginFromMarkup(-1.0)).isEmpty();
  }
}
