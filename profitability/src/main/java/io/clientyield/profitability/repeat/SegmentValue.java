package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The expected value of a segment of clients: sums of their {@link ClientValue}s (money sums exact
 * over the rounded per-client amounts).
 *
 * <p>Immutable and thread-safe.
 *
 * @param clients the number of clients, &ge; 0
 * @param expectedPurchases their expected purchases over the horizon (fractional), &ge; 0
 * @param discountedRevenue the sum of their discounted revenue
 * @param clv the sum of their lifetime values
 * @param meanClv clv / clients, rounded half-even; empty for an empty segment
 */
public record SegmentValue(
    @JsonProperty("clients") long clients,
    @JsonProperty("expectedPurchases") double expectedPurchases,
    @JsonProperty("discountedRevenue") Money discountedRevenue,
    @JsonProperty("clv") Money clv,
    @JsonProperty("meanClv") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Money> meanClv) {

  /**
   * Validates the parts.
   *
   * @param clients &ge; 0
   * @param expectedPurchases finite, &ge; 0
   * @param discountedRevenue not null
   * @param clv in the currency of discountedRevenue
   * @param meanClv present exactly when clients &gt; 0
   * @throws ValidationException naming every bad part
   */
  @JsonCreator
  public SegmentValue {
    meanClv = meanClv == null ? Optional.empty() : meanClv;
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("clients", clients));
    c.check(() -> Checks.nonNegative("expectedPurchases", expectedPurchases));
    c.check(() -> Checks.notNull("discountedRevenue", discountedRevenue));
    c.check(() -> Checks.notNull("clv", clv));
    c.sameCurrency("clv", clv, "discountedRevenue", discountedRevenue);
    if (meanClv.isPresent() != (clients > 0)) {
      c.add("meanClv", meanClv.orElse(null), "must be present exactly when clients > 0");
    }
    c.throwIfAny();
  }

  /**
   * Sums client values.
   *
   * @param values the clients' values, no null element, all in {@code currency}
   * @param currency the currency
   * @return the segment's value
   * @throws ValidationException if an element is null or in another currency
   */
  public static SegmentValue of(List<ClientValue> values, Currency currency) {
    List<ClientValue> list = Checks.elementsNotNull("values", values);
    Checks.notNull("currency", currency);
    MoneyAccumulator revenue = new MoneyAccumulator(currency);
    MoneyAccumulator clv = new MoneyAccumulator(currency);
    double purchases = 0;
    for (ClientValue v : list) {
      revenue.add(v.discountedRevenue());
      clv.add(v.clv());
      purchases += v.expectedPurchases();
    }
    Optional<Money> mean = list.isEmpty() ? Optional.empty()
        : Optional.of(clv.result().dividedBy(list.size(), RoundingMode.HALF_EVEN));
    return new SegmentValue(list.size(), purchases, revenue.result(), clv.result(), mean);
  }
}
