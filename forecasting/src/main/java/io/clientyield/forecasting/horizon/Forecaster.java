package io.clientyield.forecasting.horizon;

import io.clientyield.funnel.Deal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Any model of won revenue in a horizon {@code (origin, origin + horizon]}, as the
 * {@link Backtest} harness calls it: with the history as it was known at the origin (the harness
 * truncates it first: see {@link Backtest#knownAt}), the origin and the horizon.
 */
@FunctionalInterface
public interface Forecaster {

  /**
   * Forecasts the won revenue in {@code (origin, origin + horizon]}.
   *
   * @param known the deals as known at the origin
   * @param origin the origin (the as-of date)
   * @param horizon the horizon
   * @return the forecast
   */
  HorizonForecast forecast(List<Deal> known, LocalDate origin, Period horizon);
}
