package io.clientyield.examples;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.json.ClientyieldJson;
import java.time.LocalDate;

/**
 * The main example (first version: the core vocabulary). Run with
 * {@code mvn -q -pl examples -am -DskipTests package exec:java}.
 */
public final class ProfitabilityReview {
  private ProfitabilityReview() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Proportion conversion = Proportion.of(3, 100);
    System.out.printf(java.util.Locale.ROOT, "Quantitative conversion: %s = %.1f %%, 95 %% Wilson %s%n",
        conversion, conversion.value().orElseThrow() * 100, conversion.wilson95().orElseThrow());
    Money budget = Money.of("100000.00", "EUR");
    System.out.println("Budget split over 3 quarters: " + budget.allocate(1, 1, 1));
    LocalDate entered = LocalDate.of(2026, 11, 20);
    System.out.println("3 working days after " + entered + ": "
        + BusinessCalendar.MONDAY_TO_FRIDAY.plusWorkingDays(entered, 3));
    System.out.println("JSON: " + ClientyieldJson.write(conversion));
  }
}
