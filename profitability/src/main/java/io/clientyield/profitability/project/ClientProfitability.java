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
 * Profitability of one client over its projects, with the number of contacts/requests it made.
 *
 * <p>Derived: profit = revenue &minus; cost; margin = profit / revenue; cost per contact =
 * cost / contacts (empty with no contacts). Immutable and thread-safe.
 *
 * @param client the client id
 * @param revenue total revenue
 * @param cost total cost (labour + expenses)
 * @param minutes total minutes worked
 * @param contacts contacts/requests counted, &ge; 0
 */
public record ClientProfitability(
    @JsonProperty("client") String client,
    @JsonProperty("revenue") Money revenue,
    @JsonProperty("cost") Money cost,
    @JsonProperty("minutes") long minutes,
    @JsonProperty("contacts") long contacts) {

  /**
   * Validates the fields.
   */
  public ClientProfitability {
    Checks.notBlank("client", client);
    Checks.notNull("revenue", revenue);
    Checks.notNull("cost", cost);
    revenue.requireSameCurrency(cost);
    Checks.nonNegative("minutes", minutes);
    Checks.nonNegative("contacts", contacts);
  }

  /**
   * Profit.
   *
   * @return revenue &minus; cost
   */
  @JsonIgnore
  public Money profit() {
    return revenue.minus(cost);
  }

  /**
   * Margin.
   *
   * @return profit / revenue; empty when revenue is zero
   */
  @JsonIgnore
  public OptionalDouble margin() {
    return Margins.margin(profit(), revenue);
  }

  /**
   * Cost per contact/request, the figure that shows a client who calls three times a day.
   *
   * @return cost / contacts rounded half-up; empty with no contacts
   */
  @JsonIgnore
  public Optional<Money> costPerContact() {
    if (contacts == 0) {
      return Optional.empty();
    }
    return Optional.of(
        Money.of(
            cost.amount().divide(BigDecimal.valueOf(contacts), MathContext.DECIMAL128),
            cost.currency(),
            Money.ROUNDING));
  }
}
