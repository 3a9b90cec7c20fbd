package io.clientyield.funnel.events;

import io.clientyield.core.Checks;
import io.clientyield.funnel.DealSink;

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
   * Folds one event; emits the previous deal first if the key differs from it.
   *
   * @param dealKey the deal's key
   * @param group the group index, {@code >= 0}
   * @param stageIndex the stage index, {@code >= 0}
   * @param outcome {@link DealSink#OPEN} or an {@link io.clientyield.core.OutcomeKind} ordinal
   * @param reason {@link DealSink#NO_REASON} or a reason index {@code >= 0}
   * @param budgetMinor {@link DealSink#NO_BUDGET} or a budget in minor units {@code >= 0}
   * @throws io.clientyield.core.ValidationException if a code is out of range (state unchanged)
   */
  public void add(long dealKey, int group, int stageIndex, int outcome, int reason, long budgetMinor) {
    EventRules.check(group, stageIndex, outcome, reason, budgetMinor);
    if (pending && dealKey == key) {
      if (group < this.group) {
        this.group = group;
      }
      if (stageIndex > stage) {
        stage = stageIndex;
      }
      if (EventRules.beats(terminalStage, this.outcome, this.reason, stageIndex, outcome, reason)) {
        terminalStage = stageIndex;
        this.outcome = outcome;
        this.reason = reason;
      }
      budget = EventRules.budget(budget, budgetMinor);
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
