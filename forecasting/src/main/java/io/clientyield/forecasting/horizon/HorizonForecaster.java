package io.clientyield.forecasting.horizon;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.survival.TimeToOutcome;
import io.clientyield.funnel.survival.TimeToOutcome.StageSurvival;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator.GroupKey;
import io.clientyield.forecasting.horizon.HorizonForecast.DealProbability;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The horizon forecast of won revenue in {@code (asOf, asOf + h]} (DOMAIN 5.4): open deals by
 * their time-aware win probabilities plus the new business expected to arrive and be won within
 * the horizon, with a distribution calibrated on the history's own backtest residuals.
 *
 * <p>The model, as of a day {@code t}, using only what was known on {@code t}:
 * <ul>
 *   <li><b>Open deals.</b> A deal that entered a dated stage on or before {@code t} and had not
 *       closed by {@code t} is open in the last stage it entered, at age {@code a} (calendar
 *       units since it first entered that stage). It weighs
 *       {@code P(won within h | stage, a) = (F_won(a + h) - F_won(a)) / S(a)} from
 *       {@link TimeToOutcomeAccumulator} (group curve or pooled stage curve, as stated there)
 *       times its budget (zero when unknown). An open deal without any dated history cannot be
 *       aged: it is set aside and counted ({@link HorizonForecast#setAside()}).</li>
 *   <li><b>New business.</b> Deals whose first dated stage entry falls in the recent window
 *       {@code (t - W, t]} give an arrival rate per calendar day for each entry stage; a deal
 *       arriving on day {@code t + d} is won by the horizon's end with probability
 *       {@code F_won(age at the end)} of its entry stage. The value of a new win is the mean won
 *       value of deals won in the same window (of all wins up to {@code t} when none; zero when
 *       there are none at all).</li>
 *   <li><b>Closing season.</b> Many teams close most in the last month of a quarter. With
 *       {@link HorizonOptions#seasonMonths()} {@code m > 1}, the wins closed up to {@code t} give
 *       a relative intensity {@code f(j)} of won closes per calendar day in month {@code j} of
 *       the season ({@code j = (month - 1) mod m}; mean 1 over the days observed), shrunk towards
 *       1 by {@code k / (k + 1)} where {@code k} is the number of seasons observed (the fewest
 *       days of any month of the season over 30.4375), so a short history moves the forecast
 *       little; both the open
 *       deals' probabilities (capped at 1) and the new wins are scaled by the mean of {@code f}
 *       over the horizon's days. Until every month of the season has been observed for 28 days
 *       the factor is 1. On the bundled export this cuts the one-month WAPE at month-end
 *       origins from 26 % to 17 % (examples/README.md).</li>
 *   <li><b>Calibration (split-conformal on past origins).</b> At up to {@code K} past origins
 *       {@code t_k = g - k × step}, where {@code g} is the last day on or before {@code t - h}
 *       on the grid of every {@code step} days from 1970-01-01 (so every {@code t_k + h <= t},
 *       and forecasts at nearby origins share their past origins; only those at least
 *       {@code maturityDays} after the first close known at {@code t}, so a model fitted on a
 *       history too short to have seen whole cycles does not calibrate) the same model is run as
 *       of {@code t_k} and the ratio {@code r_k = actual_k / expected_k} of the won value in
 *       {@code (t_k, t_k + h]} to its expectation is kept. With at least {@code minCalibration}
 *       ratios the scenarios are {@code expected × r_k} and the point forecast is their median
 *       (the conformal P50): the intervals then carry the model's own error, not just the
 *       deal-level randomness. With fewer, the scenarios are 200 quantiles of a seeded Monte
 *       Carlo of the model (Bernoulli open deals, Poisson new wins with values drawn from the
 *       window's wins) and the point is the expectation; the method says which.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; deterministic for given options (seeded).
 */
public final class HorizonForecaster implements Forecaster {
  /** The model name in every forecast. */
  public static final String NAME = "horizon";
  /**
   * The longest horizon, in days from its origin (about ten years): the model sums the new
   * business over the horizon's days, so the bound keeps a forecast's work bounded.
   */
  public static final int MAX_HORIZON_DAYS = 3_660;
  /** The method statement of a calibrated forecast. */
  public static final String CONFORMAL = "split-conformal: scenarios = expected x (actual/expected)"
      + " ratios of the same model at past origins g - k x step, k = 0..K-1 (g: the last day of the"
      + " step grid on or before t - h); point = conformal P50";
  /** The method statement of an uncalibrated forecast. */
  public static final String MODEL_ONLY = "model only (too few past origins to calibrate):"
      + " 200 quantiles of a seeded Monte Carlo of Bernoulli open deals and Poisson new wins;"
      + " point = expectation; intervals omit the model's own error";
  private static final int SCENARIOS = 200;

  private final HorizonOptions options;
  private final Function<? super Deal, Optional<Money>> wonValue;
  private final GroupKey groupKey;

  /**
   * A forecaster that values a won deal by its budget.
   *
   * @param options the settings
   */
  public HorizonForecaster(HorizonOptions options) {
    this(options, Deal::budget);
  }

  /**
   * A forecaster that values a won deal by a function (e.g. the contract value a CRM keeps apart
   * from the budget); used for the calibration actuals and the value of new wins.
   *
   * @param options the settings
   * @param wonValue the value of a won deal, empty when unknown (then it counts as zero)
   */
  public HorizonForecaster(HorizonOptions options, Function<? super Deal, Optional<Money>> wonValue) {
    this.options = Checks.notNull("options", options);
    this.wonValue = Checks.notNull("wonValue", wonValue);
    this.groupKey = options.groupBy().map(g -> g.equals("manager") ? TimeToOutcomeAccumulator.BY_MANAGER
        : GroupKey.attribute(g)).orElse(TimeToOutcomeAccumulator.POOLED);
  }

  /**
   * The settings.
   *
   * @return the options
   */
  public HorizonOptions options() {
    return options;
  }

  /**
   * Forecasts the won revenue in {@code (asOf, asOf + horizon]} from what is known on
   * {@code asOf} (anything dated later in {@code known} is ignored).
   *
   * @param known the deals
   * @param asOf the as-of date
   * @param horizon the horizon (positive)
   * @return the forecast
   * @throws ValidationException if an argument is null, the horizon is not positive or longer
   *     than {@value #MAX_HORIZON_DAYS} days, the origin leaves no room for it among the dates
   *     a {@link LocalDate} holds, a deal's stage is unknown or an amount is in another currency
   */
  @Override
  public HorizonForecast forecast(List<Deal> known, LocalDate asOf, Period horizon) {
    Checks.notNull("known", known);
    Checks.elementsNotNull("known", known);
    Checks.notNull("asOf", asOf);
    Checks.notNull("horizon", horizon);
    return run(known, Map.of(horizon, List.of(asOf)), false).get(horizon).get(0);
  }

  /**
   * Forecasts at every origin from the history known then ({@link Backtest#knownAt}), equal to
   * the origin-by-origin forecasts. The model as of a day depends only on what was known that
   * day, so every run (each origin's own and each of its calibration origins, shared between
   * origins on the fixed grid) is taken from one sweep over the history in date order: the
   * survival counts advance with {@link TimeToOutcomeAccumulator#resultsAsOf}, open budgets are
   * summed per place (group, stage, day that stage was entered) and moved by stage-entry and close
   * events, and arrivals, wins and actuals are ranges of the deals sorted by date. A run costs its
   * places (an origin's own run also lists its open deals), not the whole history again.
   *
   * @param history the full dated history
   * @param origins the origins
   * @param horizon the horizon (positive)
   * @return one forecast per origin, in order
   * @throws ValidationException as {@link #forecast}
   */
  @Override
  public List<HorizonForecast> forecastEach(List<Deal> history, List<LocalDate> origins, Period horizon) {
    Checks.notNull("history", history);
    Checks.notNull("origins", origins);
    Checks.elementsNotNull("origins", origins);
    Checks.elementsNotNull("history", history);
    Checks.notNull("horizon", horizon);
    return run(history, Map.of(horizon, origins), true).get(horizon);
  }

  /**
   * {@link #forecastEach(List, List, Period)} for several horizons in one sweep: the survival
   * estimates and the open deals' places as of each day are computed once, whatever the number
   * of horizons, and each horizon's forecasts equal those of its own call (next month and next
   * quarter at the same origins cost little more than one of them).
   *
   * @param history the full dated history
   * @param originsByHorizon the origins of each horizon (positive horizons)
   * @return one forecast per origin, in order, for each horizon, in the map's order
   * @throws ValidationException as {@link #forecast}
   */
  public Map<Period, List<HorizonForecast>> forecastEach(List<Deal> history,
      Map<Period, List<LocalDate>> originsByHorizon) {
    Checks.notNull("history", history);
    Checks.elementsNotNull("history", history);
    Checks.notNull("originsByHorizon", originsByHorizon);
    for (Map.Entry<Period, List<LocalDate>> e : originsByHorizon.entrySet()) {
      Checks.notNull("originsByHorizon key", e.getKey());
      Checks.notNull("originsByHorizon[" + e.getKey() + "]", e.getValue());
      Checks.elementsNotNull("originsByHorizon[" + e.getKey() + "]", e.getValue());
    }
    return run(history, originsByHorizon, true);
  }

  private Map<Period, List<HorizonForecast>> run(List<Deal> deals, Map<Period, List<LocalDate>> originsByHorizon,
      boolean knownAtOrigins) {
    Map<Period, List<HorizonForecast>> out = new java.util.LinkedHashMap<>();
    LocalDate last = null;
    for (Map.Entry<Period, List<LocalDate>> e : originsByHorizon.entrySet()) {
      for (LocalDate origin : e.getValue()) {
        end(origin, e.getKey());
        last = last == null || origin.isAfter(last) ? origin : last;
      }
      out.put(e.getKey(), List.of());
    }
    if (last == null) {
      return java.util.Collections.unmodifiableMap(out);
    }
    HorizonSweep sweep = new HorizonSweep(options, groupKey, this::valueMinor, deals, last, knownAtOrigins);
    Optional<LocalDate> earliest = sweep.earliestClose();
    // every run: each origin's own (with the deal-level detail) and its calibration origins
    java.util.SortedMap<LocalDate, List<HorizonSweep.Run>> runs = new java.util.TreeMap<>();
    for (Map.Entry<Period, List<LocalDate>> e : originsByHorizon.entrySet()) {
      Period horizon = e.getKey();
      java.util.Set<LocalDate> own = new java.util.HashSet<>(e.getValue());
      java.util.Set<LocalDate> days = new java.util.HashSet<>(own);
      for (LocalDate origin : e.getValue()) {
        days.addAll(calibrationOrigins(origin, horizon, earliest));
      }
      for (LocalDate t : days) {
        runs.computeIfAbsent(t, k -> new ArrayList<>()).add(new HorizonSweep.Run(horizon, own.contains(t)));
      }
    }
    Map<DayAndHorizon, double[]> calibrations = new HashMap<>();
    Map<DayAndHorizon, HorizonSweep.Raw> now = new HashMap<>();
    sweep.run(runs, (t, run, raw) -> {
      calibrations.put(new DayAndHorizon(t, run.horizon()),
          new double[] {raw.open + raw.fresh, sweep.actualMinor(t, t.plus(run.horizon()))});
      if (run.detail()) {
        now.put(new DayAndHorizon(t, run.horizon()), raw);
      }
    });
    for (Map.Entry<Period, List<LocalDate>> e : originsByHorizon.entrySet()) {
      Period horizon = e.getKey();
      List<HorizonForecast> each = new ArrayList<>(e.getValue().size());
      for (LocalDate origin : e.getValue()) {
        List<Double> ratios = new ArrayList<>();
        for (LocalDate t : calibrationOrigins(origin, horizon, earliest)) {
          double[] r = calibrations.get(new DayAndHorizon(t, horizon));
          if (r[0] > 0) {
            ratios.add(r[1] / r[0]);
          }
        }
        each.add(forecast(now.get(new DayAndHorizon(origin, horizon)), origin, origin.plus(horizon), ratios));
      }
      out.put(horizon, each);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private record DayAndHorizon(LocalDate day, Period horizon) {}

  /** The calibration origins of a forecast at {@code asOf}, latest first. */
  private List<LocalDate> calibrationOrigins(LocalDate asOf, Period horizon, Optional<LocalDate> firstClose) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate earliest = firstClose.filter(c -> !c.isAfter(asOf)).orElse(null);
    if (earliest == null) {
      return out;
    }
    // in epoch days (longs), so that no step can leave the dates a LocalDate holds: every origin
    // kept is on or after the earliest close, which is one
    long from = earliest.toEpochDay() + options.maturityDays();
    long latest = latestCalibrationOrigin(asOf, horizon);
    for (int k = 0; k < options.calibrationOrigins(); k++) {
      long t = latest - (long) k * options.calibrationStepDays();
      if (t < from) {
        break;
      }
      out.add(LocalDate.ofEpochDay(t));
    }
    return out;
  }

  /**
   * The end of the horizon {@code (origin, origin + horizon]}, checked: the horizon is positive,
   * at most {@value #MAX_HORIZON_DAYS} days long, and it ends (and, looking back for the
   * calibration, starts) on a date a {@link LocalDate} can hold.
   *
   * @throws ValidationException naming the horizon or the origin
   */
  static LocalDate end(LocalDate origin, Period horizon) {
    if (horizon.toTotalMonths() * 28 + horizon.getDays() > MAX_HORIZON_DAYS) { // surely longer
      throw ValidationException.of("horizon", horizon, "must end at most " + MAX_HORIZON_DAYS
          + " days after its origin (" + origin + ")");
    }
    LocalDate end;
    try {
      end = origin.plus(horizon);
      origin.minus(horizon);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw ValidationException.of("origin", origin, "must leave room for the horizon " + horizon
          + " before " + LocalDate.MAX + " and after " + LocalDate.MIN);
    }
    if (!end.isAfter(origin)) {
      throw ValidationException.of("horizon", horizon, "must be positive");
    }
    if (end.toEpochDay() - origin.toEpochDay() > MAX_HORIZON_DAYS) {
      throw ValidationException.of("horizon", horizon, "must end at most " + MAX_HORIZON_DAYS
          + " days after its origin (" + origin + ")");
    }
    return end;
  }

  private HorizonForecast forecast(HorizonSweep.Raw now, LocalDate asOf, LocalDate end, List<Double> ratios) {
    double expected = now.open + now.fresh;
    List<Money> scenarios = new ArrayList<>();
    String method;
    Money point;
    if (ratios.size() >= options.minCalibration()) {
      double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      for (double x : r) {
        scenarios.add(money(expected * x));
      }
      method = CONFORMAL + " (K = " + r.length + ")";
      point = null;
    } else {
      scenarios = monteCarlo(now);
      method = MODEL_ONLY + " (" + ratios.size() + " past origins)";
      point = money(expected);
    }
    if (now.season != 1.0) {
      method = method + String.format(java.util.Locale.ROOT, "; closing-season factor %.3f", now.season);
    }
    if (point == null) { // the conformal P50 of the scenarios (checked once, with the deals, below)
      point = new HorizonForecast(NAME, asOf, end, money(expected), money(now.open), money(now.fresh),
          now.setAside, scenarios, List.of(), method).p50();
    }
    return new HorizonForecast(NAME, asOf, end, point, money(now.open), money(now.fresh), now.setAside,
        scenarios, now.deals, method);
  }

  /**
   * The latest past origin that can calibrate a forecast at {@code asOf}: the last day on or
   * before {@code asOf - horizon} on the grid of every {@code calibrationStepDays} days counted
   * from 1970-01-01. A fixed grid lets forecasts at nearby origins share their calibration runs
   * ({@link #forecastEach}), whatever the spacing of those origins. As an epoch day.
   */
  private long latestCalibrationOrigin(LocalDate asOf, Period horizon) {
    long step = options.calibrationStepDays();
    return Math.floorDiv(asOf.minus(horizon).toEpochDay(), step) * step;
  }

  private Money money(double minor) {
    return Money.ofMinor(Math.round(Math.max(0.0, minor)), options.currency());
  }

  private long valueMinor(Deal d) {
    Optional<Money> v = wonValue.apply(d);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    if (!v.get().currency().equals(options.currency())) {
      throw ValidationException.of("wonValue(" + d.id().value() + ")", v.get(),
          "must be in " + options.currency().getCurrencyCode());
    }
    return v.get().minorUnits();
  }

  private List<Money> monteCarlo(HorizonSweep.Raw raw) {
    SplittableRandom rng = new SplittableRandom(options.seed());
    int n = options.trials();
    double[] sums = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < raw.openBudgets.length; k++) {
        if (rng.nextDouble() < raw.openProbabilities[k]) {
          s += raw.openBudgets[k];
        }
      }
      long k = poisson(rng, raw.newWins);
      for (long j = 0; j < k; j++) {
        s += raw.windowWins.length == 0 ? raw.meanWin : raw.windowWins[rng.nextInt(raw.windowWins.length)];
      }
      sums[i] = s;
    }
    Arrays.sort(sums);
    List<Money> out = new ArrayList<>(SCENARIOS);
    for (int i = 0; i < SCENARIOS; i++) {
      int idx = (int) Math.min(n - 1, Math.floor((i + 0.5) / SCENARIOS * n));
      out.add(money(sums[idx]));
    }
    return out;
  }

  /** A Poisson draw (normal approximation above 50); shared with the test oracle. */
  static long poisson(SplittableRandom rng, double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 50) {
      double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
    }
    double l = Math.exp(-lambda);
    long k = 0;
    double p = 1;
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > l);
    return k - 1;
  }

  @Override
  public String toString() {
    return "HorizonForecaster" + options;
  }
}
