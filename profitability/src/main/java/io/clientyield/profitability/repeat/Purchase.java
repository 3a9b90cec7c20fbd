package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.time.LocalDate;

/**
 * One purchase of a client: who, on which day, for how much (&ge; 0; a zero amount is a purchase
 * too, e.g. a free item).
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client
 * @param date the day of the purchase
 * @param amount the amount, &ge; 0
 */
public record Purchase(
    @JsonProperty("client") ClientId client,
    @JsonProperty("date") LocalDate date,
    @JsonProperty("amount") Money amount) {

  /**
   * Validates the purchase, reporting every problem at once.
   *
   * @param client the client
   * @param date the day of the purchase
   * @param amount the amount, &ge; 0
   * @throws ValidationException if a part is missing or the amount is negative
   */
  @JsonCreator
  public Purchase {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("client", client));
    c.check(() -> Checks.notNull("date", date));
    c.check(() -> Checks.notNull("amount", amount));
    if (amount != null && amount.isNegative()) {
      c.add(client == null ? "amount" : "purchase[" + client + "].amount", amount, "must be >= 0");
    }
    c.throwIfAny();
  }

  /**
   * Creates a purchase.
   *
   * @param client the client
   * @param date the day of the purchase
   * @param amount the amount, &ge; 0
   * @return the purchase
   * @throws ValidationException if a part is missing or the amount is negative
   */
  public static Purchase of(ClientId client, LocalDate date, Money amount) {
    return new Purchase(client, date, amount);
  }
}
