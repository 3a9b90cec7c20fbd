package io.clientyield.funnel.leads;

import static io.clientyield.funnel.leads.LeadFixtures.CHECK;
import static io.clientyield.funnel.leads.LeadFixtures.EPS;
import static io.clientyield.funnel.leads.LeadFixtures.eur;
import static io.clientyield.funnel.leads.LeadFixtures.v;
import static io.clientyield.funnel.leads.LeadFixtures.websiteDay;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadInputsTest {

  @Test
  void missingFactorIsDerivedBackwards() {
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.QUERIES, 250).set(LeadQuantity.VISITS, 12.5)
        .build();
    assertThat(v(m, LeadQuantity.CTR)).isCloseTo(0.05, within(1e-12));
    assertThat(m.isGiven(LeadQuantity.CTR)).isFalse();
  }

  @Test
  void contradictoryVisitsNameBothFields() {
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.QUERIES, 250)
        .set(LeadQuantity.CTR, 0.05).set(LeadQuantity.VISITS, 13).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("visits").hasMessageContaining("queries")
        .hasMessageContaining("12.5");
  }

  @Test
  void badRatesAndNegativeCountsNameTheField() {
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.CR, 1.5))
        .isInstanceOf(ValidationException.class).hasMessageContaining("cr");
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.LEADS, -1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("leads");
  }

  @Test
  void jsonHoldsTheInputsAndRoundTripsWithProvenance() {
    LeadInputs m = websiteDay();
    String json = assertJsonRoundTrip(m, LeadInputs.class);
    assertThat(json).isEqualTo("{\"inputs\":{\"QUERIES\":250.0,\"CTR\":0.05,"
        + "\"SITE_CONVERSION\":0.01,\"CR\":0.05},"
        + "\"averageCheck\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},"
        + "\"spend\":{\"amount\":\"50.00\",\"currency\":\"EUR\"},\"grossMargin\":0.4}");
    LeadInputs back = ClientyieldJson.read(json, LeadInputs.class);
    assertThat(back.isGiven(LeadQuantity.VISITS)).isFalse();
    assertThat(v(back, LeadQuantity.VISITS)).isCloseTo(12.5, within(EPS));
    assertJsonRoundTrip(m.scaled(PeriodScale.dayToYear(365)), LeadInputs.class);
    assertJsonRoundTrip(LeadInputs.builder().build(), LeadInputs.class);
    assertJsonRoundTrip(LeadInputs.builder().set(LeadQuantity.CLICKS, 400)
        .costPerClick(eur("2.50")).build(), LeadInputs.class);
  }

  @Test
  void jsonThatContradictsItselfOrHasUnknownFieldsIsRejected() {
    assertThatThrownBy(() -> ClientyieldJson.read(
        "{\"inputs\":{\"QUERIES\":250.0,\"CTR\":0.05,\"VISITS\":13.0}}", LeadInputs.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("visits");
    assertThatThrownBy(() -> ClientyieldJson.read(
        "{\"inputs\":{\"CR\":1.5,\"LEADS\":-1.0}}", LeadInputs.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("cr")
        .hasMessageContaining("leads");
    assertThatThrownBy(() -> ClientyieldJson.read(
        "{\"inputs\":{},\"colour\":1}", LeadInputs.class))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ClientyieldJson.read("{}", LeadInputs.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("inputs");
  }

  @Test
  void nullInputsAreRejectedAtTheBoundaryNamingTheField() {
    LeadInputs.Builder b = LeadInputs.builder();
    assertThatThrownBy(() -> b.averageCheck(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("averageCheck");
    assertThatThrownBy(() -> b.spend(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("spend");
    assertThatThrownBy(() -> b.costPerClick(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("costPerClick");
    assertThatThrownBy(() -> b.set(null, 1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("field");
    LeadInputs m = websiteDay();
    assertThatThrownBy(() -> LeadEconomics.metrics(m).value(null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> LeadEconomics.metrics(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("inputs");
    assertThatThrownBy(() -> LeadTargets.plan(m, null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("revenueTarget");
    assertThatThrownBy(() -> m.scaled(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("scale");
  }

  @Test
  void negativeMoneyAndMixedCurrenciesAreRejectedAllAtOnce() {
    assertThatThrownBy(() -> LeadInputs.builder().spend(eur("-1.00")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("spend");
    assertThatThrownBy(() -> LeadInputs.builder().averageCheck(CHECK)
        .spend(Money.of("10.00", "USD")).costPerClick(Money.of("1", "JPY")).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(2))
        .hasMessageContaining("USD").hasMessageContaining("JPY");
    assertThatThrownBy(() -> LeadTargets.plan(websiteDay(), Money.of("10.00", "USD")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("revenueTarget");
    assertThatThrownBy(() -> LeadTargets.plan(websiteDay(), eur("-10.00")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("revenueTarget");
  }

  @Test
  void derivedRatesAboveOneAndCountsWithoutABaseAreContradictions() {
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.VISITS, 100)
        .set(LeadQuantity.LEADS, 150).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("siteConversion");
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.QUERIES, 0)
        .set(LeadQuantity.VISITS, 5).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("visits (5)")
        .hasMessageContaining("queries is 0");
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.CLICKS, 1e15)
        .costPerClick(Money.of("1" + "0".repeat(20), "EUR")).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("spend");
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.LEADS, 2e15))
        .isInstanceOf(ValidationException.class).hasMessageContaining("leads");
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
    assertThat(websiteDay().toBuilder().set(LeadQuantity.CR, 0.1).build()).isNotEqualTo(websiteDay());
    assertThat(websiteDay().toString()).startsWith("LeadInputs{queries=250, ctr=0.05,")
        .doesNotContain("visits");
    assertThat(LeadEconomics.metrics(websiteDay()).isGiven(LeadQuantity.QUERIES)).isTrue();
    assertThat(LeadEconomics.metrics(websiteDay()).isGiven(LeadQuantity.VISITS)).isFalse();
  }

  @Test
  void aStatedPeriodTravelsWithTheScaleAndMustMatchIt() {
    LeadInputs day = websiteDay().toBuilder().period("day").build();
    LeadInputs year = day.scaled(PeriodScale.dayToYear(365));
    assertThat(year.period()).contains("year");
    assertThat(LeadEconomics.metrics(year).period()).contains("year");
    // scaledBy keeps the label, prefixed by the factor; an unlabeled model stays unlabeled
    assertThat(day.scaledBy(365).period()).contains("365 × day");
    assertThat(day.scaledBy(365).scaledBy(0.5).period()).contains("0.5 × 365 × day");
    assertThat(websiteDay().scaledBy(365).period()).isEmpty();
    assertThat(assertJsonRoundTrip(day.scaledBy(365), LeadInputs.class))
        .endsWith(",\"period\":\"365 × day\"}");
    assertThatThrownBy(() -> day.toBuilder().period("d".repeat(60)).build().scaledBy(365))
        .isInstanceOf(ValidationException.class).hasMessageContaining("period");
    assertThat(websiteDay().scaled(PeriodScale.dayToYear(365)).period()).contains("year");
    assertThatThrownBy(() -> year.scaled(PeriodScale.dayToYear(365)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("scale.from")
        .hasMessageContaining("year");
    assertThat(assertJsonRoundTrip(year, LeadInputs.class)).endsWith(",\"period\":\"year\"}");
    assertThat(year).isNotEqualTo(websiteDay().scaledBy(365));
    assertThatThrownBy(() -> LeadInputs.builder().period(" "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("period");
  }

  @Test
  void ratesMayBeGivenAsValidatedRates() {
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.QUERIES, 250)
        .set(LeadQuantity.CTR, io.clientyield.core.Rate.ofPercent(5))
        .set(LeadQuantity.SITE_CONVERSION, io.clientyield.core.Rate.ofPercent(1))
        .set(LeadQuantity.CR, io.clientyield.core.Rate.of(0.05)).averageCheck(CHECK)
        .spend(eur("50.00")).grossMargin(io.clientyield.core.Rate.of(0.4)).build();
    assertThat(m).isEqualTo(websiteDay());
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.LEADS,
        io.clientyield.core.Rate.ONE)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("rate field");
    assertThatThrownBy(() -> LeadInputs.builder().set(LeadQuantity.CR,
        (io.clientyield.core.Rate) null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("cr");
  }

  @Test
  void aStatedToleranceAcceptsRoundedRealWorldFigures() {
    // 4 562 visits observed against 91 250 queries × CTR 5 % = 4 562.5
    LeadInputs.Builder b = LeadInputs.builder().set(LeadQuantity.QUERIES, 91_250)
        .set(LeadQuantity.CTR, 0.05).set(LeadQuantity.VISITS, 4562);
    assertThatThrownBy(b::build).isInstanceOf(ValidationException.class)
        .hasMessageContaining("visits (4562)");
    LeadInputs m = b.tolerance(0.001).build();
    assertThat(LeadEconomics.metrics(m).value(LeadQuantity.VISITS).getAsDouble()).isEqualTo(4562);
    assertThat(m.effectiveTolerance()).isEqualTo(0.001);
    assertThat(m.tolerance()).hasValue(0.001);
    assertThat(assertJsonRoundTrip(m, LeadInputs.class)).endsWith(",\"tolerance\":0.001}");
    assertThat(LeadInputs.builder().build().effectiveTolerance())
        .isEqualTo(LeadInputs.RELATIVE_TOLERANCE);
    assertThat(LeadInputs.builder().build().tolerance()).isEmpty();
    assertThatThrownBy(() -> LeadInputs.builder().tolerance(0.6))
        .isInstanceOf(ValidationException.class).hasMessageContaining("tolerance");
  }

  @Test
  void aReportingPeriodIsKeptAsItsReadableLabel() {
    LeadInputs quarter = websiteDay().toBuilder()
        .period(ReportingPeriod.quarter(2026, 1)).build();
    assertThat(quarter.period()).contains("2026-Q1");
    assertThat(assertJsonRoundTrip(quarter, LeadInputs.class)).endsWith(",\"period\":\"2026-Q1\"}");
    assertThatThrownBy(() -> LeadInputs.builder().period((ReportingPeriod) null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("period");
  }

  @Test
  void theRecordConstructorValidatesLikeTheBuilderAndTakesNullOptionalsAsAbsent() {
    Map<LeadQuantity, Double> given = new HashMap<>();
    given.put(LeadQuantity.LEADS, 60.0);
    given.put(LeadQuantity.CR, 0.02);
    LeadInputs direct = new LeadInputs(given, null, null, null, null, null, null);
    assertThat(direct).isEqualTo(LeadInputs.builder().set(LeadQuantity.LEADS, 60)
        .set(LeadQuantity.CR, 0.02).build());
    given.put(LeadQuantity.CONTRACTS, 5.0);
    assertThat(direct.quantities()).doesNotContainKey(LeadQuantity.CONTRACTS);
    assertThatThrownBy(() -> new LeadInputs(given, null, null, null, null, null, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("contracts");
    Map<LeadQuantity, Double> nulls = new HashMap<>();
    nulls.put(null, 1.0);
    nulls.put(LeadQuantity.LEADS, null);
    assertThatThrownBy(() -> new LeadInputs(nulls, null, null, null, null, null, null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(2));
    assertThatThrownBy(() -> new LeadInputs(null, null, null, null, null, null, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("inputs");
  }
}
