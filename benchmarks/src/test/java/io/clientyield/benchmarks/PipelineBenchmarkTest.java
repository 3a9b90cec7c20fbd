package io.clientyield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.forecasting.CountDistribution;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.RevenueDistribution;
import org.junit.jupiter.api.Test;

/** The benchmark's inputs on small N; speed is measured by the JMH run, not here. */
class PipelineBenchmarkTest {
  private static final int DEALS = 2_000;

  @Test
  void pipelineIsSeededAndHasTheStatedShape() {
    OpenPipeline a = PipelineBenchmark.pipeline(DEALS, 1L);
    OpenPipeline b = PipelineBenchmark.pipeline(DEALS, 1L);
    assertThat(a.size()).isEqualTo(DEALS);
    // same seed, same deals: equal totals and equal seeded forecasts; another seed differs
    assertThat(a.totalBudget()).isEqualTo(b.totalBudget());
    assertThat(PipelineForecaster.monteCarlo(a, 100, 3)).isEqualTo(PipelineForecaster.monteCarlo(b, 100, 3));
    assertThat(PipelineBenchmark.pipeline(DEALS, 2L).totalBudget()).isNotEqualTo(a.totalBudget());
    // budgets within 1..10 000 000 minor units: the total lies between DEALS and DEALS × 10^7
    long total = a.totalBudget().minorUnits();
    assertThat(total).isBetween((long) DEALS, DEALS * 10_000_000L);
    // win probabilities in [0, 1): never all won, so P(everything) < 1
    RevenueDistribution grid = PipelineForecaster.onGrid(a, Money.of("1000", "EUR"));
    assertThat(grid.probabilityOfReaching(a.totalBudget())).isLessThan(1.0);
  }

  @Test
  void measuredCallsAnswerTheQuestion() {
    OpenPipeline p = PipelineBenchmark.pipeline(DEALS, 7L);
    CountDistribution counts = PipelineForecaster.counts(p);
    RevenueDistribution mc = PipelineForecaster.monteCarlo(p, 1_000, PipelineBenchmark.SEED);
    // the count distribution's mean is Σ p_i: replay the generator's draws
    java.util.SplittableRandom r = new java.util.SplittableRandom(7L);
    double expected = 0;
    for (int i = 0; i < DEALS; i++) {
      r.nextLong(1, 10_000_001);
      expected += r.nextDouble();
    }
    assertThat(counts.mean()).isCloseTo(expected, within(1e-9 * expected));
    assertThat(counts.deals()).isEqualTo(DEALS);
    assertThat(mc.distributionMean())
        .isCloseTo(mc.expectedMinor(), within(5 * mc.meanErrorBound()));
    assertThat(mc.cdfErrorBound()).isCloseTo(Math.sqrt(Math.log(200) / 2000), within(1e-12));
  }
}
