package io.clientyield.profitability.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.profitability.pricing.Margins;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Profitability of one project or phase (or of any set of them).
 *
 * <p>Derived: cost = laborCost + expenses; profit = revenue &minus; cost; margin = profit /
 * revenue and markup = profit / cost (empty on a zero denominator); realized hourly rate =
 * revenue / hours (empty with no hours). Immutable and thread-safe.
 *
 * @param revenue fixed fee or &Sigma; billable hours &times; bill rate
 * @param laborCost &Sigma; hours &times; cost rate
 * @param expenses direct expenses
 * @param minutes all minutes worked
 * @param billableMinutes billable minutes
 */
public record ProjectProfitability(
    @JsonProperty("revenue") Money revenue,
    @JsonProperty("laborCost") Money laborCost,
    @JsonProperty("expenses") Money expenses,
    @JsonProperty("minutes") long minutes,
    @JsonProperty("billableMinutes") long billableMinutes) {

  /**
   * Validates currencies and counts.
   */
  public ProjectProfitability {
    Checks.notNull("revenue", revenue);
    Checks.notNull("laborCost", laborCost);
    Checks.notNull("expenses", expenses);
    revenue.requireSameCurrency(laborCost);
    revenue.requireSameCurrency(expenses);
    Checks.nonNegative("minutes", minutes);
    Checks.inRange("billableMinutes", billableMinutes, 0, minutes);
  }

  /**
   * The profit-and-loss line: revenue against cost = labor cost + expenses.
   *
   * @return revenue, cost, profit, margin and markup
   */
  @JsonIgnore
  public ProfitAndLoss profitAndLoss() {
    return Margins.profitAndLoss(revenue, cost());
  }

  /**
   * Total cost.
   *
   * @return labor cost + expenses
   */
  @JsonIgnore
  public Money cost() {
    return laborCost.plus(expenses);
  }

  /**
   * Profit, exact.
   *
   * @return revenue &minus; cost, as in {@link #profitAndLoss()}
   */
  @JsonIgnore
  public Money profit() {
    return profitAndLoss().profit();
  }

  /**
   * Margin on revenue.
   *
   * @return profit / revenue, as in {@link #profitAndLoss()}; empty when revenue is zero
   */
  @JsonIgnore
  public OptionalDouble margin() {
    return profitAndLoss().margin();
  }

  /**
   * Markup on cost.
   *
   * @return profit / cost, as in {@link #profitAndLoss()}; empty when cost is zero
   */
  @JsonIgnore
  public OptionalDouble markup() {
    return profitAndLoss().markup();
  }

  /**
   * Effective realized hourly rate = revenue / hours worked (all hours, billable or not).
   *
   * @return revenue per hour rounded half-even ({@code Money.ROUNDING}); empty with no hours
   */
  @JsonIgnore
  public Optional<Money> realizedHourlyRate() {
    if (minutes == 0) {
      return Optional.empty();
    }
    BigDecimal perHour =
        revenue
            .amount()
            .multiply(BigDecimal.valueOf(60))
            .divide(BigDecimal.valueOf(minutes), MathContext.DECIMAL128);
    return Optional.of(Money.of(perHour, revenue.currency(), Money.ROUNDING));
  }

  /**
   * Actual minus planned profit (positive: better than plan).
   *
   * @param planned the planned profitability, same currency
   * @return this profit &minus; planned profit
   */
  public Money profitVersusPlan(ProjectProfitability planned) {
    Checks.notNull("planned", planned);
    return profit().minus(planned.profit());
  }
}
