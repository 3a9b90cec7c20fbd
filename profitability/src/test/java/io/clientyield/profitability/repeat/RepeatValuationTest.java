package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatValuation.SegmentValue;
import io.clientyield.profitability.repeat.RepeatValuation.ClientValue;
import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.ClientFacts;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CLV from the two models, per client, per segment, as LTV and as a portfolio criterion. */
class RepeatValuationTest {
  private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
  private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
  /** One year of weekly steps at 0.2 % a week, margin 30 %. */
  private static final RepeatValuation YEAR =
      new RepeatValuation(PURCHASES, SPEND, 52, 1, 0.002, 0.3, CdnowSample.USD);
  private static final RepeatSummary LOYAL =
      RepeatSummary.of(ClientId.of("loyal"), 10, 38, 38.86, Money.of("400.00", "USD"));
  private static final RepeatSummary NEW = RepeatSummary.of(ClientId.of("new"), 0, 0, 38.86, Money.of("0.00", "USD"));

  @Test
  void clvIsDiscountedExpectedMargin() {
    ClientValue v = YEAR.value(LOYAL);
    double e52 = PURCHASES.expectedPurchases(52, 10, 38, 38.86);
    assertThat(v.expectedPurchases()).isCloseTo(e52, within(1e-12));
    assertThat(v.discountedPurchases()).isLessThan(e52).isGreaterThan(e52 / 1.002 / 1.11);
    assertThat(v.expectedSpend()).isCloseTo(SPEND.expectedSpend(10, 40).getAsDouble(), within(1e-12));
    double revenue = v.expectedSpend() * v.discountedPurchases();
    assertThat(v.discountedRevenue().amount().doubleValue()).isCloseTo(revenue, within(0.005));
    assertThat(v.clv().amount().doubleValue()).isCloseTo(0.3 * revenue, within(0.01));
    JsonAssertions.assertJsonRoundTrip(v, ClientValue.class);
  }

  @Test
  void withoutDiscountingTheDiscountedPurchasesAreTheExpectedOnes() {
    ClientValue v = new RepeatValuation(PURCHASES, SPEND, 52, 1, 0, 0.3, CdnowSample.USD).value(LOYAL);
    assertThat(v.discountedPurchases()).isCloseTo(v.expectedPurchases(), within(1e-12));
  }

  @Test
  void aNewClientIsValuedAtThePopulationMeanSpend() {
    ClientValue v = YEAR.value(NEW);
    assertThat(v.probabilityAlive()).isEqualTo(1.0);
    assertThat(v.expectedSpend()).isCloseTo(SPEND.populationMeanSpend().getAsDouble(), within(1e-12));
  }

  @Test
  void feedsLifetimeValueWithTheSameAmount() {
    ClientValue v = YEAR.value(LOYAL);
    assertThat(YEAR.lifetimeValue(v).ltv()).isEqualTo(v.clv());
    assertThat(YEAR.lifetimeValue(v).arpu()).contains(v.discountedRevenue());
  }

  @Test
  void segmentSumsItsClients() {
    SegmentValue s = YEAR.segment(List.of(LOYAL, NEW));
    MoneyAccumulator sum = new MoneyAccumulator(CdnowSample.USD).add(YEAR.value(LOYAL).clv()).add(YEAR.value(NEW).clv());
    assertThat(s.clients()).isEqualTo(2);
    assertThat(s.clv()).isEqualTo(sum.result());
    assertThat(s.meanClv()).isPresent();
    assertThat(YEAR.segment(List.of()).meanClv()).isEmpty();
    JsonAssertions.assertJsonRoundTrip(s, SegmentValue.class);
    JsonAssertions.assertJsonRoundTrip(YEAR, RepeatValuation.class);
  }

  @Test
  void ranksClientsOnThePortfolioMatrix() {
    Criterion clv = RepeatValuation.attractivenessCriterion(1);
    PortfolioMatrix matrix = PortfolioMatrix.of(List.of(clv),
        List.of(new Criterion("tenure", true, 1, Normalization.minMax())));
    List<ClientFacts> facts = List.of(
        RepeatValuation.withClv(new ClientFacts(LOYAL.client(), Map.of("tenure", 3.0)), YEAR.value(LOYAL)),
        RepeatValuation.withClv(new ClientFacts(NEW.client(), Map.of("tenure", 3.0)), YEAR.value(NEW)));
    List<Placement> placed = matrix.place(facts);
    assertThat(placed).filteredOn(p -> p.client().equals(LOYAL.client()))
        .extracting(Placement::attractiveness).containsExactly(Attractiveness.HIGH);
    assertThat(placed).filteredOn(p -> p.client().equals(NEW.client()))
        .extracting(Placement::attractiveness).containsExactly(Attractiveness.LOW);
  }

  @Test
  void badConfigurationIsNamed() {
    assertThatThrownBy(() -> new RepeatValuation(PURCHASES, GammaGammaModel.of(1, 0.9, 1), 0, -1,
        Double.NaN, 2, CdnowSample.USD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("steps (0)")
        .hasMessageContaining("stepLength (-1)")
        .hasMessageContaining("discountRate (NaN)")
        .hasMessageContaining("margin (2)")
        .hasMessageContaining("spend.q (0.9) must be > 1");
    assertThatThrownBy(() -> RepeatValuation.withClv(new ClientFacts(NEW.client(), Map.of()), YEAR.value(LOYAL)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("value.client (loyal)");
  }
}
