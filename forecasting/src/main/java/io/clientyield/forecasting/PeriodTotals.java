package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import java.util.OptionalDouble;

/**
 * The budget totals of one period's planned deals at each step. A deal that has not reached a
 * step is carried with its latest earlier value (see {@link PlannedDeal#valueThrough}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param deals the number of planned deals
 * @param plan Σ planned budgets
 * @param refined Σ values through REFINED
 * @param actual Σ values through ACTUAL
 * @param executed Σ values through EXECUTED (the final values)
 */
@JsonPropertyOrder({"period", "deals", "plan", "refined", "actual", "executed"})
public record PeriodTotals(
    @JsonProperty("period") ReportingPeriod period,
    @JsonProperty("deals") long deals,
    @JsonProperty("plan") Money plan,
    @JsonProperty("refined") Money refined,
    @JsonProperty("actual") Money actual,
    @JsonProperty("executed") Money executed) {

  /** Validates: every field present, {@code deals >= 0}; all violations together. */
  @JsonCreator
  public PeriodTotals {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("period", period));
    c.check(() -> Checks.nonNegative("deals", deals));
    c.check(() -> Checks.notNull("plan", plan));
    c.check(() -> Checks.notNull("refined", refined));
    c.check(() -> Checks.notNull("actual", actual));
    c.check(() -> Checks.notNull("executed", executed));
    c.oneCurrency("plan", plan, "refined", refined, "actual", actual, "executed", executed);
    c.throwIfAny();
  }

  /**
   * Returns the total at a step.
   *
   * @param step the step
   * @return the total
   */
  public Money value(BudgetStep step) {
    return switch (Checks.notNull("step", step)) {
      case PLAN -> plan;
      case REFINED -> refined;
      case ACTUAL -> actual;
      case EXECUTED -> executed;
    };
  }

  /**
   * Returns the realization ratio {@code executed / plan} (0.75 for 100 M planned, 75 M
   * executed).
   *
   * @return the ratio ({@code >= 0}), or empty when the plan is zero
   */
  public OptionalDouble realizationRatio() {
    return stepRatio(BudgetStep.PLAN, BudgetStep.EXECUTED);
  }

  /**
   * Returns the error share {@code 1 − executed / plan} (0.25 = 25 % of plan lost).
   *
   * @return the share (may be negative when over-executed), or empty when the plan is zero
   */
  public OptionalDouble errorShare() {
    OptionalDouble r = realizationRatio();
    return r.isPresent() ? OptionalDouble.of(1 - r.getAsDouble()) : OptionalDouble.empty();
  }

  /**
   * Returns the ratio between two steps, {@code value(to) / value(from)} (for example
   * REFINED → EXECUTED).
   *
   * @param from the earlier step (denominator)
   * @param to the later step (numerator)
   * @return the ratio, or empty when {@code value(from)} is zero
   */
  public OptionalDouble stepRatio(BudgetStep from, BudgetStep to) {
    return value(to).ratioTo(value(from));
  }
}
