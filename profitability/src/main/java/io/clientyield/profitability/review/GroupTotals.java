package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import java.util.OptionalDouble;

/**
 * Totals of one group (a month, a PM or a client) in the review.
 *
 * <p>All money is in one currency. Immutable and thread-safe.
 *
 * @param key the month (yyyy-MM), PM id or client id
 * @param projects number of projects, &ge; 0
 * @param profitAndLoss total revenue and cost, with profit, margin and markup
 * @param plannedProfit total planned profit, in the currency of the revenue
 */
public record GroupTotals(
    @JsonProperty("key") String key,
    @JsonProperty("projects") long projects,
    @JsonProperty("profitAndLoss") ProfitAndLoss profitAndLoss,
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
    c.check(() -> Checks.notNull("profitAndLoss", profitAndLoss));
    c.check(() -> Checks.notNull("plannedProfit", plannedProfit));
    c.sameCurrency("plannedProfit", plannedProfit, "profitAndLoss.revenue",
        profitAndLoss == null ? null : profitAndLoss.revenue());
    c.throwIfAny();
  }

  /**
   * Revenue.
   *
   * @return the revenue of {@link #profitAndLoss()}
   */
  @JsonIgnore
  public Money revenue() {
    return profitAndLoss.revenue();
  }

  /**
   * Cost.
   *
   * @return the cost of {@link #profitAndLoss()}
   */
  @JsonIgnore
  public Money cost() {
    return profitAndLoss.cost();
  }

  /**
   * Actual profit.
   *
   * @return revenue &minus; cost
   */
  @JsonIgnore
  public Money profit() {
    return profitAndLoss.profit();
  }

  /**
   * Margin of the group.
   *
   * @return profit / revenue; empty when revenue is zero
   */
  @JsonIgnore
  public OptionalDouble margin() {
    return profitAndLoss.margin();
  }
}
