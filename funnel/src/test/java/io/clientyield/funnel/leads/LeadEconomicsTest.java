package io.clientyield.funnel.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import org.junit.jupiter.api.Test;

class LeadEconomicsTest {

  private static final double EPS = 1e-9;
  private static final Money CHECK = Money.of("1000.00", "EUR");

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static LeadEconomics websiteDay() {
    return LeadEconomics.builder().set(Field.QUERIES, 250).set(Field.CTR, 0.05)
        .set(Field.SITE_CONVERSION, 0.01).set(Field.CR, 0.05).averageCheck(CHECK)
        .spend(eur("50.00")).grossMargin(0.4).build();
  }

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
    assertThat(b.revenue().get().ratioTo(a.revenue().get()).getAsDouble())
        .isCloseTo(5, within(1e-12));
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

  @Test
  void jsonHoldsTheInputsAndRoundTripsWithProvenance() {
    LeadEconomics m = websiteDay();
    String json = assertJsonRoundTrip(m, LeadEconomics.class);
    assertThat(json).isEqualTo("{\"inputs\":{\"QUERIES\":250.0,\"CTR\":0.05,"
        + "\"SITE_CONVERSION\":0.01,\"CR\":0.05},"
        + "\"averageCheck\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},"
        + "\"spend\":{\"amount\":\"50.00\",\"currency\":\"EUR\"},\"grossMargin\":0.4}");
    LeadEconomics back = ClientyieldJson.read(json, LeadEconomics.class);
    assertThat(back.isGiven(Field.VISITS)).isFalse();
    assertThat(v(back, Field.VISITS)).isCloseTo(12.5, within(EPS));
    assertJsonRoundTrip(m.scaled(PeriodScale.dayToYear(365)), LeadEconomics.class);
    assertJsonRoundTrip(LeadEconomics.builder().build(), LeadEconomics.class);
    assertJsonRoundTrip(LeadEconomics.builder().set(Field.CLICKS, 400)
        .costPerClick(eur("2.50")).build(), LeadEconomics.class);
  }

  @Test
  void jsonThatContradictsItselfOrHasUnknownFieldsIsRejected() {
    assertThatThrownBy(() -> ClientyieldJson.read(
        "{\"inputs\":{\"QUERIES\":250.0,\"CTR\":0.05,\"VISITS\":13.0}}", LeadEconomics.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("visits");
    assertThatThrownBy(() -> ClientyieldJson.read(
        "{\"inputs\":{\"CR\":1.5,\"LEADS\":-1.0}}", LeadEconomics.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("cr")
        .hasMessageContaining("leads");
    assertThatThrownBy(() -> ClientyieldJson.read(
        "{\"inputs\":{},\"colour\":1}", LeadEconomics.class))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ClientyieldJson.read("{}", LeadEconomics.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("inputs");
  }

  @Test
  void metricsSnapshotRoundTripsAsJson() {
    LeadMetrics metrics = websiteDay().scaledBy(365).metrics();
    assertThat(metrics.values()).containsKeys(Field.VISITS, Field.LEADS, Field.CONTRACTS);
    assertThat(metrics.given()).containsExactlyInAnyOrder(Field.QUERIES, Field.CTR,
        Field.SITE_CONVERSION, Field.CR);
    assertThat(metrics.spend()).contains(eur("18250.00"));
    assertJsonRoundTrip(metrics, LeadMetrics.class);
    assertJsonRoundTrip(LeadEconomics.builder().build().metrics(), LeadMetrics.class);
  }

  @Test
  void nullInputsAreRejectedAtTheBoundaryNamingTheField() {
    LeadEconomics.Builder b = LeadEconomics.builder();
    assertThatThrownBy(() -> b.averageCheck(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("averageCheck");
    assertThatThrownBy(() -> b.spend(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("spend");
    assertThatThrownBy(() -> b.costPerClick(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("costPerClick");
    assertThatThrownBy(() -> b.set(null, 1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("field");
    LeadEconomics m = websiteDay();
    assertThatThrownBy(() -> m.value(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> m.leadsNeededFor(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("revenueTarget");
    assertThatThrownBy(() -> m.scaled(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("scale");
  }

  @Test
  void negativeMoneyAndMixedCurrenciesAreRejectedAllAtOnce() {
    assertThatThrownBy(() -> LeadEconomics.builder().spend(eur("-1.00")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("spend");
    assertThatThrownBy(() -> LeadEconomics.builder().averageCheck(CHECK)
        .spend(Money.of("10.00", "USD")).costPerClick(Money.of("1", "JPY")).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(2))
        .hasMessageContaining("USD").hasMessageContaining("JPY");
    assertThatThrownBy(() -> websiteDay().planFor(Money.of("10.00", "USD")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("revenueTarget");
    assertThatThrownBy(() -> websiteDay().planFor(eur("-10.00")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("revenueTarget");
  }

  @Test
  void clicksTimesCpcIsTheSpendAndEachIsDerivedFromTheOtherTwo() {
    LeadEconomics a = LeadEconomics.builder().set(Field.CLICKS, 400).costPerClick(eur("2.50"))
        .build();
    assertThat(a.spend()).contains(eur("1000.00"));
    assertThat(a.isSpendGiven()).isFalse();
    assertThat(a.isCostPerClickGiven()).isTrue();
    LeadEconomics b = LeadEconomics.builder().set(Field.CLICKS, 400).spend(eur("1000.00"))
        .build();
    assertThat(b.costPerClick()).contains(eur("2.50"));
    assertThat(b.isCostPerClickGiven()).isFalse();
    LeadEconomics c = LeadEconomics.builder().spend(eur("1000.00")).costPerClick(eur("2.50"))
        .build();
    assertThat(v(c, Field.CLICKS)).isCloseTo(400, within(EPS));
    assertThat(c.isGiven(Field.CLICKS)).isFalse();
    // 3 clicks at a CPC stated to the cent: 33.33 × 3 = 99.99 agrees with 100.00
    assertThat(LeadEconomics.builder().set(Field.CLICKS, 3).costPerClick(eur("33.33"))
        .spend(eur("100.00")).build().spend()).contains(eur("100.00"));
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.CLICKS, 400)
        .costPerClick(eur("2.50")).spend(eur("1200.00")).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("spend")
        .hasMessageContaining("clicks × costPerClick");
    assertThat(LeadEconomics.builder().set(Field.CLICKS, 0).spend(eur("10.00")).build()
        .costPerClick()).isEmpty();
  }

  @Test
  void everyMetricByHand() {
    // 1 000 visits, 40 leads (site conversion 4 %), 16 of them calls; Cr 10 % -> 4 contracts
    // × 500 = 2 000 revenue; margin 50 % -> 1 000 gross profit; spend 800 -> profit 200
    LeadEconomics m = LeadEconomics.builder().set(Field.VISITS, 1000).set(Field.LEADS, 40)
        .set(Field.CALLS, 16).set(Field.CR, 0.10).averageCheck(eur("500.00"))
        .spend(eur("800.00")).grossMargin(0.5).build();
    assertThat(v(m, Field.SITE_CONVERSION)).isCloseTo(0.04, within(EPS));
    assertThat(m.revenue()).contains(eur("2000.00"));
    assertThat(m.turnoverFromInquiries()).contains(eur("2000.00"));
    assertThat(m.grossProfit()).contains(eur("1000.00"));
    assertThat(m.profit()).contains(eur("200.00"));
    assertThat(m.costPerLead()).contains(eur("20.00"));
    assertThat(m.costPerInquiry()).contains(eur("20.00"));
    assertThat(m.costPerContract()).contains(eur("200.00"));
    assertThat(m.costPerVisitor()).contains(eur("0.80"));
    assertThat(m.costPerCall()).contains(eur("50.00"));
    assertThat(m.revenuePerVisitor()).contains(eur("2.00"));
    assertThat(m.profitPerVisitor()).contains(eur("0.20"));
    assertThat(m.romi().getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(m.costPerClick()).isEmpty();
    LeadMetrics snap = m.metrics();
    assertThat(snap.profitPerVisitor()).isEqualTo(m.profitPerVisitor());
    assertThat(snap.romi()).isEqualTo(m.romi());
    assertJsonRoundTrip(snap, LeadMetrics.class);
  }

  @Test
  void derivedRatesAboveOneAndCountsWithoutABaseAreContradictions() {
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.VISITS, 100)
        .set(Field.LEADS, 150).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("siteConversion");
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.QUERIES, 0)
        .set(Field.VISITS, 5).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("visits (5)")
        .hasMessageContaining("queries is 0");
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.CLICKS, 1e15)
        .costPerClick(Money.of("1" + "0".repeat(20), "EUR")).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("spend");
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.LEADS, 2e15))
        .isInstanceOf(ValidationException.class).hasMessageContaining("leads");
  }

  @Test
  void planForARevenueTargetWalksTheChainBackwards() {
    // per day: 250 queries, CTR 5 %, site 1 %, Cr 5 %, check 1 000, spend 50
    RevenueTargetPlan plan = websiteDay().planFor(eur("6000.00"));
    assertThat(plan.contractsNeeded().getAsDouble()).isCloseTo(6, within(EPS));
    assertThat(plan.leadsNeeded().getAsDouble()).isCloseTo(120, within(EPS));
    assertThat(plan.visitsNeeded().getAsDouble()).isCloseTo(12_000, within(EPS));
    assertThat(plan.queriesNeeded().getAsDouble()).isCloseTo(240_000, within(EPS));
    // revenue of a day = 0.00625 contracts × 1 000 = 6.25; 6 000 / 6.25 × 50 = 48 000
    assertThat(plan.spendNeeded()).contains(eur("48000.00"));
    assertJsonRoundTrip(plan, RevenueTargetPlan.class);
    RevenueTargetPlan partial = LeadEconomics.builder().set(Field.CR, 0).averageCheck(CHECK)
        .build().planFor(eur("6000.00"));
    assertThat(partial.contractsNeeded().getAsDouble()).isCloseTo(6, within(EPS));
    assertThat(partial.leadsNeeded()).isEmpty();
    assertThat(partial.queriesNeeded()).isEmpty();
    assertThat(partial.spendNeeded()).isEmpty();
    assertJsonRoundTrip(partial, RevenueTargetPlan.class);
  }

  @Test
  void costCeilingsForBreakEvenAndATargetRomi() {
    LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, 120).set(Field.CR, 0.05)
        .set(Field.SITE_CONVERSION, 0.01).averageCheck(CHECK).grossMargin(0.4).build();
    CostCeilings breakEven = m.ceilingsFor(0);
    assertThat(breakEven.maxCostPerLead()).contains(eur("20.00"));
    assertThat(breakEven.maxCostPerContract()).contains(eur("400.00"));
    assertThat(breakEven.maxCostPerClick()).contains(eur("0.20"));
    assertThat(breakEven.maxSpend()).contains(eur("2400.00"));
    CostCeilings doubling = m.ceilingsFor(1);
    assertThat(doubling.maxCostPerLead()).contains(eur("10.00"));
    assertThat(doubling.maxSpend()).contains(eur("1200.00"));
    // 1 / 3 of 20.00 is 6.666…: a ceiling rounds down
    assertThat(m.ceilingsFor(2).maxCostPerLead()).contains(eur("6.66"));
    assertJsonRoundTrip(breakEven, CostCeilings.class);
    assertJsonRoundTrip(LeadEconomics.builder().build().ceilingsFor(0.5), CostCeilings.class);
    assertThatThrownBy(() -> m.ceilingsFor(-1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("targetRomi");
    assertThatThrownBy(() -> m.ceilingsFor(Double.NaN)).isInstanceOf(ValidationException.class);
  }

  @Test
  void periodScaleIsStatedAndRoundTrips() {
    PeriodScale year = PeriodScale.dayToYear(365);
    assertThat(websiteDay().scaled(year)).isEqualTo(websiteDay().scaledBy(365).toBuilder()
        .period("year").build());
    assertThat(year.inverse().factor()).isCloseTo(1.0 / 365, within(1e-15));
    assertThat(assertJsonRoundTrip(year, PeriodScale.class))
        .isEqualTo("{\"from\":\"day\",\"to\":\"year\",\"factor\":365.0}");
    assertThatThrownBy(() -> PeriodScale.of(" ", "year", 0))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(2));
    assertThatThrownBy(() -> websiteDay().scaledBy(Double.POSITIVE_INFINITY))
        .isInstanceOf(ValidationException.class).hasMessageContaining("factor");
  }

  @Test
  void equalModelsFromTheSameInputs() {
    assertThat(websiteDay()).isEqualTo(websiteDay()).hasSameHashCodeAs(websiteDay());
    assertThat(websiteDay().toBuilder().build()).isEqualTo(websiteDay());
    assertThat(websiteDay().toBuilder().set(Field.CR, 0.1).build()).isNotEqualTo(websiteDay());
    assertThat(websiteDay().toString()).contains("queries=250*").contains("visits=12.5,");
  }

  @Test
  void aStatedPeriodTravelsWithTheScaleAndMustMatchIt() {
    LeadEconomics day = websiteDay().toBuilder().period("day").build();
    LeadEconomics year = day.scaled(PeriodScale.dayToYear(365));
    assertThat(year.period()).contains("year");
    assertThat(year.metrics().period()).contains("year");
    assertThat(day.scaledBy(365).period()).isEmpty();
    assertThat(websiteDay().scaled(PeriodScale.dayToYear(365)).period()).contains("year");
    assertThatThrownBy(() -> year.scaled(PeriodScale.dayToYear(365)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("scale.from")
        .hasMessageContaining("year");
    assertThat(assertJsonRoundTrip(year, LeadEconomics.class)).endsWith(",\"period\":\"year\"}");
    assertThat(year).isNotEqualTo(websiteDay().scaledBy(365));
    assertThatThrownBy(() -> LeadEconomics.builder().period(" "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("period");
  }

  @Test
  void ratesMayBeGivenAsValidatedRates() {
    LeadEconomics m = LeadEconomics.builder().set(Field.QUERIES, 250)
        .set(Field.CTR, io.clientyield.core.Rate.ofPercent(5))
        .set(Field.SITE_CONVERSION, io.clientyield.core.Rate.ofPercent(1))
        .set(Field.CR, io.clientyield.core.Rate.of(0.05)).averageCheck(CHECK)
        .spend(eur("50.00")).grossMargin(io.clientyield.core.Rate.of(0.4)).build();
    assertThat(m).isEqualTo(websiteDay());
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.LEADS,
        io.clientyield.core.Rate.ONE)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("rate field");
    assertThatThrownBy(() -> LeadEconomics.builder().set(Field.CR,
        (io.clientyield.core.Rate) null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("cr");
  }

  @Test
  void aStatedToleranceAcceptsRoundedRealWorldFigures() {
    // 4 562 visits observed against 91 250 queries × CTR 5 % = 4 562.5
    LeadEconomics.Builder b = LeadEconomics.builder().set(Field.QUERIES, 91_250)
        .set(Field.CTR, 0.05).set(Field.VISITS, 4562);
    assertThatThrownBy(b::build).isInstanceOf(ValidationException.class)
        .hasMessageContaining("visits (4562)");
    LeadEconomics m = b.tolerance(0.001).build();
    assertThat(m.value(Field.VISITS).getAsDouble()).isEqualTo(4562);
    assertThat(m.tolerance()).isEqualTo(0.001);
    assertThat(assertJsonRoundTrip(m, LeadEconomics.class)).endsWith(",\"tolerance\":0.001}");
    assertThat(LeadEconomics.builder().build().tolerance())
        .isEqualTo(LeadEconomics.RELATIVE_TOLERANCE);
    assertThatThrownBy(() -> LeadEconomics.builder().tolerance(0.6))
        .isInstanceOf(ValidationException.class).hasMessageContaining("tolerance");
  }
}
