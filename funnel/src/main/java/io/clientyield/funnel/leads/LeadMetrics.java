package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A snapshot of every value and metric of one {@link LeadEconomics}, for display, comparison
 * and JSON (see {@link LeadEconomics} for the formulas). Money is rounded HALF_EVEN to the
 * currency's minor unit; every undefined metric is absent.
 *
 * <p>JSON form: {@code {"values":{"LEADS":40.0,"CR":0.1,"CONTRACTS":4.0},"given":["LEADS","CR"],
 * "averageCheck":{...},"spend":{...},"revenue":{...},"costPerLead":{...},"romi":0.25,...}};
 * absent values are omitted.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLeadMetrics.class)
@JsonDeserialize(as = ImmutableLeadMetrics.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"values", "given", "averageCheck", "spend", "costPerClick", "grossMargin",
    "period", "revenue", "grossProfit", "profit", "costPerLead", "costPerContract", "costPerVisitor",
    "costPerCall", "revenuePerVisitor", "profitPerVisitor", "romi"})
public abstract class LeadMetrics {

  LeadMetrics() {}

  static ImmutableLeadMetrics.Builder builder() {
    return ImmutableLeadMetrics.builder();
  }

  /**
   * Returns every known quantity, given or derived (counts are expected counts, rates in [0, 1]).
   *
   * @return the values by field
   */
  public abstract Map<Field, Double> values();

  /**
   * Returns the quantities that were given as input.
   *
   * @return the given fields
   */
  public abstract Set<Field> given();

  /**
   * Returns the average check.
   *
   * @return the check, if given
   */
  public abstract Optional<Money> averageCheck();

  /**
   * Returns the spend (given, or clicks × CPC).
   *
   * @return the spend, if known
   */
  public abstract Optional<Money> spend();

  /**
   * Returns CPC (given, or spend / clicks).
   *
   * @return the CPC, if known
   */
  public abstract Optional<Money> costPerClick();

  /**
   * Returns the gross margin in [0, 1].
   *
   * @return the margin, if given
   */
  public abstract OptionalDouble grossMargin();

  /**
   * Returns the period the counts and money are per.
   *
   * @return the period label, if stated
   */
  public abstract Optional<String> period();

  /**
   * Returns the revenue = contracts × check.
   *
   * @return the revenue, if defined
   */
  public abstract Optional<Money> revenue();

  /**
   * Returns the gross profit = revenue × margin.
   *
   * @return the gross profit, if defined
   */
  public abstract Optional<Money> grossProfit();

  /**
   * Returns the marketing profit = revenue × margin − spend.
   *
   * @return the profit, if defined
   */
  public abstract Optional<Money> profit();

  /**
   * Returns CPL = spend / leads (equal to the cost per inquiry).
   *
   * @return the CPL, if defined
   */
  public abstract Optional<Money> costPerLead();

  /**
   * Returns CAC = spend / contracts.
   *
   * @return the CAC, if defined
   */
  public abstract Optional<Money> costPerContract();

  /**
   * Returns spend / visits.
   *
   * @return the cost per visitor, if defined
   */
  public abstract Optional<Money> costPerVisitor();

  /**
   * Returns spend / calls.
   *
   * @return the cost per call, if defined
   */
  public abstract Optional<Money> costPerCall();

  /**
   * Returns revenue / visits.
   *
   * @return the revenue per visitor, if defined
   */
  public abstract Optional<Money> revenuePerVisitor();

  /**
   * Returns (revenue × margin − spend) / visits.
   *
   * @return the profit per visitor, if defined
   */
  public abstract Optional<Money> profitPerVisitor();

  /**
   * Returns ROMI = (revenue × margin − spend) / spend, ≥ −1.
   *
   * @return the ROMI, if defined
   */
  public abstract OptionalDouble romi();

  @Value.Check
  void check() {
    Checks.Collector v = Checks.collector();
    values().forEach((f, x) -> v.check(() -> LeadEconomics.checkValue(f, x)));
    given().forEach(f -> {
      if (!values().containsKey(f)) {
        v.add("given", f, "must be one of the values");
      }
    });
    romi().ifPresent(r -> {
      if (!(r >= -1) || Double.isInfinite(r)) {
        v.add("romi", r, "must be finite and >= -1");
      }
    });
    v.throwIfAny();
  }
}
