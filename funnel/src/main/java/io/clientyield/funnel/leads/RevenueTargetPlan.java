package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * What is needed to reach a revenue target with a model's rates, check and CPL (the inverse of
 * the lead-economics chain, {@link LeadEconomics#planFor(Money)}):
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
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRevenueTargetPlan.class)
@JsonDeserialize(as = ImmutableRevenueTargetPlan.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"revenueTarget", "contractsNeeded", "leadsNeeded", "visitsNeeded",
    "queriesNeeded", "spendNeeded"})
public abstract class RevenueTargetPlan {

  RevenueTargetPlan() {}

  static ImmutableRevenueTargetPlan.Builder builder() {
    return ImmutableRevenueTargetPlan.builder();
  }

  /**
   * Returns the revenue target.
   *
   * @return the target
   */
  public abstract Money revenueTarget();

  /**
   * Returns the contracts needed = target / check.
   *
   * @return the expected count, empty without a positive check
   */
  public abstract OptionalDouble contractsNeeded();

  /**
   * Returns the leads needed = target / (Cr × check).
   *
   * @return the expected count, empty without a positive Cr and check
   */
  public abstract OptionalDouble leadsNeeded();

  /**
   * Returns the visits needed = leads needed / site conversion.
   *
   * @return the expected count, empty without a positive site conversion
   */
  public abstract OptionalDouble visitsNeeded();

  /**
   * Returns the queries needed = visits needed / CTR.
   *
   * @return the expected count, empty without a positive CTR
   */
  public abstract OptionalDouble queriesNeeded();

  /**
   * Returns the spend needed at the current CPL = target × spend / revenue, rounded up.
   *
   * @return the spend, empty without spend or with zero revenue
   */
  public abstract Optional<Money> spendNeeded();

  @Value.Check
  void check() {
    Checks.Collector v = Checks.collector();
    if (revenueTarget().isNegative()) {
      v.add("revenueTarget", revenueTarget(), "must be >= 0");
    }
    contractsNeeded().ifPresent(x -> v.check(() -> Checks.nonNegative("contractsNeeded", x)));
    leadsNeeded().ifPresent(x -> v.check(() -> Checks.nonNegative("leadsNeeded", x)));
    visitsNeeded().ifPresent(x -> v.check(() -> Checks.nonNegative("visitsNeeded", x)));
    queriesNeeded().ifPresent(x -> v.check(() -> Checks.nonNegative("queriesNeeded", x)));
    spendNeeded().ifPresent(s -> v.check(() -> revenueTarget().requireSameCurrency(s)));
    v.throwIfAny();
  }
}
