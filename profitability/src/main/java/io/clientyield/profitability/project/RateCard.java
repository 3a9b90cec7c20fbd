package io.clientyield.profitability.project;

import io.clientyield.core.WorkerId;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly cost and bill rates per person or role.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency of every rate
 * @param costRates cost per hour by worker (&ge; 0); in JSON an object keyed by the worker id
 * @param billRates bill rate per hour by worker (&ge; 0); may omit workers on fixed-fee work
 */
public record RateCard(
    @JsonProperty("currency") Currency currency,
    @JsonProperty("costRates") Map<WorkerId, Money> costRates,
    @JsonProperty("billRates") Map<WorkerId, Money> billRates) {

  /**
   * Validates and copies the maps (sorted by id).
   */
  public RateCard {
    Checks.notNull("currency", currency);
    Checks.notNull("costRates", costRates);
    Checks.notNull("billRates", billRates);
    Checks.Collector c = Checks.collector();
    check(c, "costRates", costRates, currency);
    check(c, "billRates", billRates, currency);
    c.throwIfAny();
    costRates = java.util.Collections.unmodifiableMap(new TreeMap<>(costRates));
    billRates = java.util.Collections.unmodifiableMap(new TreeMap<>(billRates));
  }

  private static void check(
      Checks.Collector c, String field, Map<WorkerId, Money> rates, Currency currency) {
    for (Map.Entry<WorkerId, Money> e : rates.entrySet()) {
      String f = field + "[" + e.getKey() + "]";
      Money m = e.getValue();
      if (e.getKey() == null) {
        c.add(field, null, "keys must not be null");
      } else if (m == null) {
        c.add(f, null, "must not be null");
      } else if (m.isNegative()) {
        c.add(f, m, "must be >= 0");
      } else if (!m.currency().equals(currency)) {
        c.add(f, m, "must be in " + currency);
      }
    }
  }
}
