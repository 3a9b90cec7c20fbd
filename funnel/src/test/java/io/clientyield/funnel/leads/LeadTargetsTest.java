package io.clientyield.funnel.leads;

import static io.clientyield.funnel.leads.LeadFixtures.CHECK;
import static io.clientyield.funnel.leads.LeadFixtures.EPS;
import static io.clientyield.funnel.leads.LeadFixtures.eur;
import static io.clientyield.funnel.leads.LeadFixtures.websiteDay;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

class LeadTargetsTest {

  @Test
  void inverseQuestionsByHand() {
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.CR, 0.05)
        .averageCheck(Money.of("1000.00", "EUR")).grossMargin(0.4).build();
    // 6000 / (0.05 × 1000) = 120 leads
    assertThat(LeadTargets.plan(m, Money.of("6000.00", "EUR")).leadsNeeded().getAsDouble())
        .isCloseTo(120, within(1e-9));
    // 0.05 × 1000 × 0.4 = 20.00 per lead breaks even
    assertThat(LeadTargets.breakEvenCostPerLead(m)).contains(Money.of("20.00", "EUR"));
    LeadInputs atBreakEven = LeadInputs.builder().set(LeadQuantity.LEADS, 120).set(LeadQuantity.CR, 0.05)
        .averageCheck(Money.of("1000.00", "EUR")).grossMargin(0.4)
        .spend(Money.of("2400.00", "EUR")).build();
    assertThat(LeadEconomics.metrics(atBreakEven).romi().getAsDouble()).isCloseTo(0, within(1e-12));
  }

  @Test
  void planForARevenueTargetWalksTheChainBackwards() {
    // per day: 250 queries, CTR 5 %, site 1 %, Cr 5 %, check 1 000, spend 50
    RevenueTargetPlan plan = LeadTargets.plan(websiteDay(), eur("6000.00"));
    assertThat(plan.contractsNeeded().getAsDouble()).isCloseTo(6, within(EPS));
    assertThat(plan.leadsNeeded().getAsDouble()).isCloseTo(120, within(EPS));
    assertThat(plan.visitsNeeded().getAsDouble()).isCloseTo(12_000, within(EPS));
    assertThat(plan.queriesNeeded().getAsDouble()).isCloseTo(240_000, within(EPS));
    // revenue of a day = 0.00625 contracts × 1 000 = 6.25; 6 000 / 6.25 × 50 = 48 000
    assertThat(plan.spendNeeded()).contains(eur("48000.00"));
    assertJsonRoundTrip(plan, RevenueTargetPlan.class);
    RevenueTargetPlan partial = LeadTargets.plan(LeadInputs.builder().set(LeadQuantity.CR, 0)
        .averageCheck(CHECK).build(), eur("6000.00"));
    assertThat(partial.contractsNeeded().getAsDouble()).isCloseTo(6, within(EPS));
    assertThat(partial.leadsNeeded()).isEmpty();
    assertThat(partial.queriesNeeded()).isEmpty();
    assertThat(partial.spendNeeded()).isEmpty();
    assertJsonRoundTrip(partial, RevenueTargetPlan.class);
  }

  @Test
  void costCeilingsForBreakEvenAndATargetRomi() {
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, 120).set(LeadQuantity.CR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.01).averageCheck(CHECK).grossMargin(0.4).build();
    CostCeilings breakEven = LeadTargets.ceilings(m, 0);
    assertThat(breakEven.maxCostPerLead()).contains(eur("20.00"));
    assertThat(breakEven.maxCostPerContract()).contains(eur("400.00"));
    // the paid-click rule: visits are never paid clicks, so without clicks there is no max CPC
    assertThat(breakEven.maxCostPerClick()).isEmpty();
    // every one of the 12 000 visits a paid click: 0.01 × 0.05 × 1 000 × 0.4 = 0.20
    assertThat(LeadTargets.ceilings(m.toBuilder().set(LeadQuantity.CLICKS, 12_000).build(), 0)
        .maxCostPerClick()).contains(eur("0.20"));
    assertThat(breakEven.maxSpend()).contains(eur("2400.00"));
    CostCeilings doubling = LeadTargets.ceilings(m, 1);
    assertThat(doubling.maxCostPerLead()).contains(eur("10.00"));
    assertThat(doubling.maxSpend()).contains(eur("1200.00"));
    // 1 / 3 of 20.00 is 6.666…: a ceiling rounds down
    assertThat(LeadTargets.ceilings(m, 2).maxCostPerLead()).contains(eur("6.66"));
    assertJsonRoundTrip(breakEven, CostCeilings.class);
    assertJsonRoundTrip(LeadTargets.ceilings(LeadInputs.builder().build(), 0.5),
        CostCeilings.class);
    assertThatThrownBy(() -> LeadTargets.ceilings(m, -1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("targetRomi");
    assertThatThrownBy(() -> LeadTargets.ceilings(m, Double.NaN))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void withACpcButNoClicksThereIsNeitherSpendNorACpcCeiling() {
    LeadInputs cpcOnly = LeadInputs.builder().set(LeadQuantity.VISITS, 1000)
        .set(LeadQuantity.SITE_CONVERSION, 0.04).set(LeadQuantity.CR, 0.1)
        .averageCheck(eur("500.00")).grossMargin(0.5).costPerClick(eur("0.50")).build();
    LeadMetrics metrics = LeadEconomics.metrics(cpcOnly);
    assertThat(metrics.spend()).isEmpty();
    assertThat(metrics.value(LeadQuantity.CLICKS)).isEmpty();
    assertThat(LeadTargets.ceilings(cpcOnly, 0).maxCostPerClick()).isEmpty();
    // stating the clicks gives both, from the same clicks: 40 leads / 1 000 clicks × 0.1 × 250
    LeadInputs paid = cpcOnly.toBuilder().set(LeadQuantity.CLICKS, 1000).build();
    assertThat(LeadEconomics.metrics(paid).spend()).contains(eur("500.00"));
    assertThat(LeadTargets.ceilings(paid, 0).maxCostPerClick()).contains(eur("1.00"));
    // clicks derived from spend / CPC count too: 10.00 / 0.50 = 20 clicks, 2 leads per click
    LeadInputs derived = cpcOnly.toBuilder().spend(eur("10.00")).build();
    assertThat(LeadEconomics.metrics(derived).value(LeadQuantity.CLICKS)).hasValue(20.0);
    assertThat(LeadTargets.ceilings(derived, 0).maxCostPerClick()).contains(eur("50.00"));
    // a spend without CPC or clicks has no CPC ceiling either
    LeadInputs spendOnly = LeadInputs.builder().set(LeadQuantity.LEADS, 40).set(LeadQuantity.CR, 0.1)
        .averageCheck(eur("500.00")).grossMargin(0.5).spend(eur("10.00")).build();
    assertThat(LeadTargets.ceilings(spendOnly, 0).maxCostPerClick()).isEmpty();
  }

  @Test
  void leadsNeededForAShortfallIsOneRoundedUpQuotient() {
    // DOMAIN 5.3: lost 25 M, average budget 5 M, conversion 20 of 100 -> 25 prospects
    LeadTargets.LeadsNeeded n = LeadTargets.leadsNeeded(eur("25000000"), eur("5000000"),
        Proportion.of(20, 100));
    assertThat(n.leads()).hasValue(25);
    assertThat(n.expected()).hasValue(25.0);
    assertThat(n.reason()).isEmpty();
    assertJsonRoundTrip(n, LeadTargets.LeadsNeeded.class);
    // exact with a rational conversion: 100 / (100 × 1/3) is 3, not 4
    assertThat(LeadTargets.leadsNeeded(eur("100.00"), eur("100.00"), Proportion.of(1, 3))
        .leads()).hasValue(3);
    // DOMAIN 3 as a shortfall: 6 000 / (1 000 × 5 %) = 120 leads; conversion 1 counts contracts
    assertThat(LeadTargets.leadsNeeded(eur("6000.00"), CHECK, 0.05).leads()).hasValue(120);
    assertThat(LeadTargets.leadsNeeded(eur("6000.00"), CHECK, 1).leads()).hasValue(6);
    assertThat(LeadTargets.leadsNeeded(eur("6001.00"), CHECK, 0.05).leads()).hasValue(121);
    LeadTargets.LeadsNeeded none = LeadTargets.leadsNeeded(eur("6000.00"), CHECK,
        Proportion.of(0, 10));
    assertThat(none.leads()).isEmpty();
    assertThat(none.reason().orElseThrow()).contains("conversion is 0");
    assertJsonRoundTrip(none, LeadTargets.LeadsNeeded.class);
    assertThatThrownBy(() -> LeadTargets.leadsNeeded(eur("-1.00"), Money.of("1.00", "USD"), 0.5))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(2));
    assertThatThrownBy(() -> LeadTargets.leadsNeeded(Money.of("9" + "0".repeat(25), "EUR"),
        eur("0.01"), 1e-9)).isInstanceOf(ValidationException.class).hasMessageContaining("leads");
  }

  @Test
  void additionalLeadsCountOnlyWhatTheCurrentLeadsDoNotBring() {
    // 60 leads × 2 % × 1 000 = 1 200; a target of 6 000 needs 4 800 / 20 = 240 more leads
    LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, 60).set(LeadQuantity.CR, 0.02)
        .averageCheck(CHECK).build();
    assertThat(LeadTargets.additionalLeads(m, eur("6000.00")).leads()).hasValue(240);
    assertThat(LeadTargets.additionalLeads(m, eur("6000.00")).expected().getAsDouble())
        .isCloseTo(240, within(EPS));
    assertThat(LeadTargets.additionalLeads(m, eur("1000.00")).leads()).hasValue(0);
    assertThat(LeadTargets.additionalLeads(m.toBuilder().unset(LeadQuantity.LEADS).build(),
        eur("6000.00")).reason()).isPresent();
    assertThat(LeadTargets.additionalLeads(LeadInputs.builder().build(), eur("6000.00"))
        .reason()).isPresent();
  }

  @Test
  void leadsNeededWithConfidenceIsTheSmallestSufficientCount() {
    // each lead adds 1 % chance: 0.9 needs 90 leads
    LeadTargets.LeadsNeeded n = LeadTargets.leadsNeeded(k -> Math.min(1, k / 100.0), 0.9, 1000);
    assertThat(n.leads()).hasValue(90);
    assertThat(n.probabilityOfReaching().getAsDouble()).isCloseTo(0.9, within(EPS));
    assertJsonRoundTrip(n, LeadTargets.LeadsNeeded.class);
    assertThat(LeadTargets.leadsNeeded(k -> 0.95, 0.9, 10).leads()).hasValue(0);
    LeadTargets.LeadsNeeded limit = LeadTargets.leadsNeeded(k -> Math.min(1, k / 100.0), 0.9, 50);
    assertThat(limit.leads()).isEmpty();
    assertThat(limit.probabilityOfReaching()).hasValue(0.5);
    assertThat(limit.reason().orElseThrow()).contains("even 50 leads");
    assertThatThrownBy(() -> LeadTargets.leadsNeeded(k -> 2.0, 0.9, 10))
        .isInstanceOf(ValidationException.class).hasMessageContaining("probabilityOfReaching");
    assertThatThrownBy(() -> LeadTargets.leadsNeeded(null, 1, -1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(3));
  }
}
