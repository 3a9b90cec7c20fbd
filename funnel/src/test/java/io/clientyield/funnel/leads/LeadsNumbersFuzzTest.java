package io.clientyield.funnel.leads;

import static io.clientyield.testkit.FuzzChecks.assertFinite;
import static io.clientyield.testkit.FuzzChecks.check;
import static io.clientyield.testkit.FuzzChecks.number;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import java.util.Currency;

/**
 * Feeds arbitrary numbers to {@link LeadInputs} and every calculator of lead economics: each call
 * either throws {@link ValidationException} or gives a result whose numbers are all finite and
 * that round-trips through JSON. Regression inputs under
 * {@code src/test/resources/io/clientyield/funnel/leads/LeadsNumbersFuzzTestInputs} run in every
 * build; fuzz for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl funnel -am test
 * -Dtest=LeadsNumbersFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.failIfNoTests=false}.
 */
class LeadsNumbersFuzzTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final LeadQuantity[] QUANTITIES = LeadQuantity.values();

  @FuzzTest(maxDuration = "10s")
  void leadEconomicsGivesFiniteResultsOrFailsWithValidationException(FuzzedDataProvider data) {
    LeadInputs.Builder b = LeadInputs.builder();
    LeadInputs m;
    try {
      int inputs = data.consumeInt(0, 6);
      for (int i = 0; i < inputs; i++) {
        b.set(data.pickValue(QUANTITIES), number(data));
      }
      if (data.consumeBoolean()) {
        b.averageCheck(money(data));
      }
      if (data.consumeBoolean()) {
        b.spend(money(data));
      }
      if (data.consumeBoolean()) {
        b.costPerClick(money(data));
      }
      if (data.consumeBoolean()) {
        b.grossMargin(number(data));
      }
      if (data.consumeBoolean()) {
        b.tolerance(number(data));
      }
      if (data.consumeBoolean()) {
        b.period("day");
      }
      m = b.build();
    } catch (ValidationException rejected) {
      return;
    }
    assertJsonRoundTrip(m, LeadInputs.class);
    check(() -> LeadEconomics.metrics(m), LeadMetrics.class);
    check(() -> m.scaledBy(number(data)), LeadInputs.class);
    check(() -> m.scaled(PeriodScale.of("day", "year", number(data))), LeadInputs.class);
    Money target = money(data);
    check(() -> LeadTargets.plan(m, target), RevenueTargetPlan.class);
    check(() -> LeadTargets.additionalLeads(m, target), LeadTargets.LeadsNeeded.class);
    try {
      assertFinite(LeadTargets.plan(m, target).leadsNeeded().orElse(0));
    } catch (ValidationException expected) {
      // the only allowed failure
    }
    check(() -> LeadTargets.ceilings(m, number(data)), CostCeilings.class);
    check(() -> LeadEconomics.leverRanking(m, number(data)), LeverRanking.class);
    check(() -> LeadEconomics.leverRanking(m, number(data), number(data), money(data)),
        LeverRanking.class);
  }

  @FuzzTest(maxDuration = "10s")
  void leadsNeededGivesAWholeCountOrAReasonOrFailsWithValidationException(
      FuzzedDataProvider data) {
    Money shortfall = money(data);
    Money value = money(data);
    long trials = data.consumeLong(-1, Long.MAX_VALUE);
    long successes = data.consumeLong(-1, Math.max(-1, trials));
    check(() -> LeadTargets.leadsNeeded(shortfall, value, Proportion.of(successes, trials)),
        LeadTargets.LeadsNeeded.class);
    check(() -> LeadTargets.leadsNeeded(shortfall, value, number(data)),
        LeadTargets.LeadsNeeded.class);
    double step = number(data);
    check(() -> LeadTargets.leadsNeeded(k -> Math.min(1, Math.max(0, k * step)), number(data),
        data.consumeLong()), LeadTargets.LeadsNeeded.class);
  }

  private static Money money(FuzzedDataProvider data) {
    long minor = data.consumeBoolean() ? data.consumeLong(-2, 10_000_000) : data.consumeLong();
    return Money.ofMinor(minor, EUR);
  }
}
