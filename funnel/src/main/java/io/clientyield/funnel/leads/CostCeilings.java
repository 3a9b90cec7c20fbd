package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The highest costs that still meet a target ROMI ({@link LeadEconomics#ceilingsFor(double)}),
 * with {@code k = gross margin / (1 + targetRomi)}: max spend = contracts × check × k; max CPL
 * = Cr × check × k; max cost per contract = check × k; max CPC = leads per click × Cr × check
 * × k. Every ceiling is rounded <em>down</em> to the minor unit, so paying it still meets the
 * target; each is empty when an input it needs is missing.
 *
 * <p>Example: Cr 5 %, check EUR 1 000.00, margin 40 %, target ROMI 0 (break-even): max CPL
 * EUR 20.00; at a target ROMI of 1 (100 %): EUR 10.00.
 *
 * <p>JSON form: {@code {"targetRomi":0.0,"maxSpend":{...},"maxCostPerLead":{...},
 * "maxCostPerContract":{...},"maxCostPerClick":{...}}}; absent ceilings omitted.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCostCeilings.class)
@JsonDeserialize(as = ImmutableCostCeilings.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"targetRomi", "maxSpend", "maxCostPerLead", "maxCostPerContract",
    "maxCostPerClick"})
public abstract class CostCeilings {

  CostCeilings() {}

  static ImmutableCostCeilings.Builder builder() {
    return ImmutableCostCeilings.builder();
  }

  /**
   * Returns the target ROMI, &gt; −1 (0 is break-even, 0.25 a 25 % return).
   *
   * @return the target
   */
  public abstract double targetRomi();

  /**
   * Returns the highest spend at the current volumes that meets the target.
   *
   * @return the ceiling, empty without contracts, check or margin
   */
  public abstract Optional<Money> maxSpend();

  /**
   * Returns the highest CPL that meets the target.
   *
   * @return the ceiling, empty without Cr, check or margin
   */
  public abstract Optional<Money> maxCostPerLead();

  /**
   * Returns the highest cost per contract (CAC) that meets the target.
   *
   * @return the ceiling, empty without check or margin
   */
  public abstract Optional<Money> maxCostPerContract();

  /**
   * Returns the highest CPC that meets the target (leads per click = leads / clicks, or the site
   * conversion when clicks are unknown).
   *
   * @return the ceiling, empty without leads per click, Cr, check or margin
   */
  public abstract Optional<Money> maxCostPerClick();

  @Value.Check
  void check() {
    if (!(targetRomi() > -1) || Double.isInfinite(targetRomi())) {
      throw io.clientyield.core.ValidationException.of("targetRomi", targetRomi(),
          "must be finite and > -1");
    }
    Checks.Collector v = Checks.collector();
    maxSpend().filter(Money::isNegative).ifPresent(m -> v.add("maxSpend", m, "must be >= 0"));
    maxCostPerLead().filter(Money::isNegative)
        .ifPresent(m -> v.add("maxCostPerLead", m, "must be >= 0"));
    maxCostPerContract().filter(Money::isNegative)
        .ifPresent(m -> v.add("maxCostPerContract", m, "must be >= 0"));
    maxCostPerClick().filter(Money::isNegative)
        .ifPresent(m -> v.add("maxCostPerClick", m, "must be >= 0"));
    v.throwIfAny();
  }
}
