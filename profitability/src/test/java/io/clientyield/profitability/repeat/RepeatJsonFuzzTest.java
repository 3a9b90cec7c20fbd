package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatValuation.SegmentValue;
import io.clientyield.profitability.repeat.RepeatValuation.ClientValue;
import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.profitability.repeat.GammaGammaFitter.GammaGammaFit;
import io.clientyield.profitability.repeat.BgNbdFitter.BgNbdFit;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.ValidationException;
import java.util.List;

/**
 * Feeds arbitrary bytes to the JSON reading of every repeat-client type: only the library's own
 * {@link ValidationException} may come out. Regression inputs under {@code
 * src/test/resources/io/clientyield/profitability/repeat/RepeatJsonFuzzTestInputs} run in every
 * build; fuzz for real with {@code JAZZER_FUZZ=1 mvn -B -q -pl profitability -am test
 * -Dtest=RepeatJsonFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.failIfNoTests=false}.
 */
class RepeatJsonFuzzTest {
  private static final List<Class<?>> TYPES = List.of(
      Purchase.class, RepeatSummary.class, RepeatSummaries.class, BgNbdModel.class, GammaGammaModel.class,
      Estimate.class, BgNbdFit.class, GammaGammaFit.class, RepeatValuation.class, ClientValue.class,
      SegmentValue.class);

  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingArbitraryBytesFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readFailsOnlyWithValidationException(input, TYPES);
  }
}
