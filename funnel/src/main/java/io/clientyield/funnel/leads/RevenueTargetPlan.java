package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is needed to reach a revenue target with a model's rates, check and CPL, computed by
 * {@link LeadTargets#plan(LeadInputs, Money)} (the lead-economics chain walked backwards):
 * contracts = target / check; leads = contracts / Cr; visits = leads / site conversion;
 * queries = visits / CTR; spend = target × spend / revenue (the current CPL held constant,
 * rounded up to the minor unit). Counts are expected counts (fractional doubles); each value is
 * empty when an input it needs is missing or a divisor is zero.
 *
 * <p>Example: Cr 5 %, check EUR 1 000.00, target EUR 6 000.00 → 6 contracts, 120 leads.
 *
 * <p>JSON form: {@code {"revenueTarget":{...},"contractsNeeded":6.0,"leadsNeeded":120.0,
 * "visitsNeeded":...,"queriesNeeded":...,"spendNeeded":{...}}}; absent values omitted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param revenueTarget the revenue target, &gt;= 0
 * @param contractsNeeded contracts = target / check; empty without a positive check
 * @param leadsNeeded leads = target / (Cr × check); empty without a positive Cr and check
 * @param visitsNeeded visits = leads needed / site conversion; empty without a positive site
 *     conversion
 * @param queriesNeeded queries = visits needed / CTR; empty without a positive CTR
 * @param spendNeeded the spend at the current CPL = target × spend / revenue, rounded up; empty
 *     without spend or with zero revenue
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"revenueTarget", "contractsNeeded", "leadsNeeded", "visitsNeeded",
    "queriesNeeded", "spendNeeded"})
public record RevenueTargetPlan(
    Money revenueTarget,
    OptionalDouble contractsNeeded,
    OptionalDouble leadsNeeded,
    OptionalDouble visitsNeeded,
    OptionalDouble queriesNeeded,
    Optional<Money> spendNeeded) {

  /** Validates the target, the counts (&gt;= 0) and the currency of the spend. */
  @JsonCreator
  public RevenueTargetPlan {
    contractsNeeded = contractsNeeded == null ? OptionalDouble.empty() : contractsNeeded;
    leadsNeeded = leadsNeeded == null ? OptionalDouble.empty() : leadsNeeded;
    visitsNeeded = visitsNeeded == null ? OptionalDouble.empty() : visitsNeeded;
    queriesNeeded = queriesNeeded == null ? OptionalDouble.empty() : queriesNeeded;
    spendNeeded = spendNeeded == null ? Optional.empty() : spendNeeded;
    Checks.Collector v = Checks.collector();
    if (revenueTarget == null) {
      v.add("revenueTarget", null, "must not be null");
    } else if (revenueTarget.isNegative()) {
      v.add("revenueTarget", revenueTarget, "must be >= 0");
    }
    contractsNeeded.ifPresent(x -> v.check(() -> Checks.nonNegative("contractsNeeded", x)));
    leadsNeeded.ifPresent(x -> v.check(() -> Checks.nonNegative("leadsNeeded", x)));
    visitsNeeded.ifPresent(x -> v.check(() -> Checks.nonNegative("visitsNeeded", x)));
    queriesNeeded.ifPresent(x -> v.check(() -> Checks.nonNegative("queriesNeeded", x)));
    Money target = revenueTarget;
    if (target != null) {
      spendNeeded.ifPresent(s -> v.check(() -> target.requireSameCurrency(s)));
    }
    v.throwIfAny();
  }
}
