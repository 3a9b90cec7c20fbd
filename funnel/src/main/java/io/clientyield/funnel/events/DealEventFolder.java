package io.clientyield.funnel.events;

import io.clientyield.core.Checks;
import io.clientyield.funnel.DealSink;
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
 * <p>Storage: an open-addressing hash table from deal key to row (linear probing, load at most
 * one half) and one primitive column per field; no boxing and no allocation per event except
 * when the table grows (amortised). Memory is proportional to the number of distinct deals,
 * about 40 bytes per deal.
 *
 * <p>Deals are emitted in first-seen order of this folder (then of merged parts). Not
 * thread-safe: use one folder per thread and {@link #merge} them, or, cheaper, split the events
 * by {@link #partitionOf deal-key partition} so that the threads' folders hold disjoint deals
 * and only their accumulators need merging.
 */
public final class DealEventFolder {
  private static final int EMPTY = -1;

  private long[] slotKeys;
  private int[] slotRows;
  private int mask;

  private long[] keys;
  private int[] groups;
  private int[] stages;
  private int[] terminalStages;
  private int[] outcomes;
  private int[] reasons;
  private long[] budgets;
  private int size;

  /** Creates an empty folder sized for a few thousand deals; it grows as needed. */
  public DealEventFolder() {
    this(1024);
  }

  /**
   * Creates an empty folder sized for {@code expectedDeals} deals without growing.
   *
   * @param expectedDeals the expected number of distinct deals, {@code >= 0}
   */
  public DealEventFolder(int expectedDeals) {
    Checks.inRange("expectedDeals", expectedDeals, 0, 1 << 28);
    int capacity = Integer.highestOneBit(Math.max(16, expectedDeals * 2 - 1)) << 1;
    allocateSlots(capacity);
    int rows = Math.max(16, expectedDeals);
    keys = new long[rows];
    groups = new int[rows];
    stages = new int[rows];
    terminalStages = new int[rows];
    outcomes = new int[rows];
    reasons = new int[rows];
    budgets = new long[rows];
  }

  private void allocateSlots(int capacity) {
    slotKeys = new long[capacity];
    slotRows = new int[capacity];
    Arrays.fill(slotRows, EMPTY);
    mask = capacity - 1;
  }

  /**
   * Folds one event into its deal's state.
   *
   * @param dealKey the deal's key, any long
   * @param group the deal's group index, {@code >= 0}
   * @param stageIndex the stage index this event shows the deal at, {@code >= 0}
   * @param outcome {@link DealSink#OPEN} or an {@link io.clientyield.core.OutcomeKind} ordinal
   * @param reason {@link DealSink#NO_REASON} or a reason index {@code >= 0}
   * @param budgetMinor {@link DealSink#NO_BUDGET} or a budget in minor units {@code >= 0}
   * @throws io.clientyield.core.ValidationException if a code is out of range (state unchanged)
   */
  public void add(long dealKey, int group, int stageIndex, int outcome, int reason, long budgetMinor) {
    EventRules.check(group, stageIndex, outcome, reason, budgetMinor);
    int row = rowFor(dealKey);
    if (row < 0) {
      row = ~row;
      groups[row] = group;
      stages[row] = stageIndex;
      terminalStages[row] = stageIndex;
      outcomes[row] = outcome;
      reasons[row] = outcome == DealSink.OPEN ? DealSink.NO_REASON : reason;
      budgets[row] = budgetMinor;
    } else {
      combine(row, group, stageIndex, stageIndex, outcome, reason, budgetMinor);
    }
  }

  private void combine(
      int row, int group, int stage, int terminalStage, int outcome, int reason, long budget) {
    if (group < groups[row]) {
      groups[row] = group;
    }
    if (stage > stages[row]) {
      stages[row] = stage;
    }
    if (EventRules.beats(
        terminalStages[row], outcomes[row], reasons[row], terminalStage, outcome, reason)) {
      terminalStages[row] = terminalStage;
      outcomes[row] = outcome;
      reasons[row] = reason;
    }
    budgets[row] = EventRules.budget(budgets[row], budget);
  }

  /** Returns the row of the key, or {@code ~row} of a freshly inserted one. */
  private int rowFor(long key) {
    int slot = mix(key) & mask;
    while (true) {
      int row = slotRows[slot];
      if (row == EMPTY) {
        if (size == keys.length) {
          growRows();
        }
        row = size++;
        keys[row] = key;
        slotKeys[slot] = key;
        slotRows[slot] = row;
        if (size * 2 > slotKeys.length) {
          rehash(slotKeys.length << 1);
        }
        return ~row;
      }
      if (slotKeys[slot] == key) {
        return row;
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

  private void growRows() {
    int n = keys.length * 2;
    keys = Arrays.copyOf(keys, n);
    groups = Arrays.copyOf(groups, n);
    stages = Arrays.copyOf(stages, n);
    terminalStages = Arrays.copyOf(terminalStages, n);
    outcomes = Arrays.copyOf(outcomes, n);
    reasons = Arrays.copyOf(reasons, n);
    budgets = Arrays.copyOf(budgets, n);
  }

  private void rehash(int capacity) {
    allocateSlots(capacity);
    for (int row = 0; row < size; row++) {
      long key = keys[row];
      int slot = mix(key) & mask;
      while (slotRows[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slotKeys[slot] = key;
      slotRows[slot] = row;
    }
  }

  /**
   * Merges another folder's deals into this one; a deal present in both is combined by the
   * rules in the class description. {@code other} is left unchanged.
   *
   * @param other the folder to merge, not null, not this
   * @return this folder
   */
  public DealEventFolder merge(DealEventFolder other) {
    Checks.notNull("other", other);
    if (other == this) {
      throw new IllegalArgumentException("other: must not be this folder");
    }
    for (int r = 0; r < other.size; r++) {
      int row = rowFor(other.keys[r]);
      if (row < 0) {
        row = ~row;
        groups[row] = other.groups[r];
        stages[row] = other.stages[r];
        terminalStages[row] = other.terminalStages[r];
        outcomes[row] = other.outcomes[r];
        reasons[row] = other.reasons[r];
        budgets[row] = other.budgets[r];
      } else {
        combine(row, other.groups[r], other.stages[r], other.terminalStages[r],
            other.outcomes[r], other.reasons[r], other.budgets[r]);
      }
    }
    return this;
  }

  /** Returns the number of distinct deals folded so far. */
  public int dealCount() {
    return size;
  }

  /**
   * Pushes each folded deal once to {@code sink}: group, furthest stage, outcome, reason
   * ({@link DealSink#NO_REASON} for open deals) and budget. The folder is unchanged.
   *
   * @param sink the receiver, not null
   */
  public void emitTo(DealSink sink) {
    Checks.notNull("sink", sink);
    for (int r = 0; r < size; r++) {
      sink.deal(groups[r], stages[r], outcomes[r], reasons[r], budgets[r]);
    }
  }
}
