package io.clientyield.funnel.leads;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class LeadTargetsProperties {

  private static final double RELATIVE = 1e-12;

  @Test
  void wholeLeadsAreTheExpectedCountRoundedUp() {
    qt().withExamples(300).forAll(LeadGenerators.money(), LeadGenerators.positiveMoney(),
        SourceDSL.integers().between(1, 1000), SourceDSL.integers().between(0, 1000))
        .checkAssert((shortfall, value, trials, s) -> {
          int successes = Math.min(s, trials);
          LeadTargets.LeadsNeeded n = LeadTargets.leadsNeeded(shortfall, value,
              Proportion.of(successes, trials));
          if (successes == 0) {
            assertThat(n.leads()).isEmpty();
            assertThat(n.reason()).isPresent();
            return;
          }
          // exact: leads × value × successes >= shortfall × trials > (leads − 1) × ...
          BigDecimal need = shortfall.amount().multiply(BigDecimal.valueOf(trials));
          BigDecimal per = value.amount().multiply(BigDecimal.valueOf(successes));
          long k = n.leads().getAsLong();
          assertThat(per.multiply(BigDecimal.valueOf(k))).isGreaterThanOrEqualTo(need);
          if (k > 0) {
            assertThat(per.multiply(BigDecimal.valueOf(k - 1))).isLessThan(need);
          }
          assertThat(n.expected().getAsDouble()).isLessThanOrEqualTo(k)
              .isGreaterThan(k - 1 - RELATIVE * k);
          assertJsonRoundTrip(n, LeadTargets.LeadsNeeded.class);
        });
  }

  @Test
  void thePlanAndTheShortfallFormulaAreOneRule() {
    qt().withExamples(300).forAll(LeadGenerators.money(), LeadGenerators.positiveMoney(),
        LeadGenerators.positiveRates()).checkAssert((target, check, cr) -> {
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.CR, cr).averageCheck(check).build();
          double planned = LeadTargets.plan(m, target).leadsNeeded().getAsDouble();
          double shortfall = LeadTargets.leadsNeeded(target, check, cr).expected().getAsDouble();
          assertThat(planned).isCloseTo(shortfall, within(RELATIVE * Math.max(1, shortfall)));
          // and with no leads yet, the additional leads are the whole plan
          LeadInputs none = m.toBuilder().set(LeadQuantity.LEADS, 0).build();
          assertThat(LeadTargets.additionalLeads(none, target).leads())
              .isEqualTo(LeadTargets.leadsNeeded(target, check, cr).leads());
        });
  }

  @Test
  void theAdditionalLeadsReachTheTargetAndOneFewerDoesNot() {
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(), LeadGenerators.positiveRates(),
        LeadGenerators.positiveMoney(), LeadGenerators.money()).checkAssert((l, cr, check, t) -> {
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, l).set(LeadQuantity.CR, cr)
              .averageCheck(check).build();
          long more = LeadTargets.additionalLeads(m, t).leads().getAsLong();
          BigDecimal perLead = check.amount().multiply(BigDecimal.valueOf(cr));
          // the current revenue multiplies leads × Cr as doubles: allow that rounding
          BigDecimal slack = t.amount().multiply(new BigDecimal("1e-12"));
          assertThat(perLead.multiply(BigDecimal.valueOf(l + more)))
              .isGreaterThanOrEqualTo(t.amount().subtract(slack));
          if (more > 0) {
            assertThat(perLead.multiply(BigDecimal.valueOf(l + more - 1)))
                .isLessThan(t.amount().add(slack));
          }
        });
  }

  @Test
  void theConfidenceSearchFindsTheSmallestSufficientCount() {
    qt().withExamples(300).forAll(SourceDSL.integers().between(0, 5000),
        SourceDSL.integers().between(1, 99), SourceDSL.integers().between(0, 6000))
        .checkAssert((threshold, percent, max) -> {
          double confidence = percent / 100.0;
          // a step chance: below the threshold 0, from it on 1, so the answer is the threshold
          LeadTargets.LeadsNeeded n = LeadTargets.leadsNeeded(
              k -> k >= threshold ? 1.0 : 0.0, confidence, max);
          if (threshold <= max) {
            assertThat(n.leads()).hasValue(threshold);
            assertThat(n.probabilityOfReaching()).hasValue(1.0);
          } else {
            assertThat(n.leads()).isEmpty();
            assertThat(n.probabilityOfReaching()).hasValue(0.0);
          }
          assertJsonRoundTrip(n, LeadTargets.LeadsNeeded.class);
        });
  }

  @Test
  void theCpcCeilingExistsExactlyWhenPaidClicksAreKnown() {
    qt().withExamples(300).forAll(LeadGenerators.websiteModels()).checkAssert(m -> {
      LeadMetrics metrics = LeadEconomics.metrics(m);
      boolean clicks = metrics.value(LeadQuantity.CLICKS).orElse(0) > 0;
      CostCeilings c = LeadTargets.ceilings(m, 0);
      // websiteModels always know leads, Cr, check and margin: only the clicks decide
      assertThat(c.maxCostPerClick().isPresent()).isEqualTo(clicks);
      // and without clicks a CPC gives no spend either: spend is given here, never visits × CPC
      LeadInputs cpc = m.toBuilder().unset(LeadQuantity.CLICKS).costPerClick(
          Money.ofMinor(50, LeadGenerators.EUR)).build();
      assertThat(LeadTargets.ceilings(cpc, 0).maxCostPerClick().isPresent())
          .isEqualTo(m.spend().orElseThrow().signum() > 0);
      assertThat(LeadEconomics.metrics(cpc.toBuilder().build()).spend()).isEqualTo(m.spend());
    });
  }

  @Test
  void everyTargetResultRoundTripsAsJson() {
    qt().withExamples(100).forAll(LeadGenerators.anyModels(), LeadGenerators.money(),
        LeadGenerators.targetRomis()).checkAssert((m, target, romi) -> {
          assertJsonRoundTrip(LeadTargets.plan(m, target), RevenueTargetPlan.class);
          assertJsonRoundTrip(LeadTargets.additionalLeads(m, target),
              LeadTargets.LeadsNeeded.class);
          assertJsonRoundTrip(LeadTargets.ceilings(m, romi), CostCeilings.class);
        });
  }
}
