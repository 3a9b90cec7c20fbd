package io.clientyield.forecasting.horizon;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.internal.DaySort;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.forecasting.horizon.BacktestReport.CalibrationBin;
import io.clientyield.forecasting.horizon.BacktestReport.IntervalCoverage;
import io.clientyield.forecasting.horizon.BacktestReport.ModelScore;
import io.clientyield.forecasting.horizon.BacktestReport.OriginRow;
import io.clientyield.forecasting.horizon.HorizonForecast.DealProbability;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A rolling-origin backtest of any {@link Forecaster} on the caller's own dated history (DOMAIN
 * 5.5), always beside the stage-weighted baseline, with <b>no look-ahead</b>: at each origin the
 * forecaster sees only {@link #knownAt(List, LocalDate) the history as known then}.
 *
 * <p>Measures, over the origins {@code o} with forecast {@code F_o} (the point) and actual
 * {@code A_o} (the won value, by the caller's value function, of deals closed won in
 * {@code (o, o + h]}): WAPE {@code Σ|F - A| / ΣA}, bias {@code Σ(F - A) / ΣA}, coverage of the
 * nominal central intervals 50 %, 80 % and 90 %; over every deal-level probability {@code p} of a
 * deal open at an origin: the Brier score {@code mean (p - won within h)²} and a calibration table
 * by probability decile. Deterministic: the forecasters carry their own seeds.
 *
 * <p>Stateless and thread-safe.
 */
public final class Backtest {
  /** The nominal coverages whose central intervals are scored. */
  public static final List<Double> NOMINAL = List.of(0.5, 0.8, 0.9);
  /** The baseline's model name. */
  public static final String BASELINE = "stage-weighted";
  /** The most origins {@link #every} and {@link #monthEnds} list (a daily backtest of 270 years). */
  public static final int MAX_ORIGINS = 100_000;

  private Backtest() {}

  /**
   * The history as it was known at an origin. Rules:
   * <ul>
   *   <li>a deal with no dated history and no close day is undated: never visible;</li>
   *   <li>a deal with an outcome but no close day cannot be placed in time: never visible;</li>
   *   <li>a deal is visible from its first history date (its close day when it has no history):
   *       a deal not yet engaged at the origin is invisible;</li>
   *   <li>stage visits after the origin are removed (the reached stage becomes the last one
   *       left); an outcome and close day after the origin are removed (the deal is open
   *       again).</li>
   * </ul>
   * Deals known in full at the origin are returned as they are (the same instances).
   *
   * @param history the full history
   * @param origin the origin
   * @return the deals known at the origin, in history order
   * @throws ValidationException if an argument or an element is null
   */
  public static List<Deal> knownAt(List<Deal> history, LocalDate origin) {
    Checks.notNull("history", history);
    Checks.elementsNotNull("history", history);
    Checks.notNull("origin", origin);
    List<Deal> out = new ArrayList<>();
    for (Deal d : history) {
      Optional<LocalDate> known = knownFrom(d);
      if (known.isEmpty() || known.get().isAfter(origin)) {
        continue;
      }
      boolean closedLater = d.closedOn().isPresent() && d.closedOn().get().isAfter(origin);
      List<StageVisit> h = d.history();
      int keep = h.size();
      while (keep > 0 && h.get(keep - 1).enteredOn().isAfter(origin)) {
        keep--;
      }
      if (!closedLater && keep == h.size()) {
        out.add(d);
      } else {
        out.add(cut(d, h.subList(0, keep), closedLater));
      }
    }
    return out;
  }

  /** Where a deal first becomes known (the rule of {@link #knownAt}); empty: never. */
  static Optional<LocalDate> knownFrom(Deal d) {
    if (d.outcome().isPresent() && d.closedOn().isEmpty()) {
      return Optional.empty();
    }
    if (!d.history().isEmpty()) {
      return Optional.of(d.history().get(0).enteredOn());
    }
    return d.closedOn();
  }

  private static Deal cut(Deal d, List<StageVisit> kept, boolean reopen) {
    Deal.Builder b = Deal.builder().id(d.id())
        .reachedStage(kept.isEmpty() ? d.reachedStage() : kept.get(kept.size() - 1).stage())
        .history(kept);
    d.client().ifPresent(b::client);
    d.manager().ifPresent(b::manager);
    d.campaign().ifPresent(b::campaign);
    d.budget().ifPresent(b::budget);
    d.attributes().forEach(b::putAttribute);
    if (!reopen) {
      d.outcome().ifPresent(b::outcome);
      d.closedOn().ifPresent(b::closedOn);
    }
    return b.build();
  }

  /**
   * Month-end origins from one month to another, inclusive.
   *
   * @param from the first month
   * @param to the last month (not before {@code from})
   * @return the last day of every month
   * @throws ValidationException if an argument is null, {@code to} is before {@code from} or more
   *     than {@value #MAX_ORIGINS} months after it
   */
  public static List<LocalDate> monthEnds(YearMonth from, YearMonth to) {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (to.isBefore(from)) {
      throw ValidationException.of("to", to, "must not be before from (" + from + ")");
    }
    long months = (to.getYear() - (long) from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    if (months > MAX_ORIGINS) {
      throw ValidationException.of("to", to, "must be at most " + MAX_ORIGINS + " months from " + from
          + " (" + months + ")");
    }
    List<LocalDate> out = new ArrayList<>((int) months);
    for (int k = 0; k < months; k++) {
      out.add(from.plusMonths(k).atEndOfMonth());
    }
    return out;
  }

  /**
   * Origins every {@code stepDays} days from one day up to another, inclusive.
   *
   * @param first the first origin
   * @param last the last day an origin may fall on
   * @param stepDays the spacing (7 for weekly, 1 for daily)
   * @return the origins
   * @throws ValidationException if an argument is null, the step is not positive or the days
   *     would be more than {@value #MAX_ORIGINS}
   */
  public static List<LocalDate> every(LocalDate first, LocalDate last, int stepDays) {
    Checks.notNull("first", first);
    Checks.notNull("last", last);
    Checks.positive("stepDays", stepDays);
    // counted first, in epoch days: never a step past the last date a LocalDate holds
    long span = last.toEpochDay() - first.toEpochDay();
    long count = span < 0 ? 0 : span / stepDays + 1;
    if (count > MAX_ORIGINS) {
      throw ValidationException.of("last", last, "must give at most " + MAX_ORIGINS + " origins from "
          + first + " every " + stepDays + " days (" + count + ")");
    }
    List<LocalDate> out = new ArrayList<>((int) count);
    for (long k = 0; k < count; k++) {
      out.add(first.plusDays(k * stepDays));
    }
    return out;
  }

  /**
   * The stage-weighted baseline, today's practice: each open deal weighs its budget times the
   * eventual {@code P(win | reached stage)} learned from the deals closed by the origin
   * ({@link StageProbabilityLearner}, Laplace-smoothed), whatever the horizon and the deal's
   * age; no new business. Its distribution is the Monte Carlo of the open pipeline
   * ({@link PipelineForecaster#monteCarlo}), summarized by 200 quantiles. Open deals of every
   * stage count (undated ones too, as today's practice does).
   *
   * @param stages the stages
   * @param currency the currency
   * @param trials Monte Carlo trials
   * @param seed the seed
   * @return the baseline forecaster
   */
  public static Forecaster stageWeightedBaseline(Stages stages, Currency currency, int trials, long seed) {
    Checks.notNull("stages", stages);
    Checks.notNull("currency", currency);
    Checks.inRange("trials", trials, 1, PipelineForecaster.MAX_TRIALS);
    return new StageWeighted(stages, currency, trials, seed);
  }

  /**
   * The stage-weighted baseline ({@link #stageWeightedBaseline}). Its {@link #forecastEach}
   * sweeps the history once in date order instead of refolding it at each origin: the learner
   * takes the deals closed by each origin as the origins advance (it counts, so the order does
   * not matter), and the deals open at an origin are a set that deals enter on their first dated
   * stage entry and leave on their close day, visited in the history's order.
   */
  private record StageWeighted(Stages stages, Currency currency, int trials, long seed) implements Forecaster {
    @Override
    public HorizonForecast forecast(List<Deal> known, LocalDate origin, Period horizon) {
      Checks.notNull("known", known);
      Checks.elementsNotNull("known", known);
      Checks.notNull("origin", origin);
      Checks.notNull("horizon", horizon);
      HorizonForecaster.end(origin, horizon);
      StageProbabilityLearner learner = new StageProbabilityLearner(stages);
      for (Deal d : known) {
        if (d.closedOn().map(c -> !c.isAfter(origin)).orElse(false)) {
          learner.add(d);
        }
      }
      List<Deal> open = new ArrayList<>();
      List<String> reached = new ArrayList<>();
      for (Deal d : known) {
        if (d.closedOn().map(c -> !c.isAfter(origin)).orElse(d.outcome().isPresent())) {
          continue;
        }
        open.add(d);
        reached.add(d.reachedStage());
      }
      return forecast(learner.result(), open, reached, origin, horizon);
    }

    private HorizonForecast forecast(StageProbabilities learned, List<Deal> open, List<String> reached,
        LocalDate origin, Period horizon) {
      OpenPipeline pipeline = new OpenPipeline(currency);
      DealProbabilityColumns.Builder deals = new DealProbabilityColumns.Builder(open.size());
      Map<String, Double> byStage = new HashMap<>();
      for (int i = 0; i < open.size(); i++) {
        Deal d = open.get(i);
        String stage = reached.get(i);
        double p = byStage.computeIfAbsent(stage, s -> learned.probability(s).orElse(0.0));
        Money budget = d.budget().orElse(Money.zero(currency));
        pipeline.add(budget, p);
        deals.add(d.id(), stage, 0, p, budget);
      }
      return forecast(pipeline, deals.build(), origin, horizon);
    }

    /** The forecast of an open pipeline and its deal-level probabilities. */
    private HorizonForecast forecast(OpenPipeline pipeline, List<DealProbability> deals, LocalDate origin,
        Period horizon) {
      List<Money> scenarios = new ArrayList<>();
      Money weighted = Money.zero(currency);
      if (pipeline.size() == 0) {
        scenarios.add(Money.zero(currency));
      } else {
        RevenueDistribution dist = PipelineForecaster.monteCarlo(pipeline, trials, seed);
        weighted = dist.expectedValue();
        for (int i = 0; i < 200; i++) {
          scenarios.add(dist.quantile((i + 0.5) / 200));
        }
      }
      return new HorizonForecast(BASELINE, origin, origin.plus(horizon), weighted,
          weighted, Money.zero(currency), 0, scenarios, deals,
          "eventual P(win | stage) x budget (no horizon); Monte Carlo of the open pipeline");
    }

    @Override
    public List<HorizonForecast> forecastEach(List<Deal> history, List<LocalDate> origins, Period horizon) {
      Checks.notNull("history", history);
      Checks.elementsNotNull("history", history);
      Checks.notNull("origins", origins);
      Checks.elementsNotNull("origins", origins);
      Checks.notNull("horizon", horizon);
      for (LocalDate origin : origins) {
        HorizonForecaster.end(origin, horizon);
      }
      List<LocalDate> sorted = origins.stream().distinct().sorted().toList();
      // deals with a close day by close day (the learner's); dated deals that can be open by first entry
      List<Integer> closing = new ArrayList<>();
      List<Integer> dated = new ArrayList<>();
      for (int i = 0; i < history.size(); i++) {
        Deal d = history.get(i);
        if (d.closedOn().isPresent()) {
          closing.add(i);
        }
        if (!d.history().isEmpty() && knownFrom(d).isPresent()) {
          dated.add(i);
        }
      }
      int[] byClose = HorizonSweep.sortBy(closing, i -> history.get(i).closedOn().get().toEpochDay());
      int[] byEntry = HorizonSweep.sortBy(dated, i -> history.get(i).history().get(0).enteredOn().toEpochDay());
      long[] closeDays = Arrays.stream(byClose).mapToLong(i -> history.get(i).closedOn().get().toEpochDay()).toArray();
      long[] entryDays = Arrays.stream(byEntry)
          .mapToLong(i -> history.get(i).history().get(0).enteredOn().toEpochDay()).toArray();
      // each dated deal's visits read once into arrays: day and stage (numbered here), so that an
      // origin visits its open deals' primitives, not their objects
      Map<String, Integer> stageNumbers = new HashMap<>();
      List<String> stageNames = new ArrayList<>();
      java.util.function.ToIntFunction<String> number = st -> stageNumbers.computeIfAbsent(st, k -> {
        stageNames.add(k);
        return stageNames.size() - 1;
      });
      int n = history.size();
      int[] reachedStage = new int[n];
      Money[] budget = new Money[n];
      DealId[] ids = new DealId[n];
      int visits = 0;
      for (int i : dated) {
        visits += history.get(i).history().size();
      }
      long[] visitDay = new long[visits];
      int[] visitStage = new int[visits];
      Money zero = Money.zero(currency);
      int[] visitTo = new int[n];
      visits = 0;
      for (int i : dated) {
        Deal d = history.get(i);
        for (StageVisit v : d.history()) {
          visitDay[visits] = v.enteredOn().toEpochDay();
          visitStage[visits++] = number.applyAsInt(v.stage());
        }
        visitTo[i] = visits;
        reachedStage[i] = number.applyAsInt(d.reachedStage());
        budget[i] = d.budget().orElse(zero);
        ids[i] = d.id();
      }
      StageProbabilityLearner learner = new StageProbabilityLearner(stages);
      java.util.BitSet open = new java.util.BitSet(history.size());
      int learned = 0;
      int closedOpen = 0;
      int entered = 0;
      Map<LocalDate, HorizonForecast> byOrigin = new HashMap<>();
      for (LocalDate origin : sorted) {
        long day = origin.toEpochDay();
        while (learned < byClose.length && closeDays[learned] <= day) {
          learner.add(history.get(byClose[learned++]));
        }
        while (entered < byEntry.length && entryDays[entered] <= day) {
          open.set(byEntry[entered++]);
        }
        while (closedOpen < byClose.length && closeDays[closedOpen] <= day) {
          open.clear(byClose[closedOpen++]);
        }
        StageProbabilities probabilities = learner.result();
        double[] p = new double[stageNames.size()];
        Arrays.fill(p, Double.NaN); // asked on first use, as the origin's own forecast does
        OpenPipeline pipeline = new OpenPipeline(currency);
        DealProbabilityColumns.Builder deals = new DealProbabilityColumns.Builder(open.cardinality());
        for (int i = open.nextSetBit(0); i >= 0; i = open.nextSetBit(i + 1)) {
          int keep = visitTo[i];
          while (visitDay[keep - 1] > day) {
            keep--;
          }
          // as knownAt shows it: the reached stage is the last stage entered by the origin
          int stage = keep == visitTo[i] ? reachedStage[i] : visitStage[keep - 1];
          if (Double.isNaN(p[stage])) {
            p[stage] = probabilities.probability(stageNames.get(stage)).orElse(0.0);
          }
          pipeline.add(budget[i], p[stage]);
          deals.add(ids[i], stageNames.get(stage), 0, p[stage], budget[i]);
        }
        byOrigin.put(origin, forecast(pipeline, deals.build(), origin, horizon));
      }
      List<HorizonForecast> out = new ArrayList<>(origins.size());
      for (LocalDate origin : origins) {
        out.add(byOrigin.get(origin));
      }
      return out;
    }
  }

  /**
   * Runs both forecasters at every origin on the history known then and scores them.
   *
   * @param history the full dated history
   * @param origins the origins
   * @param horizon the horizon (positive)
   * @param model the forecaster under test
   * @param baseline the baseline ({@link #stageWeightedBaseline})
   * @param wonValue the value of a won deal (its budget, or a contract value kept apart), empty
   *     when unknown (counts as zero)
   * @param currency the currency of every amount
   * @return the report
   * @throws ValidationException if an argument is null, the horizon is not positive or longer
   *     than {@link HorizonForecaster#MAX_HORIZON_DAYS} days, an origin leaves no room for it
   *     among the dates a {@link LocalDate} holds, or an amount is in another currency
   */
  public static BacktestReport run(List<Deal> history, List<LocalDate> origins, Period horizon,
      Forecaster model, Forecaster baseline, Function<? super Deal, Optional<Money>> wonValue,
      Currency currency) {
    Checks.notNull("history", history);
    Checks.elementsNotNull("history", history);
    Checks.notNull("origins", origins);
    Checks.elementsNotNull("origins", origins);
    Checks.notNull("horizon", horizon);
    Checks.notNull("model", model);
    Checks.notNull("baseline", baseline);
    Checks.notNull("wonValue", wonValue);
    Checks.notNull("currency", currency);
    for (LocalDate origin : origins) {
      HorizonForecaster.end(origin, horizon);
    }
    long undated = history.stream().filter(d -> knownFrom(d).isEmpty()).count();
    Score m = new Score();
    Score b = new Score();
    List<OriginRow> rows = new ArrayList<>();
    List<HorizonForecast> modelForecasts = Checks.notNull("model forecasts",
        model.forecastEach(history, origins, horizon));
    List<HorizonForecast> baselineForecasts = Checks.notNull("baseline forecasts",
        baseline.forecastEach(history, origins, horizon));
    if (modelForecasts.size() != origins.size() || baselineForecasts.size() != origins.size()) {
      throw ValidationException.of("forecastEach", modelForecasts.size() + "/" + baselineForecasts.size(),
          "must give one forecast per origin (" + origins.size() + ")");
    }
    Wins wins = new Wins(history, wonValue, currency);
    for (int i = 0; i < origins.size(); i++) {
      LocalDate origin = origins.get(i);
      LocalDate end = origin.plus(horizon);
      long actual = wins.valueIn(origin, end);
      java.util.Set<DealId> wonIn = wins.idsIn(origin, end);
      HorizonForecast fm = Checks.notNull("model forecast", modelForecasts.get(i));
      HorizonForecast fb = Checks.notNull("baseline forecast", baselineForecasts.get(i));
      m.add(fm, actual, wonIn, currency);
      b.add(fb, actual, wonIn, currency);
      rows.add(new OriginRow(origin, end, Money.ofMinor(actual, currency), fm.point(), fm.p10(),
          fm.p90(), fb.point(), fb.p10(), fb.p90()));
    }
    return new BacktestReport(horizon, undated, m.result(), b.result(), rows);
  }

  /**
   * The won deals with a close day, by close day, each valued once (by the caller's function,
   * when a window first needs it): the won value of {@code (from, to]} is a range of them.
   */
  private static final class Wins {
    private final List<Deal> deals = new ArrayList<>();
    private final long[] days;
    private final long[] values;
    private final boolean[] valued;
    private final Function<? super Deal, Optional<Money>> wonValue;
    private final Currency currency;

    Wins(List<Deal> history, Function<? super Deal, Optional<Money>> wonValue, Currency currency) {
      this.wonValue = wonValue;
      this.currency = currency;
      List<Integer> won = new ArrayList<>();
      for (int i = 0; i < history.size(); i++) {
        Deal d = history.get(i);
        if (d.outcome().isPresent() && d.outcome().get().isWon() && d.closedOn().isPresent()) {
          won.add(i);
        }
      }
      int[] order = HorizonSweep.sortBy(won, i -> history.get(i).closedOn().get().toEpochDay());
      days = new long[order.length];
      for (int k = 0; k < order.length; k++) {
        deals.add(history.get(order[k]));
        days[k] = deals.get(k).closedOn().get().toEpochDay();
      }
      values = new long[order.length];
      valued = new boolean[order.length];
    }

    long valueIn(LocalDate from, LocalDate to) {
      long sum = 0;
      for (int k = DaySort.upTo(days, from.toEpochDay()); k < days.length && days[k] <= to.toEpochDay(); k++) {
        if (!valued[k]) {
          values[k] = minor(wonValue.apply(deals.get(k)), currency, deals.get(k));
          valued[k] = true;
        }
        sum = Checks.addExact("actual", sum, values[k]);
      }
      return sum;
    }

    /** The ids of the deals won in {@code (from, to]}. */
    java.util.Set<DealId> idsIn(LocalDate from, LocalDate to) {
      java.util.Set<DealId> ids = new java.util.HashSet<>();
      for (int k = DaySort.upTo(days, from.toEpochDay()); k < days.length && days[k] <= to.toEpochDay(); k++) {
        ids.add(deals.get(k).id());
      }
      return ids;
    }


  }



  private static long minor(Optional<Money> value, Currency currency, Deal d) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    if (!value.get().currency().equals(currency)) {
      throw ValidationException.of("wonValue(" + d.id().value() + ")", value.get(),
          "must be in " + currency.getCurrencyCode());
    }
    return value.get().minorUnits();
  }

  /** Running sums of one forecaster's scores. */
  private static final class Score {
    String name;
    double absError;
    double error;
    double actual;
    long origins;
    long[] covered = new long[NOMINAL.size()];
    double brier;
    long deals;
    long[] binDeals = new long[10];
    double[] binPredicted = new double[10];
    long[] binWon = new long[10];

    void add(HorizonForecast f, long actualMinor, java.util.Set<DealId> wonIn, Currency currency) {
      if (!f.point().currency().equals(currency)) {
        throw ValidationException.of("forecast.point", f.point(), "must be in " + currency.getCurrencyCode());
      }
      name = f.model();
      double fc = f.point().minorUnits();
      absError += Math.abs(fc - actualMinor);
      error += fc - actualMinor;
      actual += actualMinor;
      origins++;
      for (int i = 0; i < NOMINAL.size(); i++) {
        double c = NOMINAL.get(i);
        long lo = f.quantile((1 - c) / 2).minorUnits();
        long hi = f.quantile((1 + c) / 2).minorUnits();
        if (lo <= actualMinor && actualMinor <= hi) {
          covered[i]++;
        }
      }
      for (DealProbability p : f.deals()) {
        int won = wonIn.contains(p.id()) ? 1 : 0;
        brier += (p.probability() - won) * (p.probability() - won);
        deals++;
        int bin = (int) Math.min(9, Math.floor(p.probability() * 10));
        binDeals[bin]++;
        binPredicted[bin] += p.probability();
        binWon[bin] += won;
      }
    }

    ModelScore result() {
      List<IntervalCoverage> cov = new ArrayList<>();
      for (int i = 0; i < NOMINAL.size(); i++) {
        cov.add(new IntervalCoverage(NOMINAL.get(i), covered[i], origins,
            origins == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) covered[i] / origins)));
      }
      List<CalibrationBin> bins = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        bins.add(new CalibrationBin(i / 10.0, (i + 1) / 10.0, binDeals[i],
            binDeals[i] == 0 ? OptionalDouble.empty() : OptionalDouble.of(binPredicted[i] / binDeals[i]),
            binDeals[i] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) binWon[i] / binDeals[i])));
      }
      return new ModelScore(name == null ? "none" : name,
          actual > 0 ? OptionalDouble.of(absError / actual) : OptionalDouble.empty(),
          actual > 0 ? OptionalDouble.of(error / actual) : OptionalDouble.empty(), cov,
          deals > 0 ? OptionalDouble.of(brier / deals) : OptionalDouble.empty(), deals, bins);
    }
  }
}
