package io.clientyield.funnel.internal;

import io.clientyield.funnel.time.TimeInStage.DurationStats;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

class WorkingDayHistogramTest {

  @Test
  void nearestRankPercentiles() {
    WorkingDayHistogram h = WorkingDayHistogram.of(10, 1, 4, 3, 2);
    assertThat(h.median()).hasValue(3); // rank ⌈0.5 · 5⌉ = 3
    assertThat(h.p90()).hasValue(10); // rank ⌈0.9 · 5⌉ = 5
    assertThat(h.quantile(0.2)).hasValue(1); // rank 1
    assertThat(h.quantile(0.21)).hasValue(2); // rank ⌈1.05⌉ = 2
    assertThat(h.mean()).hasValue(4.0);
    assertThat(h.max()).hasValue(10);
    assertThat(h.count()).isEqualTo(5);
    assertThat(h.sum()).isEqualTo(20);
  }

  @Test
  void evenCountMedianIsTheLowerMiddleAndP90OfTenIsTheNinth() {
    WorkingDayHistogram h = WorkingDayHistogram.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(h.median()).hasValue(5); // rank 5, no interpolation
    assertThat(h.p90()).hasValue(9); // rank exactly 9, not 10
    assertThat(h.quantile(1.0)).hasValue(10);
  }

  @Test
  void countsAboveAThresholdAndGrows() {
    WorkingDayHistogram h = WorkingDayHistogram.of(0, 5, 5, 6, 1000);
    assertThat(h.countAbove(5)).isEqualTo(2);
    assertThat(h.countAbove(-1)).isEqualTo(5);
    assertThat(h.countAbove(1000)).isZero();
    assertThat(h.countAt(5)).isEqualTo(2);
    assertThat(h.counts()).hasSize(1001);
  }

  @Test
  void mergeAddsCounts() {
    WorkingDayHistogram a = WorkingDayHistogram.of(1, 2, 200);
    assertThat(a.merge(WorkingDayHistogram.of(2, 3))).isEqualTo(WorkingDayHistogram.of(1, 2, 2, 3, 200));
    assertThat(new WorkingDayHistogram().merge(a)).isEqualTo(a);
  }

  @Test
  void emptyHasNoStatistics() {
    WorkingDayHistogram h = new WorkingDayHistogram();
    assertThat(h.median()).isEmpty();
    assertThat(h.p90()).isEmpty();
    assertThat(h.mean()).isEmpty();
    assertThat(h.max()).isEmpty();
    DurationStats s = stats(h);
    assertThat(s.count()).isZero();
    assertJsonRoundTrip(s, DurationStats.class);
  }

  @Test
  void rejectsNegativeDurationsAndLevelsOutsideTheUnitInterval() {
    WorkingDayHistogram h = WorkingDayHistogram.of(1);
    assertThatThrownBy(() -> h.add(-1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("days (-1) must be within [0, 10000000]");
    assertThatThrownBy(() -> h.quantile(0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("p (0) must be within (0, 1]");
    assertThat(h.count()).isEqualTo(1);
  }

  @Test
  void durationStatsRoundTripThroughJson() {
    String json = assertJsonRoundTrip(stats(WorkingDayHistogram.of(10, 1, 4, 3, 2)), DurationStats.class);
    assertThat(json).isEqualTo("{\"count\":5,\"median\":3,\"p90\":10,\"mean\":4.0,\"max\":10}");
  }

  /** {@code n} durations of {@code days}, built by merging doubled histograms. */
  private static WorkingDayHistogram copies(long days, long n) {
    WorkingDayHistogram result = new WorkingDayHistogram();
    WorkingDayHistogram power = WorkingDayHistogram.of(days);
    for (long rest = n; rest > 0; rest >>>= 1) {
      if ((rest & 1) != 0) {
        result.merge(power);
      }
      if (rest > 1) {
        power.merge(power);
      }
    }
    return result;
  }

  @Test
  void aMergeBeyondALongIsNamedAndChangesNothing() {
    WorkingDayHistogram h = copies(1000, 1L << 53);
    assertThat(h.sum()).isEqualTo(1000L << 53);
    assertThatThrownBy(() -> h.merge(h)).isInstanceOf(ValidationException.class)
        .hasMessage("sum (9007199254740992000 + 9007199254740992000) must fit in a long "
            + "(within [-9223372036854775808, 9223372036854775807])");
    assertThat(h.count()).isEqualTo(1L << 53);
    assertThat(h.sum()).isEqualTo(1000L << 53);
    assertThat(h).isEqualTo(copies(1000, 1L << 53));
  }

  @Test
  void anAddBeyondALongIsNamedAndChangesNothing() {
    long n = Long.MAX_VALUE / 1_000_000;
    WorkingDayHistogram h = copies(1_000_000, n);
    assertThat(h.sum()).isEqualTo(n * 1_000_000);
    assertThatThrownBy(() -> h.add(1_000_000)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("sum (9223372036854000000 + 1000000) must fit in a long");
    assertThat(h.count()).isEqualTo(n);
    assertThat(h.countAt(1_000_000)).isEqualTo(n);
    assertThat(h.sum()).isEqualTo(n * 1_000_000);
  }

  /** Bytes one histogram of one duration of MAX_DAYS may allocate; a dense array would be 80 MB. */
  private static final long MAX_BYTES_FOR_ONE_LONG_DURATION = 1024 * 1024;

  @Test
  void aSingleLongDurationAllocatesAPageNotACountPerDay() {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    org.junit.jupiter.api.Assumptions.assumeTrue(
        mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    WorkingDayHistogram h = WorkingDayHistogram.of(WorkingDayHistogram.MAX_DAYS);
    WorkingDayHistogram merged = new WorkingDayHistogram().merge(h).merge(h).merge(WorkingDayHistogram.of(3));
    assertThat(merged.p90()).hasValue(WorkingDayHistogram.MAX_DAYS);
    assertThat(merged.countAbove(3)).isEqualTo(2);
    assertThat(h).isEqualTo(WorkingDayHistogram.of(WorkingDayHistogram.MAX_DAYS)).hasSameHashCodeAs(
        WorkingDayHistogram.of(WorkingDayHistogram.MAX_DAYS));
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    assertThat(allocated).isLessThan(MAX_BYTES_FOR_ONE_LONG_DURATION);
    assertThat(merged.toString()).isEqualTo("WorkingDayHistogram{3=1, 10000000=2}");
  }

  @Test
  void statisticsSpanPagesExactly() {
    WorkingDayHistogram h = WorkingDayHistogram.of(3, 1500, WorkingDayHistogram.MAX_DAYS, 1500, 1023, 1024);
    assertThat(h.median()).hasValue(1024); // sorted 3, 1023, 1024, 1500, 1500, 10000000: rank 3
    assertThat(h.p90()).hasValue(WorkingDayHistogram.MAX_DAYS); // rank ⌈5.4⌉ = 6
    assertThat(h.quantile(0.5 + 1e-9)).hasValue(1500); // rank 4
    assertThat(h.countAt(1500)).isEqualTo(2);
    assertThat(h.countAt(1501)).isZero();
    assertThat(h.countAt(5_000_000)).isZero();
    assertThat(h.countAbove(1023)).isEqualTo(4);
    assertThat(h.countAbove(1500)).isEqualTo(1);
    assertThat(h.countAbove(WorkingDayHistogram.MAX_DAYS)).isZero();
    assertThat(h.max()).hasValue(WorkingDayHistogram.MAX_DAYS);
    assertThat(h.sum()).isEqualTo(3 + 1500 + 10_000_000 + 1500 + 1023 + 1024);
    assertThat(new WorkingDayHistogram().countAbove(Long.MIN_VALUE)).isZero();
    assertThat(new WorkingDayHistogram().counts()).isEmpty();
    assertThat(new WorkingDayHistogram().toString()).isEqualTo("WorkingDayHistogram{}");
  }

  @Test
  void aDurationAboveTheMaximumIsRejectedAndNothingIsAdded() {
    WorkingDayHistogram h = WorkingDayHistogram.of(1);
    assertThatThrownBy(() -> h.add(WorkingDayHistogram.MAX_DAYS + 1)).isInstanceOf(ValidationException.class)
        .hasMessage("days (10000001) must be within [0, 10000000]");
    assertThat(h).isEqualTo(WorkingDayHistogram.of(1));
    assertThat(h.count()).isEqualTo(1);
  }

  private static DurationStats stats(WorkingDayHistogram h) {
    return new DurationStats(h.count(), h.median(), h.p90(), h.mean(), h.max());
  }
}
