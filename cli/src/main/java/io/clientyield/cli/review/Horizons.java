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
 * work (at most {@value #MAX_ORIGINS} month-end origins per horizon), the model and the baseline
 * each one sweep over the deals in date order per horizon ({@link Forecaster#forecastEach}), so
 * the review stays linear in rows.
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

  private Horizons() {}

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

  static Result compute(CrmExport export, List<Deal> deals, LocalDate asOf, Optional<LocalDate> firstDated) {
    Currency usd = Money.currency(CrmDeals.CURRENCY);
    Map<String, Money> closeValues = new HashMap<>();
    for (Opportunity o : export.opportunities()) {
      if (o.stage() == Opportunity.Stage.WON) {
        closeValues.put(o.id(), CrmDeals.closeValue(o));
      }
    }
    Function<Deal, Optional<Money>> wonValue = d -> Optional.ofNullable(closeValues.get(d.id().value()));
    int trials = trials(deals.size());
    Forecaster model = new HorizonForecaster(HorizonOptions.of(CrmDeals.STAGES, usd)
        .withMonteCarlo(trials, HorizonOptions.of(CrmDeals.STAGES, usd).seed()), wonValue);
    Forecaster baseline = Backtest.stageWeightedBaseline(CrmDeals.STAGES, usd, trials, BASELINE_SEED);
    Period month = Period.ofMonths(1);
    Period quarter = Period.ofMonths(3);
    // one horizon after the other: both at once would double the peak memory at a million rows
    Shared m = Shared.of(model, deals, origins(firstDated, asOf, month), asOf, month);
    BacktestReport monthly = Backtest.run(deals, m.origins(), month, m, baseline, wonValue, usd);
    Shared q = Shared.of(model, deals, origins(firstDated, asOf, quarter), asOf, quarter);
    BacktestReport quarterly = Backtest.run(deals, q.origins(), quarter, q, baseline, wonValue, usd);
    return new Result(m.now(), q.now(), monthly, quarterly);
  }

  /**
   * The model's forecasts at the backtest's origins and at the as-of date, made in one
   * {@link Forecaster#forecastEach} call so that they share their calibration runs; handed to
   * {@link Backtest#run} as a forecaster that answers those origins from the list.
   */
  private record Shared(Forecaster model, List<Deal> deals, List<LocalDate> origins, Period horizon,
      List<HorizonForecast> atOrigins, HorizonForecast now) implements Forecaster {
    static Shared of(Forecaster model, List<Deal> deals, List<LocalDate> origins, LocalDate asOf, Period horizon) {
      List<LocalDate> all = new ArrayList<>(origins);
      all.add(asOf);
      List<HorizonForecast> each = model.forecastEach(deals, all, horizon);
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
