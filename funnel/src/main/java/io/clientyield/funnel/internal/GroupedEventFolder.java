package io.clientyield.funnel.internal;

import io.clientyield.core.internal.Checks;

/**
 * The streaming event folder for input already grouped by deal (all events of a deal are
 * consecutive, the usual CRM export order): no hash lookup and constant memory. Each deal is
 * pushed to the sink when the deal key changes and the last one on {@link #finish()}.
 *
 * <p>Folds with exactly the rules of {@link DealEventFolder} (furthest stage; the terminal
 * event with the highest stage, outcome ordinal, reason wins; the largest budget; the smallest
 * group), so on grouped input both emit the same deals (this one in input order). If a deal key
 * reappears after another deal, it is emitted twice: grouping is the caller's promise.
 *
 * <p>Not thread-safe.
 */
public final class GroupedEventFolder {
  private final DealSink sink;
  private boolean pending;
  private long key;
  private int group;
  private int stage;
  private int terminalStage;
  private int outcome;
  private int reason;
  private long budget;

  /**
   * Creates a folder pushing deals to {@code sink}.
   *
   * @param sink the receiver, not null
   */
  public GroupedEventFolder(DealSink sink) {
    this.sink = Checks.notNull("sink", sink);
  }

  /**
   * Folds the events {@code [from, to)} of columnar input, the same as calling {@link #add} for
   * each of them in order (a deal may continue from the previous call and into the next one),
   * but faster: the range is validated in one pass first, then each run of equal deal keys is
   * folded in a tight loop and emitted when the key changes.
   *
   * <p>All events of the range are validated before any is folded: on a
   * {@link io.clientyield.core.ValidationException} (naming the event index and its fields)
   * nothing is folded or emitted.
   *
   * <pre>{@code
   * GroupedEventFolder folder = new GroupedEventFolder(accumulator);
   * folder.addAll(EventColumns.of(deal, manager, stage, outcome, reason, budget), 0, deal.length);
   * folder.finish();
   * }</pre>
   *
   * @param events the columns, grouped by deal key
   * @param from the first event index, {@code 0 <= from <= to}
   * @param to the end index (exclusive), {@code <= events.size()}
   * @throws io.clientyield.core.ValidationException if the range or an event is invalid
   */
  public void addAll(EventColumns events, int from, int to) {
    Checks.notNull("events", events);
    Checks.Collector c = Checks.collector();
    events.checkRange(c, from, to);
    c.throwIfAny();
    events.validate(from, to);
    long[] k = events.dealKeys();
    int[] g = events.groups();
    int[] st = events.stageIndexes();
    int[] o = events.outcomes();
    int[] r = events.reasons();
    long[] b = events.budgetsMinor();
    int i = from;
    while (i < to) {
      if (!(pending && k[i] == key)) {
        finish();
        pending = true;
        key = k[i];
        group = g[i];
        stage = st[i];
        terminalStage = st[i];
        outcome = o[i];
        reason = o[i] == DealSink.OPEN ? DealSink.NO_REASON : r[i];
        budget = b[i];
        i++;
      }
      // the rest of this deal's run, in locals and without data-dependent branches: the
      // terminal-outcome rule is a maximum of packed (stage, outcome, reason) keys, an open event
      // packing to the lowest key; the budget rule is a maximum because NO_BUDGET is Long.MIN_VALUE
      long runKey = key;
      int runGroup = group;
      int runStage = stage;
      long runTerminal = terminalKey(terminalStage, outcome, reason);
      long runBudget = budget;
      for (; i < to && k[i] == runKey; i++) {
        runGroup = Math.min(runGroup, g[i]);
        runStage = Math.max(runStage, st[i]);
        int oi = o[i];
        long t = oi == DealSink.OPEN ? Long.MIN_VALUE : terminalKey(st[i], oi, r[i]);
        runTerminal = Math.max(runTerminal, t);
        runBudget = Math.max(runBudget, b[i]);
      }
      if (runTerminal != Long.MIN_VALUE) {
        long t = runTerminal ^ Long.MIN_VALUE;
        terminalStage = (int) (t >>> 34);
        outcome = (int) ((t >>> 31) & 7) - 1;
        reason = (int) (t & 0x7FFF_FFFFL) - 1;
      }
      group = runGroup;
      stage = runStage;
      budget = runBudget;
    }
  }

  /**
   * The terminal-outcome order of {@link EventFoldRules#beats} as one signed long: stage (30 bits),
   * outcome + 1 (3 bits), reason + 1 (31 bits), read unsigned and shifted to signed order by
   * flipping the sign bit; an open state is {@code Long.MIN_VALUE}, below every terminal one.
   */
  private static long terminalKey(int stage, int outcome, int reason) {
    if (outcome == DealSink.OPEN) {
      return Long.MIN_VALUE;
    }
    return ((long) stage << 34 | (long) (outcome + 1) << 31 | (reason + 1)) ^ Long.MIN_VALUE;
  }

  /**
   * Folds one event; emits the previous deal first if the key differs from it.
   *
   * @param dealKey the deal's key
   * @param group the group index, {@code >= 0}
   * @param stageIndex the stage index, in {@code [0, 2^30 - 1]}
   * @param outcome {@link DealSink#OPEN} or an {@link io.clientyield.core.Outcome.Kind} ordinal
   * @param reason {@link DealSink#NO_REASON} or a reason index {@code >= 0}
   * @param budgetMinor {@link DealSink#NO_BUDGET} or a budget in minor units {@code >= 0}
   * @throws io.clientyield.core.ValidationException if a code is out of range (state unchanged)
   */
  public void add(long dealKey, int group, int stageIndex, int outcome, int reason, long budgetMinor) {
    EventFoldRules.check(group, stageIndex, outcome, reason, budgetMinor);
    if (pending && dealKey == key) {
      if (group < this.group) {
        this.group = group;
      }
      if (stageIndex > stage) {
        stage = stageIndex;
      }
      if (EventFoldRules.beats(terminalStage, this.outcome, this.reason, stageIndex, outcome, reason)) {
        terminalStage = stageIndex;
        this.outcome = outcome;
        this.reason = reason;
      }
      budget = EventFoldRules.budget(budget, budgetMinor);
      return;
    }
    finish();
    pending = true;
    key = dealKey;
    this.group = group;
    stage = stageIndex;
    terminalStage = stageIndex;
    this.outcome = outcome;
    this.reason = outcome == DealSink.OPEN ? DealSink.NO_REASON : reason;
    budget = budgetMinor;
  }

  /** Emits the deal in progress, if any; the folder can be reused afterwards. */
  public void finish() {
    if (pending) {
      pending = false;
      sink.deal(group, stage, outcome, reason, budget);
    }
  }
}
