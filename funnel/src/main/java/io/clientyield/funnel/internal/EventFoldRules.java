package io.clientyield.funnel.internal;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;

/**
 * The rules by which both event folders fold a deal's events into one primitive deal: event
 * validation, which terminal event wins, how budgets combine. Not instantiable.
 */
final class EventFoldRules {
  private static final int OUTCOME_KINDS = Outcome.Kind.values().length;

  /** The largest reason index: one below {@code Integer.MAX_VALUE}, so reason + 1 fits 31 bits. */
  static final int MAX_REASON = Integer.MAX_VALUE - 1;

  /**
   * The largest stage index: {@code 2^30 - 1}, so a terminal stage, an outcome code (3 bits) and
   * a reason (31 bits) pack into one long.
   */
  static final int MAX_STAGE = (1 << 30) - 1;

  private EventFoldRules() {}

  /** Validates one event at the API boundary; throws ValidationException naming the field. */
  static void check(int group, int stageIndex, int outcome, int reason, long budgetMinor) {
    Checks.nonNegative("group", group);
    Checks.inRange("stageIndex", stageIndex, 0, MAX_STAGE);
    Checks.inRange("outcome", outcome, DealSink.OPEN, OUTCOME_KINDS - 1);
    Checks.inRange("reason", reason, DealSink.NO_REASON, MAX_REASON);
    if (budgetMinor != DealSink.NO_BUDGET) {
      Checks.nonNegative("budgetMinor", budgetMinor);
    }
  }

  /**
   * Whether terminal candidate (stageB, outcomeB, reasonB) beats the held (stageA, outcomeA,
   * reasonA): any terminal beats open; among terminals the highest stage wins, then the highest
   * outcome ordinal, then the highest reason. A total order, so folding is order independent.
   */
  static boolean beats(int stageA, int outcomeA, int reasonA, int stageB, int outcomeB, int reasonB) {
    if (outcomeB == DealSink.OPEN) {
      return false;
    }
    if (outcomeA == DealSink.OPEN) {
      return true;
    }
    if (stageB != stageA) {
      return stageB > stageA;
    }
    if (outcomeB != outcomeA) {
      return outcomeB > outcomeA;
    }
    return reasonB > reasonA;
  }

  /** Budget combination: a budget beats none; of two budgets the larger wins. */
  static long budget(long a, long b) {
    if (a == DealSink.NO_BUDGET) {
      return b;
    }
    if (b == DealSink.NO_BUDGET) {
      return a;
    }
    return Math.max(a, b);
  }
}
