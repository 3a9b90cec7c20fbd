package io.clientyield.profitability.portfolio;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategy;
import io.clientyield.profitability.portfolio.PortfolioSummary.ClientFinancials;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioSummaryTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Strategy S = new Strategy("s", List.of());

  private static Placement place(String id, Attractiveness a, Relationship r) {
    return new Placement(ClientId.of(id), 0.5, 0.5, a, r, S, List.of(), List.of(), List.of());
  }

  @Test
  void nullElementsAreNamedByIndex() {
    var a = place("a", Attractiveness.HIGH, Relationship.WEAK);
    var money = new ClientFinancials(ClientId.of("a"), Money.of(1, EUR), Money.of(1, EUR));
    assertThatThrownBy(
            () ->
                PortfolioMatrix.summarize(
                    java.util.Arrays.asList(a, null), java.util.Arrays.asList(null, money), EUR, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("placements[1] (null) must not be null")
        .hasMessageContaining("financials[0] (null) must not be null");
    assertThatThrownBy(
            () ->
                new PortfolioSummary(
                    java.util.Arrays.asList((PortfolioSummary.CellTotals) null),
                    Money.of(0, EUR), Money.of(0, EUR), 1, Optional.empty(), Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("cells[0] (null) must not be null");
  }

  @Test
  void aClientPlacedTwiceIsRejected() {
    var a = place("a", Attractiveness.HIGH, Relationship.WEAK);
    var b = place("b", Attractiveness.LOW, Relationship.WEAK);
    var aAgain = place("a", Attractiveness.LOW, Relationship.STRONG);
    var money =
        List.of(
            new ClientFinancials(ClientId.of("a"), Money.of(600, EUR), Money.of(100, EUR)),
            new ClientFinancials(ClientId.of("b"), Money.of(300, EUR), Money.of(10, EUR)));
    assertThatThrownBy(() -> PortfolioMatrix.summarize(List.of(a, b, aAgain), money, EUR, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "placements[2].client (a) must be placed once (already placed at placements[0])");
    // the same placement object twice as well
    assertThatThrownBy(() -> PortfolioMatrix.summarize(List.of(a, a), money, EUR, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("placements[1].client (a)");
  }

  @Test
  void totalsPerCellAndConcentration() {
    var placements =
        List.of(
            place("a", Attractiveness.HIGH, Relationship.WEAK),
            place("b", Attractiveness.HIGH, Relationship.WEAK),
            place("c", Attractiveness.LOW, Relationship.STRONG));
    var money =
        List.of(
            new ClientFinancials(ClientId.of("a"), Money.of(600, EUR), Money.of(100, EUR)),
            new ClientFinancials(ClientId.of("b"), Money.of(300, EUR), Money.of(-20, EUR)),
            new ClientFinancials(ClientId.of("c"), Money.of(100, EUR), Money.of(10, EUR)));
    var s = PortfolioMatrix.summarize(placements, money, EUR, 1);
    assertThat(s.cells()).hasSize(9);
    var hw = s.cells().stream()
        .filter(c -> c.attractiveness() == Attractiveness.HIGH && c.relationship() == Relationship.WEAK)
        .findFirst().orElseThrow();
    assertThat(hw.clients()).isEqualTo(2);
    assertThat(hw.revenue()).isEqualTo(Money.of(900, EUR));
    assertThat(hw.profit()).isEqualTo(Money.of(80, EUR));
    assertThat(s.totalRevenue()).isEqualTo(Money.of(1000, EUR));
    // top 1 = 600 / 1000; HHI = 0.36 + 0.09 + 0.01 = 0.46
    assertThat(s.topShare().orElseThrow()).isCloseTo(0.6, within(1e-12));
    assertThat(s.herfindahl().orElseThrow()).isCloseTo(0.46, within(1e-12));
    assertJsonRoundTrip(s, PortfolioSummary.class);
    // financials of a client that is not placed are ignored: the same summary
    var withExtra = new java.util.ArrayList<>(money);
    withExtra.add(new ClientFinancials(ClientId.of("z"), Money.of(5000, EUR), Money.of(900, EUR)));
    assertThat(PortfolioMatrix.summarize(placements, withExtra, EUR, 1)).isEqualTo(s);
    var empty = PortfolioMatrix.summarize(List.of(), List.of(), EUR, 3);
    assertThat(empty.topShare()).isEmpty();
    assertJsonRoundTrip(empty, PortfolioSummary.class);
  }
}
