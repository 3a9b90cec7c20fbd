package io.clientyield.funnel;

import io.clientyield.funnel.internal.FunnelSinks;
import io.clientyield.funnel.internal.DealSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clientyield.core.Money;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link DealSink} path of {@link CrossStatisticsAccumulator} allocates nothing per deal once
 * its arrays have grown to the groups seen (the issue-10 benchmark shape: ~200 groups, 7 stages).
 */
class CrossStatisticsAllocationTest {
  private static final int GROUPS = 200;
  private static final int EVENTS = 1_000_000;
  /** Generous bound for measurement noise; one allocation per deal would be > 16 MB. */
  private static final long MAX_BYTES = 256 * 1024;

  @Test
  void sinkPathAllocatesNothingPerDeal() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
    Stages stages = Stages.of("s1", "s2", "s3", "s4", "s5", "s6", "s7");
    CrossStatisticsAccumulator<String> acc = CrossStatisticsAccumulator.by(
        stages, Money.currency("EUR"), List.of("price", "quality", "timing"), d -> null);
    FunnelSinks.of(acc).deal(GROUPS - 1, 0, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET); // grow once
    feed(FunnelSinks.of(acc), 10_000); // warm up
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    feed(FunnelSinks.of(acc), EVENTS);
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    assertThat(allocated).isLessThan(MAX_BYTES);
    assertThat(acc.result().team().topEntered()).isEqualTo(1 + 10_000 + EVENTS);
  }

  private static void feed(DealSink sink, int events) {
    long x = 42;
    for (int i = 0; i < events; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      int r = (int) (x >>> 33);
      int group = r % GROUPS;
      int stage = (r >>> 8) % 7;
      int outcome = ((r >>> 11) % 4) - 1;
      int reason = outcome > 0 ? ((r >>> 13) % 4) - 1 : DealSink.NO_REASON;
      long budget = (r & 7) == 0 ? DealSink.NO_BUDGET : (r >>> 3) % 100_000;
      sink.deal(group, stage, outcome, reason, budget);
    }
  }
}
