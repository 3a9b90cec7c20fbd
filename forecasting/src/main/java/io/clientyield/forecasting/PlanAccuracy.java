package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The per-period series of plan totals of one group (all deals, one planner or one manager),
 * ascending by period, with the planning-error measures derived from it.
 *
 * <p>JSON: {@code {"periods":[PeriodTotals...]}}. Immutable and thread-safe.
 *
 * @param periods the totals per period, ascending
 */
public record PlanAccuracy(@JsonProperty("periods") List<PeriodTotals> periods) {

  /**
   * Creates the series.
   *
   * @param periods the totals per period, strictly ascending by period (the EWMA of
   *     {@link #realizationEstimate()} weighs the latest period most)
   * @throws ValidationException if the list is null or holds null ({@code periods[i] (null) must
   *     not be null}, one violation per null element), or a period is not after the one before it
   *     ({@code periods[1].period (2026-09) must be after periods[0].period (2026-10)})
   */
  @JsonCreator
  public PlanAccuracy {
    periods = Checks.elementsNotNull("periods", periods);
    Checks.Collector c = Checks.collector();
    for (int i = 1; i < periods.size(); i++) {
      ReportingPeriod before = periods.get(i - 1).period();
      ReportingPeriod here = periods.get(i).period();
      if (here.compareTo(before) <= 0) {
        c.add("periods[" + i + "].period", here,
            "must be after periods[" + (i - 1) + "].period (" + before + ")");
      }
    }
    c.throwIfAny();
  }

  /**
   * Returns accuracy of plan against executed values (MAPE, WAPE, bias, tracking signal).
   *
   * @return the measures
   */
  public AccuracyMeasures accuracy() {
    return accuracy(BudgetStep.PLAN, BudgetStep.EXECUTED);
  }

  /**
   * Returns accuracy of one step against a later one (for example REFINED against ACTUAL).
   *
   * @param forecast the step taken as forecast
   * @param actual the step taken as actual
   * @return the measures
   */
  public AccuracyMeasures accuracy(BudgetStep forecast, BudgetStep actual) {
    return AccuracyMeasures.of(periods, forecast, actual);
  }

  /**
   * Returns the stable estimate of the realization ratio (executed / plan) with the default α.
   *
   * @return the estimate, or empty when no period has a non-zero plan
   */
  public Optional<RatioEstimate> realizationEstimate() {
    return RatioEstimate.of(periods, BudgetStep.PLAN, BudgetStep.EXECUTED,
        RatioEstimate.DEFAULT_ALPHA);
  }

  /**
   * Returns the stable estimate of a step ratio with a chosen α.
   *
   * @param from denominator step
   * @param to numerator step
   * @param alpha EWMA weight in {@code (0, 1]}
   * @return the estimate, or empty when undefined in every period
   */
  public Optional<RatioEstimate> ratioEstimate(BudgetStep from, BudgetStep to, double alpha) {
    return RatioEstimate.of(periods, from, to, alpha);
  }
}
