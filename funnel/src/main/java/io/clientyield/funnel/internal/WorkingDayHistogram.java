package io.clientyield.funnel.internal;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.internal.StateCodec;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * An exact count histogram of durations in whole working days: {@code countAt(d)} is how many
 * durations equal {@code d}. Merging adds counts, so a histogram built from parts equals the one
 * built from the whole and every statistic is exact.
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
 * <p>Memory grows on demand with the durations seen, never up front to {@link #MAX_DAYS}: the
 * counts live in pages of 1024 days, a page is allocated when a duration first falls
 * into it and grows by doubling up to 1024 counts, and the page directory grows by
 * doubling up to the {@code MAX_DAYS / PAGE + 1} pages the maximum needs. One duration of
 * {@code MAX_DAYS} working days costs one small page and a directory of about ten thousand
 * references (tens of kilobytes), not a count per day (80 MB); durations spread over the whole
 * range cost at most one {@code long} per day up to the longest. Queries visit the allocated
 * pages only. A duration above {@code MAX_DAYS} is rejected.
 *
 * <p>Mutable and not thread-safe: one per thread, then merge.
 */
public final class WorkingDayHistogram {
  /** The longest duration accepted, in working days (about 38 000 years). */
  public static final long MAX_DAYS = 10_000_000L;

  /** log2 of the page size. */
  private static final int PAGE_BITS = 10;
  /** Days per page. */
  static final int PAGE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE - 1;
  /** Pages needed for durations up to {@link #MAX_DAYS}. */
  private static final int MAX_PAGES = (int) (MAX_DAYS >>> PAGE_BITS) + 1;
  /** Initial length of a page. */
  private static final int FIRST_PAGE_LENGTH = 32;

  /** {@code pages[p][i]} counts the durations {@code p * PAGE + i}; null pages count none. */
  private long[][] pages = new long[1][];
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
   * @throws ValidationException if the array is null or a duration is outside
   *     {@code [0, MAX_DAYS]}
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
    long newCount = Checks.addExact("count", count, 1);
    long newSum = Checks.addExact("sum", sum, days);
    int d = (int) days;
    page(d >>> PAGE_BITS, (d & PAGE_MASK) + 1)[d & PAGE_MASK]++;
    count = newCount;
    sum = newSum;
    if (d > max) {
      max = d;
    }
    return this;
  }

  /**
   * Adds {@code times} durations of {@code days} working days at once (what {@code times} calls
   * of {@link #add(long)} would do, in one step).
   *
   * @param days the duration in working days, {@code 0 <= days <= MAX_DAYS}
   * @param times how many such durations, {@code >= 0}
   * @return this histogram
   * @throws ValidationException if the duration or the number is out of range, or naming the
   *     count or sum that would overflow a long (the histogram is then unchanged)
   */
  public WorkingDayHistogram add(long days, long times) {
    Checks.inRange("days", days, 0, MAX_DAYS);
    Checks.nonNegative("times", times);
    if (times == 0) {
      return this;
    }
    long newCount = Checks.addExact("count", count, times);
    if (days != 0 && times > (Long.MAX_VALUE - Math.max(0, sum)) / days) {
      throw ValidationException.of("sum", sum + " + " + days + " * " + times,
          "must fit in a long (within [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "])");
    }
    long newSum = sum + days * times;
    int d = (int) days;
    page(d >>> PAGE_BITS, (d & PAGE_MASK) + 1)[d & PAGE_MASK] += times;
    count = newCount;
    sum = newSum;
    if (d > max) {
      max = d;
    }
    return this;
  }

  /**
   * Writes the histogram to an accumulator's state (see {@link StateCodec}): the number of
   * distinct durations, then for each in ascending order the gap to the previous one (minus
   * one; the first as it is) and its count, so that a state costs a few bytes per distinct
   * duration whatever the counts.
   *
   * @param w the writer
   */
  public void encode(StateCodec.Writer w) {
    Checks.notNull("w", w);
    long[][] nz = nonZero();
    w.count(nz[0].length);
    long previous = -1;
    for (int i = 0; i < nz[0].length; i++) {
      w.count(nz[0][i] - previous - 1).count(nz[1][i]);
      previous = nz[0][i];
    }
  }

  /**
   * Reads what {@link #encode} wrote.
   *
   * @param r the reader
   * @param field the histogram's name in errors, e.g. {@code completed[proposal]}
   * @return the histogram
   * @throws ValidationException if an argument is null, the bytes are malformed, a duration exceeds
   *     {@link #MAX_DAYS}, a count is zero or the count or sum overflows a long
   */
  public static WorkingDayHistogram decode(StateCodec.Reader r, String field) {
    Checks.notNull("r", r);
    Checks.notNull("field", field);
    int n = r.size(field + ".days", r.remaining() / 2);
    WorkingDayHistogram h = new WorkingDayHistogram();
    long previous = -1;
    for (int i = 0; i < n; i++) {
      long gap = r.count(field + "[" + i + "].gap");
      if (gap > MAX_DAYS - previous - 1) {
        throw r.invalid(field + "[" + i + "].gap", gap, "must keep the duration within [0, "
            + MAX_DAYS + "] working days (previous " + previous + ")");
      }
      long day = previous + 1 + gap;
      long times = r.count(field + "[" + day + "]");
      if (times == 0) {
        throw r.invalid(field + "[" + day + "]", 0, "must be >= 1 (only durations with a count are written)");
      }
      if (Checks.sumOverflows(h.count, times)) {
        throw r.invalid(field + ".count", h.count + " + " + times, "must fit in a long");
      }
      if (day != 0 && times > (Long.MAX_VALUE - h.sum) / day) {
        throw r.invalid(field + ".sum", h.sum + " + " + day + " * " + times, "must fit in a long");
      }
      h.add(day, times);
      previous = day;
    }
    return h;
  }

  /**
   * Returns page {@code p}, allocating it or growing it (doubling) to at least {@code length}
   * counts, and growing the directory (doubling) to hold it.
   */
  private long[] page(int p, int length) {
    if (p >= pages.length) {
      pages = Arrays.copyOf(pages, Math.min(MAX_PAGES, Math.max(p + 1, pages.length * 2)));
    }
    long[] page = pages[p];
    if (page == null) {
      page = new long[Math.min(PAGE, Math.max(FIRST_PAGE_LENGTH, Integer.highestOneBit(length - 1) << 1))];
      pages[p] = page;
    } else if (page.length < length) {
      page = Arrays.copyOf(page, Math.min(PAGE, Math.max(length, page.length * 2)));
      pages[p] = page;
    }
    return page;
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
    long newCount = Checks.addExact("count", count, other.count);
    long newSum = Checks.addExact("sum", sum, other.sum);
    long[][] from = other.pages; // read before this one grows (self-merge)
    int lastPage = other.max >> PAGE_BITS;
    for (int p = 0; p <= lastPage; p++) {
      long[] src = from[p];
      if (src != null) {
        long[] dst = page(p, src.length);
        for (int i = 0; i < src.length; i++) {
          dst[i] += src[i]; // src == dst for a self-merge: each count read once, then doubled
        }
      }
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
    if (days < 0 || days > max) {
      return 0;
    }
    long[] page = pages[(int) days >>> PAGE_BITS];
    int i = (int) days & PAGE_MASK;
    return page == null || i >= page.length ? 0 : page[i];
  }

  /**
   * Returns how many durations exceed {@code threshold} ({@code days > threshold}).
   *
   * @param threshold the threshold in working days
   * @return the count
   */
  public long countAbove(long threshold) {
    if (max < 0 || threshold >= max) {
      return 0;
    }
    int from = (int) Math.max(0, threshold + 1);
    long n = 0;
    for (int p = from >>> PAGE_BITS; p <= max >> PAGE_BITS; p++) {
      long[] page = pages[p];
      if (page != null) {
        int start = p == from >>> PAGE_BITS ? from & PAGE_MASK : 0;
        for (int i = start; i < page.length; i++) {
          n += page[i];
        }
      }
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
    for (int q = 0; q <= max >> PAGE_BITS; q++) {
      long[] page = pages[q];
      if (page != null) {
        for (int i = 0; i < page.length; i++) {
          seen += page[i];
          if (seen >= rank) {
            return OptionalLong.of(((long) q << PAGE_BITS) + i);
          }
        }
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
   * Returns the counts per day, index = working days, up to the maximum. This allocates one
   * {@code long} per day up to the longest duration (80 MB for a duration of {@link #MAX_DAYS});
   * {@link #countAt} and the statistics do not.
   *
   * @return a copy of the counts ({@code []} when empty)
   */
  public long[] counts() {
    long[] out = new long[max + 1];
    for (int p = 0; p <= max >> PAGE_BITS; p++) {
      long[] page = pages[p];
      if (page != null) {
        int base = p << PAGE_BITS;
        System.arraycopy(page, 0, out, base, Math.min(page.length, out.length - base));
      }
    }
    return out;
  }

  /**
   * Returns the days that have a count and their counts, in day order: {@code {days, counts}},
   * two arrays of the same length (the number of distinct durations). Costs one {@code long}
   * pair per distinct duration, whatever the longest one.
   *
   * @return the sparse counts ({@code {[], []}} when empty)
   */
  public long[][] nonZero() {
    int n = 0;
    for (int p = 0; p <= max >> PAGE_BITS; p++) {
      long[] page = pages[p];
      if (page != null) {
        for (long v : page) {
          if (v != 0) {
            n++;
          }
        }
      }
    }
    long[] days = new long[n];
    long[] counts = new long[n];
    int k = 0;
    for (int p = 0; p <= max >> PAGE_BITS; p++) {
      long[] page = pages[p];
      if (page != null) {
        for (int i = 0; i < page.length; i++) {
          if (page[i] != 0) {
            days[k] = ((long) p << PAGE_BITS) + i;
            counts[k++] = page[i];
          }
        }
      }
    }
    return new long[][] {days, counts};
  }

  /** Two histograms are equal when they hold the same durations. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WorkingDayHistogram h)) {
      return false;
    }
    if (h.count != count || h.sum != sum || h.max != max) {
      return false;
    }
    for (int p = 0; p <= max >> PAGE_BITS; p++) {
      long[] a = pages[p];
      long[] b = h.pages[p];
      int n = Math.max(a == null ? 0 : a.length, b == null ? 0 : b.length);
      for (int i = 0; i < n; i++) {
        if (at(a, i) != at(b, i)) {
          return false;
        }
      }
    }
    return true;
  }

  private static long at(long[] page, int i) {
    return page == null || i >= page.length ? 0 : page[i];
  }

  /** Hashes the (day, count) pairs with a count, in day order. */
  @Override
  public int hashCode() {
    int hash = 1;
    for (int p = 0; p <= max >> PAGE_BITS; p++) {
      long[] page = pages[p];
      if (page != null) {
        for (int i = 0; i < page.length; i++) {
          if (page[i] != 0) {
            hash = 31 * (31 * hash + ((p << PAGE_BITS) + i)) + Long.hashCode(page[i]);
          }
        }
      }
    }
    return hash;
  }

  /**
   * Lists the days that have durations with their counts, e.g.
   * {@code WorkingDayHistogram{1=2, 5=1}} for 1, 1, 5.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("WorkingDayHistogram{");
    String sep = "";
    for (int p = 0; p <= max >> PAGE_BITS; p++) {
      long[] page = pages[p];
      if (page != null) {
        for (int i = 0; i < page.length; i++) {
          if (page[i] != 0) {
            b.append(sep).append((p << PAGE_BITS) + i).append('=').append(page[i]);
            sep = ", ";
          }
        }
      }
    }
    return b.append('}').toString();
  }
}
