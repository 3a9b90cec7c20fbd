package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.profitability.pricing.Margins;
import java.util.OptionalDouble;

/**
 * Totals of one group (a month, a PM or a client) in the review.
 *
 * <p>All money is in one currency. Immutable and thread-safe.
 *
 * @param key the month (yyyy-MM), PM id or client id
 * @param projects number of projects, &ge; 0
 * @param revenue total revenue
 * @param cost total cost, in the currency of revenue
 * @param plannedProfit total planned profit, in the currency of revenue
 */
public record GroupTotals(
    @JsonProperty("key") String key,
    @JsonProperty("projects") long projects,
    @JsonProperty("revenue") Money revenue,
    @JsonProperty("cost") Money cost,
    @JsonProperty("plannedProfit") Money plannedProfit) {

  /**
   * Validates the fields, reporting every violation at once.
   *
   * @throws io.clientyield.core.ValidationException if a field is missing or negative, or cost or
   *     planned profit is in another currency than revenue (naming the field and both currencies)
   */
  public GroupTotals {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notBlank("key", key));
    c.check(() -> Checks.nonNegative("projects", projects));
    c.check(() -> Checks.notNull("revenue", revenue));
    c.check(() -> Checks.notNull("cost", cost));
    c.check(() -> Checks.notNull("plannedProfit", plannedProfit));
    c.sameCurrency("cost", cost, "revenue", revenue);
    c.sameCurrency("plannedProfit", plannedProfit, "revenue", revenue);
    c.throwIfAny();
  }

  /**
   * Actual profit.
   *
   * @return revenue &minus; cost
   */
  @JsonIgnore
  public Money profit() {
    return revenue.minus(cost);
  }

  /**
   * Margin of the group.
   *
   * @return profit / revenue; empty when revenue is zero
   */
  @JsonIgnore
  public OptionalDouble margin() {
    return Margins.margin(profit(), revenue);
  }
}
