package io.clientyield.profitability.pricing;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.util.Currency;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProfitAndLossTest {

  private static final double TOL = 1e-12;

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  @Test
  void revenue100Cost80GivesProfit20Margin20PercentMarkup25Percent() {
    ProfitAndLoss p = Margins.profitAndLoss(eur("100.00"), eur("80.00"));
    assertThat(p.profit()).isEqualTo(eur("20.00"));
    assertThat(p.margin().getAsDouble()).isCloseTo(0.20, within(TOL));
    assertThat(p.markup().getAsDouble()).isCloseTo(0.25, within(TOL));
    assertJsonRoundTrip(p, ProfitAndLoss.class);
  }

  @Test
  void aZeroDenominatorIsAnEmptyRatioLeftOutOfTheJson() {
    ProfitAndLoss p = Margins.profitAndLoss(eur("0.00"), eur("10.00"));
    assertThat(p.margin()).isEmpty();
    assertThat(p.markup().getAsDouble()).isCloseTo(-1.0, within(TOL));
    ProfitAndLoss zero = ProfitAndLoss.zero(Currency.getInstance("EUR"));
    assertThat(zero.margin()).isEmpty();
    assertThat(zero.markup()).isEmpty();
    String json = ClientyieldJson.write(zero);
    assertThat(json).doesNotContain("margin").doesNotContain("markup");
    assertJsonRoundTrip(p, ProfitAndLoss.class);
    assertJsonRoundTrip(zero, ProfitAndLoss.class);
  }

  @Test
  void derivedComponentsThatDoNotFollowFromRevenueAndCostAreRejected() {
    assertThatThrownBy(
            () ->
                new ProfitAndLoss(
                    eur("100.00"), eur("80.00"), eur("21.00"), OptionalDouble.of(0.2),
                    OptionalDouble.of(0.25)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("profit (EUR 21.00) must be revenue - cost");
    assertThatThrownBy(
            () ->
                new ProfitAndLoss(
                    eur("100.00"), eur("80.00"), eur("20.00"), OptionalDouble.of(0.3),
                    OptionalDouble.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("margin")
        .hasMessageContaining("markup");
  }

  @Test
  void linesAddExactly() {
    ProfitAndLoss a = Margins.profitAndLoss(eur("1200.00"), eur("700.00"));
    ProfitAndLoss b = Margins.profitAndLoss(eur("1000.00"), eur("400.00"));
    assertThat(a.plus(b)).isEqualTo(Margins.profitAndLoss(eur("2200.00"), eur("1100.00")));
    assertThat(a.plus(b).margin().getAsDouble()).isCloseTo(0.5, within(TOL));
  }
}
