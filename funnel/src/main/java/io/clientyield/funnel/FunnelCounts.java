package io.clientyield.funnel;

import io.clientyield.funnel.ConversionComparison.PriceRealization;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.StageFunnel.FunnelStage.ReasonCount;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.core.internal.StateCodec;
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
  /** The most group × stage cells one engine holds (4 194 304: about 300 MiB of counters). */
  static final long MAX_CELLS = 1L << 22;
  /** The most group × stage × loss kind × reason counters (50 331 648: 384 MiB). */
  static final long MAX_LOSS_COUNTERS = 3L << 24;

  private static final int OPEN = 0;
  private static final int WON = 1;
  private static final int BUDGET_OPEN = 2;
  private static final int BUDGET_WON = 3;
  private static final int BUDGET_LOST = 4;
  private static final int NO_BUDGET = 5;
  /** Won deals with a contracted value, their list values and their contracted values. */
  private static final int CONTRACT_DEALS = 6;
  private static final int CONTRACT_LIST = 7;
  private static final int CONTRACT_VALUE = 8;
  private static final int SLOTS = 9;
  /** The name of the budget total in an overflow error. */
  private static final String BUDGET_TOTAL = "budget (minor units)";
  /** The name of the contracted-value total in an overflow error. */
  private static final String CONTRACTED_TOTAL = "contractedValue (minor units)";
  /** Loss kinds: CLIENT_REFUSED (0), WE_DECLINED (1) and LOST_UNKNOWN (2): ordinal - 1. */
  private static final int LOSS_KINDS = Outcome.Kind.values().length - 1;

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
  /** Contracted values counted, over all groups, in minor units (each is >= 0). */
  private long totalContracted;

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
    this.stageCount = stages.size();
    this.groups = Math.max(1, initialGroups);
    this.reasonSlots = initialReasons.size() + 1;
    if ((long) groups * stageCount > MAX_CELLS) {
      c.add("stages", stageCount, "groups × stages must be <= " + MAX_CELLS + " (the cap of one funnel"
          + " accumulator)");
    } else if ((long) groups * stageCount * LOSS_KINDS * reasonSlots > MAX_LOSS_COUNTERS) {
      c.add("reasons", initialReasons.size(), "groups × stages × loss kinds × (reasons + 1) must be <= "
          + MAX_LOSS_COUNTERS + " (the cap of one funnel accumulator)");
    }
    c.throwIfAny();
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
        && outcome >= DealSink.OPEN && outcome <= DealSink.MAX_OUTCOME
        && (group < groups || (long) (group + 1) * stageCount <= MAX_CELLS)
        && reason >= DealSink.NO_REASON && reason < reasons.size()
        && (reason == DealSink.NO_REASON || outcome > Outcome.Kind.WON.ordinal())
        && (budgetMinor >= 0 || budgetMinor == DealSink.NO_BUDGET)) {
      return;
    }
    Checks.Collector c = Checks.collector();
    if (group < 0 || group > MAX_GROUP) {
      c.add("group", group, "must be within [0, " + MAX_GROUP + "]");
    } else if (group >= groups && (long) (group + 1) * stageCount > MAX_CELLS) {
      c.add("group", group, "groups × stages must be <= " + MAX_CELLS
          + " (the cap of one funnel accumulator; " + stageCount + " stages)");
    }
    if (stage < 0 || stage >= stageCount) {
      c.add("reachedStage", stage, "must be within [0, " + (stageCount - 1) + "] (stages " + stages + ")");
    }
    if (outcome < DealSink.OPEN || outcome > DealSink.MAX_OUTCOME) {
      c.add("outcome", outcome, "must be -1 (open) or an Outcome.Kind ordinal within [0, "
          + DealSink.MAX_OUTCOME + "]");
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
    Checks.addExact(CONTRACTED_TOTAL, totalContracted, other.totalContracted);
  }

  /**
   * Throws unless the engine can hold {@code groupCount} groups within the caps; called before
   * a new group is named, so a rejected group leaves nothing behind.
   */
  void checkGroups(int groupCount) {
    if (groupCount > groups && (long) groupCount * stageCount > MAX_CELLS) {
      throw ValidationException.of("groups", groupCount, "groups × stages must be <= " + MAX_CELLS
          + " (the cap of one funnel accumulator; " + stageCount + " stages)");
    }
    if (groupCount > groups
        && (long) groupCount * stageCount * LOSS_KINDS * reasonSlots > MAX_LOSS_COUNTERS) {
      throw ValidationException.of("groups", groupCount, "groups × stages × loss kinds × (reasons + 1)"
          + " must be <= " + MAX_LOSS_COUNTERS + " (the cap of one funnel accumulator)");
    }
  }

  /** Counts a primitive deal that {@link #check} and {@link #checkRoom} have accepted. */
  void count(int group, int stage, int outcome, int reason, long budgetMinor) {
    if (group >= groups) {
      growGroups(group + 1);
    }
    countChecked(group, stage, outcome, reason, budgetMinor);
  }

  private void countChecked(int group, int stage, int outcome, int reason, long budgetMinor) {
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
    long contracted = deal.contractedValue().map(Money::minorUnits).orElse(-1L);
    if (contracted >= 0) {
      Checks.addExact(CONTRACTED_TOTAL, totalContracted, contracted);
    }
    int g = group.getAsInt();
    int reason = deal.outcome().flatMap(o -> o.reason()).map(this::internReason).orElse(DealSink.NO_REASON);
    count(g, codes[0], codes[1], reason, budget);
    if (contracted >= 0) { // a contracted value comes with a WON outcome and a budget (Deal's rules)
      int base = (g * stageCount + codes[0]) * SLOTS;
      cells[base + CONTRACT_DEALS]++;
      cells[base + CONTRACT_LIST] += budget;
      cells[base + CONTRACT_VALUE] += contracted; // bounded by totalContracted
      totalContracted += contracted;
    }
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
    if (deal.contractedValue().isPresent()
        && !deal.contractedValue().get().currency().equals(currency)) {
      Money v = deal.contractedValue().get();
      throw ValidationException.of("deal " + deal.id() + " contractedValue", v.amount().toPlainString()
          + " " + v.currency().getCurrencyCode(), "must be in " + currency.getCurrencyCode()
          + ", the currency of this funnel (no mixed currencies)");
    }
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
    if (index + 1 >= reasonSlots) {
      long needed = (long) groups * stageCount * LOSS_KINDS * (index + 2);
      if (needed > MAX_LOSS_COUNTERS) {
        throw ValidationException.of("reasons", index + 1, "groups × stages × loss kinds × (reasons + 1)"
            + " must be <= " + MAX_LOSS_COUNTERS + " (the cap of one funnel accumulator)");
      }
      long doubled = (long) groups * stageCount * LOSS_KINDS * reasonSlots * 2;
      growReasons(doubled <= MAX_LOSS_COUNTERS ? Math.max(index + 2, reasonSlots * 2) : index + 2);
    }
    reasons.add(reason);
    reasonIndex.put(reason, index);
    return index;
  }

  private int lostIndex(int group, int stage, int kind, int slot) {
    return ((group * stageCount + stage) * LOSS_KINDS + kind) * reasonSlots + slot;
  }

  void growGroups(int atLeast) {
    if (atLeast <= groups) {
      return;
    }
    checkGroups(atLeast);
    long room = Math.min(MAX_CELLS / stageCount,
        MAX_LOSS_COUNTERS / ((long) stageCount * LOSS_KINDS * reasonSlots));
    int n = (int) Math.min(Math.min(MAX_GROUP + 1, room), Math.max(atLeast, (long) groups * 2));
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
    totalContracted += other.totalContracted;
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
    long n = open(g, s) + won(g, s);
    for (int kind = 0; kind < LOSS_KINDS; kind++) {
      n += lost(g, s, kind);
    }
    return n;
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

  /**
   * Resolved per stage: the deals that passed the stage or dropped out at it (entered minus the
   * deals still in progress there).
   */
  long[] resolved(int g) {
    long[] passed = passed(g);
    long[] resolved = new long[stageCount];
    for (int s = 0; s < stageCount; s++) {
      long dropped = 0;
      for (int kind = 0; kind < LOSS_KINDS; kind++) {
        dropped += lost(g, s, kind);
      }
      resolved[s] = passed[s] + dropped;
    }
    return resolved;
  }

  /** The stage funnel of one group. */
  StageFunnel funnel(int g) {
    long[] entered = entered(g);
    long[] passed = passed(g);
    List<FunnelStage> list = new ArrayList<>(stageCount);
    for (int s = 0; s < stageCount; s++) {
      long[] byKind = new long[LOSS_KINDS];
      long drops = 0;
      for (int kind = 0; kind < LOSS_KINDS; kind++) {
        byKind[kind] = lost(g, s, kind);
        drops += byKind[kind];
      }
      List<ReasonCount> rc = new ArrayList<>();
      for (int kind = 0; kind < LOSS_KINDS; kind++) {
        for (int slot = 0; slot < reasonSlots; slot++) {
          long v = lost[lostIndex(g, s, kind, slot)];
          if (v > 0) {
            rc.add(new ReasonCount(Outcome.Kind.values()[kind + 1],
                slot == 0 ? Optional.empty() : Optional.of(reasons.get(slot - 1)),
                v, (double) v / drops, (double) v / byKind[kind]));
          }
        }
      }
      rc.sort(Comparator.comparing(ReasonCount::kind)
          .thenComparing(Comparator.comparingLong(ReasonCount::count).reversed())
          .thenComparing(r -> r.reason().orElse("")));
      int base = (g * stageCount + s) * SLOTS;
      list.add(new FunnelStage(stages.id(s), s, entered[s], passed[s], open(g, s), won(g, s),
          byKind[0], byKind[1], byKind[2], rc, Proportion.of(passed[s], entered[0]),
          Money.ofMinor(cells[base + BUDGET_OPEN], currency),
          Money.ofMinor(cells[base + BUDGET_WON], currency),
          Money.ofMinor(cells[base + BUDGET_LOST], currency)));
    }
    return new StageFunnel(currency, list, conversion(g));
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
    long contractDeals = 0;
    long contractList = 0;
    long contractValue = 0;
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
      contractDeals += cells[base + CONTRACT_DEALS];
      contractList += cells[base + CONTRACT_LIST];
      contractValue += cells[base + CONTRACT_VALUE];
    }
    long closedBudget = Math.addExact(wonBudget, lostBudget);
    Optional<PriceRealization> realization = contractDeals == 0 ? Optional.empty()
        : Optional.of(new PriceRealization(contractDeals, Money.ofMinor(contractList, currency),
            Money.ofMinor(contractValue, currency)));
    return new ConversionComparison(worked, closed, won, noBudget,
        Money.ofMinor(Math.addExact(closedBudget, openBudget), currency),
        Money.ofMinor(closedBudget, currency), Money.ofMinor(wonBudget, currency), realization);
  }

  /**
   * Writes the stages, currency, reasons and the counters of groups {@code [0, groupCount)} (all
   * groups with deals) to a state (see {@link StateCodec}); {@link #decode} reads them back.
   */
  void encode(StateCodec.Writer w, int groupCount) {
    w.count(stageCount);
    for (String id : stages.ids()) {
      w.string(id);
    }
    w.string(currency.getCurrencyCode());
    w.count(reasons.size());
    for (String r : reasons) {
      w.string(r);
    }
    w.count(groupCount);
    for (int g = 0; g < groupCount; g++) {
      for (int s = 0; s < stageCount; s++) {
        int base = (g * stageCount + s) * SLOTS;
        for (int k = 0; k < SLOTS; k++) {
          w.count(g < groups ? cells[base + k] : 0);
        }
        for (int kind = 0; kind < LOSS_KINDS; kind++) {
          for (int slot = 0; slot < reasons.size() + 1; slot++) {
            w.count(g < groups ? lost[lostIndex(g, s, kind, slot)] : 0);
          }
        }
      }
    }
  }

  /**
   * Reads what {@link #encode} wrote, for the given stages and currency; returns the engine and
   * leaves the number of groups read in {@code groupCount[0]}.
   *
   * @throws ValidationException if the stages or currency differ, a reason is blank or repeated,
   *     a counter is inconsistent (more deals without budget than deals, contracted deals not
   *     won) or a total would overflow a long, or the bytes are malformed
   */
  static FunnelCounts decode(StateCodec.Reader r, Stages stages, Currency currency, int[] groupCount) {
    r.stageIds(stages.ids());
    int n = stages.size();
    String code = r.string("currency");
    if (!code.equals(currency.getCurrencyCode())) {
      throw r.invalid("currency", code, "must equal the accumulator's currency " + currency.getCurrencyCode());
    }
    int reasonCount = r.size("reasons", r.remaining());
    List<String> reasonList = new ArrayList<>(reasonCount);
    for (int i = 0; i < reasonCount; i++) {
      reasonList.add(r.string("reasons[" + i + "]"));
    }
    long perGroup = (long) n * (SLOTS + (long) LOSS_KINDS * (reasonCount + 1));
    int groupsRead = r.size("groups", (int) Math.min(MAX_GROUP + 1, r.remaining() / Math.max(1, perGroup)));
    FunnelCounts f = new FunnelCounts(stages, currency, reasonList, Math.max(1, groupsRead));
    for (int g = 0; g < groupsRead; g++) {
      for (int s = 0; s < n; s++) {
        int base = (g * n + s) * SLOTS;
        for (int k = 0; k < SLOTS; k++) {
          f.cells[base + k] = r.count("counters");
        }
        long reached = f.cells[base + OPEN];
        for (int kind = 0; kind < LOSS_KINDS; kind++) {
          for (int slot = 0; slot < reasonCount + 1; slot++) {
            long v = r.count("counters");
            f.lost[f.lostIndex(g, s, kind, slot)] = v;
            f.totalDeals = Checks.addExact("deals", f.totalDeals, v);
            reached = Checks.addExact("deals", reached, v);
          }
        }
        reached = Checks.addExact("deals", reached, f.cells[base + WON]);
        f.totalDeals = Checks.addExact("deals", f.totalDeals, f.cells[base + OPEN]);
        f.totalDeals = Checks.addExact("deals", f.totalDeals, f.cells[base + WON]);
        for (int slot : new int[] {BUDGET_OPEN, BUDGET_WON, BUDGET_LOST}) {
          f.totalBudget = Checks.addExact(BUDGET_TOTAL, f.totalBudget, f.cells[base + slot]);
        }
        f.totalContracted = Checks.addExact(CONTRACTED_TOTAL, f.totalContracted, f.cells[base + CONTRACT_VALUE]);
        if (f.cells[base + NO_BUDGET] > reached) {
          throw r.invalid("counters", f.cells[base + NO_BUDGET], "deals without budget must be <= the deals "
              + reached + " (group " + g + ", stage " + stages.id(s) + ")");
        }
        if (f.cells[base + CONTRACT_DEALS] > f.cells[base + WON]
            || f.cells[base + CONTRACT_LIST] > f.cells[base + BUDGET_WON]) {
          throw r.invalid("counters", f.cells[base + CONTRACT_DEALS], "contracted deals and their list values"
              + " must be within the won deals and budgets (group " + g + ", stage " + stages.id(s) + ")");
        }
      }
    }
    groupCount[0] = groupsRead;
    return f;
  }
}
