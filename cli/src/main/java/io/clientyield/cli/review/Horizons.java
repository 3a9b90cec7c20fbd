package io.clientyield.cli.review;

import io.clientyield.cli.crm.CrmDeals;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.crm.Opportunity;
import io.clientyield.core.Money;
import io.clientyield.forecasting.horizon.Backtest;
import io.clientyield.forecasting.horizon.BacktestReport;
import io.clientyield.forecasting.horizon.Forecaster;
import io.clientyield.forecasting.horizon.HorizonForecast;
import io.clientyield.forecasting.horizon.HorizonForecaster;
import io.clientyield.forecasting.horizon.HorizonOptions;
import io.clientyield.funnel.Deal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The horizon forecasts of the review and their backtest on the export's own history: bounded
 * work (at most {@value #MAX_ORIGINS} month-end origins per horizon), the model one sweep over
 * the deals in date order for both horizons and the baseline one for both
 * ({@link Forecaster#forecastEach}), so the review stays linear in rows. The forecasts
 * ({@link #forecasts()}) may run on a thread of their own beside the review's other sections,
 * then {@link #score} runs both backtests side by side.
 */
final class Horizons {
  /** The most month-end origins a backtest uses (the latest ones that can be checked). */
  static final int MAX_ORIGINS = 12;
  /** Months of history an origin needs before it is backtested (the model learns from whole cycles). */
  static final int WARM_UP_MONTHS = 5;
  /** The seed of the baseline's Monte Carlo. */
  static final long BASELINE_SEED = 42L;
  /** The baseline's Monte Carlo trials (and the model's, where it is not yet calibrated). */
  static final int BASELINE_TRIALS = 2000;
  /** The most Monte Carlo draws (trials × deals) per forecast. */
  static final long MONTE_CARLO_WORK = 20_000_000L;
  /** The fewest Monte Carlo trials, however large the export (then the work may exceed the cap). */
  static final int MIN_TRIALS = 50;

  /**
   * The result: forecasts of the next month and the next quarter, and their backtests.
   *
   * @param nextMonth won revenue in (asOf, asOf + 1 month]
   * @param nextQuarter won revenue in (asOf, asOf + 3 months]
   * @param backtestMonth month-end origins at one month
   * @param backtestQuarter month-end origins at three months
   */
  record Result(HorizonForecast nextMonth, HorizonForecast nextQuarter, BacktestReport backtestMonth,
      BacktestReport backtestQuarter) {}

  private final List<Deal> deals;
  private final LocalDate asOf;
  private final Currency currency;
  private final Function<Deal, Optional<Money>> wonValue;
  private final HorizonForecaster model;
  private final Forecaster baseline;
  private final List<LocalDate> monthOrigins;
  private final List<LocalDate> quarterOrigins;

  private Horizons(CrmExport export, List<Deal> deals, LocalDate asOf, Optional<LocalDate> firstDated) {
    this.deals = deals;
    this.asOf = asOf;
    this.currency = export.currency();
    Map<String, Money> closeValues = new HashMap<>();
    for (Opportunity o : export.opportunities()) {
      if (o.stage() == Opportunity.Stage.WON) {
        closeValues.put(o.id(), CrmDeals.closeValue(o, currency));
      }
    }
    this.wonValue = d -> Optional.ofNullable(closeValues.get(d.id().value()));
    int trials = trials(deals.size());
    this.model = new HorizonForecaster(HorizonOptions.of(CrmDeals.STAGES, currency)
        .withMonteCarlo(trials, HorizonOptions.of(CrmDeals.STAGES, currency).seed()), wonValue);
    this.baseline = Backtest.stageWeightedBaseline(CrmDeals.STAGES, currency, trials, BASELINE_SEED);
    this.monthOrigins = origins(firstDated, asOf, MONTH);
    this.quarterOrigins = origins(firstDated, asOf, QUARTER);
  }

  private static final Period MONTH = Period.ofMonths(1);
  private static final Period QUARTER = Period.ofMonths(3);

  /**
   * The section's plan (cheap): the forecasters, the won values and the origins. Then
   * {@link #forecasts()} (on any thread) and {@link #score}.
   */
  static Horizons plan(CrmExport export, List<Deal> deals, LocalDate asOf, Optional<LocalDate> firstDated) {
    return new Horizons(export, deals, asOf, firstDated);
  }

  /**
   * The model's forecasts of both horizons, in one sweep over the history
   * ({@link HorizonForecaster#forecastEach(List, Map)}): the survival estimates and the open
   * deals as of each day are computed once for both.
   */
  List<Shared> models() {
    List<LocalDate> month = withAsOf(monthOrigins);
    List<LocalDate> quarter = withAsOf(quarterOrigins);
    Map<Period, List<LocalDate>> byHorizon = new java.util.LinkedHashMap<>();
    byHorizon.put(MONTH, month);
    byHorizon.put(QUARTER, quarter);
    Map<Period, List<HorizonForecast>> each = model.forecastEach(deals, byHorizon);
    return List.of(Shared.of(model, deals, monthOrigins, MONTH, each.get(MONTH)),
        Shared.of(model, deals, quarterOrigins, QUARTER, each.get(QUARTER)));
  }

  private List<LocalDate> withAsOf(List<LocalDate> origins) {
    List<LocalDate> all = new ArrayList<>(origins);
    all.add(asOf);
    return all;
  }

  /**
   * The stage-weighted baseline at every origin of both horizons in one sweep. Its forecast does
   * not depend on the horizon but for the end date it names (eventual probabilities, no horizon),
   * so each origin is forecast once and named for each horizon.
   */
  Forecaster baselines() {
    java.util.TreeSet<LocalDate> union = new java.util.TreeSet<>(monthOrigins);
    union.addAll(quarterOrigins);
    List<LocalDate> all = List.copyOf(union);
    List<HorizonForecast> each = baseline.forecastEach(deals, all, MONTH);
    Map<LocalDate, HorizonForecast> byOrigin = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      byOrigin.put(all.get(i), each.get(i));
    }
    return new Forecaster() {
      @Override
      public HorizonForecast forecast(List<Deal> known, LocalDate origin, Period horizon) {
        return baseline.forecast(known, origin, horizon);
      }

      @Override
      public List<HorizonForecast> forecastEach(List<Deal> history, List<LocalDate> origins, Period horizon) {
        if (history != deals || !byOrigin.keySet().containsAll(origins)) {
          return baseline.forecastEach(history, origins, horizon);
        }
        List<HorizonForecast> out = new ArrayList<>(origins.size());
        for (LocalDate o : origins) {
          HorizonForecast f = byOrigin.get(o);
          out.add(new HorizonForecast(f.model(), f.asOf(), o.plus(horizon), f.point(), f.openDeals(),
              f.newBusiness(), f.setAside(), f.scenarios(), f.deals(), f.method()));
        }
        return out;
      }
    };
  }

  /** The model's and the baseline's forecasts at every origin, made one after the other. */
  record Forecasts(List<Shared> models, Forecaster baselines) {}

  /** {@link #models()} then {@link #baselines()}, on the calling thread. */
  Forecasts forecasts() {
    List<Shared> models = models();
    return new Forecasts(models, baselines());
  }

  /** Both backtests, from the model's and the baseline's forecasts, side by side. */
  Result score(Forecasts forecasts, Parallel parallel) {
    Shared m = forecasts.models().get(0);
    Shared q = forecasts.models().get(1);
    java.util.concurrent.CompletableFuture<BacktestReport> month = parallel.start(
        () -> Backtest.run(deals, m.origins(), MONTH, m, forecasts.baselines(), wonValue, currency));
    BacktestReport quarter = Backtest.run(deals, q.origins(), QUARTER, q, forecasts.baselines(), wonValue, currency);
    return new Result(m.now(), q.now(), Parallel.join(month), quarter);
  }

  /**
   * The model's forecasts at the backtest's origins and at the as-of date, made in one sweep
   * with the other horizon's ({@link #models()}) so that they share their runs; handed to
   * {@link Backtest#run} as a forecaster that answers those origins from the list.
   */
  record Shared(Forecaster model, List<Deal> deals, List<LocalDate> origins, Period horizon,
      List<HorizonForecast> atOrigins, HorizonForecast now) implements Forecaster {
    /** From the forecasts at the origins followed by the one at the as-of date. */
    static Shared of(Forecaster model, List<Deal> deals, List<LocalDate> origins, Period horizon,
        List<HorizonForecast> each) {
      return new Shared(model, deals, origins, horizon, each.subList(0, origins.size()), each.get(origins.size()));
    }

    @Override
    public HorizonForecast forecast(List<Deal> known, LocalDate origin, Period h) {
      return model.forecast(known, origin, h);
    }

    @Override
    public List<HorizonForecast> forecastEach(List<Deal> history, List<LocalDate> at, Period h) {
      return history == deals && at.equals(origins) && h.equals(horizon) ? atOrigins
          : model.forecastEach(history, at, h);
    }
  }

  /**
   * The Monte Carlo trials of the model (where not yet calibrated) and of the baseline:
   * {@value #BASELINE_TRIALS}, fewer (at least {@value #MIN_TRIALS}) for large exports, so that
   * trials × deals stays within {@value #MONTE_CARLO_WORK} per origin up to 400 000 deals and the
   * review stays linear in the rows.
   */
  static int trials(int deals) {
    return ReviewRunner.trialsWithin(MONTE_CARLO_WORK, BASELINE_TRIALS, MIN_TRIALS, deals);
  }

  /**
   * Month-end origins from {@value #WARM_UP_MONTHS} months after the first dated record to the
   * last whose horizon ends by the as-of date, the latest {@value #MAX_ORIGINS} of them.
   */
  static List<LocalDate> origins(Optional<LocalDate> firstDated, LocalDate asOf, Period horizon) {
    if (firstDated.isEmpty()) {
      return List.of();
    }
    YearMonth from = YearMonth.from(firstDated.get().plusMonths(WARM_UP_MONTHS));
    YearMonth to = YearMonth.from(asOf);
    List<LocalDate> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      LocalDate origin = m.atEndOfMonth();
      if (!origin.plus(horizon).isAfter(asOf)) {
        out.add(origin);
      }
    }
    return out.size() > MAX_ORIGINS ? List.copyOf(out.subList(out.size() - MAX_ORIGINS, out.size())) : out;
  }
}
