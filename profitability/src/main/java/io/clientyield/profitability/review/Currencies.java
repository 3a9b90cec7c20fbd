package io.clientyield.profitability.review;

import io.clientyield.core.Checks;
import io.clientyield.core.Money;

/** Currency checks for the review's values; package-private, stateless and thread-safe. */
final class Currencies {
  private Currencies() {}

  /**
   * Records a violation naming the field and both currencies when {@code value} is not in the
   * currency of {@code reference}: {@code cost (USD 1.00) must be in EUR like revenue: cannot mix
   * EUR and USD}. Null values are left to the null checks.
   *
   * @param c the collector
   * @param field the field of {@code value}
   * @param value the value to check
   * @param referenceField the field whose currency is the reference
   * @param reference the reference value
   */
  static void same(
      Checks.Collector c, String field, Money value, String referenceField, Money reference) {
    if (value == null || reference == null || value.currency().equals(reference.currency())) {
      return;
    }
    String want = reference.currency().getCurrencyCode();
    c.add(field, value, "must be in " + want + " like " + referenceField + ": cannot mix " + want
        + " and " + value.currency().getCurrencyCode());
  }
}
