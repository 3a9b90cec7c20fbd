package io.clientyield.funnel.leads;

import static io.clientyield.funnel.leads.LeadFixtures.EPS;
import static io.clientyield.funnel.leads.LeadFixtures.eur;
import static io.clientyield.funnel.leads.LeadFixtures.v;
import static io.clientyield.funnel.leads.LeadFixtures.websiteDay;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

class LeadEconomicsTest {

  @Test
  void sixtyLeadsAtTwoPercentGiveOnePointTwoContracts() {
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, 60).set(LeadQuantity.CR, 0.02).build();
    assertThat(v(m, LeadQuantity.CONTRACTS)).isCloseTo(1.2, within(1e-12));
    assertThat(m.isGiven(LeadQuantity.CONTRACTS)).isFalse();
    assertThat(m.isGiven(LeadQuantity.LEADS)).isTrue();
  }

  @Test
  void hundredTwentyLeadsAtFivePercentGiveSixContractsFiveTimesTheRevenue() {
    Money check = Money.of("1000.00", "EUR");
    LeadInputs a = LeadInputs.builder().set(LeadQuantity.LEADS, 60).set(LeadQuantity.CR, 0.02)
        .averageCheck(check).build();
    LeadInputs b = LeadInputs.builder().set(LeadQuantity.LEADS, 120).set(LeadQuantity.CR, 0.05)
        .averageCheck(check).build();
    assertThat(v(b, LeadQuantity.CONTRACTS)).isCloseTo(6, within(1e-12));
    assertThat(LeadEconomics.metrics(a).revenue()).contains(Money.of("1200.00", "EUR"));
    assertThat(LeadEconomics.metrics(b).revenue()).contains(Money.of("6000.00", "EUR"));
    assertThat(LeadEconomics.metrics(b).revenue().get().ratioTo(LeadEconomics.metrics(a).revenue().get()).getAsDouble())
        .isCloseTo(5, within(1e-12));
  }

  @Test
  void websiteChainPerDayScaledToAYearOf365Days() {
    LeadInputs day = LeadInputs.builder().set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.01).set(LeadQuantity.CR, 0.05).build();
    assertThat(v(day, LeadQuantity.VISITS)).isCloseTo(12.5, within(1e-12));
    LeadInputs year = day.scaledBy(365);
    assertThat(v(year, LeadQuantity.VISITS)).isCloseTo(4562.5, within(1e-9));
    assertThat(v(year, LeadQuantity.LEADS)).isCloseTo(45.625, within(1e-9));
    assertThat(String.format("%.1f", v(year, LeadQuantity.LEADS))).isEqualTo("45.6");
    assertThat(v(year, LeadQuantity.CONTRACTS)).isCloseTo(2.28125, within(1e-9));
    assertThat(String.format("%.2f", v(year, LeadQuantity.CONTRACTS))).isEqualTo("2.28");
  }

  @Test
  void optimisedChainGives228LeadsAnd22Point8Contracts() {
    LeadInputs year = LeadInputs.builder().set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.05).set(LeadQuantity.CR, 0.10).build().scaledBy(365);
    assertThat(v(year, LeadQuantity.LEADS)).isCloseTo(228.125, within(1e-9));
    assertThat(String.format("%.1f", v(year, LeadQuantity.LEADS))).isEqualTo("228.1");
    assertThat(v(year, LeadQuantity.CONTRACTS)).isCloseTo(22.8125, within(1e-9));
    assertThat(String.format("%.1f", v(year, LeadQuantity.CONTRACTS))).isEqualTo("22.8");
  }

  @Test
  void cplCacAndRomiByHand() {
    // 40 leads, Cr 10 % -> 4 contracts × 500 = 2000 revenue; spend 800; margin 50 %
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, 40).set(LeadQuantity.CR, 0.10)
        .averageCheck(Money.of("500.00", "EUR")).spend(Money.of("800.00", "EUR"))
        .grossMargin(0.5).build();
    assertThat(LeadEconomics.metrics(m).costPerLead()).contains(Money.of("20.00", "EUR"));
    assertThat(LeadEconomics.metrics(m).costPerContract()).contains(Money.of("200.00", "EUR"));
    // (2000 × 0.5 − 800) / 800 = 0.25
    assertThat(LeadEconomics.metrics(m).romi().getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(LeadEconomics.metrics(m).costPerVisitor()).isEmpty();
  }

  @Test
  void undefinedMetricsAreEmpty() {
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, 0)
        .spend(Money.of("100.00", "EUR")).build();
    assertThat(LeadEconomics.metrics(m).costPerLead()).isEmpty();
    assertThat(LeadEconomics.metrics(m).romi()).isEmpty();
    assertThat(LeadEconomics.metrics(m).value(LeadQuantity.CONTRACTS)).isEmpty();
  }

  @Test
  void metricsSnapshotRoundTripsAsJson() {
    LeadMetrics metrics = LeadEconomics.metrics(websiteDay().scaledBy(365));
    assertThat(metrics.values()).containsKeys(LeadQuantity.VISITS, LeadQuantity.LEADS,
        LeadQuantity.CONTRACTS);
    assertThat(metrics.given()).containsExactlyInAnyOrder(LeadQuantity.QUERIES, LeadQuantity.CTR,
        LeadQuantity.SITE_CONVERSION, LeadQuantity.CR);
    assertThat(metrics.spend()).contains(eur("18250.00"));
    assertJsonRoundTrip(metrics, LeadMetrics.class);
    assertJsonRoundTrip(LeadEconomics.metrics(LeadInputs.builder().build()), LeadMetrics.class);
  }

  @Test
  void clicksTimesCpcIsTheSpendAndEachIsDerivedFromTheOtherTwo() {
    LeadInputs a = LeadInputs.builder().set(LeadQuantity.CLICKS, 400).costPerClick(eur("2.50"))
        .build();
    assertThat(LeadEconomics.metrics(a).spend()).contains(eur("1000.00"));
    assertThat(a.spend()).isEmpty();
    assertThat(a.costPerClick()).isPresent();
    LeadInputs b = LeadInputs.builder().set(LeadQuantity.CLICKS, 400).spend(eur("1000.00"))
        .build();
    assertThat(LeadEconomics.metrics(b).costPerClick()).contains(eur("2.50"));
    assertThat(b.costPerClick()).isEmpty();
    LeadInputs c = LeadInputs.builder().spend(eur("1000.00")).costPerClick(eur("2.50"))
        .build();
    assertThat(v(c, LeadQuantity.CLICKS)).isCloseTo(400, within(EPS));
    assertThat(c.isGiven(LeadQuantity.CLICKS)).isFalse();
    // 3 clicks at a CPC stated to the cent: 33.33 × 3 = 99.99 agrees with 100.00
    assertThat(LeadEconomics.metrics(LeadInputs.builder().set(LeadQuantity.CLICKS, 3)
        .costPerClick(eur("33.33")).spend(eur("100.00")).build()).spend())
        .contains(eur("100.00"));
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.CLICKS, 400)
        .costPerClick(eur("2.50")).spend(eur("1200.00")).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("spend")
        .hasMessageContaining("clicks × costPerClick");
    assertThat(LeadEconomics.metrics(LeadInputs.builder().set(LeadQuantity.CLICKS, 0)
        .spend(eur("10.00")).build()).costPerClick()).isEmpty();
  }

  @Test
  void everyMetricByHand() {
    // 1 000 visits, 40 leads (site conversion 4 %), 16 of them calls; Cr 10 % -> 4 contracts
    // × 500 = 2 000 revenue; margin 50 % -> 1 000 gross profit; spend 800 -> profit 200
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.VISITS, 1000).set(LeadQuantity.LEADS, 40)
        .set(LeadQuantity.CALLS, 16).set(LeadQuantity.CR, 0.10).averageCheck(eur("500.00"))
        .spend(eur("800.00")).grossMargin(0.5).build();
    assertThat(v(m, LeadQuantity.SITE_CONVERSION)).isCloseTo(0.04, within(EPS));
    assertThat(LeadEconomics.metrics(m).revenue()).contains(eur("2000.00"));
    assertThat(LeadEconomics.metrics(m).turnoverFromInquiries()).contains(eur("2000.00"));
    assertThat(LeadEconomics.metrics(m).grossProfit()).contains(eur("1000.00"));
    assertThat(LeadEconomics.metrics(m).profit()).contains(eur("200.00"));
    assertThat(LeadEconomics.metrics(m).costPerLead()).contains(eur("20.00"));
    assertThat(LeadEconomics.metrics(m).costPerInquiry()).contains(eur("20.00"));
    assertThat(LeadEconomics.metrics(m).costPerContract()).contains(eur("200.00"));
    assertThat(LeadEconomics.metrics(m).costPerVisitor()).contains(eur("0.80"));
    assertThat(LeadEconomics.metrics(m).costPerCall()).contains(eur("50.00"));
    assertThat(LeadEconomics.metrics(m).revenuePerVisitor()).contains(eur("2.00"));
    assertThat(LeadEconomics.metrics(m).profitPerVisitor()).contains(eur("0.20"));
    assertThat(LeadEconomics.metrics(m).romi().getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(LeadEconomics.metrics(m).costPerClick()).isEmpty();
    LeadMetrics snap = LeadEconomics.metrics(m);
    assertThat(snap.profitPerVisitor()).isEqualTo(LeadEconomics.metrics(m).profitPerVisitor());
    assertThat(snap.romi()).isEqualTo(LeadEconomics.metrics(m).romi());
    assertJsonRoundTrip(snap, LeadMetrics.class);
  }
}
