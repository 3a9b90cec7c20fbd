package io.clientyield.funnel.leads;

import io.clientyield.core.Money;

/** Fixtures shared by the lead-economics example tests: the website day of DOMAIN §3. */
final class LeadFixtures {
  private LeadFixtures() {}

  /** Tolerance of derived values. */
  static final double EPS = 1e-9;
  /** The average check of the website example. */
  static final Money CHECK = Money.of("1000.00", "EUR");

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  /** 250 queries a day, CTR 5 %, site conversion 1 %, Cr 5 %, check 1000, spend 50, margin 40 %. */
  static LeadInputs websiteDay() {
    return LeadInputs.builder().set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.01).set(LeadQuantity.CR, 0.05).averageCheck(CHECK)
        .spend(eur("50.00")).grossMargin(0.4).build();
  }

  /** The value of a quantity in the model's metrics. */
  static double v(LeadInputs m, LeadQuantity f) {
    return LeadEconomics.metrics(m).value(f).orElseThrow();
  }
}
