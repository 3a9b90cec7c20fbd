package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;

/**
 * One client's expected value over a horizon, from the BG/NBD and Gamma-Gamma models (see
 * {@link RepeatValuation}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client
 * @param probabilityAlive P(alive) at the end of calibration, in [0, 1]
 * @param expectedPurchases expected purchases over the horizon (fractional, undiscounted), &ge; 0
 * @param discountedPurchases the same, each step's purchases discounted, &ge; 0
 * @param expectedSpend expected spend per purchase in major units, &ge; 0
 * @param discountedRevenue expectedSpend × discountedPurchases, rounded half-up
 * @param clv discountedRevenue × margin, rounded half-up: the customer lifetime value
 */
public record ClientValue(
    @JsonProperty("client") ClientId client,
    @JsonProperty("probabilityAlive") double probabilityAlive,
    @JsonProperty("expectedPurchases") double expectedPurchases,
    @JsonProperty("discountedPurchases") double discountedPurchases,
    @JsonProperty("expectedSpend") double expectedSpend,
    @JsonProperty("discountedRevenue") Money discountedRevenue,
    @JsonProperty("clv") Money clv) {

  /**
   * Validates the parts.
   *
   * @param client the client
   * @param probabilityAlive in [0, 1]
   * @param expectedPurchases finite, &ge; 0
   * @param discountedPurchases finite, &ge; 0
   * @param expectedSpend finite, &ge; 0
   * @param discountedRevenue &ge; 0
   * @param clv in the currency of discountedRevenue
   * @throws ValidationException naming every bad part
   */
  @JsonCreator
  public ClientValue {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("client", client));
    c.check(() -> Checks.unitInterval("probabilityAlive", probabilityAlive));
    c.check(() -> Checks.nonNegative("expectedPurchases", expectedPurchases));
    c.check(() -> Checks.nonNegative("discountedPurchases", discountedPurchases));
    c.check(() -> Checks.nonNegative("expectedSpend", expectedSpend));
    c.check(() -> Checks.notNull("discountedRevenue", discountedRevenue));
    c.check(() -> Checks.notNull("clv", clv));
    if (discountedRevenue != null && discountedRevenue.isNegative()) {
      c.add("discountedRevenue", discountedRevenue, "must be >= 0");
    }
    c.sameCurrency("clv", clv, "discountedRevenue", discountedRevenue);
    c.throwIfAny();
  }
}
