package io.clientyield.funnel.time;

import io.clientyield.core.Checks;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * An exact count histogram of durations in whole working days: {@code counts[d]} is how many
 * durations equal {@code d}. The array grows as needed; merging adds counts, so a histogram
 * built from parts equals the one built from the whole and every statistic is exact.
 *
 * <p>Percentiles use the <b>nearest-rank</b> rule: for {@code n} durations sorted ascending
 * {@code x(1) <= ... <= x(n)} and {@code p} in {@code (0, 1]}, the {@code p}-percentile is
 * {@code x(r)} with {@code r = max(1, ⌈p · n⌉)}, computed with {@code p} at its shortest decimal
 * form so that {@code ⌈0.9 · 10⌉ = 9} exactly. The median is the nearest-rank P50, which for an
 * even count is the lower of the two middle values; no interpolation. Example: 1, 2, 3, 4, 10
 * has median 3 (rank 3), P90 10 (rank ⌈4.5⌉ = 5).
 *
 * <p>Empty histogram: {@link #quantile}, {@link #mean()} and {@link #max()} are empty.
 *
 * <p>Mutable and not thread-safe: one per thread, then merge. Memory is one {@code long} per
 * day up to the longest duration.
 */
public final class WorkingDayHistogram {
  /** The longest duration accepted, in working days (about 38 000 years). */
  public static final long MAX_DAYS = 10_000_000L;

  private long[] counts = new long[32];
  private long count;
  private long sum;
  private int max = -1;

  /** Creates an empty histogram (the identity of {@link #merge}). */
  public WorkingDayHistogram() {}

  /**
   * Creates a histogram of some durations.
   *
   * @param days the durations in working days
   * @return the histogram
   */
  public static WorkingDayHistogram of(long... days) {
    Checks.notNull("days", days);
    WorkingDayHistogram h = new WorkingDayHistogram();
    for (long d : days) {
      h.add(d);
    }
    return h;
  }

  /**
   * Adds one duration.
   *
   * @param days the duration in working days, {@code 0 <= days <= MAX_DAYS}
   * @return this histogram
   * @throws ValidationException if the duration is out of range, or naming the count or sum
   *     that would overflow a long (the histogram is then unchanged)
   */
  public WorkingDayHistogram add(long days) {
    Checks.inRange("days", days, 0, MAX_DAYS);
    long newCount = Overflow.add("count", count, 1);
    long newSum = Overflow.add("sum", sum, days);
    int d = (int) days;
    ensure(d);
    counts[d]++;
    count = newCount;
    sum = newSum;
    if (d > max) {
      max = d;
    }
    return this;
  }

  private void ensure(int index) {
    if (index >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
    }
  }

  /**
   * Adds another histogram's counts into this one.
   *
   * @param other the other histogram
   * @return this histogram
   * @throws ValidationException naming the count or sum that would overflow a long (the
   *     histogram is then unchanged)
   */
  public WorkingDayHistogram merge(WorkingDayHistogram other) {
    Checks.notNull("other", other);
    if (other.max < 0) {
      return this;
    }
    long newCount = Overflow.add("count", count, other.count);
    long newSum = Overflow.add("sum", sum, other.sum);
    ensure(other.max);
    for (int d = 0; d <= other.max; d++) {
      counts[d] += other.counts[d];
    }
    count = newCount;
    sum = newSum;
    max = Math.max(max, other.max);
    return this;
  }

  /**
   * Returns the number of durations.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Returns the sum of the durations in working days.
   *
   * @return the sum
   */
  public long sum() {
    return sum;
  }

  /**
   * Returns how many durations equal {@code days}.
   *
   * @param days a duration
   * @return the count
   */
  public long countAt(long days) {
    return days < 0 || days > max ? 0 : counts[(int) days];
  }

  /**
   * Returns how many durations exceed {@code threshold} ({@code days > threshold}).
   *
   * @param threshold the threshold in working days
   * @return the count
   */
  public long countAbove(long threshold) {
    long n = 0;
    for (long d = Math.max(0, threshold + 1); d <= max; d++) {
      n += counts[(int) d];
    }
    return n;
  }

  /**
   * Returns the longest duration.
   *
   * @return the maximum, empty if there is none
   */
  public OptionalLong max() {
    return max < 0 ? OptionalLong.empty() : OptionalLong.of(max);
  }

  /**
   * Returns the arithmetic mean {@code sum / count}.
   *
   * @return the mean in working days, empty if there is no duration
   */
  public OptionalDouble mean() {
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sum / count);
  }

  /**
   * Returns the nearest-rank {@code p}-percentile (see the class comment).
   *
   * @param p the level in {@code (0, 1]}, e.g. 0.5 or 0.9
   * @return the percentile in working days, empty if there is no duration
   * @throws ValidationException if {@code p} is not in {@code (0, 1]}
   */
  public OptionalLong quantile(double p) {
    if (!(p > 0 && p <= 1)) {
      throw ValidationException.of("p", p, "must be within (0, 1]");
    }
    if (count == 0) {
      return OptionalLong.empty();
    }
    long rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(count))
        .setScale(0, RoundingMode.CEILING).longValueExact();
    rank = Math.max(1, rank);
    long seen = 0;
    for (int d = 0; d <= max; d++) {
      seen += counts[d];
      if (seen >= rank) {
        return OptionalLong.of(d);
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond count " + count);
  }

  /**
   * Returns the nearest-rank median (P50).
   *
   * @return the median, empty if there is no duration
   */
  public OptionalLong median() {
    return quantile(0.5);
  }

  /**
   * Returns the nearest-rank 90th percentile.
   *
   * @return the P90, empty if there is no duration
   */
  public OptionalLong p90() {
    return quantile(0.9);
  }

  /**
   * Returns the counts per day, index = working days, up to the maximum.
   *
   * @return a copy of the counts ({@code []} when empty)
   */
  public long[] counts() {
    return Arrays.copyOf(counts, max + 1);
  }

  /** Two histograms are equal when they hold the same durations. */
  @Override
  public boolean equals(Object o) {
    return o instanceof WorkingDayHistogram h && Arrays.equals(h.counts(), counts());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts());
  }

  @Override
  public String toString() {
    return "WorkingDayHistogram" + Arrays.toString(counts());
  }
}
