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
 * The test oracle of {@link HorizonForecaster}: its first, straightforward form, which refolds
 * every deal known at an origin into a new {@link TimeToOutcomeAccumulator} for the origin and
 * for each of its calibration origins, and walks every open deal at every run. The production
 * forecaster sweeps the history once; both must give equal forecasts. (Two sums follow the
 * forecaster's definition: the open amount is summed per place, and arrivals in stage order.)
 */
final class ReferenceHorizonForecaster implements Forecaster {
  /** The model name in every forecast. */
  static final String NAME = "horizon";
  /** The method statement of a calibrated forecast. */
  static final String CONFORMAL = "split-conformal: scenarios = expected x (actual/expected)"
      + " ratios of the same model at past origins g - k x step, k = 0..K-1 (g: the last day of the"
      + " step grid on or before t - h); point = conformal P50";
  /** The method statement of an uncalibrated forecast. */
  static final String MODEL_ONLY = "model only (too few past origins to calibrate):"
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
  ReferenceHorizonForecaster(HorizonOptions options) {
    this(options, Deal::budget);
  }

  /**
   * A forecaster that values a won deal by a function (e.g. the contract value a CRM keeps apart
   * from the budget); used for the calibration actuals and the value of new wins.
   *
   * @param options the settings
   * @param wonValue the value of a won deal, empty when unknown (then it counts as zero)
   */
  ReferenceHorizonForecaster(HorizonOptions options, Function<? super Deal, Optional<Money>> wonValue) {
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
  HorizonOptions options() {
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
   * @throws ValidationException if an argument is null, the horizon is not positive, a deal's
   *     stage is unknown or an amount is in another currency
   */
  @Override
  public HorizonForecast forecast(List<Deal> known, LocalDate asOf, Period horizon) {
    return forecast(known, asOf, horizon, null, null);
  }

  /**
   * Forecasts at every origin from the history known then, sharing the calibration runs between
   * origins: the model's expectation at a past origin {@code t_k} and the actual of
   * {@code (t_k, t_k + h]} depend only on what was known by {@code t_k + h}, which every later
   * origin knows, so each is computed once per call. Equal to the origin-by-origin forecasts;
   * a year of daily origins costs a few hundred model runs instead of ten thousand.
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
    Map<LocalDate, double[]> calibrations = new HashMap<>();
    // each won deal's value, asked of the caller's function once per call (the same instances
    // come back from Backtest.knownAt for deals known in full)
    Map<Deal, Long> values = new java.util.IdentityHashMap<>();
    List<HorizonForecast> out = new ArrayList<>(origins.size());
    for (LocalDate origin : origins) {
      out.add(forecast(Backtest.knownAt(history, origin), origin, horizon, calibrations, values));
    }
    return out;
  }

  private HorizonForecast forecast(List<Deal> known, LocalDate asOf, Period horizon,
      Map<LocalDate, double[]> calibrations, Map<Deal, Long> values) {
    Checks.notNull("known", known);
    Checks.elementsNotNull("known", known);
    Checks.notNull("asOf", asOf);
    Checks.notNull("horizon", horizon);
    LocalDate end = asOf.plus(horizon);
    if (!end.isAfter(asOf)) {
      throw ValidationException.of("horizon", horizon, "must be positive");
    }
    Raw now = raw(known, asOf, horizon, true, values);
    LocalDate earliest = earliestClose(known, asOf);
    List<Double> ratios = new ArrayList<>();
    for (int k = 0; k < options.calibrationOrigins(); k++) {
      LocalDate t = latestCalibrationOrigin(asOf, horizon).minusDays((long) k * options.calibrationStepDays());
      if (earliest == null || t.isBefore(earliest.plusDays(options.maturityDays()))) {
        break;
      }
      double[] run = calibrations == null ? null : calibrations.get(t);
      if (run == null) {
        Raw past = raw(known, t, horizon, false, values);
        run = new double[] {past.open + past.fresh, actualMinor(known, t, t.plus(horizon))};
        if (calibrations != null) {
          calibrations.put(t, run);
        }
      }
      if (run[0] <= 0) {
        continue;
      }
      ratios.add(run[1] / run[0]);
    }
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
    HorizonForecast f = new HorizonForecast(NAME, asOf, end, money(expected), money(now.open),
        money(now.fresh), now.setAside, scenarios, now.deals, method);
    if (point == null) {
      f = new HorizonForecast(NAME, asOf, end, f.p50(), f.openDeals(), f.newBusiness(), now.setAside,
          scenarios, now.deals, method);
    }
    return f;
  }

  /**
   * The latest past origin that can calibrate a forecast at {@code asOf}: the last day on or
   * before {@code asOf - horizon} on the grid of every {@code calibrationStepDays} days counted
   * from 1970-01-01. A fixed grid lets forecasts at nearby origins share their calibration runs
   * ({@link #forecastEach}), whatever the spacing of those origins.
   */
  private LocalDate latestCalibrationOrigin(LocalDate asOf, Period horizon) {
    long step = options.calibrationStepDays();
    return LocalDate.ofEpochDay(Math.floorDiv(asOf.minus(horizon).toEpochDay(), step) * step);
  }

  private Money money(double minor) {
    return Money.ofMinor(Math.round(Math.max(0.0, minor)), options.currency());
  }

  private static LocalDate earliestClose(List<Deal> deals, LocalDate asOf) {
    LocalDate min = null;
    for (Deal d : deals) {
      if (d.closedOn().isPresent() && !d.closedOn().get().isAfter(asOf)) {
        LocalDate x = d.closedOn().get();
        if (min == null || x.isBefore(min)) {
          min = x;
        }
      }
    }
    return min;
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

  private double actualMinor(List<Deal> deals, LocalDate from, LocalDate to) {
    double sum = 0;
    for (Deal d : deals) {
      if (d.outcome().isPresent() && d.outcome().get().isWon() && d.closedOn().isPresent()
          && d.closedOn().get().isAfter(from) && !d.closedOn().get().isAfter(to)) {
        sum += valueMinor(d);
      }
    }
    return sum;
  }

  /** The model's own expectation as of t. */
  private static final class Raw {
    double open;
    double fresh;
    long setAside;
    List<DealProbability> deals = new ArrayList<>();
    List<long[]> openDeals = new ArrayList<>();
    double newWins;
    long[] windowWins = new long[0];
    double meanWin;
    double season = 1.0;
  }

  private Raw raw(List<Deal> deals, LocalDate t, Period horizon, boolean detail, Map<Deal, Long> values) {
    BusinessCalendar cal = options.calendar();
    TimeToOutcomeAccumulator acc = new TimeToOutcomeAccumulator(options.stages(), t, cal,
        options.minAtRisk(), groupKey);
    for (Deal d : deals) {
      acc.add(d);
    }
    TimeToOutcome tto = acc.result();
    LocalDate end = t.plus(horizon);
    long h = cal.workingDaysBetween(t, end);
    LocalDate windowStart = t.minusDays(options.arrivalWindowDays());
    double season = seasonFactor(deals, t, end);
    Raw raw = new Raw();
    raw.season = season;
    Map<String, Long> arrivals = new java.util.TreeMap<>(
        java.util.Comparator.comparingInt(id -> options.stages().indexOf("stage", id)));
    // the budgets of the open deals summed per (group, stage, day that stage was entered), summed
    // up in that order (group names, no group first): the forecaster's definition of the amount
    Map<List<Object>, long[]> places = new java.util.TreeMap<>((a, b) -> {
      String ga = (String) a.get(0);
      String gb = (String) b.get(0);
      int c = ga == null ? (gb == null ? 0 : -1) : gb == null ? 1 : ga.compareTo(gb);
      if (c == 0) {
        c = Integer.compare((Integer) a.get(1), (Integer) b.get(1));
      }
      return c != 0 ? c : ((LocalDate) a.get(2)).compareTo((LocalDate) b.get(2));
    });
    Map<List<Object>, Double> placeProbability = new HashMap<>();
    List<Long> windowWins = new ArrayList<>();
    List<Long> allWins = new ArrayList<>();
    for (Deal d : deals) {
      Optional<LocalDate> closed = d.closedOn();
      boolean closedByT = closed.isPresent() && !closed.get().isAfter(t);
      if (closedByT && d.outcome().get().isWon()) {
        long v = values == null ? valueMinor(d) : values.computeIfAbsent(d, this::valueMinor);
        allWins.add(v);
        if (closed.get().isAfter(windowStart)) {
          windowWins.add(v);
        }
      }
      List<StageVisit> hist = d.history();
      if (!hist.isEmpty() && hist.get(0).enteredOn().isAfter(windowStart)
          && !hist.get(0).enteredOn().isAfter(t)) {
        arrivals.merge(hist.get(0).stage(), 1L, Long::sum);
      }
      if (closedByT || (d.outcome().isPresent() && closed.isEmpty())) {
        continue;
      }
      if (hist.isEmpty()) {
        raw.setAside++;
        continue;
      }
      StageVisit current = null;
      for (StageVisit v : hist) {
        if (!v.enteredOn().isAfter(t)) {
          current = v;
        }
      }
      if (current == null) {
        continue;
      }
      LocalDate entered = current.enteredOn();
      for (StageVisit v : hist) {
        if (v.stage().equals(current.stage())) {
          entered = v.enteredOn();
          break;
        }
      }
      long age = Math.max(0, cal.workingDaysBetween(entered, t));
      String g = groupKey == TimeToOutcomeAccumulator.POOLED ? null
          : Optional.ofNullable(groupKey.key().apply(d)).orElse(TimeToOutcomeAccumulator.NO_GROUP);
      double p = tto.winWithin(current.stage(), g, age, h).probability();
      long budget = 0;
      if (d.budget().isPresent()) {
        if (!d.budget().get().currency().equals(options.currency())) {
          throw ValidationException.of("budget(" + d.id().value() + ")", d.budget().get(),
              "must be in " + options.currency().getCurrencyCode());
        }
        budget = d.budget().get().minorUnits();
      }
      p = Math.min(1.0, p * season);
      List<Object> place = java.util.Arrays.asList(g, options.stages().indexOf("stage", current.stage()), entered);
      places.computeIfAbsent(place, k -> new long[1])[0] += budget;
      placeProbability.put(place, p);
      if (detail) {
        raw.deals.add(new DealProbability(d.id(), current.stage(), age, p,
            Money.ofMinor(budget, options.currency())));
        raw.openDeals.add(new long[] {budget, Double.doubleToLongBits(p)});
      }
    }
    for (Map.Entry<List<Object>, long[]> e : places.entrySet()) {
      raw.open += placeProbability.get(e.getKey()) * e.getValue()[0];
    }
    long days = ChronoUnit.DAYS.between(t, end);
    double newWins = 0;
    for (Map.Entry<String, Long> e : arrivals.entrySet()) {
      StageSurvival s = tto.stage(e.getKey());
      double rate = e.getValue() / (double) options.arrivalWindowDays();
      double sum = 0;
      for (long d = 1; d <= days; d++) {
        sum += s.cumulativeWonAt(Math.max(0, cal.workingDaysBetween(t.plusDays(d), end)));
      }
      newWins += rate * sum;
    }
    newWins *= season;
    List<Long> wins = windowWins.isEmpty() ? allWins : windowWins;
    double mean = wins.isEmpty() ? 0 : wins.stream().mapToLong(Long::longValue).average().orElse(0);
    raw.newWins = newWins;
    raw.meanWin = mean;
    raw.windowWins = wins.stream().mapToLong(Long::longValue).toArray();
    raw.fresh = newWins * mean;
    return raw;
  }

  /**
   * The mean, over the days of {@code (t, end]}, of the relative intensity of won closes in each
   * day's month of the closing season, measured on the wins closed on or before {@code t}.
   */
  private double seasonFactor(List<Deal> deals, LocalDate t, LocalDate end) {
    int m = options.seasonMonths();
    if (m == 1) {
      return 1.0;
    }
    LocalDate first = null;
    long[] wins = new long[m];
    for (Deal d : deals) {
      Optional<LocalDate> c = d.closedOn();
      if (c.isPresent() && !c.get().isAfter(t) && d.outcome().isPresent() && d.outcome().get().isWon()) {
        wins[seasonMonth(c.get(), m)]++;
        if (first == null || c.get().isBefore(first)) {
          first = c.get();
        }
      }
    }
    if (first == null) {
      return 1.0;
    }
    return HorizonSweep.seasonFactor(wins, first, t, end, m); // the formula is the production's
  }

  // the season's calendar and factor and the Poisson draw are the production's own (not what
  // the sweep changed): HorizonSweep.seasonMonth and seasonFactor, HorizonForecaster.poisson
  private static int seasonMonth(LocalDate d, int m) {
    return HorizonSweep.seasonMonth(d, m);
  }

  private List<Money> monteCarlo(Raw raw) {
    SplittableRandom rng = new SplittableRandom(options.seed());
    int n = options.trials();
    double[] sums = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (long[] deal : raw.openDeals) {
        if (rng.nextDouble() < Double.longBitsToDouble(deal[1])) {
          s += deal[0];
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

  private static long poisson(SplittableRandom rng, double lambda) {
    return HorizonForecaster.poisson(rng, lambda);
  }

  @Override
  public String toString() {
    return "ReferenceHorizonForecaster" + options;
  }
}
