package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The per-period series of plan totals of one group (all deals, one planner or one manager),
 * ascending by period, with the planning-error measures derived from it (shortcuts to {@link
 * PlanningErrors}, the calculator, on {@link #periods()}).
 *
 * <p>JSON: {@code {"periods":[PeriodTotals...]}}. Immutable and thread-safe.
 *
 * @param periods the totals per period, ascending
 */
@JsonPropertyOrder({"periods"})
public record PlanAccuracy(@JsonProperty("periods") List<PeriodTotals> periods) {

  /**
   * Validates: no null element ({@code periods[i]}), periods strictly ascending ({@code
   * periods[1].period (2026-09) must be after periods[0].period (2026-10)}); all violations
   * together.
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
      c.sameCurrency("periods[" + i + "].plan", periods.get(i).plan(), "periods[0].plan",
          periods.get(0).plan());
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
    return PlanningErrors.accuracy(periods, forecast, actual);
  }

  /**
   * Returns the stable estimate of the realization ratio (executed / plan) with the default α.
   *
   * @return the estimate, or empty when no period has a non-zero plan
   */
  public Optional<RatioEstimate> realizationEstimate() {
    return PlanningErrors.ratioEstimate(periods, BudgetStep.PLAN, BudgetStep.EXECUTED,
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
    return PlanningErrors.ratioEstimate(periods, from, to, alpha);
  }
}
