package io.clientyield.forecasting;

import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measures of planning error over periods: forecast accuracy ({@link AccuracyMeasures}: MAPE,
 * WAPE, bias, tracking signal) and the stable estimate of a ratio between steps ({@link
 * RatioEstimate}: mean, standard deviation, EWMA). The formulas are stated on the result types.
 *
 * <p>Worked example (DOMAIN 5.2): one period planned at 100 M and executed at 75 M gives the
 * realization ratio 0.75 (error 25 % of plan) and a bias of {@code (100 − 75) / 75 = 0.333}.
 * {@link PlanAccuracy#accuracy()} and {@link PlanAccuracy#realizationEstimate()} call these
 * methods on a report's series.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlanningErrors {

  private PlanningErrors() {}

  /**
   * Computes the measures over period totals.
   *
   * @param totals one entry per period
   * @param forecast the step taken as forecast
   * @param actual the step taken as actual
   * @return the measures (all empty for no periods)
   * @throws ValidationException if an argument is null or the list holds null ({@code
   *     totals[i] (null) must not be null}); all violations together
   */
  public static AccuracyMeasures accuracy(List<PeriodTotals> totals, BudgetStep forecast, BudgetStep actual) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.elementsNotNull("totals", totals));
    c.check(() -> Checks.notNull("forecast", forecast));
    c.check(() -> Checks.notNull("actual", actual));
    c.throwIfAny();
    int n = totals.size();
    double sumApe = 0;
    boolean mapeDefined = n > 0;
    double sumAbsErr = 0;
    double sumAbsA = 0;
    double sumA = 0;
    double sumF = 0;
    double sumErr = 0;
    for (PeriodTotals t : totals) {
      double a = t.value(actual).minorUnits();
      double f = t.value(forecast).minorUnits();
      double e = Math.abs(a - f);
      if (a == 0) {
        mapeDefined = false;
      } else {
        sumApe += e / Math.abs(a);
      }
      sumAbsErr += e;
      sumAbsA += Math.abs(a);
      sumA += a;
      sumF += f;
      sumErr += a - f;
    }
    OptionalDouble mape = mapeDefined ? OptionalDouble.of(sumApe / n) : OptionalDouble.empty();
    OptionalDouble wape = sumAbsA > 0 ? OptionalDouble.of(sumAbsErr / sumAbsA) : OptionalDouble.empty();
    OptionalDouble bias = sumA != 0 ? OptionalDouble.of((sumF - sumA) / sumA) : OptionalDouble.empty();
    double mad = n > 0 ? sumAbsErr / n : 0;
    OptionalDouble ts = mad > 0 ? OptionalDouble.of(sumErr / mad) : OptionalDouble.empty();
    return new AccuracyMeasures(n, mape, wape, bias, ts);
  }

  /**
   * Estimates from ratios in period order.
   *
   * @param ratios the per-period ratios, finite
   * @param alpha the EWMA weight in {@code (0, 1]}
   * @return the estimate, or empty when there are no ratios
   * @throws ValidationException if a ratio is NaN or infinite ({@code ratios[i]}), α is outside
   *     {@code (0, 1]}, or the ratios are so large that their mean, standard deviation or EWMA
   *     overflows a double ({@code ratios})
   */
  public static Optional<RatioEstimate> ratioEstimate(double[] ratios, double alpha) {
    Checks.notNull("ratios", ratios);
    if (!(alpha > 0 && alpha <= 1)) {
      throw ValidationException.of("alpha", alpha, "must be within (0, 1]");
    }
    int n = ratios.length;
    if (n == 0) {
      return Optional.empty();
    }
    double sum = 0;
    double s = ratios[0];
    for (int i = 0; i < n; i++) {
      Checks.finite("ratios[" + i + "]", ratios[i]);
      sum += ratios[i];
      if (i > 0) {
        s = alpha * ratios[i] + (1 - alpha) * s;
      }
    }
    double mean = sum / n;
    OptionalDouble sd = OptionalDouble.empty();
    if (n >= 2) {
      double ss = 0;
      for (double r : ratios) {
        ss += (r - mean) * (r - mean);
      }
      sd = OptionalDouble.of(Math.sqrt(ss / (n - 1)));
    }
    if (!Double.isFinite(mean) || !Double.isFinite(s)
        || (sd.isPresent() && !Double.isFinite(sd.getAsDouble()))) {
      throw ValidationException.of("ratios", Arrays.toString(ratios),
          "must be small enough for their mean, standard deviation and EWMA to be finite doubles");
    }
    return Optional.of(new RatioEstimate(n, mean, sd, s, alpha));
  }

  /**
   * Estimates the realization ratio (or a step ratio) from period totals in period order;
   * periods whose {@code from} total is zero are skipped.
   *
   * @param totals the period totals
   * @param from the denominator step (PLAN for the realization ratio)
   * @param to the numerator step (EXECUTED for the realization ratio)
   * @param alpha the EWMA weight
   * @return the estimate, or empty when no period has a defined ratio
   * @throws ValidationException if an argument is null, the list holds null ({@code totals[i]
   *     (null) must not be null}) or α is outside {@code (0, 1]}
   */
  public static Optional<RatioEstimate> ratioEstimate(
      List<PeriodTotals> totals, BudgetStep from, BudgetStep to, double alpha) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.elementsNotNull("totals", totals));
    c.check(() -> Checks.notNull("from", from));
    c.check(() -> Checks.notNull("to", to));
    c.throwIfAny();
    return ratioEstimate(totals.stream()
        .map(t -> t.stepRatio(from, to))
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .toArray(), alpha);
  }
}
