package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.Optional;

/**
 * The highest costs that still meet a target ROMI, computed by
 * {@link LeadTargets#ceilings(LeadInputs, double)}, with
 * {@code k = gross margin / (1 + targetRomi)}: max spend = contracts × check × k; max CPL
 * = Cr × check × k; max cost per contract = check × k; max CPC = leads per paid click × Cr ×
 * check × k. Every ceiling is rounded <em>down</em> to the minor unit, so paying it still meets
 * the target; each is empty when an input it needs is missing.
 *
 * <p>Example: Cr 5 %, check EUR 1 000.00, margin 40 %, target ROMI 0 (break-even): max CPL
 * EUR 20.00; at a target ROMI of 1 (100 %): EUR 10.00.
 *
 * <p>JSON form: {@code {"targetRomi":0.0,"maxSpend":{...},"maxCostPerLead":{...},
 * "maxCostPerContract":{...},"maxCostPerClick":{...}}}; absent ceilings omitted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param targetRomi the target ROMI, finite and &gt; −1 (0 is break-even, 0.25 a 25 % return)
 * @param maxSpend the highest spend at the current volumes that meets the target; empty without
 *     contracts, check or margin
 * @param maxCostPerLead the highest CPL that meets the target; empty without Cr, check or margin
 * @param maxCostPerContract the highest cost per contract (CAC) that meets the target; empty
 *     without check or margin
 * @param maxCostPerClick the highest CPC that meets the target, with leads per paid click =
 *     leads / clicks; empty without leads, clicks &gt; 0, Cr, check or margin (visits are never
 *     taken as paid clicks)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"targetRomi", "maxSpend", "maxCostPerLead", "maxCostPerContract",
    "maxCostPerClick"})
public record CostCeilings(
    double targetRomi,
    Optional<Money> maxSpend,
    Optional<Money> maxCostPerLead,
    Optional<Money> maxCostPerContract,
    Optional<Money> maxCostPerClick) {

  /** Validates the target and that every ceiling is non-negative. */
  @JsonCreator
  public CostCeilings {
    maxSpend = maxSpend == null ? Optional.empty() : maxSpend;
    maxCostPerLead = maxCostPerLead == null ? Optional.empty() : maxCostPerLead;
    maxCostPerContract = maxCostPerContract == null ? Optional.empty() : maxCostPerContract;
    maxCostPerClick = maxCostPerClick == null ? Optional.empty() : maxCostPerClick;
    if (!(targetRomi > -1) || Double.isInfinite(targetRomi)) {
      throw ValidationException.of("targetRomi", targetRomi, "must be finite and > -1");
    }
    Checks.Collector v = Checks.collector();
    maxSpend.filter(Money::isNegative).ifPresent(m -> v.add("maxSpend", m, "must be >= 0"));
    maxCostPerLead.filter(Money::isNegative)
        .ifPresent(m -> v.add("maxCostPerLead", m, "must be >= 0"));
    maxCostPerContract.filter(Money::isNegative)
        .ifPresent(m -> v.add("maxCostPerContract", m, "must be >= 0"));
    maxCostPerClick.filter(Money::isNegative)
        .ifPresent(m -> v.add("maxCostPerClick", m, "must be >= 0"));
    v.oneCurrency("maxSpend", maxSpend, "maxCostPerLead", maxCostPerLead,
        "maxCostPerContract", maxCostPerContract, "maxCostPerClick", maxCostPerClick);
    v.throwIfAny();
  }
}
