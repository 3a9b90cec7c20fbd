package io.clientyield.funnel.internal;

import io.clientyield.core.internal.Checks;
import java.util.Arrays;

/**
 * Folds interaction events, in any order, into one primitive deal per deal key; a mergeable
 * accumulator whose result is pushed to a {@link DealSink} by {@link #emitTo(DealSink)}.
 *
 * <p>Per deal it keeps: the furthest stage index reached (maximum over its events); the
 * terminal outcome and reason (the terminal event with the highest stage wins, then the highest
 * outcome ordinal, then the highest reason; an open event never overrides a terminal one); the
 * budget (the largest budget any event carries, {@link DealSink#NO_BUDGET} if none); the group
 * (the smallest group index any event carries). Every rule is a maximum or minimum under a total
 * order, so the folded deals do not depend on event order and {@code merge} is associative and
 * commutative: folding parts separately and merging equals folding the concatenation.
 *
 * <p>Storage: an open-addressing hash table (linear probing, load at most one half) whose slot
 * holds the deal itself — key, group and furthest stage, terminal stage with reason and outcome,
 * budget: four {@code long}s, 32 bytes — so an event costs one table read, one cache line however
 * large the table; no boxing and no allocation per event except when the table grows
 * (amortised). Memory is proportional to the number of distinct deals: 64 to 128 bytes per deal
 * (the table is a power of two between two and four times the deal count).
 *
 * <p>Deals are emitted in table order, which depends on the keys and the table's history, not on
 * anything a caller should rely on. Not thread-safe: use one folder per thread and
 * {@link #merge} them, or, cheaper, split the events by {@link #partitionOf deal-key partition}
 * so that the threads' folders hold disjoint deals and only their accumulators need merging.
 */
public final class DealEventFolder {
  /**
   * The most distinct deals one folder holds: {@code 2^27} (its table of {@code 2^28} slots is
   * then {@code 2^30} longs, 8 GiB). A new deal beyond it is a ValidationException.
   */
  public static final int MAX_DEALS = 1 << 27;

  /** The most slots allocated before the first deal (32 MiB); larger tables grow as deals come. */
  private static final int MAX_INITIAL_CAPACITY = 1 << 20;

  /** Longs per slot: key, A = present | group | stage, B = terminal stage | reason | outcome, budget. */
  private static final int STRIDE = 4;
  private static final long PRESENT = 1L << 63;
  private static final long INT31 = 0x7FFF_FFFFL;

  /** Events per block of {@link #addAll(EventColumns, int, int)}. */
  static final int BLOCK = 32;

  private final int maxDeals;
  private long[] table;
  private int mask;
  private int size;

  /** Keeps the reads of the block prologue observable, so they are not optimised away. */
  @SuppressWarnings("unused")
  private long sink;

  /** Creates an empty folder sized for a few thousand deals; it grows as needed. */
  public DealEventFolder() {
    this(1024);
  }

  /**
   * Creates an empty folder sized for {@code expectedDeals} deals: up to about half a million
   * deals the table is allocated at once and never grows; a larger hint allocates 32 MiB now and
   * the table grows (doubling) as deals come, so memory follows the deals actually folded.
   *
   * @param expectedDeals the expected number of distinct deals, in {@code [0, MAX_DEALS]}
   * @throws io.clientyield.core.ValidationException if the hint is outside that range
   */
  public DealEventFolder(int expectedDeals) {
    this(expectedDeals, MAX_DEALS);
  }

  /** Creates a folder with a lower cap on distinct deals (tests of the cap). */
  DealEventFolder(int expectedDeals, int maxDeals) {
    Checks.inRange("expectedDeals", expectedDeals, 0, MAX_DEALS);
    this.maxDeals = maxDeals;
    int wanted = Integer.highestOneBit(Math.max(16, expectedDeals * 2 - 1)) << 1;
    allocate(Math.min(wanted, MAX_INITIAL_CAPACITY));
  }

  /** The number of slots of the table (tests of the lazy allocation). */
  int capacity() {
    return mask + 1;
  }

  private void allocate(int capacity) {
    table = new long[capacity * STRIDE];
    mask = capacity - 1;
  }

  /**
   * Folds one event into its deal's state.
   *
   * @param dealKey the deal's key, any long
   * @param group the deal's group index, {@code >= 0}
   * @param stageIndex the stage index this event shows the deal at, in {@code [0, 2^30 - 1]}
   * @param outcome {@link DealSink#OPEN} or an {@link io.clientyield.core.Outcome.Kind} ordinal
   * @param reason {@link DealSink#NO_REASON} or a reason index in {@code [0, 2^31 - 2]}
   * @param budgetMinor {@link DealSink#NO_BUDGET} or a budget in minor units {@code >= 0}
   * @throws io.clientyield.core.ValidationException if a code is out of range, or the event is
   *     a new deal beyond {@link #MAX_DEALS} (state unchanged)
   */
  public void add(long dealKey, int group, int stageIndex, int outcome, int reason, long budgetMinor) {
    EventFoldRules.check(group, stageIndex, outcome, reason, budgetMinor);
    fold(dealKey, group, stageIndex, stageIndex, outcome, reason, budgetMinor);
  }

  /**
   * Folds the events {@code [from, to)} of columnar input into their deals' state, the same as
   * calling {@link #add} for each of them in order, but faster on large tables: events are taken
   * in blocks of {@value #BLOCK} and the table slots of a whole block are read first
   * (independent loads, so the processor waits for their cache misses side by side rather than
   * one after another), and only then folded.
   *
   * <p>All events in the range are validated before any is folded: on a
   * {@link io.clientyield.core.ValidationException} (naming the event index and its fields) the
   * folder is unchanged. Only the cap on distinct deals ({@link #MAX_DEALS}) is met while
   * folding: the events before the one that would exceed it stay folded.
   *
   * <pre>{@code
   * DealEventFolder folder = new DealEventFolder(expectedDeals);
   * folder.addAll(EventColumns.of(deal, manager, stage, outcome, reason, budget), 0, deal.length);
   * folder.emitTo(accumulator);
   * }</pre>
   *
   * @param events the columns
   * @param from the first event index, {@code 0 <= from <= to}
   * @param to the end index (exclusive), {@code <= events.size()}
   * @throws io.clientyield.core.ValidationException if the range or an event is invalid
   */
  public void addAll(EventColumns events, int from, int to) {
    addAll(events, from, to, 0, 1);
  }

  /**
   * Folds only the events of {@code [from, to)} whose deal key falls in partition {@code part} of
   * {@code parts} ({@link #partitionOf}); the other events are skipped after reading their key.
   * One thread per part, each with its own folder, folds disjoint deals (see
   * {@link #partitionOf}). Validation and the block-wise reads are those of
   * {@link #addAll(EventColumns, int, int)}; every event of the range is validated, whatever its
   * part, so all threads agree on whether the input is valid.
   *
   * @param events the columns
   * @param from the first event index, {@code 0 <= from <= to}
   * @param to the end index (exclusive), {@code <= events.size()}
   * @param part this folder's part, in {@code [0, parts)}
   * @param parts the number of parts, {@code >= 1}
   * @throws io.clientyield.core.ValidationException if the range, the part or an event is invalid
   */
  public void addAll(EventColumns events, int from, int to, int part, int parts) {
    Checks.notNull("events", events);
    Checks.Collector c = Checks.collector();
    events.checkRange(c, from, to);
    c.check(() -> Checks.positive("parts", (long) parts));
    c.check(() -> Checks.inRange("part", part, 0, Math.max(0, parts - 1)));
    c.throwIfAny();
    events.validate(from, to);
    long[] k = events.dealKeys();
    int[] g = events.groups();
    int[] st = events.stageIndexes();
    int[] o = events.outcomes();
    int[] r = events.reasons();
    long[] b = events.budgetsMinor();
    int[] picked = new int[BLOCK];
    long touched = 0;
    for (int start = from; start < to; ) {
      // pick the next BLOCK events of this part and read their slots
      int n = 0;
      int i = start;
      for (; i < to && n < BLOCK; i++) {
        long key = k[i];
        if (parts == 1 || partitionOf(key, parts) == part) {
          picked[n++] = i;
          touched += table[((mix(key) & mask) << 2) + 1];
        }
      }
      start = i;
      for (int j = 0; j < n; j++) {
        int e = picked[j];
        fold(k[e], g[e], st[e], st[e], o[e], r[e], b[e]);
      }
    }
    sink ^= touched;
  }

  private static long packA(int group, int stage) {
    return PRESENT | (long) group << 31 | stage;
  }

  private static long packB(int terminalStage, int outcome, int reason) {
    return (long) terminalStage << 34 | (long) (reason + 1) << 3 | (outcome + 1);
  }

  private static int group(long a) {
    return (int) ((a >>> 31) & INT31);
  }

  private static int stage(long a) {
    return (int) (a & INT31);
  }

  private static int terminalStage(long b) {
    return (int) (b >>> 34);
  }

  private static int reason(long b) {
    return (int) ((b >>> 3) & INT31) - 1;
  }

  private static int outcome(long b) {
    return (int) (b & 7) - 1;
  }

  private void fold(long dealKey, int group, int stage, int terminalStage, int outcome,
      int reason, long budget) {
    int slot = mix(dealKey) & mask;
    while (true) {
      int at = slot << 2;
      long a = table[at + 1];
      if (a == 0) {
        if (size >= maxDeals) {
          throw io.clientyield.core.ValidationException.of("dealCount", (long) size + 1,
              "must be <= " + maxDeals + " distinct deals per folder (its cap); split the deals "
                  + "by partitionOf across folders");
        }
        table[at] = dealKey;
        table[at + 1] = packA(group, stage);
        table[at + 2] = packB(terminalStage, outcome,
            outcome == DealSink.OPEN ? DealSink.NO_REASON : reason);
        table[at + 3] = budget;
        if (++size * 2 > mask + 1) {
          rehash((mask + 1) << 1);
        }
        return;
      }
      if (table[at] == dealKey) {
        int g = Math.min(group(a), group);
        int s = Math.max(stage(a), stage);
        table[at + 1] = packA(g, s);
        long held = table[at + 2];
        if (EventFoldRules.beats(terminalStage(held), outcome(held), reason(held),
            terminalStage, outcome, reason)) {
          table[at + 2] = packB(terminalStage, outcome, reason);
        }
        table[at + 3] = EventFoldRules.budget(table[at + 3], budget);
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Returns the part, in {@code [0, parts)}, that a deal key belongs to when events are split by
   * deal key across {@code parts} folders, one per thread.
   *
   * <p>Every event of a deal lands in the same part, so the parts' folders hold disjoint deals:
   * each thread folds only the events of its part into its own folder (sized for about
   * {@code 1 / parts} of the deals) and emits to its own accumulator, and the per-thread
   * accumulators are then merged; no deal is split across threads, so nothing is combined twice
   * and {@link #merge} of such folders only appends. Each thread may scan all events and skip
   * those of other parts (the key is the only column read for a skipped event).
   *
   * <p>Formula: the key is mixed by a 64-bit finaliser ({@code h = (k ^ k >>> 33) ×
   * 0xFF51AFD7ED558CCD}, then {@code h ^ h >>> 33}) and the high 32 bits are reduced to the range
   * by multiply-shift, {@code (h >>> 32) × parts >>> 32}; parts are balanced for sequential,
   * scattered or strided keys alike, and the result is independent of the hash that places
   * keys in a folder's table (a part's keys do not crowd its table). Deterministic across runs
   * and JVMs.
   *
   * <pre>{@code
   * // thread t of 2, over columnar events:
   * DealEventFolder mine = new DealEventFolder(expectedDeals / 2);
   * for (int i = 0; i < n; i++) {
   *   if (DealEventFolder.partitionOf(deal[i], 2) == t) {
   *     mine.add(deal[i], manager[i], stage[i], outcome[i], reason[i], budget[i]);
   *   }
   * }
   * mine.emitTo(accumulatorOfThread[t]);   // then merge the accumulators
   * }</pre>
   *
   * @param dealKey the deal's key, any long
   * @param parts the number of parts, {@code >= 1}
   * @return the part index in {@code [0, parts)}; always 0 when {@code parts == 1}
   * @throws io.clientyield.core.ValidationException if {@code parts < 1}
   */
  public static int partitionOf(long dealKey, int parts) {
    if (parts < 1) {
      Checks.positive("parts", (long) parts);
    }
    long h = (dealKey ^ (dealKey >>> 33)) * 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) (((h >>> 32) * parts) >>> 32);
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void rehash(int capacity) {
    long[] old = table;
    allocate(capacity);
    for (int at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] != 0) {
        int slot = mix(old[at]) & mask;
        while (table[(slot << 2) + 1] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, at, table, slot << 2, STRIDE);
      }
    }
  }

  /**
   * Merges another folder's deals into this one; a deal present in both is combined by the
   * rules in the class description. {@code other} is left unchanged.
   *
   * @param other the folder to merge, not null, not this
   * @return this folder
   * @throws io.clientyield.core.ValidationException if other is this folder (merging a folder
   *     with itself changes nothing, and is almost certainly a mistake), or if the merged deals
   *     would exceed {@link #MAX_DEALS} (the deals merged before that stay merged)
   */
  public DealEventFolder merge(DealEventFolder other) {
    Checks.notNull("other", other);
    if (other == this) {
      throw io.clientyield.core.ValidationException.of("other", "this folder", "must not be this folder");
    }
    long[] t = other.table;
    for (int at = 0; at < t.length; at += STRIDE) {
      long a = t[at + 1];
      if (a != 0) {
        long b = t[at + 2];
        fold(t[at], group(a), stage(a), terminalStage(b), outcome(b), reason(b), t[at + 3]);
      }
    }
    return this;
  }

  /**
   * Returns the number of distinct deals folded so far.
   *
   * @return the deal count
   */
  public int dealCount() {
    return size;
  }

  /**
   * Pushes each folded deal once to {@code sink}: group, furthest stage, outcome, reason
   * ({@link DealSink#NO_REASON} for open deals) and budget. The folder is unchanged.
   *
   * <p>Each deal is one call, all-or-nothing in the library's accumulators, but the emission as
   * a whole is not atomic: if the sink rejects a deal (e.g. a count that would overflow a long),
   * the deals pushed before it stay in the sink. Emit into a fresh accumulator and merge it
   * (merge checks every total first) when the target must stay unchanged on failure.
   *
   * @param sink the receiver, not null
   */
  public void emitTo(DealSink sink) {
    Checks.notNull("sink", sink);
    long[] t = table;
    for (int at = 0; at < t.length; at += STRIDE) {
      long a = t[at + 1];
      if (a != 0) {
        long b = t[at + 2];
        sink.deal(group(a), stage(a), outcome(b), reason(b), t[at + 3]);
      }
    }
  }
}
