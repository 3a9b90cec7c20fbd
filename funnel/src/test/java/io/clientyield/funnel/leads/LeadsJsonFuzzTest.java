package io.clientyield.funnel.leads;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.ValidationException;
import java.util.List;

/**
 * Feeds arbitrary bytes to the JSON reading of every lead-economics input and result type: only
 * the library's own {@link ValidationException} may come out. Regression inputs under
 * {@code src/test/resources/io/clientyield/funnel/leads/LeadsJsonFuzzTestInputs} run in every
 * build; fuzz for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl funnel -am test
 * -Dtest=LeadsJsonFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LeadsJsonFuzzTest {
  private static final List<Class<?>> TYPES = List.of(
      // inputs
      LeadInputs.class, PeriodScale.class, ChannelComparison.Channel.class,
      ChannelComparison.Defaults.class,
      // results
      LeadMetrics.class, LeverRanking.class, LeverRanking.Gain.class, ChannelComparison.class,
      ChannelComparison.Row.class, CostCeilings.class, RevenueTargetPlan.class,
      LeadTargets.LeadsNeeded.class);

  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingArbitraryBytesFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readFailsOnlyWithValidationException(input, TYPES);
  }
}
