/**
 * Horizon forecasts of won revenue and their backtest (DOMAIN 5.4 and 5.5).
 *
 * <p>{@link io.clientyield.forecasting.horizon.HorizonForecaster} forecasts the won revenue in
 * {@code (asOf, asOf + h]}: open deals weighted by their probability of a win within the horizon
 * given stage and age (the competing-risks estimates of {@code io.clientyield.funnel.survival}),
 * plus the new business expected to arrive and be won within it, with a distribution calibrated
 * on the history's own backtest residuals (split-conformal). {@link
 * io.clientyield.forecasting.horizon.Backtest} scores any
 * {@link io.clientyield.forecasting.horizon.Forecaster} on rolling origins of the caller's own
 * history, with no look-ahead, beside the stage-weighted baseline (eventual
 * {@code P(win | stage) × budget}, today's practice): WAPE, bias, interval coverage, the Brier
 * score and a calibration table, as a {@link io.clientyield.forecasting.horizon.BacktestReport}
 * with a JSON form.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.forecasting.horizon;
