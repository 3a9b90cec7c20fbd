package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * Price realization of the won deals that carry a contracted value beside their list value
 * ({@link Deal#contractedValue()}): how much of the asked price the contracts realized,
 * <pre>
 *   realization = Σ contracted value / Σ list value   (over those won deals)
 * </pre>
 * Example: won deals listed at EUR 10 000.00 and EUR 5 000.00, contracted at EUR 9 000.00 and
 * EUR 4 500.00: realization 13 500 / 15 000 = 0.9. Above 1 when deals closed above list.
 *
 * <p>JSON form: {@code {"deals":2,"list":{...},"contracted":{...}}}. Immutable and thread-safe.
 *
 * @param deals the won deals with a contracted value, {@code >= 1}
 * @param list their summed list values (budgets), {@code >= 0}
 * @param contracted their summed contracted values, {@code >= 0}, same currency as {@code list}
 */
@JsonPropertyOrder({"deals", "list", "contracted"})
public record PriceRealization(
    @JsonProperty("deals") long deals,
    @JsonProperty("list") Money list,
    @JsonProperty("contracted") Money contracted) {

  /** Validates the count, the signs and the currency, reporting every violation at once. */
  @JsonCreator
  public PriceRealization {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.positive("deals", deals));
    if (list == null) {
      c.add("list", null, "must not be null");
    }
    if (contracted == null) {
      c.add("contracted", null, "must not be null");
    }
    c.throwIfAny();
    if (list.isNegative()) {
      c.add("list", list, "must be >= 0");
    }
    if (contracted.isNegative()) {
      c.add("contracted", contracted, "must be >= 0");
    }
    c.sameCurrency("contracted", contracted, "list", list);
    c.throwIfAny();
  }

  /**
   * Returns contracted / list value.
   *
   * @return the realization, empty when the list values sum to zero
   */
  public OptionalDouble realization() {
    return contracted.ratioTo(list);
  }
}
