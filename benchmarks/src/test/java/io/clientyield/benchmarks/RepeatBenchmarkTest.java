package io.clientyield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.profitability.repeat.BgNbdModel;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.profitability.repeat.RepeatSummaries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's inputs; speed is measured by the JMH run, not here. */
class RepeatBenchmarkTest {

  @Test
  void masterFileHoldsTheWholeCohort() {
    List<Purchase> purchases = RepeatBenchmark.masterPurchases();
    assertThat(purchases).hasSize(69_659);
    RepeatSummaries s = RepeatBenchmark.summarize(purchases);
    assertThat(s.summaries()).hasSize(23_570);
    assertThat(s.clientsFirstSeenInHoldout()).isZero();
  }

  @Test
  void scoringSumsPAliveAndExpectedPurchases() {
    BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    double expected = m.probabilityAlive(2, 30.43, 38.86) + m.expectedPurchases(39, 2, 30.43, 38.86) + 1
        + m.expectedPurchases(39, 0, 0, 38.86);
    assertThat(RepeatBenchmark.score(m, new long[] {2, 0}, new double[] {30.43, 0}, new double[] {38.86, 38.86}))
        .isCloseTo(expected, within(1e-12));
  }
}
