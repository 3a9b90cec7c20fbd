package io.clientyield.funnel;

import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.StageFunnel.WeakStage;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.StageFunnel.FunnelStage.ReasonCount;
import io.clientyield.funnel.Deal.StageVisit;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.WeightedPipeline.StagePipeline;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.time.TimeInStage.DurationStats;
import io.clientyield.funnel.time.TimeInStage.OverdueDeal;
import io.clientyield.funnel.time.SalesVelocity;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.time.TimeInStage.StageTime;
import io.clientyield.funnel.time.TimeInStage;
import java.util.List;

/**
 * Feeds arbitrary bytes to the JSON reading of every funnel input and result type: only the
 * library's own {@link ValidationException} may come out. Regression inputs under
 * {@code src/test/resources/io/clientyield/funnel/FunnelJsonFuzzTestInputs} run in every build;
 * fuzz for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl funnel -am test
 * -Dtest=FunnelJsonFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FunnelJsonFuzzTest {
  private static final List<Class<?>> TYPES = List.of(
      // inputs and options
      Deal.class, StageVisit.class, Stages.class, CrossStatisticsOptions.class, Smoothing.class,
      StageProbabilities.class, StageProbability.class, StageNorms.class,
      // results
      StageFunnel.class, FunnelStage.class, ReasonCount.class, ConversionComparison.class,
      CrossStatistics.class, GroupStatistics.class, StageCell.class, WeakStage.class,
      StagePipeline.class, WeightedPipeline.class, TimeInStage.class, StageTime.class,
      DurationStats.class, SalesVelocity.class, OverdueDeal.class);
  /** The listed types and every document of the module's JSON contract: the whole surface. */
  private static final List<Class<?>> ALL = java.util.stream.Stream.concat(TYPES.stream(),
      FunnelJsonTypes.DOCUMENTS.stream()).distinct().toList();


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
