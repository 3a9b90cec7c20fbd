package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.time.Instant;

/**
 * One version of a planned budget: which step produced it, when, and the amount.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the step that produced this version
 * @param at when the version was recorded
 * @param amount the budget (must be {@code >= 0})
 */
public record BudgetVersion(
    @JsonProperty("step") BudgetStep step,
    @JsonProperty("at") Instant at,
    @JsonProperty("amount") Money amount) {

  /**
   * Creates a version.
   *
   * @param step the step that produced this version
   * @param at when the version was recorded
   * @param amount the budget (must be {@code >= 0})
   * @throws ValidationException if a field is null or the amount is negative
   */
  @JsonCreator
  public BudgetVersion {
    Checks.Collector c = Checks.collector();
    if (step == null) {
      c.add("step", null, "must not be null");
    }
    if (at == null) {
      c.add("at", null, "must not be null");
    }
    if (amount == null) {
      c.add("amount", null, "must not be null");
    } else if (amount.isNegative()) {
      c.add("amount", amount, "must be >= 0");
    }
    c.throwIfAny();
  }

  /**
   * Creates a version.
   *
   * @param step the step
   * @param at the time
   * @param amount the budget
   * @return the version
   */
  public static BudgetVersion of(BudgetStep step, Instant at, Money amount) {
    return new BudgetVersion(step, at, amount);
  }
}
