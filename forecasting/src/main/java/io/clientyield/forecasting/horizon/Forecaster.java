package io.clientyield.forecasting.horizon;

import io.clientyield.funnel.Deal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
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

  /**
   * Forecasts at every origin from the history as it was known then ({@link Backtest#knownAt}),
   * as {@link Backtest#run} does. The default forecasts origin by origin; a forecaster may share
   * work between the origins of one call (never information from after an origin): the result
   * must equal the origin-by-origin one.
   *
   * @param history the full dated history
   * @param origins the origins
   * @param horizon the horizon
   * @return one forecast per origin, in order
   */
  default List<HorizonForecast> forecastEach(List<Deal> history, List<LocalDate> origins, Period horizon) {
    List<HorizonForecast> out = new ArrayList<>(origins.size());
    for (LocalDate origin : origins) {
      out.add(forecast(Backtest.knownAt(history, origin), origin, horizon));
    }
    return out;
  }
}
