package io.clientyield.forecasting.horizon;

import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The record of a forecaster on the caller's own history, side by side with the stage-weighted
 * baseline (DOMAIN 5.5). Made by {@link Backtest#run}. Immutable and thread-safe.
 *
 * @param horizon the horizon of every forecast
 * @param undated deals of the history set aside because they carry no date (never visible at
 *     any origin)
 * @param model the scores of the model
 * @param baseline the scores of the baseline
 * @param rows one row per origin, in the order given
 */
public record BacktestReport(
    Period horizon, long undated, ModelScore model, ModelScore baseline, List<OriginRow> rows) {

  /** Validates the parts. */
  public BacktestReport {
    Checks.Collector c = Checks.collector();
    if (horizon == null || model == null || baseline == null || rows == null) {
      c.add("horizon/model/baseline/rows", null, "must not be null");
    } else if (c.elementsNotNull("rows", rows)) {
      for (int i = 1; i < rows.size(); i++) {
        if (!c.sameCurrency("rows[" + i + "].actual", rows.get(i).actual(), "rows[0].actual",
            rows.get(0).actual())) {
          break;
        }
      }
    }
    if (undated < 0) {
      c.add("undated", undated, "must be >= 0");
    }
    c.throwIfAny();
    rows = List.copyOf(rows);
  }

  /**
   * The scores of one forecaster over every origin.
   *
   * @param name the forecaster's model name
   * @param wape weighted absolute percentage error {@code Σ|F - A| / ΣA} (0.15 = 15 %), empty
   *     when nothing was won in any horizon
   * @param bias {@code Σ(F - A) / ΣA} (positive = over-forecast), empty like WAPE
   * @param coverage the share of origins whose actual fell inside each nominal central interval
   * @param brier the mean of {@code (p - won)²} over every open deal at every origin, where
   *     {@code won} is 1 when the deal was won within the horizon; empty without deals
   * @param dealForecasts the number of deal-level probabilities scored
   * @param calibration predicted vs observed win-within-horizon by probability decile
   */
  public record ModelScore(
      String name, OptionalDouble wape, OptionalDouble bias, List<IntervalCoverage> coverage,
      OptionalDouble brier, long dealForecasts, List<CalibrationBin> calibration) {
    /** Validates the parts. */
    public ModelScore {
      Checks.Collector c = Checks.collector();
      if (name == null || wape == null || bias == null || coverage == null || brier == null
          || calibration == null) {
        c.add("name/wape/bias/coverage/brier/calibration", null, "must not be null");
      } else {
        c.elementsNotNull("coverage", coverage);
        c.elementsNotNull("calibration", calibration);
      }
      if (dealForecasts < 0) {
        c.add("dealForecasts", dealForecasts, "must be >= 0");
      }
      c.throwIfAny();
      coverage = List.copyOf(coverage);
      calibration = List.copyOf(calibration);
    }
  }

  /**
   * How often a nominal central interval {@code [Q((1 - c) / 2), Q((1 + c) / 2)]} held the
   * actual.
   *
   * @param nominal the nominal coverage {@code c}, e.g. 0.8 for P10–P90
   * @param covered the origins whose actual was inside
   * @param origins the origins
   * @param coverage {@code covered / origins}, empty without origins
   */
  public record IntervalCoverage(double nominal, long covered, long origins, OptionalDouble coverage) {
    /** Validates the counts. */
    public IntervalCoverage {
      Checks.Collector c = Checks.collector();
      if (!(nominal > 0 && nominal < 1)) {
        c.add("nominal", nominal, "must be within (0, 1)");
      }
      if (covered < 0 || covered > origins) {
        c.add("covered", covered, "must be within [0, origins (" + origins + ")]");
      }
      if (coverage == null) {
        c.add("coverage", null, "must not be null");
      }
      c.throwIfAny();
    }
  }

  /**
   * One probability decile of the deal-level forecasts.
   *
   * @param from the lowest probability of the bin (inclusive)
   * @param to the highest (exclusive, inclusive for the last bin)
   * @param deals the deal forecasts in the bin
   * @param meanPredicted their mean probability, empty without deals
   * @param observed the share of them won within the horizon, empty without deals
   */
  public record CalibrationBin(double from, double to, long deals, OptionalDouble meanPredicted,
      OptionalDouble observed) {
    /** Validates the bounds. */
    public CalibrationBin {
      Checks.Collector c = Checks.collector();
      if (!(from >= 0 && from < to && to <= 1)) {
        c.add("from/to", from + "/" + to, "must satisfy 0 <= from < to <= 1");
      }
      if (deals < 0 || meanPredicted == null || observed == null) {
        c.add("deals/meanPredicted/observed", deals, "must be >= 0 and not null");
      }
      c.throwIfAny();
    }
  }

  /**
   * One origin: the actual won value in {@code (origin, end]} and both forecasts.
   *
   * @param origin the origin
   * @param end the horizon's last day
   * @param actual the won value in the horizon
   * @param model the model's point forecast
   * @param modelP10 the model's P10
   * @param modelP90 the model's P90
   * @param baseline the baseline's point forecast
   * @param baselineP10 the baseline's P10
   * @param baselineP90 the baseline's P90
   */
  public record OriginRow(LocalDate origin, LocalDate end, Money actual, Money model, Money modelP10,
      Money modelP90, Money baseline, Money baselineP10, Money baselineP90) {
    /** Validates the parts. */
    public OriginRow {
      Checks.Collector c = Checks.collector();
      if (origin == null || end == null || actual == null || model == null || modelP10 == null
          || modelP90 == null || baseline == null || baselineP10 == null || baselineP90 == null) {
        c.add("origin/end/actual/model/baseline", null, "must not be null");
      }
      c.oneCurrency("actual", actual, "model", model, "modelP10", modelP10, "modelP90", modelP90,
          "baseline", baseline, "baselineP10", baselineP10, "baselineP90", baselineP90);
      c.throwIfAny();
    }
  }
}
