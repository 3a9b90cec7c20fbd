package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.Money;
import io.clientyield.profitability.pricing.Margins;
import java.util.OptionalDouble;

/**
 * Totals of one group (a month, a PM or a client) in the review.
 *
 * @param key the month (yyyy-MM), PM id or client id
 * @param projects number of projects, &ge; 0
 * @param revenue total revenue
 * @param cost total cost
 * @param plannedProfit total planned profit
 *     <p>Immutable and thread-safe.
 */
public record GroupTotals(
    @JsonProperty("key") String key,
    @JsonProperty("projects") long projects,
    @JsonProperty("revenue") Money revenue,
    @JsonProperty("cost") Money cost,
    @JsonProperty("plannedProfit") Money plannedProfit) {

  /**
   * Validates the fields.
   *
   * @param key the month (yyyy-MM), PM id or client id
   * @param projects number of projects, &ge; 0
   * @param revenue total revenue
   * @param cost total cost
   * @param plannedProfit total planned profit
   *     <p>Immutable and thread-safe.
   */
  public GroupTotals {
    Checks.notBlank("key", key);
    Checks.nonNegative("projects", projects);
    Checks.notNull("revenue", revenue);
    Checks.notNull("cost", cost);
    Checks.notNull("plannedProfit", plannedProfit);
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
