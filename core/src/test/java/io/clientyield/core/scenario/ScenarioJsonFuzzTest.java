package io.clientyield.core.scenario;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.nio.charset.StandardCharsets;

/**
 * Feeds arbitrary bytes to the JSON reading of scenario definitions and runs: only
 * {@link ValidationException} may come out. Regression inputs under
 * {@code src/test/resources/.../ScenarioJsonFuzzTestInputs} run in every build; fuzz for real
 * with {@code JAZZER_FUZZ=1 mvn -pl core test -Dtest=ScenarioJsonFuzzTest}.
 */
class ScenarioJsonFuzzTest {

  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingArbitraryBytesFailsOnlyWithValidationException(byte[] input) {
    try {
      Scenario s = ClientyieldJson.read(input, Scenario.class);
      // a valid scenario must also export and run
      s.toMermaid();
      s.toDot();
      s.startRun();
    } catch (ValidationException expected) {
      // the only allowed failure
    }
    try {
      ScenarioTest.EXHIBITION.readRun(new String(input, StandardCharsets.UTF_8));
    } catch (ValidationException expected) {
      // the only allowed failure
    }
  }
}
