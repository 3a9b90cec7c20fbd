package io.clientyield.profitability.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.profitability.pricing.Margins;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Profitability of one project or phase (or of any set of them).
 *
 * <p>Derived: cost = labourCost + expenses; profit = revenue &minus; cost; margin = profit /
 * revenue and markup = profit / cost (empty on a zero denominator); realised hourly rate =
 * revenue / hours (empty with no hours). Immutable and thread-safe.
 *
 * @param revenue fixed fee or &Sigma; billable hours &times; bill rate
 * @param labourCost &Sigma; hours &times; cost rate
 * @param expenses direct expenses
 * @param minutes all minutes worked
 * @param billableMinutes billable minutes
 */
public record ProjectProfitability(
    @JsonProperty("revenue") Money revenue,
    @JsonProperty("labourCost") Money labourCost,
    @JsonProperty("expenses") Money expenses,
    @JsonProperty("minutes") long minutes,
    @JsonProperty("billableMinutes") long billableMinutes) {

  /**
   * Validates currencies and counts.
   */
  public ProjectProfitability {
    Checks.notNull("revenue", revenue);
    Checks.notNull("labourCost", labourCost);
    Checks.notNull("expenses", expenses);
    revenue.requireSameCurrency(labourCost);
    revenue.requireSameCurrency(expenses);
    Checks.nonNegative("minutes", minutes);
    Checks.inRange("billableMinutes", billableMinutes, 0, minutes);
  }

  /**
   * Total cost.
   *
   * @return labour cost + expenses
   */
  @JsonIgnore
  public Money cost() {
    return labourCost.plus(expenses);
  }

  /**
   * Profit, exact.
   *
   * @return revenue &minus; cost
   */
  @JsonIgnore
  public Money profit() {
    return revenue.minus(cost());
  }

  /**
   * Margin on revenue.
   *
   * @return profit / revenue; empty when revenue is zero
   */
  @JsonIgnore
  public OptionalDouble margin() {
    return Margins.margin(profit(), revenue);
  }

  /**
   * Markup on cost.
   *
   * @return profit / cost; empty when cost is zero
   */
  @JsonIgnore
  public OptionalDouble markup() {
    return Margins.markup(profit(), cost());
  }

  /**
   * Effective realised hourly rate = revenue / hours worked (all hours, billable or not).
   *
   * @return revenue per hour rounded half-up; empty with no hours
   */
  @JsonIgnore
  public Optional<Money> realisedHourlyRate() {
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
