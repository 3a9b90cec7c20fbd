package io.clientyield.funnel.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LeadEconomicsProperties {

  private static final Money CHECK = Money.of("1000.00", "EUR");

  private static Money revenue(double leads, double cr) {
    return LeadEconomics.builder().set(Field.LEADS, leads).set(Field.CR, cr)
        .averageCheck(CHECK).build().revenue().orElseThrow();
  }

  @Test
  void revenueIsMonotoneInLeadsAndCr() {
    qt().withExamples(300).forAll(LeadGenerators.counts(), LeadGenerators.rates(),
        LeadGenerators.counts(), LeadGenerators.rates())
        .check((l, cr, dl, dcr) -> revenue(l + dl, Math.min(1, cr + dcr))
            .compareTo(revenue(l, cr)) >= 0);
  }

  @Test
  void ratesOutsideUnitIntervalAreRejectedNamingTheField() {
    qt().withExamples(200).forAll(LeadGenerators.badRates()).checkAssert(x -> {
      for (Field f : Field.values()) {
        if (f.isRate() || x < 0) {
          assertThatThrownBy(() -> LeadEconomics.builder().set(f, x))
              .isInstanceOf(ValidationException.class)
              .hasMessageContaining(f.label());
        }
      }
    });
  }

  @Test
  void cplTimesLeadsIsSpendWithinHalfACentPerLead() {
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(), LeadGenerators.spendCents())
        .checkAssert((leads, cents) -> {
          Money spend = Money.ofMinor(cents, Money.currency("EUR"));
          Money cpl = LeadEconomics.builder().set(Field.LEADS, leads).spend(spend).build()
              .costPerLead().orElseThrow();
          BigDecimal diff = cpl.multipliedBy(leads).minus(spend).amount().abs();
          assertThat(diff).isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(leads)));
          if (cents % leads == 0) {
            assertThat(cpl.multipliedBy(leads)).isEqualTo(spend);
          }
        });
  }

  @Test
  void leadsNeededForTheForwardRevenueReturnTheLeads() {
    // revenue is rounded to the cent, so leads come back within 0.005 / (Cr × check) + 1e-9 relative
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(),
        LeadGenerators.rates().assuming(r -> r > 0)).checkAssert((leads, cr) -> {
          LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, leads).set(Field.CR, cr)
              .averageCheck(CHECK).build();
          double back = m.leadsNeededFor(m.revenue().orElseThrow()).getAsDouble();
          assertThat(Math.abs(back - leads))
              .isLessThanOrEqualTo(0.005 / (cr * 1000.0) + 1e-9 * leads);
        });
  }
}
