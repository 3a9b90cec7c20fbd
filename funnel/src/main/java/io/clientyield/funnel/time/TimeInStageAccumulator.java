package io.clientyield.funnel.time;

import io.clientyield.funnel.time.TimeInStage.CensoredDurations;
import io.clientyield.funnel.time.TimeInStage.DurationStats;
import io.clientyield.funnel.time.TimeInStage.OverdueDeal;
import io.clientyield.funnel.time.TimeInStage.StageTime;
import io.clientyield.core.Accumulator;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.internal.StateCodec;
import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.internal.SurvivalEstimator;
import io.clientyield.funnel.internal.WorkingDayHistogram;
import io.clientyield.funnel.survival.TimeToOutcome.AgeQuantile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;

/**
 * Accumulates {@link TimeInStage} one deal at a time.
 *
 * <p>For a deal with history {@code h[0..k-1]}: the stay in {@code h[i].stage} for
 * {@code i < k-1} lasts {@code calendar.workingDaysBetween(h[i].enteredOn, h[i+1].enteredOn)}
 * (a stage visited twice gives two stays). The last stay of a closed deal ends on its
 * {@code closedOn} (none without one); that of an open deal is ongoing until {@code asOf} and, if
 * it exceeds the norm, the deal is listed as overdue. The cycle length of a closed deal with a
 * close date is {@code workingDaysBetween(h[0].enteredOn, closedOn)}. Every open and closed deal
 * counts towards the velocity; budgets must be in the accumulator's currency.
 *
 * <p>Censoring (DOMAIN 2.5): the ongoing stay of an open deal ({@code workingDaysBetween(last
 * entered, asOf)}) and its cycle so far ({@code workingDaysBetween(h[0].enteredOn, asOf)}) are
 * kept in histograms of their own and enter the Kaplan–Meier figures as censored durations,
 * beside the closed-only summaries (see {@link TimeInStage}).
 *
 * <p>Example (Monday–Friday, holiday Friday 2026-12-25): entered "proposal" on Friday 2026-12-18,
 * entered "negotiation" on Monday 2026-12-28: working days 21, 22, 23, 24, 28 = 5 days.
 *
 * <p>An accumulator: a new instance is the identity, {@link #merge} adds the histograms and
 * counters (associative, commutative, equal to accumulating the concatenated deals; results do
 * not depend on input order). Per deal, only exact {@code long} counters change; only an overdue
 * open deal allocates its entry.
 *
 * <p>Everything a deal or a merge would change is checked first: a stay or cycle longer than
 * {@link #MAX_DAYS}, or a count or sum that would overflow a long (the deals,
 * the won budget, a histogram's count or working days, e.g. {@code completed[proposal].sum}), is
 * a {@link ValidationException} naming it, and the accumulator is unchanged. (For one deal, each
 * histogram it touches is checked against all of the deal's durations, so the check is
 * conservative by at most that one deal.)
 *
 * <p>Distributed engines ship partial states as {@link #encode()} and rebuild them with
 * {@link #decode}: the decoded accumulator has the same result and merges like the original.
 *
 * <p>Mutable and not thread-safe: one per thread, then merge.
 */
public final class TimeInStageAccumulator
    implements Accumulator<Deal, TimeInStageAccumulator, TimeInStage> {
  /** The longest stay or cycle accepted, in working days (10 000 000). */
  public static final long MAX_DAYS = WorkingDayHistogram.MAX_DAYS;

  /** {@link #checkRoom} name of {@link #wonCycle} (stage indices name the others). */
  private static final int WON_CYCLE = -1;
  /** {@link #checkRoom} name of {@link #lostCycle}. */
  private static final int LOST_CYCLE = -2;
  /** {@link #checkRoom} name of {@link #openCycle}. */
  private static final int OPEN_CYCLE = -3;
  /** {@link #checkRoom} offset of the names of {@link #ongoingStays}: {@code ONGOING - stage}. */
  private static final int ONGOING = -4;
  private final StageNorms norms;
  private final BusinessCalendar calendar;
  private final LocalDate asOf;
  private final Currency currency;
  private final long[] norm;
  private final WorkingDayHistogram[] completed;
  private final long[] ongoing;
  private final long[] ongoingOverdue;
  private final List<OverdueDeal> overdue = new ArrayList<>();
  private final WorkingDayHistogram wonCycle = new WorkingDayHistogram();
  private final WorkingDayHistogram lostCycle = new WorkingDayHistogram();
  /** The ongoing stays of open deals per stage so far (censored at {@code asOf}). */
  private final WorkingDayHistogram[] ongoingStays;
  /** The cycles so far of open deals with a history (censored at {@code asOf}). */
  private final WorkingDayHistogram openCycle = new WorkingDayHistogram();
  private long openDeals;
  private long closedDeals;
  private long wonDeals;
  private long wonDealsWithBudget;
  private long wonBudgetMinor;
  private long dealsWithoutHistory;
  private long closedWithoutCloseDate;
  /** The durations of the deal being added, computed before anything changes (reused). */
  private long[] scratch = new long[8];

  /**
   * Creates an empty accumulator (the identity).
   *
   * @param norms the stages and their norms in working days
   * @param calendar the business calendar that defines working days
   * @param asOf the date up to which ongoing stays of open deals are measured
   * @param currency the currency of every budget
   */
  public TimeInStageAccumulator(
      StageNorms norms, BusinessCalendar calendar, LocalDate asOf, Currency currency) {
    this.norms = Checks.notNull("norms", norms);
    this.calendar = Checks.notNull("calendar", calendar);
    this.asOf = Checks.notNull("asOf", asOf);
    this.currency = Checks.notNull("currency", currency);
    int n = norms.stages().size();
    this.norm = new long[n];
    this.completed = new WorkingDayHistogram[n];
    this.ongoing = new long[n];
    this.ongoingOverdue = new long[n];
    this.ongoingStays = new WorkingDayHistogram[n];
    for (int i = 0; i < n; i++) {
      norm[i] = norms.norm(i).orElse(-1);
      completed[i] = new WorkingDayHistogram();
      ongoingStays[i] = new WorkingDayHistogram();
    }
  }

  /**
   * Computes the time in stage of some deals in one call (a loop over a new accumulator).
   *
   * @param deals the deals
   * @param norms the stages and their norms in working days
   * @param calendar the business calendar
   * @param asOf the date up to which ongoing stays of open deals are measured
   * @param currency the currency of every budget
   * @return the result
   * @throws ValidationException as {@link #add} does, and naming {@code deals[i]} if a deal is
   *     null
   */
  public static TimeInStage timeInStage(Iterable<Deal> deals, StageNorms norms,
      BusinessCalendar calendar, LocalDate asOf, Currency currency) {
    Checks.notNull("deals", deals);
    TimeInStageAccumulator acc = new TimeInStageAccumulator(norms, calendar, asOf, currency);
    int i = 0;
    for (Deal d : deals) {
      acc.add(Checks.notNull("deals", i++, d));
    }
    return acc.result();
  }

  /**
   * Computes the sales velocity from its inputs (formula and rounding: {@link SalesVelocity}).
   *
   * @param openDeals the open deals, {@code >= 0}
   * @param winRate won deals out of closed deals
   * @param wonBudget the summed budget of the won deals that have one
   * @param wonDealsWithBudget how many won deals have a budget, {@code <= won}
   * @param wonCycleDeals how many won deals have a cycle length, {@code <= won}
   * @param wonCycleWorkingDays the summed cycle lengths of those deals, in working days
   * @return the velocity
   * @throws ValidationException if a count is negative or inconsistent
   */
  public static SalesVelocity salesVelocity(long openDeals, Proportion winRate, Money wonBudget,
      long wonDealsWithBudget, long wonCycleDeals, long wonCycleWorkingDays) {
    Checks.notNull("winRate", winRate);
    Checks.notNull("wonBudget", wonBudget);
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("openDeals", openDeals));
    c.check(() -> Checks.inRange("wonDealsWithBudget", wonDealsWithBudget, 0, winRate.successes()));
    c.check(() -> Checks.inRange("wonCycleDeals", wonCycleDeals, 0, winRate.successes()));
    c.check(() -> Checks.nonNegative("wonCycleWorkingDays", wonCycleWorkingDays));
    c.throwIfAny();
    return new SalesVelocity(openDeals, winRate, wonBudget, wonDealsWithBudget, wonCycleDeals,
        wonCycleWorkingDays, SalesVelocityFormula.averageBudget(wonBudget, wonDealsWithBudget),
        SalesVelocityFormula.averageCycle(wonCycleDeals, wonCycleWorkingDays),
        SalesVelocityFormula.perWorkingDay(openDeals, winRate, wonBudget, wonDealsWithBudget,
            wonCycleDeals, wonCycleWorkingDays));
  }

  /**
   * A collector folding deals into {@link TimeInStage}, for loops or parallel streams.
   *
   * @param norms the stages and their norms in working days
   * @param calendar the business calendar that defines working days
   * @param asOf the date up to which ongoing stays of open deals are measured
   * @param currency the currency of every budget
   * @return the collector
   */
  public static Collector<Deal, ?, TimeInStage> collector(
      StageNorms norms, BusinessCalendar calendar, LocalDate asOf, Currency currency) {
    new TimeInStageAccumulator(norms, calendar, asOf, currency); // validates the settings now
    return Accumulator.collector(() -> new TimeInStageAccumulator(norms, calendar, asOf, currency));
  }

  /**
   * Returns the stages.
   *
   * @return the stages
   */
  public Stages stages() {
    return norms.stages();
  }

  /**
   * Adds one deal. Everything is checked before anything changes.
   *
   * @param deal the deal
   * @return this accumulator
   * @throws ValidationException if a history stage is unknown, an open deal's last stage was
   *     entered after {@code asOf}, the budget has another currency (a close date before
   *     the last history date cannot occur: {@link Deal} rejects it), a stay or the cycle is
   *     longer than {@link #MAX_DAYS} working days, or naming a count or sum
   *     that would overflow a long (nothing is changed)
   */
  @Override
  public TimeInStageAccumulator add(Deal deal) {
    Checks.notNull("deal", deal);
    Stages stages = norms.stages();
    List<StageVisit> h = deal.history();
    Checks.Collector c = Checks.collector();
    for (int i = 0; i < h.size(); i++) {
      if (!stages.contains(h.get(i).stage())) {
        c.add("deal.history[" + i + "].stage", h.get(i).stage(),
            "must be one of the stages " + stages + " (deal " + deal.id() + ")");
      }
    }
    if (!h.isEmpty()) {
      LocalDate last = h.get(h.size() - 1).enteredOn();
      if (deal.isOpen() && asOf.isBefore(last)) {
        c.add("asOf", asOf, "must not be before the last history date of open deal " + deal.id()
            + " (" + last + ")");
      }
    }
    long budgetMinor = 0;
    if (deal.budget().isPresent()) {
      Money b = deal.budget().get();
      if (!b.currency().equals(currency)) {
        c.add("deal.budget.currency", b.currency().getCurrencyCode(),
            "must equal " + currency.getCurrencyCode() + " (deal " + deal.id() + ")");
      } else {
        budgetMinor = b.minorUnits();
      }
    }
    c.throwIfAny();
    boolean won = deal.outcome().map(o -> o.isWon()).orElse(false);
    boolean withCycle = !h.isEmpty() && !deal.isOpen() && deal.closedOn().isPresent();
    // every duration this deal adds, range-checked before anything changes: the completed stays,
    // then for a closed deal with a close date its last stay and its cycle
    int k = 0;
    long days = 0;
    if (!h.isEmpty()) {
      if (scratch.length < h.size() + 1) {
        scratch = new long[Math.max(h.size() + 1, scratch.length * 2)];
      }
      for (int i = 0; i + 1 < h.size(); i++) {
        scratch[k++] = calendar.workingDaysBetween(h.get(i).enteredOn(), h.get(i + 1).enteredOn());
      }
      if (withCycle) {
        LocalDate closed = deal.closedOn().get();
        scratch[k++] = calendar.workingDaysBetween(h.get(h.size() - 1).enteredOn(), closed);
        scratch[k++] = calendar.workingDaysBetween(h.get(0).enteredOn(), closed);
      } else if (deal.isOpen()) {
        // censored at asOf: the ongoing stay so far, then the cycle so far
        scratch[k++] = calendar.workingDaysBetween(h.get(h.size() - 1).enteredOn(), asOf);
        scratch[k++] = calendar.workingDaysBetween(h.get(0).enteredOn(), asOf);
      }
      for (int j = 0; j < k; j++) {
        if (scratch[j] < 0 || scratch[j] > WorkingDayHistogram.MAX_DAYS) {
          String what = j < h.size() ? "history[" + j + "] stay" : "cycle";
          throw ValidationException.of("deal " + deal.id() + " " + what, scratch[j],
              "must be within [0, " + WorkingDayHistogram.MAX_DAYS + "] working days");
        }
        days += scratch[j]; // each <= MAX_DAYS, at most Integer.MAX_VALUE of them
      }
    }
    Checks.addExact("deals", openDeals + closedDeals, 1);
    for (int i = 0; i + 1 < h.size(); i++) {
      int stage = stages.indexOf("stage", h.get(i).stage());
      checkRoom(completed[stage], k, days, stage);
    }
    if (withCycle) {
      int stage = stages.indexOf("stage", h.get(h.size() - 1).stage());
      checkRoom(completed[stage], k, days, stage);
      checkRoom(won ? wonCycle : lostCycle, k, days, won ? WON_CYCLE : LOST_CYCLE);
    } else if (deal.isOpen() && !h.isEmpty()) {
      int stage = stages.indexOf("stage", h.get(h.size() - 1).stage());
      checkRoom(ongoingStays[stage], k, days, ONGOING - stage);
      checkRoom(openCycle, k, days, OPEN_CYCLE);
    }
    boolean budgeted = won && deal.budget().isPresent();
    long newWonBudget = budgeted
        ? Checks.addExact("wonBudget (minor units)", wonBudgetMinor, budgetMinor) : wonBudgetMinor;
    // apply: nothing below can fail
    if (budgeted) {
      wonBudgetMinor = newWonBudget;
      wonDealsWithBudget++;
    }
    if (deal.isOpen()) {
      openDeals++;
    } else {
      closedDeals++;
      if (won) {
        wonDeals++;
      }
    }
    if (h.isEmpty()) {
      dealsWithoutHistory++;
      return this;
    }
    for (int i = 0; i + 1 < h.size(); i++) {
      completed[stages.indexOf("stage", h.get(i).stage())].add(scratch[i]);
    }
    StageVisit lastVisit = h.get(h.size() - 1);
    int s = stages.indexOf("stage", lastVisit.stage());
    if (deal.isOpen()) {
      long ongoingDays = scratch[k - 2];
      ongoing[s]++;
      ongoingStays[s].add(ongoingDays);
      openCycle.add(scratch[k - 1]);
      if (norm[s] >= 0 && ongoingDays > norm[s]) {
        ongoingOverdue[s]++;
        overdue.add(new OverdueDeal(deal.id(), lastVisit.stage(), ongoingDays, norm[s]));
      }
    } else if (withCycle) {
      completed[s].add(scratch[k - 2]);
      (won ? wonCycle : lostCycle).add(scratch[k - 1]);
    } else {
      closedWithoutCloseDate++;
    }
    return this;
  }

  /**
   * Throws unless a histogram can take {@code k} more durations of {@code days} working days in
   * all; {@code name} is a stage index, {@link #WON_CYCLE} or {@link #LOST_CYCLE} (the field
   * name is built only on failure).
   */
  private void checkRoom(WorkingDayHistogram h, long k, long days, int name) {
    if (Checks.sumOverflows(h.count(), k)) {
      throw Checks.overflow(histogramName(name) + ".count", h.count(), k);
    }
    if (Checks.sumOverflows(h.sum(), days)) {
      throw Checks.overflow(histogramName(name) + ".sum", h.sum(), days);
    }
  }

  private String histogramName(int name) {
    return name == WON_CYCLE ? "wonCycle" : name == LOST_CYCLE ? "lostCycle"
        : name == OPEN_CYCLE ? "openCycle"
        : name <= ONGOING ? "ongoing[" + norms.stages().id(ONGOING - name) + "]"
        : "completed[" + norms.stages().id(name) + "]";
  }

  /**
   * Adds another accumulator's state into this one.
   *
   * @param other an accumulator with equal norms, calendar, "as of" date and currency
   * @return this accumulator
   * @throws ValidationException naming every setting that differs, or a count or sum that
   *     would overflow a long (nothing is changed)
   */
  @Override
  public TimeInStageAccumulator merge(TimeInStageAccumulator other) {
    Checks.notNull("other", other);
    Checks.Collector c = Checks.collector();
    if (!other.norms.equals(norms)) {
      c.add("other.norms", other.norms.norms(), "must equal " + norms.norms() + " over " + norms.stages());
    }
    if (!other.calendar.equals(calendar)) {
      c.add("other.calendar", other.calendar, "must equal " + calendar);
    }
    if (!other.asOf.equals(asOf)) {
      c.add("other.asOf", other.asOf, "must equal " + asOf);
    }
    if (!other.currency.equals(currency)) {
      c.add("other.currency", other.currency, "must equal " + currency);
    }
    c.throwIfAny();
    Checks.addExact("deals", openDeals + closedDeals, other.openDeals + other.closedDeals);
    for (int i = 0; i < completed.length; i++) {
      checkRoom(completed[i], other.completed[i].count(), other.completed[i].sum(), i);
      checkRoom(ongoingStays[i], other.ongoingStays[i].count(), other.ongoingStays[i].sum(), ONGOING - i);
    }
    checkRoom(wonCycle, other.wonCycle.count(), other.wonCycle.sum(), WON_CYCLE);
    checkRoom(lostCycle, other.lostCycle.count(), other.lostCycle.sum(), LOST_CYCLE);
    checkRoom(openCycle, other.openCycle.count(), other.openCycle.sum(), OPEN_CYCLE);
    long budget = Checks.addExact("wonBudget (minor units)", wonBudgetMinor, other.wonBudgetMinor);
    // apply: nothing below can fail (every deal counter is bounded by the deals total)
    for (int i = 0; i < completed.length; i++) {
      completed[i].merge(other.completed[i]);
      ongoingStays[i].merge(other.ongoingStays[i]);
      ongoing[i] += other.ongoing[i];
      ongoingOverdue[i] += other.ongoingOverdue[i];
    }
    overdue.addAll(other.overdue);
    wonCycle.merge(other.wonCycle);
    lostCycle.merge(other.lostCycle);
    openCycle.merge(other.openCycle);
    wonBudgetMinor = budget;
    openDeals += other.openDeals;
    closedDeals += other.closedDeals;
    wonDeals += other.wonDeals;
    wonDealsWithBudget += other.wonDealsWithBudget;
    dealsWithoutHistory += other.dealsWithoutHistory;
    closedWithoutCloseDate += other.closedWithoutCloseDate;
    return this;
  }

  /**
   * Returns the time in stage of the deals added so far.
   *
   * @return the result
   */
  @Override
  public TimeInStage result() {
    Stages stages = norms.stages();
    List<StageTime> rows = new ArrayList<>(stages.size());
    for (int i = 0; i < stages.size(); i++) {
      rows.add(new StageTime(stages.id(i),
          norm[i] >= 0 ? java.util.OptionalLong.of(norm[i]) : java.util.OptionalLong.empty(),
          stats(completed[i]), censored(completed[i], ongoingStays[i]),
          norm[i] >= 0 ? completed[i].countAbove(norm[i]) : 0,
          ongoing[i], ongoingOverdue[i]));
    }
    // by stage order, longest first, then id: each deal's stage looked up once, not per comparison
    int[] stageOf = new int[overdue.size()];
    Integer[] order = new Integer[overdue.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      stageOf[i] = stages.indexOf("stage", overdue.get(i).stage());
    }
    Arrays.sort(order, (a, b) -> {
      int c = Integer.compare(stageOf[a], stageOf[b]);
      if (c == 0) {
        c = Long.compare(overdue.get(b).days(), overdue.get(a).days());
      }
      return c != 0 ? c : overdue.get(a).deal().compareTo(overdue.get(b).deal());
    });
    List<OverdueDeal> sorted = new ArrayList<>(order.length);
    for (Integer i : order) {
      sorted.add(overdue.get(i));
    }
    return new TimeInStage(asOf, rows, sorted, stats(wonCycle), stats(lostCycle),
        censored(new WorkingDayHistogram[] {wonCycle, lostCycle}, openCycle),
        salesVelocity(openDeals, Proportion.of(wonDeals, closedDeals),
            Money.ofMinor(wonBudgetMinor, currency), wonDealsWithBudget, wonCycle.count(),
            wonCycle.sum()),
        dealsWithoutHistory, closedWithoutCloseDate);
  }

  /**
   * The Kaplan–Meier median and P90 of finished durations with running ones censored, from the
   * survival estimator (ages = working days).
   */
  static CensoredDurations censored(WorkingDayHistogram finished, WorkingDayHistogram running) {
    return censored(new WorkingDayHistogram[] {finished}, running);
  }

  /** As {@link #censored(WorkingDayHistogram, WorkingDayHistogram)}, finished durations pooled. */
  static CensoredDurations censored(WorkingDayHistogram[] finished, WorkingDayHistogram running) {
    java.util.TreeMap<Long, long[]> byDay = new java.util.TreeMap<>();
    long finishedCount = 0;
    for (WorkingDayHistogram h : finished) {
      finishedCount += h.count(); // bounded by the deals total
      long[][] f = h.nonZero();
      for (int i = 0; i < f[0].length; i++) {
        byDay.computeIfAbsent(f[0][i], d -> new long[2])[0] += f[1][i];
      }
    }
    long[][] r = running.nonZero();
    for (int i = 0; i < r[0].length; i++) {
      byDay.computeIfAbsent(r[0][i], d -> new long[2])[1] += r[1][i];
    }
    int n = byDay.size();
    long[] ages = new long[n];
    long[] events = new long[n];
    long[] censored = new long[n];
    int k = 0;
    for (java.util.Map.Entry<Long, long[]> e : byDay.entrySet()) {
      ages[k] = e.getKey();
      events[k] = e.getValue()[0];
      censored[k++] = e.getValue()[1];
    }
    List<AgeQuantile> q = SurvivalEstimator.timeToEvent(ages, events, censored);
    AgeQuantile median = q.stream().filter(a -> a.level() == 0.5).findFirst().orElseThrow();
    AgeQuantile p90 = q.stream().filter(a -> a.level() == 0.9).findFirst().orElseThrow();
    return new CensoredDurations(finishedCount, running.count(), median, p90);
  }

  /** Summarizes a histogram: count, nearest-rank median and P90, mean, maximum. */
  static DurationStats stats(WorkingDayHistogram h) {
    return new DurationStats(h.count(), h.median(), h.p90(), h.mean(), h.max());
  }
  /** The format tag of this accumulator's state. */
  private static final int STATE_TAG = 0x53;

  /**
   * Encodes the state compactly (a versioned binary form of the counters, the working-day
   * histograms and the overdue open deals, for distributed engines that ship partial states):
   * {@link #decode} with the same configuration gives an accumulator with the same result that
   * merges like this one. Each histogram costs a few bytes per distinct duration, each overdue
   * deal its id and two numbers.
   *
   * @return the state's bytes
   */
  public byte[] encode() {
    Stages stages = norms.stages();
    StateCodec.Writer w = StateCodec.writer(STATE_TAG);
    w.count(stages.size());
    for (String id : stages.ids()) {
      w.string(id);
    }
    for (long n : norm) {
      w.signed(n);
    }
    w.signed(asOf.toEpochDay()).string(currency.getCurrencyCode());
    w.count(openDeals).count(closedDeals).count(wonDeals).count(wonDealsWithBudget)
        .signed(wonBudgetMinor).count(dealsWithoutHistory).count(closedWithoutCloseDate);
    for (int i = 0; i < norm.length; i++) {
      w.count(ongoing[i]).count(ongoingOverdue[i]);
      completed[i].encode(w);
      ongoingStays[i].encode(w);
    }
    wonCycle.encode(w);
    lostCycle.encode(w);
    openCycle.encode(w);
    w.count(overdue.size());
    for (OverdueDeal o : overdue) {
      w.string(o.deal().value()).count(stages.indexOf("stage", o.stage())).count(o.days());
    }
    return w.bytes();
  }

  /**
   * Decodes a state written by {@link #encode}. The state is checked for consistency (the
   * counters against each other and against the histograms, every overdue deal against its
   * stage's norm and ongoing stays), so that a decoded accumulator always has a result and
   * merges.
   *
   * @param norms the stages and their norms (as given to the encoded accumulator)
   * @param calendar the business calendar (as given to the encoded accumulator: the state holds
   *     durations already counted in its working days)
   * @param asOf the "as of" date (as given to the encoded accumulator)
   * @param currency the currency of every budget (as given to the encoded accumulator)
   * @param state the bytes
   * @return an accumulator holding the encoded state
   * @throws ValidationException if the bytes are malformed or inconsistent, of another
   *     accumulator or version, or were encoded with other stages, norms, "as of" date or
   *     currency
   */
  public static TimeInStageAccumulator decode(StageNorms norms, BusinessCalendar calendar,
      LocalDate asOf, Currency currency, byte[] state) {
    TimeInStageAccumulator a = new TimeInStageAccumulator(norms, calendar, asOf, currency);
    Stages stages = norms.stages();
    int n = stages.size();
    StateCodec.Reader r = StateCodec.reader(state, STATE_TAG, "state");
    r.stageIds(stages.ids());
    for (int i = 0; i < n; i++) {
      long v = r.signed("norms[" + stages.id(i) + "]");
      if (v != a.norm[i]) {
        throw r.invalid("norms[" + stages.id(i) + "]", v, "must be the accumulator's norm "
            + (a.norm[i] < 0 ? "(none, -1)" : a.norm[i]));
      }
    }
    long day = r.signed("asOf");
    if (day != asOf.toEpochDay()) {
      throw r.invalid("asOf", day, "must be the accumulator's as-of date " + asOf + " (epoch day "
          + asOf.toEpochDay() + ")");
    }
    String code = r.string("currency");
    if (!code.equals(currency.getCurrencyCode())) {
      throw r.invalid("currency", code, "must be the accumulator's currency " + currency.getCurrencyCode());
    }
    a.openDeals = r.count("openDeals");
    a.closedDeals = r.count("closedDeals");
    a.wonDeals = r.count("wonDeals");
    a.wonDealsWithBudget = r.count("wonDealsWithBudget");
    a.wonBudgetMinor = r.signed("wonBudget");
    a.dealsWithoutHistory = r.count("dealsWithoutHistory");
    a.closedWithoutCloseDate = r.count("closedWithoutCloseDate");
    for (int i = 0; i < n; i++) {
      String id = stages.id(i);
      a.ongoing[i] = r.count("ongoing[" + id + "]");
      a.ongoingOverdue[i] = r.count("ongoingOverdue[" + id + "]");
      a.completed[i] = WorkingDayHistogram.decode(r, "completed[" + id + "]");
      a.ongoingStays[i] = WorkingDayHistogram.decode(r, "ongoingStays[" + id + "]");
    }
    a.wonCycle.merge(WorkingDayHistogram.decode(r, "wonCycle"));
    a.lostCycle.merge(WorkingDayHistogram.decode(r, "lostCycle"));
    a.openCycle.merge(WorkingDayHistogram.decode(r, "openCycle"));
    int overdueCount = r.size("overdue", r.remaining() / 3);
    Map<Long, long[]> overdueAt = new HashMap<>();
    long[] overdueIn = new long[n];
    for (int k = 0; k < overdueCount; k++) {
      String field = "overdue[" + k + "]";
      String dealId = r.string(field + ".deal");
      int s = r.size(field + ".stage", n - 1);
      long days = r.count(field + ".days");
      if (a.norm[s] < 0 || days <= a.norm[s] || days > MAX_DAYS) {
        throw r.invalid(field + ".days", days, "must exceed the norm of stage " + stages.id(s) + " ("
            + (a.norm[s] < 0 ? "none" : a.norm[s]) + ") and be <= " + MAX_DAYS);
      }
      DealId deal;
      try {
        deal = DealId.of(dealId);
      } catch (ValidationException e) {
        throw r.invalid(field + ".deal", dealId, "must be a deal id (" + e.getMessage() + ")");
      }
      a.overdue.add(new OverdueDeal(deal, stages.id(s), days, a.norm[s]));
      overdueIn[s]++;
      overdueAt.computeIfAbsent(s * (MAX_DAYS + 1) + days, x -> new long[1])[0]++;
    }
    a.checkDecoded(r, overdueIn, overdueAt);
    r.end();
    return a;
  }

  /**
   * The invariants every state built by {@link #add} and {@link #merge} keeps, so that a decoded
   * state has a result and merges: the deals split into open and closed, won and budgeted, with
   * and without history or cycle; each stage's ongoing stays and overdue deals agree with its
   * counters; the overdue deals are exactly the ongoing stays above the norm.
   */
  private void checkDecoded(StateCodec.Reader r, long[] overdueIn, Map<Long, long[]> overdueAt) {
    if (Checks.sumOverflows(openDeals, closedDeals)) {
      throw r.invalid("deals", openDeals + " + " + closedDeals, "must fit in a long");
    }
    long deals = openDeals + closedDeals;
    if (wonDeals > closedDeals) {
      throw r.invalid("wonDeals", wonDeals, "must be <= closedDeals (" + closedDeals + ")");
    }
    if (wonDealsWithBudget > wonDeals) {
      throw r.invalid("wonDealsWithBudget", wonDealsWithBudget, "must be <= wonDeals (" + wonDeals + ")");
    }
    if (wonDealsWithBudget == 0 && wonBudgetMinor != 0) {
      throw r.invalid("wonBudget", wonBudgetMinor, "must be 0 without a won deal with a budget");
    }
    if (wonCycle.count() > wonDeals) {
      throw r.invalid("wonCycle.count", wonCycle.count(), "must be <= wonDeals (" + wonDeals + ")");
    }
    if (lostCycle.count() > closedDeals - wonDeals) {
      throw r.invalid("lostCycle.count", lostCycle.count(), "must be <= the closed deals not won ("
          + (closedDeals - wonDeals) + ")");
    }
    if (openCycle.count() > openDeals) {
      throw r.invalid("openCycle.count", openCycle.count(), "must be <= openDeals (" + openDeals + ")");
    }
    // every deal is open with a history (an open cycle), closed with a cycle, closed without a
    // close date, or without a history
    long rest = deals - openCycle.count() - wonCycle.count() - lostCycle.count(); // >= 0 by the above
    if (closedWithoutCloseDate > rest || dealsWithoutHistory != rest - closedWithoutCloseDate) {
      throw r.invalid("dealsWithoutHistory", dealsWithoutHistory, "must be the deals (" + deals
          + ") less the open and closed cycles and the closed deals without a close date ("
          + closedWithoutCloseDate + ")");
    }
    Stages stages = norms.stages();
    long ongoingTotal = 0;
    for (int i = 0; i < norm.length; i++) {
      String id = stages.id(i);
      if (ongoingStays[i].count() != ongoing[i]) {
        throw r.invalid("ongoing[" + id + "]", ongoing[i], "must equal the count of its ongoing stays ("
            + ongoingStays[i].count() + ")");
      }
      ongoingTotal += ongoing[i]; // each <= its histogram's count; checked against the total below
      if (ongoingTotal < 0 || ongoingTotal > openCycle.count()) {
        throw r.invalid("ongoing", ongoingTotal, "must sum to the open deals with a history ("
            + openCycle.count() + ")");
      }
      long above = norm[i] >= 0 ? ongoingStays[i].countAbove(norm[i]) : 0;
      if (ongoingOverdue[i] != above || overdueIn[i] != above) {
        throw r.invalid("ongoingOverdue[" + id + "]", ongoingOverdue[i], "must equal the ongoing stays"
            + " above the norm (" + above + ") and the overdue deals listed (" + overdueIn[i] + ")");
      }
      if (Checks.sumOverflows(completed[i].count(), ongoingStays[i].count())) {
        throw r.invalid("completed[" + id + "].count", completed[i].count(),
            "must leave room for the ongoing stays (" + ongoingStays[i].count() + ") in a long");
      }
    }
    if (ongoingTotal != openCycle.count()) {
      throw r.invalid("ongoing", ongoingTotal, "must sum to the open deals with a history ("
          + openCycle.count() + ")");
    }
    for (Map.Entry<Long, long[]> e : overdueAt.entrySet()) {
      int s = (int) (e.getKey() / (MAX_DAYS + 1));
      long days = e.getKey() % (MAX_DAYS + 1);
      if (e.getValue()[0] != ongoingStays[s].countAt(days)) {
        throw r.invalid("overdue", stages.id(s) + " " + days + " days", "must be listed as often as the"
            + " ongoing stays of that length (" + ongoingStays[s].countAt(days) + ", listed "
            + e.getValue()[0] + ")");
      }
    }
  }
}

