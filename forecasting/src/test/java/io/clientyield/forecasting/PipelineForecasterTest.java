package io.clientyield.forecasting;

import static io.clientyield.core.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.util.Currency;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PipelineForecasterTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final double EXACT = 1e-12;

  static OpenPipeline twoDeals() {
    return new OpenPipeline(EUR)
        .add(Money.of("100", "EUR"), 0.5)
        .add(Money.of("200", "EUR"), 0.25);
  }

  @Test
  void countsOfTwoDeals() {
    CountDistribution d = PipelineForecaster.counts(twoDeals());
    assertThat(d.probabilityOf(0)).isCloseTo(0.375, within(EXACT));
    assertThat(d.probabilityOf(1)).isCloseTo(0.5, within(EXACT));
    assertThat(d.probabilityOf(2)).isCloseTo(0.125, within(EXACT));
    assertThat(d.mean()).isCloseTo(0.75, within(EXACT));
    assertThat(d.quantile(0.10)).isZero();
    assertThat(d.quantile(0.50)).isEqualTo(1);
    assertThat(d.quantile(0.90)).isEqualTo(2);
    assertThat(d.probabilityAtLeast(1)).isCloseTo(0.625, within(EXACT));
    assertJsonRoundTrip(d, CountDistribution.class);
  }

  @Test
  void gridOfTwoDealsIsExactOnAFineGrid() {
    RevenueDistribution d = PipelineForecaster.onGrid(twoDeals(), Money.of("1", "EUR"));
    // outcomes 0 (0.375), 100 (0.375), 200 (0.125), 300 (0.125)
    assertThat(d.expectedValue()).isEqualTo(Money.of("100", "EUR"));
    assertThat(d.distributionMean()).isCloseTo(10_000, within(1e-9));
    assertThat(d.p10()).isEqualTo(Money.of("0", "EUR"));
    assertThat(d.p50()).isEqualTo(Money.of("100", "EUR"));
    assertThat(d.p90()).isEqualTo(Money.of("300", "EUR"));
    assertThat(d.probabilityOfReaching(Money.of("150", "EUR"))).isCloseTo(0.25, within(EXACT));
    assertThat(d.meanErrorBound()).isEqualTo(2 * 50.0);
    assertJsonRoundTrip(d, RevenueDistribution.class);
  }

  @Test
  void tooFineGridIsRejected() {
    OpenPipeline p = new OpenPipeline(EUR).add(Money.of("1000000", "EUR"), 0.5);
    assertThatThrownBy(() -> PipelineForecaster.onGrid(p, Money.of("0.01", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("too fine");
  }

  @Test
  void monteCarloIsReproducibleAndCloseToTheMean() {
    RevenueDistribution a = PipelineForecaster.monteCarlo(twoDeals(), 20_000, 42);
    RevenueDistribution b = PipelineForecaster.monteCarlo(twoDeals(), 20_000, 42);
    assertThat(a).isEqualTo(b);
    assertThat(a.distributionMean()).isCloseTo(10_000, within(5 * a.meanErrorBound()));
    assertThat(a.probabilityOfReaching(Money.of("150", "EUR")))
        .isCloseTo(0.25, within(a.cdfErrorBound()));
    assertJsonRoundTrip(a, RevenueDistribution.class);
  }

  @Test
  void additionalLeadsForATarget() {
    // nothing in the pipeline; leads of EUR 100 won with 0.5; target EUR 100 with 0.9:
    // P(at least one of k wins) = 1 − 0.5^k ≥ 0.9 → k = 4
    OpenPipeline empty = new OpenPipeline(EUR);
    RevenueDistribution d = PipelineForecaster.onGrid(empty, Money.of("1", "EUR"));
    LeadsNeeded n = PipelineForecaster.additionalLeads(
        d, Money.of("100", "EUR"), 0.5, Money.of("100", "EUR"), 0.9, 1000);
    assertThat(n.leads()).contains(4L);
    assertThat(n.probabilityOfReaching()).isCloseTo(0.9375, within(1e-12));
    assertJsonRoundTrip(n, LeadsNeeded.class);
    LeadsNeeded none = PipelineForecaster.additionalLeads(
        d, Money.of("100", "EUR"), 0.0, Money.of("100", "EUR"), 0.9, 1000);
    assertThat(none.leads()).isEmpty();
    assertThat(none.reason()).isPresent();
    assertJsonRoundTrip(none, LeadsNeeded.class);
  }

  @Test
  void tenThousandDealCountsHaveTheSumOfProbabilitiesAsMean() {
    // speed (target: 50 ms) is measured by the benchmarks module's PipelineBenchmark
    double[] p = new SplittableRandom(1).doubles(10_000).toArray();
    CountDistribution d = CountDistribution.of(p);
    double sum = 0;
    for (double v : p) {
      sum += v;
    }
    assertThat(d.mean()).isCloseTo(sum, within(1e-9 * sum));
  }

  @Test
  void hundredThousandDealsTenThousandTrialsMeanWithinItsBound() {
    // speed (target: 3 s) is measured by the benchmarks module's PipelineBenchmark
    SplittableRandom r = new SplittableRandom(7);
    OpenPipeline p = new OpenPipeline(EUR);
    for (int i = 0; i < 100_000; i++) {
      p.add(Money.ofMinor(r.nextLong(1, 10_000_000), EUR), r.nextDouble());
    }
    RevenueDistribution d = PipelineForecaster.monteCarlo(p, 10_000, 3);
    assertThat(d.distributionMean())
        .isCloseTo(p.weightedPipelineMinor(), within(5 * d.meanErrorBound()));
  }

  @Test
  void jsonOfADistributionThatDoesNotSumToOneIsRejected() {
    assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.read(
            "{\"pmf\":[0.5,0.4]}", CountDistribution.class))
        .hasStackTraceContaining("must sum to 1");
    assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.read(
            "{\"currency\":\"EUR\",\"method\":\"GRID\",\"valuesMinor\":[0],"
                + "\"probabilities\":[1.0],\"meanErrorBound\":0.0,\"cdfErrorBound\":0.0}",
            RevenueDistribution.class))
        .hasStackTraceContaining("expectedMinor");
    // the exact expected value must be present and agree with expectedMinor within a cent
    assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.read(
            "{\"currency\":\"EUR\",\"method\":\"GRID\",\"expectedMinor\":100.0,"
                + "\"valuesMinor\":[0],\"probabilities\":[1.0],\"meanErrorBound\":0.0,"
                + "\"cdfErrorBound\":0.0}",
            RevenueDistribution.class))
        .hasStackTraceContaining("expected");
    assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.read(
            "{\"currency\":\"EUR\",\"method\":\"GRID\","
                + "\"expected\":{\"amount\":\"1.03\",\"currency\":\"EUR\"},"
                + "\"expectedMinor\":100.0,\"valuesMinor\":[0],\"probabilities\":[1.0],"
                + "\"meanErrorBound\":0.0,\"cdfErrorBound\":0.0}",
            RevenueDistribution.class))
        .hasStackTraceContaining("must agree with expectedMinor");
  }
}
