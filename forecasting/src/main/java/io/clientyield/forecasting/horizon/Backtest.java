package io.clientyield.forecasting.horizon;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
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

  private static Optional<LocalDate> knownFrom(Deal d) {
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
   */
  public static List<LocalDate> monthEnds(YearMonth from, YearMonth to) {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (to.isBefore(from)) {
      throw ValidationException.of("to", to, "must not be before from (" + from + ")");
    }
    List<LocalDate> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      out.add(m.atEndOfMonth());
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
   */
  public static List<LocalDate> every(LocalDate first, LocalDate last, int stepDays) {
    Checks.notNull("first", first);
    Checks.notNull("last", last);
    Checks.positive("stepDays", stepDays);
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(stepDays)) {
      out.add(d);
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
    return (known, origin, horizon) -> {
      StageProbabilityLearner learner = new StageProbabilityLearner(stages);
      for (Deal d : known) {
        if (d.closedOn().map(c -> !c.isAfter(origin)).orElse(false)) {
          learner.add(d);
        }
      }
      StageProbabilities learned = learner.result();
      OpenPipeline pipeline = new OpenPipeline(currency);
      List<DealProbability> deals = new ArrayList<>();
      for (Deal d : known) {
        if (d.closedOn().map(c -> !c.isAfter(origin)).orElse(d.outcome().isPresent())) {
          continue;
        }
        double p = learned.probability(d.reachedStage()).orElse(0.0);
        Money budget = d.budget().orElse(Money.zero(currency));
        pipeline.add(budget, p);
        deals.add(new DealProbability(d.id(), d.reachedStage(), 0, p, budget));
      }
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
    };
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
   * @throws ValidationException if an argument is null, the horizon is not positive or an amount
   *     is in another currency
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
    LocalDate probe = LocalDate.of(2000, 1, 1);
    if (!probe.plus(horizon).isAfter(probe)) {
      throw ValidationException.of("horizon", horizon, "must be positive");
    }
    long undated = history.stream().filter(d -> knownFrom(d).isEmpty()).count();
    Map<DealId, Deal> byId = new HashMap<>();
    for (Deal d : history) {
      byId.put(d.id(), d);
    }
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
    for (int i = 0; i < origins.size(); i++) {
      LocalDate origin = origins.get(i);
      LocalDate end = origin.plus(horizon);
      long actual = 0;
      for (Deal d : history) {
        if (wonIn(d, origin, end)) {
          actual = Checks.addExact("actual", actual, minor(wonValue.apply(d), currency, d));
        }
      }
      HorizonForecast fm = Checks.notNull("model forecast", modelForecasts.get(i));
      HorizonForecast fb = Checks.notNull("baseline forecast", baselineForecasts.get(i));
      m.add(fm, actual, byId, origin, end, currency);
      b.add(fb, actual, byId, origin, end, currency);
      rows.add(new OriginRow(origin, end, Money.ofMinor(actual, currency), fm.point(), fm.p10(),
          fm.p90(), fb.point(), fb.p10(), fb.p90()));
    }
    return new BacktestReport(horizon, undated, m.result(), b.result(), rows);
  }

  private static boolean wonIn(Deal d, LocalDate from, LocalDate to) {
    return d.outcome().isPresent() && d.outcome().get().isWon() && d.closedOn().isPresent()
        && d.closedOn().get().isAfter(from) && !d.closedOn().get().isAfter(to);
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

    void add(HorizonForecast f, long actualMinor, Map<DealId, Deal> byId, LocalDate origin,
        LocalDate end, Currency currency) {
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
        Deal d = byId.get(p.id());
        int won = d != null && wonIn(d, origin, end) ? 1 : 0;
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
