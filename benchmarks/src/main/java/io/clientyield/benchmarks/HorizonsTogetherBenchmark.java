package io.clientyield.benchmarks;

import io.clientyield.forecasting.horizon.Backtest;
import io.clientyield.forecasting.horizon.HorizonForecast;
import io.clientyield.forecasting.horizon.HorizonForecaster;
import io.clientyield.forecasting.horizon.HorizonOptions;
import io.clientyield.funnel.Deal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The review's horizon forecasts, next month and next quarter at the month-ends of a year, made
 * in one sweep over the history for both horizons
 * ({@code HorizonForecaster.forecastEach(history, Map)}) against one sweep per horizon (two
 * {@code forecastEach(history, origins, horizon)} calls), side by side in one run. The history is
 * {@link HorizonBacktestBenchmark#history}'s synthetic export (seeded), at the bundled size and
 * at 200 000 deals; the forecasts are the same either way (a property in the forecasting tests).
 *
 * <pre>
 * java -cp "$CP" org.openjdk.jmh.Main HorizonsTogetherBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class HorizonsTogetherBenchmark {
  private static final Period MONTH = Period.ofMonths(1);
  private static final Period QUARTER = Period.ofMonths(3);

  /** The number of deals in the history. */
  @Param({"8800", "200000"})
  public int deals;

  /** Whether both horizons share one sweep ({@code true}) or each has its own. */
  @Param({"true", "false"})
  public boolean together;

  List<Deal> history;
  List<LocalDate> monthOrigins;
  List<LocalDate> quarterOrigins;
  HorizonForecaster model;

  /** Builds the history, the origins and the forecaster. */
  @Setup(Level.Trial)
  public void setUp() {
    history = HorizonBacktestBenchmark.history(deals, 17L);
    // the review's origins: the month-ends whose horizon has ended by the last close, and that day
    LocalDate asOf = LocalDate.of(2017, 12, 31);
    monthOrigins = withAsOf(Backtest.monthEnds(YearMonth.of(2016, 12), YearMonth.of(2017, 11)), asOf);
    quarterOrigins = withAsOf(Backtest.monthEnds(YearMonth.of(2016, 10), YearMonth.of(2017, 9)), asOf);
    model = new HorizonForecaster(HorizonOptions.of(HorizonBacktestBenchmark.STAGES, HorizonBacktestBenchmark.USD));
  }

  private static List<LocalDate> withAsOf(List<LocalDate> origins, LocalDate asOf) {
    List<LocalDate> all = new java.util.ArrayList<>(origins);
    all.add(asOf);
    return all;
  }

  /**
   * Both horizons' forecasts at every origin.
   *
   * @return the forecasts (so the work is not eliminated)
   */
  @Benchmark
  public Map<Period, List<HorizonForecast>> forecasts() {
    if (together) {
      Map<Period, List<LocalDate>> byHorizon = new LinkedHashMap<>();
      byHorizon.put(MONTH, monthOrigins);
      byHorizon.put(QUARTER, quarterOrigins);
      return model.forecastEach(history, byHorizon);
    }
    Map<Period, List<HorizonForecast>> out = new LinkedHashMap<>();
    out.put(MONTH, model.forecastEach(history, monthOrigins, MONTH));
    out.put(QUARTER, model.forecastEach(history, quarterOrigins, QUARTER));
    return out;
  }
}
