package io.clientyield.funnel.survival;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.internal.StateCodec;
import java.util.Arrays;

/**
 * Counts of won, lost and censored observations by whole age (a histogram; merge = add). Not
 * thread-safe.
 */
final class AgeCounts {
  static final int WON = 0;
  static final int LOST = 1;
  static final int CENSORED = 2;

  private long[][] counts = new long[3][0];

  /** Whether the count at an age can take one more (never overflows). */
  boolean canAdd(int kind, int age) {
    return age >= counts[kind].length || counts[kind][age] < Long.MAX_VALUE;
  }

  void add(int kind, int age) {
    if (age >= counts[kind].length) {
      counts[kind] = Arrays.copyOf(counts[kind], Math.max(age + 1, counts[kind].length * 2));
    }
    counts[kind][age]++;
  }

  /** Sums of this and other, checked for overflow; this is unchanged. */
  long[][] plus(AgeCounts other) {
    long[][] sum = new long[3][];
    for (int k = 0; k < 3; k++) {
      long[] a = counts[k];
      long[] b = other.counts[k];
      long[] s = Arrays.copyOf(a.length >= b.length ? a : b, Math.max(a.length, b.length));
      long[] shorter = a.length >= b.length ? b : a;
      for (int i = 0; i < shorter.length; i++) {
        s[i] = Checks.addExact("ageCounts[" + i + "]", a.length >= b.length ? a[i] : b[i], shorter[i]);
      }
      sum[k] = s;
    }
    return sum;
  }

  void set(long[][] sum) {
    counts = sum;
  }

  AgeCounts copy() {
    AgeCounts c = new AgeCounts();
    c.counts = new long[][] {counts[0].clone(), counts[1].clone(), counts[2].clone()};
    return c;
  }

  long count(int kind, int age) {
    return age < counts[kind].length ? counts[kind][age] : 0;
  }

  /** The ages with any count and the counts there: {@code {ages, won, lost, censored}}. */
  long[][] sparse() {
    int n = ages();
    int k = 0;
    for (int t = 0; t < n; t++) {
      if (count(WON, t) + count(LOST, t) + count(CENSORED, t) != 0) {
        k++;
      }
    }
    long[][] out = new long[4][k];
    k = 0;
    for (int t = 0; t < n; t++) {
      if (count(WON, t) + count(LOST, t) + count(CENSORED, t) != 0) {
        out[0][k] = t;
        out[1][k] = count(WON, t);
        out[2][k] = count(LOST, t);
        out[3][k++] = count(CENSORED, t);
      }
    }
    return out;
  }

  int ages() {
    return Math.max(counts[0].length, Math.max(counts[1].length, counts[2].length));
  }

  /** Writes the three histograms, each as its length and its counts. */
  void encode(StateCodec.Writer w) {
    for (long[] c : counts) {
      w.count(c.length);
      for (long v : c) {
        w.count(v);
      }
    }
  }

  /** Reads what {@link #encode} wrote; ages are bounded by {@code maxAge}. */
  static AgeCounts decode(StateCodec.Reader r, String field, long maxAge) {
    AgeCounts a = new AgeCounts();
    for (int k = 0; k < 3; k++) {
      int n = r.size(field + ".ages", (int) Math.min(maxAge + 1, r.remaining()));
      long[] c = new long[n];
      for (int i = 0; i < n; i++) {
        c[i] = r.count(field + "[" + i + "]");
      }
      a.counts[k] = c;
    }
    return a;
  }
}
