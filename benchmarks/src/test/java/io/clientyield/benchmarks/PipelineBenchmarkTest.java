package io.clientyield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    assertThat(a.budgetsMinor()).isEqualTo(b.budgetsMinor());
    assertThat(a.winProbabilities()).isEqualTo(b.winProbabilities());
    assertThat(PipelineBenchmark.pipeline(DEALS, 2L).budgetsMinor()).isNotEqualTo(a.budgetsMinor());
    assertThat(java.util.Arrays.stream(a.budgetsMinor()).min().getAsLong()).isPositive();
    assertThat(java.util.Arrays.stream(a.budgetsMinor()).max().getAsLong())
        .isLessThanOrEqualTo(10_000_000L);
    assertThat(java.util.Arrays.stream(a.winProbabilities()).min().getAsDouble())
        .isGreaterThanOrEqualTo(0.0);
    assertThat(java.util.Arrays.stream(a.winProbabilities()).max().getAsDouble()).isLessThan(1.0);
  }

  @Test
  void measuredCallsAnswerTheQuestion() {
    OpenPipeline p = PipelineBenchmark.pipeline(DEALS, 7L);
    CountDistribution counts = PipelineForecaster.counts(p);
    double expected = 0;
    for (double v : p.winProbabilities()) {
      expected += v;
    }
    assertThat(counts.mean()).isCloseTo(expected, within(1e-9 * expected));
    RevenueDistribution mc = PipelineForecaster.monteCarlo(p, 1_000, PipelineBenchmark.SEED);
    assertThat(mc.distributionMean())
        .isCloseTo(p.weightedPipelineMinor(), within(5 * mc.meanErrorBound()));
    assertThat(mc.cdfErrorBound()).isCloseTo(Math.sqrt(Math.log(200) / 2000), within(1e-12));
  }
}
