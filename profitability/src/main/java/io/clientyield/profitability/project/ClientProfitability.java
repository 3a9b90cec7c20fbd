package io.clientyield.profitability.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Profitability of one client over its projects, with the number of contacts/requests it made.
 *
 * <p>Derived: cost per contact = cost / contacts (empty with no contacts). Immutable and
 * thread-safe.
 *
 * @param client the client
 * @param profitAndLoss revenue, cost (labor + expenses), profit, margin and markup of its projects
 * @param minutes total minutes worked
 * @param contacts contacts/requests counted, &ge; 0
 */
public record ClientProfitability(
    @JsonProperty("client") ClientId client,
    @JsonProperty("profitAndLoss") ProfitAndLoss profitAndLoss,
    @JsonProperty("minutes") long minutes,
    @JsonProperty("contacts") long contacts) {

  /** Validates the fields. */
  public ClientProfitability {
    Checks.notNull("client", client);
    Checks.notNull("profitAndLoss", profitAndLoss);
    Checks.nonNegative("minutes", minutes);
    Checks.nonNegative("contacts", contacts);
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
   * Profit.
   *
   * @return revenue &minus; cost
   */
  @JsonIgnore
  public Money profit() {
    return profitAndLoss.profit();
  }

  /**
   * Margin.
   *
   * @return profit / revenue; empty when revenue is zero
   */
  @JsonIgnore
  public OptionalDouble margin() {
    return profitAndLoss.margin();
  }

  /**
   * Cost per contact/request, the figure that shows a client who calls three times a day.
   *
   * @return cost / contacts rounded with {@link Money#ROUNDING}; empty with no contacts
   */
  @JsonIgnore
  public Optional<Money> costPerContact() {
    if (contacts == 0) {
      return Optional.empty();
    }
    Money cost = cost();
    return Optional.of(
        Money.of(
            cost.amount().divide(BigDecimal.valueOf(contacts), MathContext.DECIMAL128),
            cost.currency(),
            Money.ROUNDING));
  }
}
