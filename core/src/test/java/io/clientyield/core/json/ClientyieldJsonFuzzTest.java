package io.clientyield.core.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ClientId;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.Proportion;
import io.clientyield.core.Rate;
import io.clientyield.core.ValidationException;
import java.util.List;

/**
 * Feeds arbitrary bytes to the JSON reading of the core value types: only the library's own
 * {@link ValidationException} may come out. Regression inputs under
 * {@code src/test/resources/.../ClientyieldJsonFuzzTestInputs} run in every build; fuzz for real
 * with {@code JAZZER_FUZZ=1 mvn -pl core test -Dtest=ClientyieldJsonFuzzTest}.
 */
class ClientyieldJsonFuzzTest {
  private static final List<Class<?>> TYPES = List.of(
      Money.class, Proportion.class, Rate.class, ConfidenceInterval.class, ReportingPeriod.class,
      BusinessCalendar.class, ClientId.class, io.clientyield.core.CampaignId.class,
      io.clientyield.core.DealId.class, io.clientyield.core.ManagerId.class,
      io.clientyield.core.ProjectId.class, io.clientyield.core.Outcome.class,
      ValidationException.Violation.class, io.clientyield.core.scenario.RunSnapshot.class,
      io.clientyield.core.scenario.ScenarioDefinition.class,
      io.clientyield.core.scenario.Scenario.class);

  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingArbitraryBytesFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readFailsOnlyWithValidationException(input, TYPES);
  }

  /**
   * The same law, one type per execution (picked by the first byte): the target to fuzz for
   * real, many times faster; its findings are kept in the all-types inputs above.
   *
   * @param input the fuzzed bytes
   */
  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingOneTypeFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readOneFailsOnlyWithValidationException(input, TYPES);
  }
}
