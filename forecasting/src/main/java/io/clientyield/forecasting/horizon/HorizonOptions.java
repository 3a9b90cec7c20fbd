package io.clientyield.forecasting.horizon;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Stages;
import java.util.Currency;
import java.util.Optional;

/**
 * The settings of a {@link HorizonForecaster}. Start from {@link #of(Stages, Currency)} (the
 * defaults below) and change what you need with the {@code with...} methods. Immutable and
 * thread-safe.
 *
 * @param stages the stages
 * @param currency the currency of every amount
 * @param calendar counts ages in stage and the horizon ({@link BusinessCalendar#EVERY_DAY}, the
 *     default, for calendar days)
 * @param arrivalWindowDays the recent window, in calendar days before the as-of date, whose
 *     arrivals give the arrival rate of new deals and whose wins give the value of a new won
 *     deal (default 56)
 * @param minAtRisk a group's own survival curve is used only with at least this many deals at
 *     risk at the deal's age, else the pooled stage curve (default 20)
 * @param groupBy the grouping of the survival curves: empty (pooled, the default),
 *     {@code manager}, or an attribute name (office, channel...)
 * @param calibrationOrigins the most past origins whose backtest residuals calibrate the
 *     distribution (default 26; at most {@value #MAX_CALIBRATION_ORIGINS})
 * @param calibrationStepDays the spacing of those origins in calendar days, on a grid counted
 *     from 1970-01-01 (default 7)
 * @param maturityDays a past origin calibrates only when the history known then holds closes
 *     from at least this many calendar days before it, so a model fitted on a history still too
 *     short to have seen whole cycles does not calibrate (default 90)
 * @param minCalibration the fewest residuals for a calibrated distribution; with fewer, the
 *     model's own Monte Carlo distribution is used and the method says so (default 8)
 * @param trials Monte Carlo trials when the model's own distribution is used (default 2000)
 * @param seed the seed of the Monte Carlo draws (default 42)
 * @param seasonMonths the length in calendar months of the closing season (default 3: the
 *     quarter, whose last month many sales teams push to close; 1 turns the season off): a
 *     horizon's win probabilities and new wins are scaled by the mean, over its days, of the
 *     relative intensity of won closes in each day's month of the season, as measured on the
 *     wins closed up to the as-of date and shrunk towards 1 by the seasons observed (no scaling
 *     until every month of the season has been observed for at least 28 days)
 */
public record HorizonOptions(
    Stages stages,
    Currency currency,
    BusinessCalendar calendar,
    int arrivalWindowDays,
    long minAtRisk,
    Optional<String> groupBy,
    int calibrationOrigins,
    int calibrationStepDays,
    int maturityDays,
    int minCalibration,
    int trials,
    long seed,
    int seasonMonths) {

  /**
   * The most past origins a forecast is calibrated on: each is a run of the model, so the
   * setting bounds a forecast's work.
   */
  public static final int MAX_CALIBRATION_ORIGINS = 10_000;

  /** Validates every setting. */
  public HorizonOptions {
    Checks.Collector c = Checks.collector();
    if (stages == null || currency == null || calendar == null || groupBy == null) {
      c.add("stages/currency/calendar/groupBy", null, "must not be null");
    }
    if (arrivalWindowDays < 1) {
      c.add("arrivalWindowDays", arrivalWindowDays, "must be >= 1");
    }
    if (minAtRisk < 1) {
      c.add("minAtRisk", minAtRisk, "must be >= 1");
    }
    if (calibrationOrigins < 0 || calibrationOrigins > MAX_CALIBRATION_ORIGINS) {
      c.add("calibrationOrigins", calibrationOrigins, "must be within [0, " + MAX_CALIBRATION_ORIGINS + "]");
    }
    if (calibrationStepDays < 1) {
      c.add("calibrationStepDays", calibrationStepDays, "must be >= 1");
    }
    if (maturityDays < 0) {
      c.add("maturityDays", maturityDays, "must be >= 0");
    }
    if (minCalibration < 2) {
      c.add("minCalibration", minCalibration, "must be >= 2");
    }
    if (seasonMonths < 1 || seasonMonths > 12 || 12 % seasonMonths != 0) {
      c.add("seasonMonths", seasonMonths, "must divide 12 (1, 2, 3, 4, 6 or 12)");
    }
    if (trials < 1 || trials > 1_000_000) {
      c.add("trials", trials, "must be within [1, 1000000]");
    }
    c.throwIfAny();
  }

  /**
   * The defaults for some stages and a currency.
   *
   * @param stages the stages
   * @param currency the currency
   * @return the options
   */
  public static HorizonOptions of(Stages stages, Currency currency) {
    return new HorizonOptions(stages, currency, BusinessCalendar.EVERY_DAY, 56, 20, Optional.empty(),
        26, 7, 90, 8, 2000, 42L, 3);
  }

  /**
   * With another calendar.
   *
   * @param value the calendar
   * @return the new options
   */
  public HorizonOptions withCalendar(BusinessCalendar value) {
    return new HorizonOptions(stages, currency, value, arrivalWindowDays, minAtRisk, groupBy,
        calibrationOrigins, calibrationStepDays, maturityDays, minCalibration, trials, seed, seasonMonths);
  }

  /**
   * With another arrival window.
   *
   * @param days the window in calendar days
   * @return the new options
   */
  public HorizonOptions withArrivalWindowDays(int days) {
    return new HorizonOptions(stages, currency, calendar, days, minAtRisk, groupBy,
        calibrationOrigins, calibrationStepDays, maturityDays, minCalibration, trials, seed, seasonMonths);
  }

  /**
   * With per-group survival curves and another pooling threshold.
   *
   * @param group {@code manager} or an attribute name
   * @param min the fewest deals at risk for a group's own curve
   * @return the new options
   */
  public HorizonOptions withGroups(String group, long min) {
    return new HorizonOptions(stages, currency, calendar, arrivalWindowDays, min, Optional.of(group),
        calibrationOrigins, calibrationStepDays, maturityDays, minCalibration, trials, seed, seasonMonths);
  }

  /**
   * With another calibration design.
   *
   * @param origins the most past origins
   * @param stepDays their spacing in calendar days
   * @param min the fewest residuals for a calibrated distribution
   * @return the new options
   */
  public HorizonOptions withCalibration(int origins, int stepDays, int min) {
    return new HorizonOptions(stages, currency, calendar, arrivalWindowDays, minAtRisk, groupBy,
        origins, stepDays, maturityDays, min, trials, seed, seasonMonths);
  }

  /**
   * With another maturity rule for calibration origins.
   *
   * @param days the calendar days of closes a past origin needs before it
   * @return the new options
   */
  public HorizonOptions withMaturityDays(int days) {
    return new HorizonOptions(stages, currency, calendar, arrivalWindowDays, minAtRisk, groupBy,
        calibrationOrigins, calibrationStepDays, days, minCalibration, trials, seed, seasonMonths);
  }

  /**
   * With other Monte Carlo settings.
   *
   * @param trialCount the trials
   * @param seedValue the seed
   * @return the new options
   */
  public HorizonOptions withMonteCarlo(int trialCount, long seedValue) {
    return new HorizonOptions(stages, currency, calendar, arrivalWindowDays, minAtRisk, groupBy,
        calibrationOrigins, calibrationStepDays, maturityDays, minCalibration, trialCount, seedValue, seasonMonths);
  }

  /**
   * With another closing season.
   *
   * @param months the season's length in months, dividing 12 (1 turns the season off)
   * @return the new options
   */
  public HorizonOptions withSeasonMonths(int months) {
    return new HorizonOptions(stages, currency, calendar, arrivalWindowDays, minAtRisk, groupBy,
        calibrationOrigins, calibrationStepDays, maturityDays, minCalibration, trials, seed, months);
  }
}
