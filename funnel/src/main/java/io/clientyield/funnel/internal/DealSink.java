package io.clientyield.funnel.internal;

/**
 * Receives deals in primitive form: the allocation-free path between an event folder (which
 * turns interaction events into deals) and a funnel accumulator (which counts deals). Internal:
 * a public accumulator is reached through {@link FunnelSinks#of(Object)}.
 *
 * <p>Codes: {@code group} is the caller's 0-based group index (manager, office...);
 * {@code reachedStage} the 0-based index of the furthest stage reached in the funnel's
 * {@link io.clientyield.funnel.Stages}; {@code outcome} is {@link #OPEN} or an
 * {@link io.clientyield.core.Outcome.Kind} ordinal; {@code reason} is {@link #NO_REASON} or the
 * 0-based index into the caller's reason list; {@code budgetMinor} the budget in minor units of
 * the funnel's currency, or {@link #NO_BUDGET}.
 */
@FunctionalInterface
public interface DealSink {
  /** Outcome code of an open deal. */
  int OPEN = -1;
  /** Reason code when there is none. */
  int NO_REASON = -1;
  /** Budget value when the deal has none. */
  long NO_BUDGET = Long.MIN_VALUE;
  /** The largest outcome code: the last {@link io.clientyield.core.Outcome.Kind} ordinal. */
  int MAX_OUTCOME = io.clientyield.core.Outcome.Kind.values().length - 1;

  /**
   * Accepts one deal.
   *
   * @param group the group index, {@code >= 0}
   * @param reachedStage the furthest stage index reached
   * @param outcome {@link #OPEN} or an {@link io.clientyield.core.Outcome.Kind} ordinal
   * @param reason {@link #NO_REASON} or a reason index
   * @param budgetMinor the budget in minor units, or {@link #NO_BUDGET}
   */
  void deal(int group, int reachedStage, int outcome, int reason, long budgetMinor);
}
