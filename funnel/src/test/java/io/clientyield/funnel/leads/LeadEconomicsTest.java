package io.clientyield.funnel.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

class LeadEconomicsTest {

  private static double v(LeadEconomics m, Field f) {
    return m.value(f).orElseThrow();
  }

  @Test
  void sixtyLeadsAtTwoPercentGiveOnePointTwoContracts() {
    LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, 60).set(Field.CR, 0.02).build();
    assertThat(v(m, Field.CONTRACTS)).isCloseTo(1.2, within(1e-12));
    assertThat(m.isGiven(Field.CONTRACTS)).isFalse();
    assertThat(m.isGiven(Field.LEADS)).isTrue();
  }

  @Test
  void hundredTwentyLeadsAtFivePercentGiveSixContractsFiveTimesTheRevenue() {
    Money check = Money.of("1000.00", "EUR");
    LeadEconomics a = LeadEconomics.builder().set(Field.LEADS, 60).set(Field.CR, 0.02)
        .averageCheck(check).build();
    LeadEconomics b = LeadEconomics.builder().set(Field.LEADS, 120).set(Field.CR, 0.05)
        .averageCheck(check).build();
    assertThat(v(b, Field.CONTRACTS)).isCloseTo(6, within(1e-12));
    assertThat(a.revenue()).contains(Money.of("1200.00", "EUR"));
    assertThat(b.revenue()).contains(Money.of("6000.00", "EUR"));
  }

  @Test
  void websiteChainPerDayScaledToAYearOf365Days() {
    LeadEconomics day = LeadEconomics.builder().set(Field.QUERIES, 250).set(Field.CTR, 0.05)
        .set(Field.SITE_CONVERSION, 0.01).set(Field.CR, 0.05).build();
    assertThat(v(day, Field.VISITS)).isCloseTo(12.5, within(1e-12));
    LeadEconomics year = day.scaledBy(365);
    assertThat(v(year, Field.VISITS)).isCloseTo(4562.5, within(1e-9));
    assertThat(v(year, Field.LEADS)).isCloseTo(45.625, within(1e-9));
    assertThat(String.format("%.1f", v(year, Field.LEADS))).isEqualTo("45.6");
    assertThat(v(year, Field.CONTRACTS)).isCloseTo(2.28125, within(1e-9));
    assertThat(String.format("%.2f", v(year, Field.CONTRACTS))).isEqualTo("2.28");
  }

  @Test
  void optimisedChainGives228LeadsAnd22Point8Contracts() {
    LeadEconomics year = LeadEconomics.builder().set(Field.QUERIES, 250).set(Field.CTR, 0.05)
        .set(Field.SITE_CONVERSION, 0.05).set(Field.CR, 0.10).build().scaledBy(365);
    assertThat(v(year, Field.LEADS)).isCloseTo(228.125, within(1e-9));
    assertThat(String.format("%.1f", v(year, Field.LEADS))).isEqualTo("228.1");
    assertThat(v(year, Field.CONTRACTS)).isCloseTo(22.8125, within(1e-9));
    assertThat(String.format("%.1f", v(year, Field.CONTRACTS))).isEqualTo("22.8");
  }

  @Test
  void cplCacAndRomiByHand() {
    // 40 leads, Cr 10 % -> 4 contracts × 500 = 2000 revenue; spend 800; margin 50 %
    LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, 40).set(Field.CR, 0.10)
        .averageCheck(Money.of("500.00", "EUR")).spend(Money.of("800.00", "EUR"))
        .grossMargin(0.5).build();
    assertThat(m.costPerLead()).contains(Money.of("20.00", "EUR"));
    assertThat(m.costPerContract()).contains(Money.of("200.00", "EUR"));
    // (2000 × 0.5 − 800) / 800 = 0.25
    assertThat(m.romi().getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(m.costPerVisitor()).isEmpty();
  }

  @Test
  void undefinedMetricsAreEmpty() {
    LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, 0)
        .spend(Money.of("100.00", "EUR")).build();
    assertThat(m.costPerLead()).isEmpty();
    assertThat(m.romi()).isEmpty();
    assertThat(m.value(Field.CONTRACTS)).isEmpty();
  }

  @Test
  void missingFactorIsDerivedBackwards() {
    LeadEconomics m = LeadEconomics.builder().set(Field.QUERIES, 250).set(Field.VISITS, 12.5)
        .build();
    assertThat(v(m, Field.CTR)).isCloseTo(0.05, within(1e-12));
    assertThat(m.isGiven(Field.CTR)).isFalse();
  }

  @Test
  void contradictoryVisitsNameBothFields() {
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.QUERIES, 250)
        .set(Field.CTR, 0.05).set(Field.VISITS, 13).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("visits").hasMessageContaining("queries")
        .hasMessageContaining("12.5");
  }

  @Test
  void badRatesAndNegativeCountsNameTheField() {
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.CR, 1.5))
        .isInstanceOf(ValidationException.class).hasMessageContaining("cr");
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.LEADS, -1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("leads");
  }

  @Test
  void inverseQuestionsByHand() {
    LeadEconomics m = LeadEconomics.builder().set(Field.CR, 0.05)
        .averageCheck(Money.of("1000.00", "EUR")).grossMargin(0.4).build();
    // 6000 / (0.05 × 1000) = 120 leads
    assertThat(m.leadsNeededFor(Money.of("6000.00", "EUR")).getAsDouble())
        .isCloseTo(120, within(1e-9));
    // 0.05 × 1000 × 0.4 = 20.00 per lead breaks even
    assertThat(m.breakEvenCostPerLead()).contains(Money.of("20.00", "EUR"));
    LeadEconomics atBreakEven = LeadEconomics.builder().set(Field.LEADS, 120).set(Field.CR, 0.05)
        .averageCheck(Money.of("1000.00", "EUR")).grossMargin(0.4)
        .spend(Money.of("2400.00", "EUR")).build();
    assertThat(atBreakEven.romi().getAsDouble()).isCloseTo(0, within(1e-12));
  }
}
