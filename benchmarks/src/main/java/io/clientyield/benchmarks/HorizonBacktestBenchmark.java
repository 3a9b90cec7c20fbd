package io.clientyield.benchmarks;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.forecasting.horizon.Backtest;
import io.clientyield.forecasting.horizon.BacktestReport;
import io.clientyield.forecasting.horizon.Forecaster;
import io.clientyield.forecasting.horizon.HorizonForecaster;
import io.clientyield.forecasting.horizon.HorizonOptions;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A backtest of the horizon forecast over a year of daily origins (365: 2016-12-01 … 2017-11-30,
 * h = 1 month) on a synthetic history shaped like the bundled CRM export: 8 800 deals, two
 * stages, 500 undated prospects, engagements from 2016-10-20 to 2017-12-31, about half won, a
 * third lost, the rest open (seeded). Both the horizon model (with {@code calibrationOrigins}
 * past origins per forecast) and the stage-weighted baseline run at every origin.
 *
 * <pre>
 * java -cp "$CP" org.openjdk.jmh.Main HorizonBacktestBenchmark -f 1 -wi 0 -i 1
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class HorizonBacktestBenchmark {
  static final Currency USD = Currency.getInstance("USD");
  static final Stages STAGES = Stages.of("prospecting", "engaging");
  static final long[] PRICES = {55_00, 550_00, 1096_00, 3393_00, 4821_00, 5482_00, 26768_00};

  /** Past origins per forecast for the conformal calibration (0: the model's own Monte Carlo). */
  @Param({"26", "0"})
  public int calibrationOrigins;

  /**
   * Whether the model shares its calibration runs between the origins of the backtest
   * ({@code HorizonForecaster.forecastEach}, the default) or is called origin by origin (the
   * same forecasts, each recomputing its past origins), side by side in one run.
   */
  @Param({"true", "false"})
  public boolean shared;

  List<Deal> history;
  List<LocalDate> origins;
  Forecaster model;
  Forecaster baseline;

  /**
   * A seeded synthetic history shaped like the export.
   *
   * @param deals the number of deals
   * @param seed the seed
   * @return the deals
   */
  public static List<Deal> history(int deals, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LocalDate first = LocalDate.of(2016, 10, 20);
    LocalDate last = LocalDate.of(2017, 12, 31);
    int span = (int) (last.toEpochDay() - first.toEpochDay());
    List<Deal> out = new ArrayList<>(deals);
    for (int i = 0; i < deals; i++) {
      Deal.Builder b = Deal.builder().id(DealId.of("s" + i)).manager(ManagerId.of("m" + r.nextInt(35)))
          .budget(Money.ofMinor(PRICES[r.nextInt(PRICES.length)], USD));
      if (i % 17 == 0) {
        out.add(b.reachedStage("prospecting").build());
        continue;
      }
      LocalDate engaged = first.plusDays(r.nextInt(span + 1));
      b.reachedStage("engaging").addHistory(StageVisit.of("engaging", engaged));
      LocalDate close = engaged.plusDays((long) (-45 * Math.log(1 - r.nextDouble())));
      double u = r.nextDouble();
      if (u < 0.85 && !close.isAfter(last)) {
        b.outcome(u < 0.53 ? Outcome.won() : Outcome.clientRefused("lost")).closedOn(close);
      }
      out.add(b.build());
    }
    return out;
  }

  /** Builds the history, the origins and the forecasters. */
  @Setup(Level.Trial)
  public void setUp() {
    history = history(8_800, 17L);
    origins = Backtest.every(LocalDate.of(2016, 12, 1), LocalDate.of(2017, 11, 30), 1);
    HorizonForecaster horizon = new HorizonForecaster(HorizonOptions.of(STAGES, USD)
        .withCalibration(calibrationOrigins, 7, 8));
    model = shared ? horizon : horizon::forecast;
    baseline = Backtest.stageWeightedBaseline(STAGES, USD, 2000, 42L);
  }

  /**
   * The backtest over every daily origin.
   *
   * @return the report
   */
  @Benchmark
  public BacktestReport dailyOrigins() {
    return Backtest.run(history, origins, Period.ofMonths(1), model, baseline, Deal::budget, USD);
  }
}
