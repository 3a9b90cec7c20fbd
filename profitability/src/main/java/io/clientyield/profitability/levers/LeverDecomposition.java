package io.clientyield.profitability.levers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;

/**
 * Profit per partner decomposed into margin &times; productivity &times; leverage, with the effect
 * of +1 % on each lever.
 *
 * <p>Immutable and thread-safe.
 *
 * @param margin profit / fees (fraction, may be negative)
 * @param productivity fees / staff (money per head)
 * @param leverage staff / partners (heads per partner, &ge; 1: staff include the partners)
 * @param profitPerPartner profit / partners, rounded half-up to the minor unit
 * @param afterMarginUp profit per partner with margin &times; 1.01, others held
 * @param afterProductivityUp profit per partner with productivity &times; 1.01, others held
 * @param afterLeverageUp profit per partner with leverage &times; 1.01, others held
 * @param afterFeesUp profit per partner when fees rise 1 % (rate or utilization) and cost stays:
 *     (profit + 0.01 &times; fees) / partners
 */
public record LeverDecomposition(
    @JsonProperty("margin") double margin,
    @JsonProperty("productivity") Money productivity,
    @JsonProperty("leverage") double leverage,
    @JsonProperty("profitPerPartner") Money profitPerPartner,
    @JsonProperty("afterMarginUp") Money afterMarginUp,
    @JsonProperty("afterProductivityUp") Money afterProductivityUp,
    @JsonProperty("afterLeverageUp") Money afterLeverageUp,
    @JsonProperty("afterFeesUp") Money afterFeesUp) {

  /**
   * Validates that nothing is null, the margin is finite and the leverage finite and &ge; 1.
   */
  @JsonCreator
  public LeverDecomposition {
    Checks.finite("margin", margin);
    if (!(leverage >= 1 && leverage < Double.POSITIVE_INFINITY)) {
      throw io.clientyield.core.ValidationException.of("leverage", leverage,
          "must be finite and >= 1 (staff include the partners)");
    }
    Checks.notNull("productivity", productivity);
    Checks.notNull("profitPerPartner", profitPerPartner);
    Checks.notNull("afterMarginUp", afterMarginUp);
    Checks.notNull("afterProductivityUp", afterProductivityUp);
    Checks.notNull("afterLeverageUp", afterLeverageUp);
    Checks.notNull("afterFeesUp", afterFeesUp);
  }
}
