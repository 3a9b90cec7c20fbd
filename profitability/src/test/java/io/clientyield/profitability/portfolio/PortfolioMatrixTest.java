package io.clientyield.profitability.portfolio;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.portfolio.Placement.Contribution;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategies;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioMatrixTest {

  private static final double TOL = 1e-12;

  private static final PortfolioMatrix MATRIX =
      PortfolioMatrix.of(
          List.of(
              new Criterion("margin", true, 2, Normalization.fixedBounds(0, 0.5)),
              new Criterion("revenue", true, 1, Normalization.minMax())),
          List.of(
              new Criterion("tenure", true, 1, Normalization.fixedBounds(0, 10)),
              new Criterion("complaints", false, 1, Normalization.percentileRank())));

  private static final ClientFacts A =
      new ClientFacts(
          ClientId.of("a"), Map.of("margin", 0.1, "revenue", 100.0, "tenure", 8.0, "complaints", 1.0));
  private static final ClientFacts B =
      new ClientFacts(
          ClientId.of("b"), Map.of("margin", 0.05, "revenue", 300.0, "tenure", 2.0, "complaints", 5.0));
  private static final ClientFacts C =
      new ClientFacts(ClientId.of("c"), Map.of("margin", 0.5, "revenue", 200.0, "complaints", 3.0));

  @Test
  void nullElementsAreNamedByIndex() {
    assertThatThrownBy(() -> MATRIX.place(java.util.Arrays.asList(A, B, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("clients[2] (null) must not be null");
    var k = new Criterion("margin", true, 1, Normalization.minMax());
    assertThatThrownBy(() -> PortfolioMatrix.of(java.util.Arrays.asList(k, null), List.of(k)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("attractivenessCriteria[1] (null) must not be null");
    var s = new Strategy("s", List.of());
    assertThatThrownBy(
            () ->
                new Placement(ClientId.of("a"), 0.5, 0.5, Attractiveness.LOW, Relationship.WEAK, s,
                    List.of(), List.of(), java.util.Arrays.asList("m", null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("skipped[1] (null) must not be null");
    assertThatThrownBy(() -> new Strategy("s", java.util.Arrays.asList((String) null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("actions[0] (null) must not be null");
    var values = new java.util.HashMap<String, Double>();
    values.put(null, 1.0);
    assertThatThrownBy(() -> new ClientFacts(ClientId.of("a"), values))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("values");
  }

  @Test
  void handComputedPortfolio() {
    var p = MATRIX.place(List.of(A, B, C));
    // a: attractiveness (2*0.2 + 1*0) / 3 = 0.1333 LOW; relationship (0.8 + (1-0)) / 2 = 0.9 STRONG
    assertThat(p.get(0).attractivenessScore()).isCloseTo(0.4 / 3, within(TOL));
    assertThat(p.get(0).relationshipScore()).isCloseTo(0.9, within(TOL));
    assertThat(p.get(0).attractiveness()).isEqualTo(Attractiveness.LOW);
    assertThat(p.get(0).relationship()).isEqualTo(Relationship.STRONG);
    assertThat(p.get(0).strategy().name()).isEqualTo("protect revenue / deprioritize");
    assertThat(p.get(0).relationshipWhy())
        .extracting(Contribution::criterion)
        .containsExactly("complaints", "tenure");
    // b: (2*0.1 + 1*1) / 3 = 0.4 MEDIUM; (0.2 + 0) / 2 = 0.1 WEAK
    assertThat(p.get(1).attractivenessScore()).isCloseTo(0.4, within(TOL));
    assertThat(p.get(1).relationshipScore()).isCloseTo(0.1, within(TOL));
    assertThat(p.get(1).attractiveness()).isEqualTo(Attractiveness.MEDIUM);
    assertThat(p.get(1).relationship()).isEqualTo(Relationship.WEAK);
    assertThat(p.get(1).attractivenessWhy().get(0))
        .isEqualTo(new Contribution("revenue", 300, 1, 1.0 / 3));
    // c: (2*1 + 0.5) / 3 = 0.8333 HIGH; tenure missing -> skipped, complaints 1-0.5 = 0.5 MEDIUM
    assertThat(p.get(2).attractivenessScore()).isCloseTo(2.5 / 3, within(TOL));
    assertThat(p.get(2).relationshipScore()).isCloseTo(0.5, within(TOL));
    assertThat(p.get(2).attractiveness()).isEqualTo(Attractiveness.HIGH);
    assertThat(p.get(2).relationship()).isEqualTo(Relationship.MEDIUM);
    assertThat(p.get(2).skipped()).containsExactly("tenure");
    assertThat(p.get(2).strategy().name()).isEqualTo("invest: strengthen");
    assertJsonRoundTrip(p.get(2), Placement.class);
  }

  @Test
  void defaultStrategiesPerCell() {
    var s = Strategies.DEFAULT;
    for (Relationship r : Relationship.values()) {
      assertThat(s.of(Attractiveness.LOW, r).actions())
          .contains("no upselling", "no best staff", "consider ending the relationship");
      assertThat(s.of(Attractiveness.MEDIUM, r).actions())
          .contains("decide explicitly which upsells to make");
    }
    assertThat(s.of(Attractiveness.HIGH, Relationship.WEAK).actions()).contains("raise loyalty");
    assertThat(s.of(Attractiveness.HIGH, Relationship.STRONG).actions())
        .contains("strengthen through service", "free extras", "collect feedback", "upsell");
    var custom = new Strategy("watch", List.of("review quarterly"));
    assertThat(s.with(Attractiveness.LOW, Relationship.WEAK, custom).of(Attractiveness.LOW, Relationship.WEAK))
        .isEqualTo(custom);
    assertJsonRoundTrip(s, Strategies.class);
  }

  @Test
  void validation() {
    assertThatThrownBy(
            () -> new PortfolioMatrix(List.of(), MATRIX.relationshipCriteria(), 0.7, 0.6, Strategies.DEFAULT))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("attractivenessCriteria.weights")
        .hasMessageContaining("0 < low < high < 1");
    assertThatThrownBy(() -> MATRIX.place(List.of(A, A)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unique");
    assertThatThrownBy(() -> Normalization.fixedBounds(1, 1))
        .isInstanceOf(ValidationException.class);
    assertJsonRoundTrip(MATRIX, PortfolioMatrix.class);
  }
}
