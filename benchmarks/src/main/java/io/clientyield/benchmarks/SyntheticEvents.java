package io.clientyield.benchmarks;

import io.clientyield.core.Outcome;
import io.clientyield.funnel.internal.DealSink;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic interaction-event history in columnar primitive arrays: about
 * three events per deal, {@value #MANAGERS} managers ({@value #WEAK_MANAGERS} of them weak, see
 * {@link #WEAK_MANAGERS}), {@value #STAGES} ordered stages,
 * outcome won, lost (client refused, with one of {@value #REASONS} reasons) or open, one
 * budget per deal (carried by the deal's first event, minor units), and timestamps (epoch
 * milliseconds, non-decreasing within a deal).
 *
 * <p>Each deal walks the stages from 0 to its furthest stage; its events sit at increasing
 * stages ending at the furthest one, and only the last event carries the terminal outcome and
 * reason. Events are generated grouped by deal; {@link #shuffled(long)} gives the same events
 * in a seeded random order (as an event log interleaving deals would). Same {@code n} and seed:
 * same arrays. Immutable after construction (the arrays are exposed for speed: do not modify).
 */
public final class SyntheticEvents {
  /** Number of managers (groups). */
  public static final int MANAGERS = 200;
  /** Number of ordered stages. */
  public static final int STAGES = 7;
  /** Number of refusal reasons. */
  public static final int REASONS = 10;
  /**
   * Managers {@code 0 .. WEAK_MANAGERS-1} are weak: their deals move on to the next stage with
   * probability 35 % instead of 65 %, so the weak-cell tests have something to find.
   */
  public static final int WEAK_MANAGERS = 10;

  /** Deal key of each event. */
  public final long[] deal;
  /** Manager (group index) of each event. */
  public final int[] manager;
  /** Stage index of each event. */
  public final int[] stage;
  /** Outcome code of each event ({@link DealSink#OPEN} or an Outcome.Kind ordinal). */
  public final int[] outcome;
  /** Reason code of each event ({@link DealSink#NO_REASON} or 0..REASONS-1). */
  public final int[] reason;
  /** Budget of each event in minor units, or {@link DealSink#NO_BUDGET}. */
  public final long[] budget;
  /** Timestamp of each event, epoch milliseconds. */
  public final long[] timestamp;

  private SyntheticEvents(int n) {
    deal = new long[n];
    manager = new int[n];
    stage = new int[n];
    outcome = new int[n];
    reason = new int[n];
    budget = new long[n];
    timestamp = new long[n];
  }

  /**
   * Returns the number of events.
   *
   * @return the event count
   */
  public int size() {
    return deal.length;
  }

  /**
   * Generates exactly {@code n} events grouped by deal (the last deal may be cut short).
   *
   * @param n the number of events, {@code >= 0}
   * @param seed the random seed
   * @return the events
   */
  public static SyntheticEvents generate(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n: must be >= 0, was " + n);
    }
    SyntheticEvents e = new SyntheticEvents(n);
    SplittableRandom rnd = new SplittableRandom(seed);
    int won = Outcome.Kind.WON.ordinal();
    int lost = Outcome.Kind.CLIENT_REFUSED.ordinal();
    long start = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    int i = 0;
    long dealKey = 0;
    while (i < n) {
      long key = dealKey * 0x9E3779B97F4A7C15L; // scattered keys, unique per deal
      dealKey++;
      int mgr = rnd.nextInt(MANAGERS);
      int furthest = 0;
      int moveOn = mgr < WEAK_MANAGERS ? 35 : 65;
      while (furthest < STAGES - 1 && rnd.nextInt(100) < moveOn) {
        furthest++;
      }
      int roll = rnd.nextInt(100);
      int out;
      int why = DealSink.NO_REASON;
      if (furthest == STAGES - 1 && roll < 70) {
        out = won;
      } else if (roll < 60) {
        out = lost;
        why = rnd.nextInt(REASONS);
      } else {
        out = DealSink.OPEN;
      }
      int events = 1 + rnd.nextInt(5); // 1..5, mean 3
      long budgetMinor = 10_000L * (1 + rnd.nextInt(10_000));
      long t = start + rnd.nextLong(365L * 86_400_000L);
      for (int k = 0; k < events && i < n; k++, i++) {
        boolean last = k == events - 1;
        e.deal[i] = key;
        e.manager[i] = mgr;
        e.stage[i] = last ? furthest : (int) ((long) furthest * k / events);
        e.outcome[i] = last ? out : DealSink.OPEN;
        e.reason[i] = last ? why : DealSink.NO_REASON;
        e.budget[i] = k == 0 ? budgetMinor : DealSink.NO_BUDGET;
        t += rnd.nextLong(14L * 86_400_000L);
        e.timestamp[i] = t;
      }
    }
    return e;
  }

  /**
   * Returns a copy with the events in a seeded random order (Fisher-Yates).
   *
   * @param seed the shuffle seed
   * @return the shuffled events
   */
  public SyntheticEvents shuffled(long seed) {
    int n = size();
    SyntheticEvents s = new SyntheticEvents(n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    for (int i = 0; i < n; i++) {
      int o = order[i];
      s.deal[i] = deal[o];
      s.manager[i] = manager[o];
      s.stage[i] = stage[o];
      s.outcome[i] = outcome[o];
      s.reason[i] = reason[o];
      s.budget[i] = budget[o];
      s.timestamp[i] = timestamp[o];
    }
    return s;
  }
}
