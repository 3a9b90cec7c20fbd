package io.clientyield.profitability.portfolio;

import static io.clientyield.profitability.portfolio.PortfolioGenerators.matrix;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.portfolios;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.profitability.portfolio.Placement.Contribution;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioProperties {

  private static final List<Normalization> ALL =
      List.of(Normalization.minMax(), Normalization.percentileRank(), Normalization.fixedBounds(-50, 150));

  @Test
  void everyClientLandsInExactlyOneCellMatchingItsScores() {
    qt().withExamples(200)
        .forAll(portfolios(), integers().between(0, 2))
        .checkAssert(
            (clients, n) -> {
              var m = matrix(ALL.get(n));
              var placed = m.place(clients);
              assertThat(placed).extracting(Placement::client)
                  .containsExactlyElementsOf(clients.stream().map(ClientFacts::client).toList());
              for (Placement p : placed) {
                assertThat(p.attractivenessScore()).isBetween(0.0, 1.0);
                assertThat(p.relationshipScore()).isBetween(0.0, 1.0);
                double a = p.attractivenessScore();
                assertThat(p.attractiveness())
                    .isEqualTo(a < m.lowCut() ? Attractiveness.LOW
                        : a < m.highCut() ? Attractiveness.MEDIUM : Attractiveness.HIGH);
                assertThat(p.strategy()).isEqualTo(m.strategies().of(p.attractiveness(), p.relationship()));
                double sum = p.attractivenessWhy().stream().mapToDouble(Contribution::contribution).sum();
                assertThat(sum).isCloseTo(a, org.assertj.core.api.Assertions.within(1e-9));
              }
            });
  }

  @Test
  void raisingAHigherIsBetterCriterionNeverLowersAttractivenessUnderFixedBounds() {
    qt().withExamples(200)
        .forAll(portfolios(), integers().between(0, 11), integers().between(0, 100))
        .checkAssert(
            (clients, i, raise) -> {
              int k = i % clients.size();
              var m = matrix(Normalization.fixedBounds(-50, 150));
              var before = m.place(clients).get(k);
              var raised = new ArrayList<>(clients);
              var f = clients.get(k);
              raised.set(k, f.with("m0", f.values().get("m0") + raise));
              var after = m.place(raised).get(k);
              assertThat(after.attractivenessScore()).isGreaterThanOrEqualTo(before.attractivenessScore());
              assertThat(after.attractiveness()).isGreaterThanOrEqualTo(before.attractiveness());
            });
  }

  @Test
  void placementIsIndependentOfInputOrder() {
    qt().withExamples(200)
        .forAll(portfolios(), integers().between(0, 2))
        .checkAssert(
            (clients, n) -> {
              var m = matrix(ALL.get(n));
              var reversed = new ArrayList<>(clients);
              Collections.reverse(reversed);
              var a = new ArrayList<>(m.place(clients));
              var b = new ArrayList<>(m.place(reversed));
              Collections.reverse(b);
              assertThat(b).isEqualTo(a);
            });
  }

  @Test
  void jsonRoundTrip() {
    qt().withExamples(50)
        .forAll(portfolios())
        .checkAssert(
            clients ->
                matrix(Normalization.percentileRank()).place(clients)
                    .forEach(p -> io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip(p, Placement.class)));
  }
}
