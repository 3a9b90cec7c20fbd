package io.clientyield.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.forecasting.PipelineForecaster.LeadsNeeded;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.Replenishment.ProspectsNeeded;
import io.clientyield.forecasting.Replenishment;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.funnel.leads.LeadTargets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Funnel's {@link LeadTargets} is the one home of "how many more leads reach a target" (issue
 * 16); forecasting's {@code Replenishment.prospectsNeeded} and
 * {@code PipelineForecaster.additionalLeads} delegate to it; these checks keep their answers equal
 * to funnel's quotient and to an independent binomial-sum search.
 */
class LeadsNeededAgreementTest {

  private static final double TOLERANCE = 1e-12;

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Test
  void prospectsNeededIsTheLeadTargetsQuotient() {
    List<Object[]> cases = List.of(
        new Object[] {"25000000", "5000000", Proportion.of(20, 100)}, // DOMAIN 5.3: 25
        new Object[] {"100.00", "100.00", Proportion.of(1, 3)},       // exactly 3
        new Object[] {"100.01", "100.00", Proportion.of(1, 3)},       // just above: 4
        new Object[] {"0.00", "100.00", Proportion.of(1, 3)},
        new Object[] {"6000.00", "1000.00", Proportion.of(0, 10)},     // nothing converts
        new Object[] {"6000.00", "0.00", Proportion.of(1, 10)},
        new Object[] {"6000.00", "1000.00", Proportion.EMPTY});
    for (Object[] c : cases) {
      Money lost = eur((String) c[0]);
      Money average = eur((String) c[1]);
      Proportion conversion = (Proportion) c[2];
      ProspectsNeeded forecasting = Replenishment.prospectsNeeded(lost, average, conversion);
      LeadTargets.LeadsNeeded funnel = LeadTargets.leadsNeeded(lost, average, conversion);
      assertThat(funnel.leads().isPresent()).isEqualTo(forecasting.prospects().isPresent());
      forecasting.prospects().ifPresent(p -> assertThat(funnel.leads()).hasValue(p));
      forecasting.exact().ifPresent(x -> assertThat(funnel.expected().getAsDouble())
          .isCloseTo(x, within(TOLERANCE * Math.max(1, x))));
    }
  }

  @Test
  void additionalLeadsIsTheLeadTargetsConfidenceSearch() {
    OpenPipeline october = new OpenPipeline(Money.currency("EUR"))
        .add(eur("25000000"), 0.99).add(eur("40000000"), 0.80).add(eur("30000000"), 0.25)
        .add(eur("50000000"), 0.25).add(eur("20000000"), 0.10).add(eur("10000000"), 0.05);
    RevenueDistribution won = PipelineForecaster.onGrid(october, eur("1000000"));
    Money budget = eur("10000000");
    for (double confidence : new double[] {0.5, 0.8, 0.95}) {
      for (String target : new String[] {"60000000", "100000000", "200000000"}) {
        Money t = eur(target);
        LeadsNeeded forecasting =
            PipelineForecaster.additionalLeads(won, budget, 0.25, t, confidence, 1000);
        LeadTargets.LeadsNeeded funnel = LeadTargets.leadsNeeded(
            k -> reach(won, budget, 0.25, t, k), confidence, 1000);
        assertThat(funnel.leads().isPresent()).isEqualTo(forecasting.leads().isPresent());
        forecasting.leads().ifPresent(k -> assertThat(funnel.leads()).hasValue(k));
        assertThat(funnel.probabilityOfReaching().getAsDouble())
            .isCloseTo(forecasting.probabilityOfReaching(), within(1e-9));
      }
    }
  }

  /** P(X + b·B_k ≥ target), B_k ~ Binomial(k, p), by the pmf recursion. */
  private static double reach(RevenueDistribution x, Money b, double p, Money target, long k) {
    double pmf = Math.pow(1 - p, k);
    double s = 0;
    for (long j = 0; j <= k; j++) {
      s += pmf * x.probabilityOfReaching(
          Money.ofMinor(target.minorUnits() - j * b.minorUnits(), target.currency()));
      pmf = pmf * (k - j) / (j + 1) * p / (1 - p);
    }
    return Math.min(1, s);
  }
}
