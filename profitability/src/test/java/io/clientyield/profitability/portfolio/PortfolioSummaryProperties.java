package io.clientyield.profitability.portfolio;

import static io.clientyield.profitability.portfolio.PortfolioGenerators.summaryInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.testkit.CoreGenerators;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.portfolio.PortfolioGenerators.SummaryInput;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class PortfolioSummaryProperties {

  private static final double TOL = 1e-9;

  private static PortfolioSummary summarize(SummaryInput in) {
    return PortfolioMatrix.summarize(in.placements(), in.financials(), CoreGenerators.EUR, in.topN());
  }

  @Test
  void everyClientIsCountedInExactlyOneCell() {
    qt().withExamples(300)
        .forAll(summaryInputs())
        .checkAssert(
            in -> {
              var s = summarize(in);
              // all nine cells, each once, LOW/WEAK first
              assertThat(s.cells()).hasSize(9);
              for (int i = 0; i < 9; i++) {
                assertThat(s.cells().get(i).attractiveness())
                    .isEqualTo(Attractiveness.values()[i / 3]);
                assertThat(s.cells().get(i).relationship()).isEqualTo(Relationship.values()[i % 3]);
              }
              // counts sum to the number of clients, and each cell counts its own placements
              assertThat(s.cells().stream().mapToLong(PortfolioSummary.CellTotals::clients).sum())
                  .isEqualTo(in.placements().size());
              for (PortfolioSummary.CellTotals c : s.cells()) {
                long placedHere =
                    in.placements().stream()
                        .filter(
                            p ->
                                p.attractiveness() == c.attractiveness()
                                    && p.relationship() == c.relationship())
                        .count();
                assertThat(c.clients()).isEqualTo(placedHere);
              }
            });
  }

  @Test
  void cellMoneySumsToTheTotalsAndTheClients() {
    qt().withExamples(300)
        .forAll(summaryInputs())
        .checkAssert(
            in -> {
              var s = summarize(in);
              var cellRevenue = new MoneyAccumulator(CoreGenerators.EUR);
              var cellProfit = new MoneyAccumulator(CoreGenerators.EUR);
              s.cells().forEach(c -> cellRevenue.add(c.revenue()));
              s.cells().forEach(c -> cellProfit.add(c.profit()));
              var clientRevenue = new MoneyAccumulator(CoreGenerators.EUR);
              var clientProfit = new MoneyAccumulator(CoreGenerators.EUR);
              in.financials().forEach(f -> clientRevenue.add(f.revenue()));
              in.financials().forEach(f -> clientProfit.add(f.profit()));
              assertThat(cellRevenue.result()).isEqualTo(s.totalRevenue());
              assertThat(cellProfit.result()).isEqualTo(s.totalProfit());
              assertThat(clientRevenue.result()).isEqualTo(s.totalRevenue());
              assertThat(clientProfit.result()).isEqualTo(s.totalProfit());
              s.cells().forEach(c -> assertThat(c.revenue().isNegative()).isFalse());
            });
  }

  @Test
  void concentrationIsBoundedAndEmptyExactlyWithoutRevenue() {
    qt().withExamples(300)
        .forAll(summaryInputs())
        .checkAssert(
            in -> {
              var s = summarize(in);
              if (s.totalRevenue().isZero()) {
                assertThat(s.topShare()).isEmpty();
                assertThat(s.herfindahl()).isEmpty();
                return;
              }
              long paying =
                  in.financials().stream().filter(f -> f.revenue().signum() > 0).count();
              double share = s.topShare().orElseThrow();
              double hhi = s.herfindahl().orElseThrow();
              assertThat(share).isBetween(0.0, 1.0);
              // the top N hold at least N / n of the revenue
              assertThat(share)
                  .isGreaterThanOrEqualTo(
                      Math.min(1.0, (double) in.topN() / in.placements().size()) - TOL);
              // Herfindahl in [1/k, 1] over the k clients with revenue
              assertThat(hhi).isBetween(1.0 / paying - TOL, 1.0);
            });
  }

  @Test
  void topShareIsMonotoneInTopN() {
    qt().withExamples(200)
        .forAll(summaryInputs(), integers().between(1, 20))
        .checkAssert(
            (in, n) -> {
              var fewer = PortfolioMatrix.summarize(in.placements(), in.financials(), CoreGenerators.EUR, n);
              var more =
                  PortfolioMatrix.summarize(in.placements(), in.financials(), CoreGenerators.EUR, n + 1);
              if (fewer.topShare().isPresent()) {
                assertThat(more.topShare().orElseThrow())
                    .isGreaterThanOrEqualTo(fewer.topShare().orElseThrow());
                if (n >= in.placements().size()) {
                  assertThat(fewer.topShare().orElseThrow()).isCloseTo(1.0, within(TOL));
                }
              }
            });
  }

  @Test
  void summaryIsIndependentOfInputOrder() {
    qt().withExamples(200)
        .forAll(summaryInputs())
        .checkAssert(
            in -> {
              var placements = new ArrayList<>(in.placements());
              var financials = new ArrayList<>(in.financials());
              Collections.reverse(placements);
              Collections.rotate(financials, 3);
              assertThat(
                      PortfolioMatrix.summarize(placements, financials, CoreGenerators.EUR, in.topN()))
                  .isEqualTo(summarize(in));
            });
  }

  @Test
  void aClientPlacedTwiceIsRejected() {
    qt().withExamples(100)
        .forAll(summaryInputs(1), integers().between(0, 14), integers().between(0, 8))
        .checkAssert(
            (in, i, cell) -> {
              var placements = new ArrayList<>(in.placements());
              var again = placements.get(i % placements.size());
              placements.add(PortfolioGenerators.placed(again.client(), cell));
              assertThatThrownBy(
                      () ->
                          PortfolioMatrix.summarize(
                              placements, in.financials(), CoreGenerators.EUR, in.topN()))
                  .isInstanceOf(ValidationException.class)
                  .hasMessageContaining("(" + again.client() + ") must be placed once");
            });
  }

  @Test
  void jsonRoundTrip() {
    qt().withExamples(100)
        .forAll(summaryInputs())
        .checkAssert(in -> JsonAssertions.assertJsonRoundTrip(summarize(in), PortfolioSummary.class));
  }

  @Test
  void revenueInAnotherCurrencyIsRejected() {
    qt().withExamples(50)
        .forAll(summaryInputs(1))
        .checkAssert(
            in -> {
              var financials = new ArrayList<>(in.financials());
              var f = financials.get(0);
              financials.set(
                  0,
                  new PortfolioSummary.ClientFinancials(
                      f.client(), Money.ofMinor(1, CoreGenerators.USD), f.profit()));
              assertThatThrownBy(
                      () ->
                          PortfolioMatrix.summarize(
                              in.placements(), financials, CoreGenerators.EUR, in.topN()))
                  .isInstanceOf(ValidationException.class)
                  .hasMessageContaining("financials[" + f.client() + "]");
            });
  }
}
