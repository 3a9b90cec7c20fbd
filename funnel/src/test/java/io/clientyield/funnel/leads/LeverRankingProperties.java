package io.clientyield.funnel.leads;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.Money;
import io.clientyield.funnel.leads.LeverRanking.Gain;
import io.clientyield.funnel.leads.LeverRanking.Lever;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeverRankingProperties {

  private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

  private static Optional<Gain> gain(LeverRanking r, Lever lever) {
    return r.gains().stream().filter(g -> g.lever() == lever).findFirst();
  }

  @Test
  void extraRevenueIsMonotoneInTheImprovement() {
    qt().withExamples(200).forAll(LeadGenerators.websiteModels(), LeadGenerators.rates(),
        LeadGenerators.rates()).checkAssert((m, a, b) -> {
          LeverRanking small = LeadEconomics.leverRanking(m, Math.min(a, b));
          LeverRanking large = LeadEconomics.leverRanking(m, Math.max(a, b));
          for (Gain g : small.gains()) {
            assertThat(gain(large, g.lever()).orElseThrow().extraRevenue())
                .isGreaterThanOrEqualTo(g.extraRevenue());
          }
          LeverRanking absSmall = LeadEconomics.leverRanking(m, 10 * Math.min(a, b), Math.min(a, b),
              Money.ofMinor(1000, LeadGenerators.EUR));
          LeverRanking absLarge = LeadEconomics.leverRanking(m, 10 * Math.max(a, b), Math.max(a, b),
              Money.ofMinor(1000, LeadGenerators.EUR));
          for (Gain g : absSmall.gains()) {
            assertThat(gain(absLarge, g.lever()).orElseThrow().extraRevenue())
                .isGreaterThanOrEqualTo(g.extraRevenue());
          }
        });
  }

  @Test
  void gainsAreNonNegativeAndRankedBestFirst() {
    qt().withExamples(200).forAll(LeadGenerators.anyModels(), LeadGenerators.rates())
        .checkAssert((m, r) -> {
          LeverRanking ranking = LeadEconomics.leverRanking(m, r);
          assertThat(ranking.gains().size() + ranking.unavailable().size())
              .isEqualTo(Lever.values().length);
          for (int i = 0; i < ranking.gains().size(); i++) {
            assertThat(ranking.gains().get(i).extraRevenue().signum()).isGreaterThanOrEqualTo(0);
            if (i > 0) {
              assertThat(ranking.gains().get(i).extraRevenue())
                  .isLessThanOrEqualTo(ranking.gains().get(i - 1).extraRevenue());
            }
          }
        });
  }

  @Test
  void theSameRelativeImprovementGivesUncappedLeversTheSameGainWithinACent() {
    qt().withExamples(200).forAll(LeadGenerators.websiteModels(), LeadGenerators.rates())
        .checkAssert((m, r) -> {
          LeverRanking ranking = LeadEconomics.leverRanking(m, r);
          Money first = null;
          for (Gain g : ranking.gains()) {
            if (g.capped()) {
              continue;
            }
            if (first == null) {
              first = g.extraRevenue();
            }
            assertThat(g.extraRevenue().minus(first).amount().abs())
                .isLessThanOrEqualTo(ONE_CENT);
          }
        });
  }

  @Test
  void aCrGainEqualsTheRevenueOfTheRebuiltModelWithinACent() {
    qt().withExamples(300).forAll(LeadGenerators.counts(), LeadGenerators.rates(),
        LeadGenerators.positiveMoney(), LeadGenerators.rates()).checkAssert((l, cr, check, p) -> {
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, l).set(LeadQuantity.CR, cr)
              .averageCheck(check).build();
          Gain g = gain(LeadEconomics.leverRanking(m, 0, p, Money.zero(LeadGenerators.EUR)),
              Lever.CR).orElseThrow();
          LeadInputs rebuilt = m.toBuilder().set(LeadQuantity.CR, g.valueAfter().getAsDouble())
              .build();
          // the rebuilt model multiplies expected counts as doubles, the ranking exactly: both
          // round to the cent, so they may differ by one cent at a half-cent boundary
          assertThat(g.revenueAfter().minus(LeadEconomics.metrics(rebuilt).revenue().orElseThrow()).amount().abs())
              .isLessThanOrEqualTo(ONE_CENT);
          Money extra = LeadEconomics.metrics(rebuilt).revenue().get().minus(LeadEconomics.metrics(m).revenue().get());
          assertThat(extra.minus(g.extraRevenue()).amount().abs()).isLessThanOrEqualTo(ONE_CENT);
          assertThat(g.capped()).isEqualTo(cr + p > 1);
        });
  }

  @Test
  void everyRankingRoundTripsAsJson() {
    qt().withExamples(100).forAll(LeadGenerators.anyModels(), LeadGenerators.rates())
        .checkAssert((m, r) -> {
          assertJsonRoundTrip(LeadEconomics.leverRanking(m, r), LeverRanking.class);
          assertJsonRoundTrip(LeadEconomics.leverRanking(m, 5, r, Money.ofMinor(100, LeadGenerators.EUR)),
              LeverRanking.class);
        });
  }
}
