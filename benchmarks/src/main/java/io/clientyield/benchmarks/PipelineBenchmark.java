package io.clientyield.benchmarks;

import io.clientyield.core.Money;
import io.clientyield.forecasting.CountDistribution;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.RevenueDistribution;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The probabilistic pipeline of the forecasting module against the targets: the exact
 * win-count distribution ({@link PipelineForecaster#counts}, Poisson-binomial DP) of 10 000 open
 * deals in at most 50 ms, and the won-revenue distribution of 100 000 open deals by seeded Monte
 * Carlo ({@link PipelineForecaster#monteCarlo}, 10 000 trials) in at most 3 s with its stated
 * error bounds (standard error of the mean, 99 % DKW bound on the CDF), printed by setup.
 *
 * <p>The pipelines are {@link #pipeline(int, long)}: budgets uniform in EUR 0.01 .. 100 000,
 * win probabilities uniform in [0, 1), seeded. The exact grid convolution ({@link
 * PipelineForecaster#onGrid}) is not measured at 100 000 deals: its work cap (deals × cells
 * ≤ 2·10⁹) forces a grid of at most 20 000 cells, whose worst-case bound {@code n × step / 2}
 * then exceeds the total budget; see the README.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PipelineBenchmark {
  /** The currency of the synthetic pipelines. */
  static final Currency EUR = Currency.getInstance("EUR");
  /** Monte Carlo trials. */
  public static final int TRIALS = 10_000;
  /** Monte Carlo seed. */
  public static final long SEED = 3L;

  /**
   * Returns a seeded pipeline of {@code deals} open deals: budgets uniform in 1 .. 10 000 000
   * minor units, win probabilities uniform in [0, 1).
   *
   * @param deals the number of deals
   * @param seed the seed
   * @return the pipeline
   */
  public static OpenPipeline pipeline(int deals, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    OpenPipeline p = new OpenPipeline(EUR);
    for (int i = 0; i < deals; i++) {
      p.add(Money.ofMinor(r.nextLong(1, 10_000_001), EUR), r.nextDouble());
    }
    return p;
  }

  /** 10 000 open deals. */
  @State(Scope.Benchmark)
  public static class TenThousand {
    /** The pipeline. */
    public OpenPipeline pipeline;

    /** Builds the pipeline. */
    @Setup(Level.Trial)
    public void setUp() {
      pipeline = pipeline(10_000, 1L);
    }
  }

  /** 100 000 open deals. */
  @State(Scope.Benchmark)
  public static class HundredThousand {
    /** The pipeline. */
    public OpenPipeline pipeline;

    /** Builds the pipeline and prints the Monte Carlo error bounds once. */
    @Setup(Level.Trial)
    public void setUp() {
      pipeline = pipeline(100_000, 7L);
      RevenueDistribution d = PipelineForecaster.monteCarlo(pipeline, TRIALS, SEED);
      System.out.printf(java.util.Locale.ROOT,
          "%nMonte Carlo 100k deals x %d trials: mean %.0f minor (weighted pipeline %.0f),"
              + " mean error bound (1 s.e.) %.0f minor = %.4f %% of the mean,"
              + " CDF error bound (99 %% DKW) %.4f%n",
          TRIALS, d.distributionMean(), d.expectedMinor(), d.meanErrorBound(),
          100 * d.meanErrorBound() / d.distributionMean(), d.cdfErrorBound());
    }
  }

  /**
   * Exact win-count distribution of 10 000 open deals (target ≤ 50 ms).
   *
   * @param s the pipeline
   * @return the distribution
   */
  @Benchmark
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public CountDistribution counts10k(TenThousand s) {
    return PipelineForecaster.counts(s.pipeline);
  }

  /**
   * Seeded Monte Carlo revenue distribution of 100 000 open deals, 10 000 trials (target ≤ 3 s).
   *
   * @param s the pipeline
   * @return the distribution
   */
  @Benchmark
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public RevenueDistribution monteCarlo100k(HundredThousand s) {
    return PipelineForecaster.monteCarlo(s.pipeline, TRIALS, SEED);
  }
}
