package io.clientyield.profitability.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * One profit-and-loss line: revenue, cost, and what follows from them. Every profitability result
 * of the library (a project, a client, a review group, a portfolio cell) carries its money as one
 * of these, computed by {@link Margins#profitAndLoss(Money, Money)}, the one home of the formula:
 * profit = revenue &minus; cost (exact), margin = profit / revenue, markup = profit / cost.
 *
 * <p>Example: revenue 100, cost 80: profit 20, margin 0.20, markup 0.25.
 *
 * <p>Signs are free (a credit note is negative revenue, a loss a negative profit). A ratio whose
 * denominator is zero is empty, never NaN or infinite; in JSON an empty ratio is left out. The
 * constructor (and so every JSON read) rejects derived components that do not follow from
 * revenue and cost.
 *
 * <p>Immutable and thread-safe.
 *
 * @param revenue the revenue
 * @param cost the cost, in the currency of revenue
 * @param profit revenue &minus; cost
 * @param margin profit / revenue; empty when revenue is zero
 * @param markup profit / cost; empty when cost is zero
 */
@JsonPropertyOrder({"revenue", "cost", "profit", "margin", "markup"})
public record ProfitAndLoss(
    @JsonProperty("revenue") Money revenue,
    @JsonProperty("cost") Money cost,
    @JsonProperty("profit") Money profit,
    @JsonProperty("margin") @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble margin,
    @JsonProperty("markup") @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble markup) {

  /** Validates presence, one currency, and that profit, margin and markup follow from the rest. */
  public ProfitAndLoss {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("revenue", revenue));
    c.check(() -> Checks.notNull("cost", cost));
    c.check(() -> Checks.notNull("profit", profit));
    c.sameCurrency("cost", cost, "revenue", revenue);
    c.sameCurrency("profit", profit, "revenue", revenue);
    c.throwIfAny();
    margin = margin == null ? OptionalDouble.empty() : margin;
    markup = markup == null ? OptionalDouble.empty() : markup;
    Money expected = revenue.minus(cost);
    if (!profit.equals(expected)) {
      c.add("profit", profit, "must be revenue - cost (" + expected + ")");
    } else {
      OptionalDouble m = profit.ratioTo(revenue);
      OptionalDouble k = profit.ratioTo(cost);
      if (!margin.equals(m)) {
        c.add("margin", margin, "must be profit / revenue (" + m + ")");
      }
      if (!markup.equals(k)) {
        c.add("markup", markup, "must be profit / cost (" + k + ")");
      }
    }
    c.throwIfAny();
  }

  /**
   * The line of no money in a currency: everything zero, both ratios empty.
   *
   * @param currency the currency
   * @return the zero line
   */
  public static ProfitAndLoss zero(java.util.Currency currency) {
    Money z = Money.zero(Checks.notNull("currency", currency));
    return Margins.profitAndLoss(z, z);
  }

  /**
   * Adds another line in the same currency: revenues and costs add exactly, the ratios follow.
   *
   * @param other the other line
   * @return the sum
   * @throws ValidationException if the currencies differ
   */
  public ProfitAndLoss plus(ProfitAndLoss other) {
    Checks.notNull("other", other);
    return Margins.profitAndLoss(revenue.plus(other.revenue), cost.plus(other.cost));
  }
}
