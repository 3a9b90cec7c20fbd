package io.clientyield.forecasting;

import io.clientyield.forecasting.PlannedDeal.BudgetVersion;
import io.clientyield.forecasting.CorrectedTargets.CorrectedPlan;
import io.clientyield.forecasting.Replenishment.CoverageCheck;
import io.clientyield.forecasting.Replenishment.ProspectsNeeded;
import io.clientyield.forecasting.PipelineForecaster.LeadsNeeded;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.ValidationException;
import java.util.List;

/**
 * Feeds arbitrary bytes to the JSON reading of every forecasting input and result type: only the
 * library's own {@link ValidationException} may come out. ({@link OpenPipeline} is a mutable
 * accumulator without a JSON form; its results are.) Regression inputs under
 * {@code src/test/resources/io/clientyield/forecasting/ForecastingJsonFuzzTestInputs} run in
 * every build; fuzz for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl forecasting -am test
 * -Dtest=ForecastingJsonFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.failIfNoTests=false}.
 */
class ForecastingJsonFuzzTest {
  private static final List<Class<?>> TYPES = List.of(
      // inputs
      PlannedDeal.class, BudgetVersion.class, BudgetStep.class, PeriodTotals.class,
      RatioEstimate.class,
      // results
      PlanningErrorReport.class, PlanAccuracy.class, AccuracyMeasures.class,
      CountDistribution.class, RevenueDistribution.class, LeadsNeeded.class,
      ProspectsNeeded.class, CoverageCheck.class, CorrectedPlan.class);
  /** The listed types and every document of the module's JSON contract: the whole surface. */
  private static final List<Class<?>> ALL = java.util.stream.Stream.concat(TYPES.stream(),
      ForecastingJsonTypes.DOCUMENTS.stream()).distinct().toList();


  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingArbitraryBytesFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readFailsOnlyWithValidationException(input, ALL);
  }

  /**
   * The same law, one type per execution (picked by the first byte): the target to fuzz for
   * real, many times faster; its findings are kept in the all-types inputs above.
   *
   * @param input the fuzzed bytes
   */
  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingOneTypeFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readOneFailsOnlyWithValidationException(input, ALL);
  }
}
