package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The plan needed to reach a target, or an explicit empty with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plan the plan to set, rounded half-up to the minor unit; empty when undefined
 * @param effectiveRatio the ratio divided by ({@code r}, or {@code μ − z σ}), finite; empty when
 *     it could not be computed
 * @param reason why the plan is empty; absent when a plan was found
 */
public record CorrectedPlan(
    @JsonProperty("plan") Optional<Money> plan,
    @JsonProperty("effectiveRatio") OptionalDouble effectiveRatio,
    @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

  /**
   * Creates the answer.
   *
   * @param plan the plan to set, rounded half-up to the minor unit; empty when undefined
   * @param effectiveRatio the ratio divided by ({@code r}, or {@code μ − z σ}); empty when it
   *     could not be computed
   * @param reason why the plan is empty; absent when a plan was found
   * @throws ValidationException unless exactly one of plan and reason is present, or if the
   *     effective ratio is NaN or infinite
   */
  public CorrectedPlan {
    plan = plan == null ? Optional.empty() : plan;
    effectiveRatio = effectiveRatio == null ? OptionalDouble.empty() : effectiveRatio;
    reason = reason == null ? Optional.empty() : reason;
    if (effectiveRatio.isPresent()) {
      Checks.finite("effectiveRatio", effectiveRatio.getAsDouble());
    }
    if (plan.isPresent() == reason.isPresent()) {
      throw ValidationException.of("reason", reason.orElse(null),
          "must be present exactly when plan is empty");
    }
  }

  @JsonCreator
  static CorrectedPlan fromJson(
      @JsonProperty("plan") Optional<Money> plan,
      @JsonProperty("effectiveRatio") OptionalDouble effectiveRatio,
      @JsonProperty("reason") Optional<String> reason) {
    return new CorrectedPlan(plan, effectiveRatio, reason);
  }
}
