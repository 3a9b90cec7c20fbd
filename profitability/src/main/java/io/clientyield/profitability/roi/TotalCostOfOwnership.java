package io.clientyield.profitability.roi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.OptionalDouble;

/**
 * Total cost of ownership of an IT/CRM project: price + support + upgrades + training +
 * integration.
 *
 * <p>Example: price 60 000, support 15 000, upgrades 10 000, training 5 000, integration 10 000:
 * TCO 100 000, purchase share 0.6.
 *
 * <p>Immutable and thread-safe.
 *
 * @param price purchase price, &ge; 0
 * @param support support over the horizon, &ge; 0
 * @param upgrades upgrades over the horizon, &ge; 0
 * @param training training, &ge; 0
 * @param integration integration, &ge; 0
 */
public record TotalCostOfOwnership(
    @JsonProperty("price") Money price,
    @JsonProperty("support") Money support,
    @JsonProperty("upgrades") Money upgrades,
    @JsonProperty("training") Money training,
    @JsonProperty("integration") Money integration) {

  /**
   * Validates all components at once: present, non-negative, one currency.
   */
  @JsonCreator
  public TotalCostOfOwnership {
    Checks.Collector c = Checks.collector();
    check(c, "price", price, price);
    check(c, "support", support, price);
    check(c, "upgrades", upgrades, price);
    check(c, "training", training, price);
    check(c, "integration", integration, price);
    c.throwIfAny();
  }

  private static void check(Checks.Collector c, String field, Money m, Money ref) {
    if (m == null) {
      c.add(field, null, "must not be null");
    } else if (m.isNegative()) {
      c.add(field, m, "must be >= 0");
    } else if (ref != null && !ref.currency().equals(m.currency())) {
      c.add(field, m, "must be in " + ref.currency());
    }
  }

  /**
   * The total cost of ownership.
   *
   * @return price + support + upgrades + training + integration
   */
  @JsonIgnore
  public Money total() {
    return price.plus(support).plus(upgrades).plus(training).plus(integration);
  }

  /**
   * The purchase price's share of the TCO.
   *
   * @return price / total in [0, 1]; empty when the total is zero
   */
  @JsonIgnore
  public OptionalDouble purchaseShare() {
    return price.ratioTo(total());
  }

}
