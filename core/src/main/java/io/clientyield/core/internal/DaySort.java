package io.clientyield.core.internal;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The two array steps of the date-ordered sweeps (survival counts as of many dates, the horizon
 * forecasts and backtests): items ordered by a day each, and a binary search of sorted days.
 */
public final class DaySort {
  private DaySort() {}

  /**
   * Orders items by a day each (an epoch day, say); items with equal days keep their given
   * order. When the days span less than 2^31, each (day offset, position) pair is packed in one
   * long and sorted as a primitive array: no boxing, no comparator.
   *
   * @param items the items (indices into the caller's arrays)
   * @param day the day of an item
   * @return the items in day order
   */
  public static int[] order(int[] items, IntToLongFunction day) {
    int m = items.length;
    long[] days = new long[m];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int k = 0; k < m; k++) {
      days[k] = day.applyAsLong(items[k]);
      min = Math.min(min, days[k]);
      max = Math.max(max, days[k]);
    }
    int[] out = new int[m];
    if (m > 0 && max - min >= 0 && max - min < (1L << 31)) {
      long[] keys = new long[m];
      for (int k = 0; k < m; k++) {
        keys[k] = (days[k] - min) << 32 | k;
      }
      Arrays.sort(keys);
      for (int k = 0; k < m; k++) {
        out[k] = items[(int) keys[k]];
      }
      return out;
    }
    Integer[] positions = new Integer[m];
    for (int k = 0; k < m; k++) {
      positions[k] = k;
    }
    Arrays.sort(positions, (a, b) -> Long.compare(days[a], days[b])); // stable
    for (int k = 0; k < m; k++) {
      out[k] = items[positions[k]];
    }
    return out;
  }

  /**
   * The number of days in a sorted array that are at most {@code x} (the index of the first one
   * after it).
   *
   * @param sorted days in ascending order
   * @param x the day
   * @return how many are {@code <= x}
   */
  public static int upTo(long[] sorted, long x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
