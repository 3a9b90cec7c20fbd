package io.clientyield.profitability.pricing;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.OptionalDouble;

/**
 * Margin (profit on revenue) and markup (profit on cost), and their conversion into each other.
 *
 * <p>margin = profit / revenue; markup = profit / cost; markup = margin / (1 &minus; margin);
 * margin = markup / (1 + markup). Ratios are plain fractions (0.25 means 25 %). A zero
 * denominator gives an empty {@link OptionalDouble}, never NaN or infinity.
 *
 * <p>Example: revenue 100, cost 80, profit 20: margin 0.20, markup 0.25.
 *
 * <p>Stateless; immutable and thread-safe.
 */
public final class Margins {

  private Margins() {}

  /**
   * The profit-and-loss line of a revenue and a cost: profit = revenue &minus; cost (exact),
   * margin = profit / revenue, markup = profit / cost, the ratios empty on a zero denominator.
   *
   * @param revenue the revenue
   * @param cost the cost, same currency
   * @return the line
   * @throws io.clientyield.core.ValidationException if an argument is missing or the currencies
   *     differ
   */
  public static ProfitAndLoss profitAndLoss(Money revenue, Money cost) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("revenue", revenue));
    c.check(() -> Checks.notNull("cost", cost));
    c.sameCurrency("cost", cost, "revenue", revenue);
    c.throwIfAny();
    Money profit = revenue.minus(cost);
    return new ProfitAndLoss(revenue, cost, profit, profit.ratioTo(revenue), profit.ratioTo(cost));
  }

  /**
   * Margin = profit / revenue.
   *
   * @param profit the profit
   * @param revenue the revenue, same currency
   * @return the margin as a fraction; empty when revenue is zero
   */
  public static OptionalDouble margin(Money profit, Money revenue) {
    Checks.notNull("profit", profit);
    Checks.notNull("revenue", revenue);
    profit.requireSameCurrency(revenue);
    return profit.ratioTo(revenue);
  }

  /**
   * Markup = profit / cost.
   *
   * @param profit the profit
   * @param cost the cost, same currency
   * @return the markup as a fraction; empty when cost is zero
   */
  public static OptionalDouble markup(Money profit, Money cost) {
    Checks.notNull("profit", profit);
    Checks.notNull("cost", cost);
    profit.requireSameCurrency(cost);
    return profit.ratioTo(cost);
  }

  /**
   * Converts a margin into the equivalent markup: k = m / (1 &minus; m).
   *
   * @param margin a finite margin
   * @return the markup; empty when margin is 1 (zero cost)
   */
  public static OptionalDouble markupFromMargin(double margin) {
    Checks.finite("margin", margin);
    double d = 1.0 - margin;
    if (d == 0.0) {
      return OptionalDouble.empty();
    }
    double k = margin / d;
    return Double.isFinite(k) ? OptionalDouble.of(k) : OptionalDouble.empty();
  }

  /**
   * Converts a markup into the equivalent margin: m = k / (1 + k).
   *
   * @param markup a finite markup
   * @return the margin; empty when markup is &minus;1 (zero revenue)
   */
  public static OptionalDouble marginFromMarkup(double markup) {
    Checks.finite("markup", markup);
    double d = 1.0 + markup;
    if (d == 0.0) {
      return OptionalDouble.empty();
    }
    double m = markup / d;
    return Double.isFinite(m) ? OptionalDouble.of(m) : OptionalDouble.empty();
  }
}
