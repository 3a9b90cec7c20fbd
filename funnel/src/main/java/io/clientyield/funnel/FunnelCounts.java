package io.clientyield.funnel;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The shared counting engine of the funnel accumulators: per group and furthest stage reached,
 * the open and won deals, the lost deals per loss kind and reason, and budget sums, all in
 * primitive arrays (no allocation per deal once the arrays have grown to the groups and reasons
 * seen). Entered and passed are derived at {@code result()} time by suffix sums.
 *
 * <p>Overflow: every count and budget is non-negative, so the totals over all groups
 * ({@link #totalDeals}, {@link #totalBudget}) bound every cell, every group's sums and the sums
 * of a team merged from all groups. Callers check the totals first ({@link #checkRoom} before
 * {@link #count}; {@link #add} and {@link #mergeFrom} check their own), which then add without
 * further checks, so an overflow is a {@link ValidationException} naming the total, with nothing
 * changed.
 *
 * <p>Mutable and not thread-safe.
 */
final class FunnelCounts {
  /** Largest group index the primitive path accepts (guards against absurd array growth). */
  static final int MAX_GROUP = (1 << 20) - 1;

  private static final int OPEN = 0;
  private static final int WON = 1;
  private static final int BUDGET_OPEN = 2;
  private static final int BUDGET_WON = 3;
  private static final int BUDGET_LOST = 4;
  private static final int NO_BUDGET = 5;
  private static final int SLOTS = 6;
  /** The name of the budget total in an overflow error. */
  private static final String BUDGET_TOTAL = "budget (minor units)";
  /** Loss kinds: CLIENT_REFUSED (0) and WE_DECLINED (1). */
  private static final int LOSS_KINDS = 2;

  private final Stages stages;
  private final Currency currency;
  private final int stageCount;
  private final List<String> reasons = new ArrayList<>();
  private final Map<String, Integer> reasonIndex = new HashMap<>();
  private int groups;
  private int reasonSlots;
  private long[] cells;
  private long[] lost;
  /** Deals counted, over all groups. */
  private long totalDeals;
  /** Budgets counted, over all groups, in minor units (each budget is >= 0). */
  private long totalBudget;

  FunnelCounts(Stages stages, Currency currency, List<String> initialReasons, int initialGroups) {
    this.stages = Checks.notNull("stages", stages);
    this.currency = Checks.notNull("currency", currency);
    Checks.notNull("reasons", initialReasons);
    Checks.Collector c = Checks.collector();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < initialReasons.size(); i++) {
      String r = initialReasons.get(i);
      if (r == null || r.isBlank()) {
        c.add("reasons[" + i + "]", r == null ? null : "\"" + r + "\"", "must not be blank");
      } else if (seen.putIfAbsent(r, i) != null) {
        c.add("reasons[" + i + "]", r, "must be unique (also at reasons[" + seen.get(r) + "])");
      }
    }
    c.throwIfAny();
    this.stageCount = stages.size();
    this.groups = Math.max(1, initialGroups);
    this.reasonSlots = initialReasons.size() + 1;
    this.cells = new long[groups * stageCount * SLOTS];
    this.lost = new long[groups * stageCount * LOSS_KINDS * reasonSlots];
    for (String r : initialReasons) {
      reasonIndex.put(r, reasons.size());
      reasons.add(r);
    }
  }

  Stages stages() {
    return stages;
  }

  Currency currency() {
    return currency;
  }

  List<String> reasons() {
    return List.copyOf(reasons);
  }

  int groupCapacity() {
    return groups;
  }

  /** Validates a primitive deal; throws before anything is changed. */
  void check(int group, int stage, int outcome, int reason, long budgetMinor) {
    if (group >= 0 && group <= MAX_GROUP && stage >= 0 && stage < stageCount
        && outcome >= DealSink.OPEN && outcome <= Outcome.Kind.WE_DECLINED.ordinal()
        && reason >= DealSink.NO_REASON && reason < reasons.size()
        && (reason == DealSink.NO_REASON || outcome > Outcome.Kind.WON.ordinal())
        && (budgetMinor >= 0 || budgetMinor == DealSink.NO_BUDGET)) {
      return;
    }
    Checks.Collector c = Checks.collector();
    if (group < 0 || group > MAX_GROUP) {
      c.add("group", group, "must be within [0, " + MAX_GROUP + "]");
    }
    if (stage < 0 || stage >= stageCount) {
      c.add("reachedStage", stage, "must be within [0, " + (stageCount - 1) + "] (stages " + stages + ")");
    }
    if (outcome < DealSink.OPEN || outcome > Outcome.Kind.WE_DECLINED.ordinal()) {
      c.add("outcome", outcome, "must be -1 (open) or an Outcome.Kind ordinal within [0, 2]");
    }
    if (reason < DealSink.NO_REASON || reason >= reasons.size()) {
      c.add("reason", reason, "must be -1 (none) or an index within [0, " + (reasons.size() - 1)
          + "] of the reasons " + reasons);
    } else if (reason != DealSink.NO_REASON && outcome <= Outcome.Kind.WON.ordinal()) {
      c.add("reason", reason, "must be -1 (none) for an open or won deal");
    }
    if (budgetMinor < 0 && budgetMinor != DealSink.NO_BUDGET) {
      c.add("budgetMinor", budgetMinor, "must be >= 0 or DealSink.NO_BUDGET");
    }
    c.throwIfAny();
  }

  /**
   * Checks that one more deal with this budget ({@link DealSink#NO_BUDGET} or {@code >= 0}) keeps
   * the totals within a long; throws before anything is changed.
   */
  void checkRoom(long budgetMinor) {
    Checks.addExact("deals", totalDeals, 1);
    if (budgetMinor != DealSink.NO_BUDGET) {
      Checks.addExact(BUDGET_TOTAL, totalBudget, budgetMinor);
    }
  }

  /** Checks that merging all of {@code other} keeps the totals within a long. */
  void checkMergeRoom(FunnelCounts other) {
    Checks.addExact("deals", totalDeals, other.totalDeals);
    Checks.addExact(BUDGET_TOTAL, totalBudget, other.totalBudget);
  }

  /** Counts a primitive deal that {@link #check} and {@link #checkRoom} have accepted. */
  void count(int group, int stage, int outcome, int reason, long budgetMinor) {
    if (group >= groups) {
      growGroups(group + 1);
    }
    int base = (group * stageCount + stage) * SLOTS;
    totalDeals++;
    if (budgetMinor == DealSink.NO_BUDGET) {
      cells[base + NO_BUDGET]++;
    } else {
      int slot = outcome == DealSink.OPEN ? BUDGET_OPEN : outcome == 0 ? BUDGET_WON : BUDGET_LOST;
      cells[base + slot] += budgetMinor; // bounded by totalBudget
      totalBudget += budgetMinor;
    }
    if (outcome == DealSink.OPEN) {
      cells[base + OPEN]++;
    } else if (outcome == 0) {
      cells[base + WON]++;
    } else {
      lost[lostIndex(group, stage, outcome - 1, reason + 1)]++;
    }
  }

  /**
   * Converts a deal to its primitive codes and counts it into a group. Everything is validated
   * first, overflow included; only then is the group index asked for (a caller may intern a key
   * there) and the reason interned, so a rejected deal leaves no trace.
   */
  void add(IntSupplier group, Deal deal) {
    int[] codes = codes(deal);
    long budget = budgetOf(deal);
    checkRoom(budget);
    int g = group.getAsInt();
    int reason = deal.outcome().flatMap(o -> o.reason()).map(this::internReason).orElse(DealSink.NO_REASON);
    count(g, codes[0], codes[1], reason, budget);
  }

  /** Validates a deal against the stages and currency; returns {stage, outcome}. */
  int[] codes(Deal deal) {
    Checks.notNull("deal", deal);
    int stage;
    if (stages.contains(deal.reachedStage())) {
      stage = stages.indexOf("reachedStage", deal.reachedStage());
    } else {
      throw ValidationException.of("deal " + deal.id() + " reachedStage", deal.reachedStage(),
          "must be one of the stages " + stages.ids());
    }
    budgetOf(deal);
    int outcome = deal.outcome().isPresent() ? deal.outcome().get().kind().ordinal() : DealSink.OPEN;
    return new int[] {stage, outcome};
  }

  private long budgetOf(Deal deal) {
    if (deal.budget().isEmpty()) {
      return DealSink.NO_BUDGET;
    }
    Money budget = deal.budget().get();
    if (!budget.currency().equals(currency)) {
      throw ValidationException.of("deal " + deal.id() + " budget", budget.amount().toPlainString() + " "
          + budget.currency().getCurrencyCode(), "must be in " + currency.getCurrencyCode()
          + ", the currency of this funnel (no mixed currencies)");
    }
    if (budget.isNegative()) {
      throw ValidationException.of("deal " + deal.id() + " budget", budget.amount().toPlainString(), "must be >= 0");
    }
    return budget.minorUnits();
  }

  int internReason(String reason) {
    Integer i = reasonIndex.get(reason);
    if (i != null) {
      return i;
    }
    int index = reasons.size();
    reasons.add(reason);
    reasonIndex.put(reason, index);
    if (index + 1 >= reasonSlots) {
      growReasons(Math.max(index + 2, reasonSlots * 2));
    }
    return index;
  }

  private int lostIndex(int group, int stage, int kind, int slot) {
    return ((group * stageCount + stage) * LOSS_KINDS + kind) * reasonSlots + slot;
  }

  void growGroups(int atLeast) {
    if (atLeast <= groups) {
      return;
    }
    int n = Math.min(MAX_GROUP + 1, Math.max(atLeast, groups * 2));
    cells = Arrays.copyOf(cells, n * stageCount * SLOTS);
    lost = Arrays.copyOf(lost, n * stageCount * LOSS_KINDS * reasonSlots);
    groups = n;
  }

  private void growReasons(int slots) {
    long[] next = new long[groups * stageCount * LOSS_KINDS * slots];
    int rows = groups * stageCount * LOSS_KINDS;
    for (int row = 0; row < rows; row++) {
      System.arraycopy(lost, row * reasonSlots, next, row * slots, reasonSlots);
    }
    lost = next;
    reasonSlots = slots;
  }

  /**
   * Adds another engine's counts, its group {@code g} going to {@code groupMap[g]} here (or
   * skipped when negative). Reasons are matched by name. Callers map every group that has deals
   * (only empty groups may be skipped), so {@code other}'s totals are added whole.
   *
   * @throws ValidationException if the stages or currency differ or a total would overflow
   *     (nothing is changed)
   */
  void mergeFrom(FunnelCounts other, int[] groupMap) {
    if (!other.stages.equals(stages)) {
      throw ValidationException.of("other.stages", other.stages, "must equal " + stages);
    }
    if (!other.currency.equals(currency)) {
      throw ValidationException.of("other.currency", other.currency.getCurrencyCode(),
          "must equal " + currency.getCurrencyCode());
    }
    checkMergeRoom(other);
    int maxTarget = -1;
    for (int t : groupMap) {
      maxTarget = Math.max(maxTarget, t);
    }
    if (maxTarget >= groups) {
      growGroups(maxTarget + 1);
    }
    int[] slotMap = new int[other.reasonSlots];
    slotMap[0] = 0;
    for (int r = 0; r < other.reasons.size(); r++) {
      slotMap[r + 1] = internReason(other.reasons.get(r)) + 1;
    }
    for (int g = 0; g < Math.min(groupMap.length, other.groups); g++) {
      int t = groupMap[g];
      if (t < 0) {
        continue;
      }
      for (int s = 0; s < stageCount; s++) {
        int from = (g * stageCount + s) * SLOTS;
        int to = (t * stageCount + s) * SLOTS;
        for (int k = 0; k < SLOTS; k++) {
          cells[to + k] += other.cells[from + k]; // bounded by the totals
        }
        for (int kind = 0; kind < LOSS_KINDS; kind++) {
          for (int slot = 0; slot < other.reasons.size() + 1; slot++) {
            long v = other.lost[other.lostIndex(g, s, kind, slot)];
            if (v != 0) {
              lost[lostIndex(t, s, kind, slotMap[slot])] += v;
            }
          }
        }
      }
    }
    totalDeals += other.totalDeals; // every group with deals is mapped, see above
    totalBudget += other.totalBudget;
  }

  long open(int g, int s) {
    return cells[(g * stageCount + s) * SLOTS + OPEN];
  }

  long won(int g, int s) {
    return cells[(g * stageCount + s) * SLOTS + WON];
  }

  long lost(int g, int s, int kind) {
    long sum = 0;
    for (int slot = 0; slot < reasonSlots; slot++) {
      sum += lost[lostIndex(g, s, kind, slot)];
    }
    return sum;
  }

  /** Deals whose furthest stage is {@code s}. */
  long reached(int g, int s) {
    return open(g, s) + won(g, s) + lost(g, s, 0) + lost(g, s, 1);
  }

  /** Total deals of a group. */
  long deals(int g) {
    long n = 0;
    for (int s = 0; s < stageCount; s++) {
      n += reached(g, s);
    }
    return n;
  }

  /** Entered per stage (suffix sums of reached). */
  long[] entered(int g) {
    long[] entered = new long[stageCount + 1];
    for (int s = stageCount - 1; s >= 0; s--) {
      entered[s] = entered[s + 1] + reached(g, s);
    }
    return entered;
  }

  /** Passed per stage: entered the next stage, or won at this one. */
  long[] passed(int g) {
    long[] entered = entered(g);
    long[] passed = new long[stageCount];
    for (int s = 0; s < stageCount; s++) {
      passed[s] = entered[s + 1] + won(g, s);
    }
    return passed;
  }

  /** The stage funnel of one group. */
  StageFunnel funnel(int g) {
    long[] entered = entered(g);
    long[] passed = passed(g);
    List<FunnelStage> list = new ArrayList<>(stageCount);
    for (int s = 0; s < stageCount; s++) {
      long refused = lost(g, s, 0);
      long declined = lost(g, s, 1);
      long drops = refused + declined;
      List<ReasonCount> rc = new ArrayList<>();
      for (int kind = 0; kind < LOSS_KINDS; kind++) {
        long kindDrops = kind == 0 ? refused : declined;
        for (int slot = 0; slot < reasonSlots; slot++) {
          long v = lost[lostIndex(g, s, kind, slot)];
          if (v > 0) {
            rc.add(ReasonCount.of(Outcome.Kind.values()[kind + 1],
                slot == 0 ? Optional.empty() : Optional.of(reasons.get(slot - 1)),
                v, (double) v / drops, (double) v / kindDrops));
          }
        }
      }
      rc.sort(Comparator.comparing(ReasonCount::kind)
          .thenComparing(Comparator.comparingLong(ReasonCount::count).reversed())
          .thenComparing(r -> r.reason().orElse("")));
      int base = (g * stageCount + s) * SLOTS;
      list.add(FunnelStage.builder()
          .stage(stages.id(s))
          .index(s)
          .entered(entered[s])
          .passed(passed[s])
          .inProgress(open(g, s))
          .won(won(g, s))
          .refused(refused)
          .declined(declined)
          .reasons(rc)
          .cumulative(io.clientyield.core.Proportion.of(passed[s], entered[0]))
          .inProgressBudget(Money.ofMinor(cells[base + BUDGET_OPEN], currency))
          .wonBudget(Money.ofMinor(cells[base + BUDGET_WON], currency))
          .droppedBudget(Money.ofMinor(cells[base + BUDGET_LOST], currency))
          .build());
    }
    return StageFunnel.builder().currency(currency).stages(list).conversion(conversion(g)).build();
  }

  /** Quantitative and financial conversion of one group. */
  ConversionComparison conversion(int g) {
    long worked = 0;
    long closed = 0;
    long won = 0;
    long noBudget = 0;
    long open = 0;
    long wonBudget = 0;
    long lostBudget = 0;
    long openBudget = 0;
    for (int s = 0; s < stageCount; s++) {
      int base = (g * stageCount + s) * SLOTS;
      long reached = reached(g, s);
      worked += reached;
      closed += reached - open(g, s);
      won += won(g, s);
      noBudget += cells[base + NO_BUDGET];
      openBudget = Math.addExact(openBudget, cells[base + BUDGET_OPEN]);
      wonBudget = Math.addExact(wonBudget, cells[base + BUDGET_WON]);
      lostBudget = Math.addExact(lostBudget, cells[base + BUDGET_LOST]);
    }
    long closedBudget = Math.addExact(wonBudget, lostBudget);
    return ConversionComparison.builder()
        .worked(worked)
        .closed(closed)
        .won(won)
        .dealsWithoutBudget(noBudget)
        .workedBudget(Money.ofMinor(Math.addExact(closedBudget, openBudget), currency))
        .closedBudget(Money.ofMinor(closedBudget, currency))
        .wonBudget(Money.ofMinor(wonBudget, currency))
        .build();
  }
}
