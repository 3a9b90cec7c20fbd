package io.clientyield.funnel.internal;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;

/**
 * Interaction events held column by column, as a CRM's bulk export or a columnar store hands
 * them over: event {@code i} is {@code (dealKeys[i], groups[i], stageIndexes[i], outcomes[i],
 * reasons[i], budgetsMinor[i])}, with the codes of {@link DealEventFolder#add}.
 *
 * <p>A view, not a copy: the arrays are the caller's and are read when a folder folds them, so
 * they must not change while that runs. Construction checks only that the columns have one
 * length; the events themselves are validated by the folder, all before any is folded.
 */
public final class EventColumns {
  private static final int MAX_OUTCOME = io.clientyield.core.Outcome.Kind.values().length - 1;

  private final long[] dealKeys;
  private final int[] groups;
  private final int[] stageIndexes;
  private final int[] outcomes;
  private final int[] reasons;
  private final long[] budgetsMinor;

  private EventColumns(long[] dealKeys, int[] groups, int[] stageIndexes, int[] outcomes,
      int[] reasons, long[] budgetsMinor) {
    this.dealKeys = dealKeys;
    this.groups = groups;
    this.stageIndexes = stageIndexes;
    this.outcomes = outcomes;
    this.reasons = reasons;
    this.budgetsMinor = budgetsMinor;
  }

  /**
   * Wraps six columns of one length.
   *
   * @param dealKeys the deal keys
   * @param groups the group indexes, {@code >= 0}
   * @param stageIndexes the stage indexes, {@code >= 0}
   * @param outcomes {@link DealSink#OPEN} or outcome ordinals
   * @param reasons {@link DealSink#NO_REASON} or reason indexes
   * @param budgetsMinor {@link DealSink#NO_BUDGET} or budgets in minor units
   * @return the view
   * @throws ValidationException if a column is null or its length differs from {@code dealKeys}
   */
  public static EventColumns of(long[] dealKeys, int[] groups, int[] stageIndexes, int[] outcomes,
      int[] reasons, long[] budgetsMinor) {
    Checks.Collector c = Checks.collector();
    if (dealKeys == null) {
      c.add("dealKeys", null, "must not be null");
    }
    if (groups == null) {
      c.add("groups", null, "must not be null");
    }
    if (stageIndexes == null) {
      c.add("stageIndexes", null, "must not be null");
    }
    if (outcomes == null) {
      c.add("outcomes", null, "must not be null");
    }
    if (reasons == null) {
      c.add("reasons", null, "must not be null");
    }
    if (budgetsMinor == null) {
      c.add("budgetsMinor", null, "must not be null");
    }
    c.throwIfAny();
    int n = dealKeys.length;
    sameLength(c, "groups", groups.length, n);
    sameLength(c, "stageIndexes", stageIndexes.length, n);
    sameLength(c, "outcomes", outcomes.length, n);
    sameLength(c, "reasons", reasons.length, n);
    sameLength(c, "budgetsMinor", budgetsMinor.length, n);
    c.throwIfAny();
    return new EventColumns(dealKeys, groups, stageIndexes, outcomes, reasons, budgetsMinor);
  }

  private static void sameLength(Checks.Collector c, String field, int length, int expected) {
    if (length != expected) {
      c.add(field + ".length", length, "must equal dealKeys.length = " + expected);
    }
  }

  /**
   * Returns the number of events.
   *
   * @return the common column length
   */
  public int size() {
    return dealKeys.length;
  }

  /** Records a violation for a range that is not {@code 0 <= from <= to <= size()}. */
  void checkRange(Checks.Collector c, int from, int to) {
    c.check(() -> Checks.inRange("to", to, 0, size()));
    c.check(() -> Checks.inRange("from", from, 0, Math.max(0, Math.min(to, size()))));
  }

  /** Validates events {@code [from, to)}; the first invalid one is named with its index. */
  void validate(int from, int to) {
    // fast path: one branch-free pass that only tells whether some event is invalid
    boolean bad = false;
    for (int i = from; i < to; i++) {
      int o = outcomes[i];
      int r = reasons[i];
      long b = budgetsMinor[i];
      bad |= (groups[i] | stageIndexes[i]) < 0 | stageIndexes[i] > EventFoldRules.MAX_STAGE
          | o < DealSink.OPEN | o > MAX_OUTCOME
          | r < DealSink.NO_REASON | r > EventFoldRules.MAX_REASON | (b < 0 & b != DealSink.NO_BUDGET);
    }
    if (!bad) {
      return;
    }
    for (int i = from; i < to; i++) {
      try {
        EventFoldRules.check(groups[i], stageIndexes[i], outcomes[i], reasons[i], budgetsMinor[i]);
      } catch (ValidationException e) {
        throw ValidationException.of("events[" + i + "]", describe(i), e.getMessage());
      }
    }
  }

  private String describe(int i) {
    return "(dealKey=" + dealKeys[i] + ", group=" + groups[i] + ", stageIndex=" + stageIndexes[i]
        + ", outcome=" + outcomes[i] + ", reason=" + reasons[i] + ", budgetMinor="
        + budgetsMinor[i] + ")";
  }

  long[] dealKeys() {
    return dealKeys;
  }

  int[] groups() {
    return groups;
  }

  int[] stageIndexes() {
    return stageIndexes;
  }

  int[] outcomes() {
    return outcomes;
  }

  int[] reasons() {
    return reasons;
  }

  long[] budgetsMinor() {
    return budgetsMinor;
  }
}
