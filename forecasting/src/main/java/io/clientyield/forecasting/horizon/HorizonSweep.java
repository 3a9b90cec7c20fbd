package io.clientyield.forecasting.horizon;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.DaySort;
import io.clientyield.forecasting.horizon.HorizonForecast.DealProbability;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.survival.TimeToOutcome;
import io.clientyield.funnel.survival.TimeToOutcome.StageSurvival;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator.GroupKey;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The model of {@link HorizonForecaster} as of many days over one history, in one sweep in date
 * order (the model's rules: the forecaster's documentation). The deals are read once into
 * arrays; then, day by day ascending:
 * <ul>
 *   <li>the survival estimates come from {@link TimeToOutcomeAccumulator#resultsAsOf};</li>
 *   <li>an open deal stands in a <em>place</em>: its group, its current stage and the day it
 *       first entered that stage. Its stage entries and its close day are events that move its
 *       budget between places, and the budgets are summed exactly per place. All deals of a
 *       place share one win probability at a run, so the open amount is
 *       {@code Σ over places of min(1, P(won within h | place) × season) × budgets}, summed in
 *       place order: a run costs its places, not its open deals;</li>
 *   <li>arrivals, wins, the closing season and actuals are ranges of date-sorted arrays.</li>
 * </ul>
 * Only a run that must list its deals (a forecast's own origin) visits each open deal. Each
 * place is asked its probability once per run.
 *
 * <p>With {@code knownAtOrigins}, a deal counts as {@link Backtest#knownAt} shows it at the
 * forecast origin: a deal with an outcome but no close day, or with no dated history and no
 * close day, is never seen; nothing is ever "set aside" (an undated deal is visible only once
 * closed). Without it, the list is taken as given at each run.
 */
final class HorizonSweep {
  private final HorizonOptions options;
  private final GroupKey groupKey;
  private final List<Deal> deals;
  private final Stages stages;
  private final BusinessCalendar calendar;

  // per deal (index in the list)
  private final int[] visitStart;
  private final long[] visitDay;
  private final int[] visitStage;
  /** The day the deal first entered the stage of each visit. */
  private final long[] visitStageEntered;
  private final String[] group;
  /** The close day of each deal, {@code Long.MAX_VALUE} when it has none. */
  private final long[] closeDay;
  /** The group of each deal as a number (0: pooled or no group key), for the probability cache. */
  private final int[] groupIndex;
  private final int groupCount;
  /** Budgets in minor units (0 when unknown); a deal whose budget is in another currency is marked. */
  private final long[] budgetMinor;
  private final boolean[] budgetForeign;
  /** The span of stage entry days of the deals that can be open, for the probability cache. */
  private final long minEntered;
  private final long enteredSpan;

  /** The stage entries of the deals that can be open (dated, not closed without a day), by day. */
  private final int[] visitEvents;
  /** The deal of each stage entry. */
  private final int[] visitDeal;
  /** Of those, the closed ones by close day. */
  private final int[] byCloseOfOpen;
  /** The first entry days of the deals counted as arrivals, by their entry stage, ascending. */
  private final long[][] arrivalDays;
  /** Won deals with a close day, by close day; their days and running sums of their values. */
  private final int[] wins;
  private final long[] winDays;
  private final long[] winSums;
  private final int[] winSeasonMonth;
  /** Won closes by month of the season among the wins seen so far. */
  private final long[] seasonWins;
  private final long undatedOpen;
  private final long[] undatedCloseDays;
  private final Optional<LocalDate> earliestClose;

  private final BitSet open;
  /** The open deals whose budget is in another currency (an error once a run sees one). */
  private final BitSet foreign;
  /** Where each open deal stands (null when not open), and the budgets summed per place. */
  private final Place[] place;
  /** The stage and entry day of each open deal's place, read without the place itself. */
  private final int[] placeStage;
  private final long[] placeEntered;
  /** Each deal's id and budget (the shared zero when it has none), for the deal-level detail. */
  private final io.clientyield.core.DealId[] ids;
  private final Money[] budgets0;
  private final java.util.TreeMap<Place, long[]> budgets = new java.util.TreeMap<>();
  private final Money zero;

  /** The model's own expectation as of a day. */
  static final class Raw {
    double open;
    double fresh;
    long setAside;
    List<DealProbability> deals = new ArrayList<>();
    /** The open deals' budgets and probabilities (with the detail, for the Monte Carlo). */
    long[] openBudgets = new long[0];
    double[] openProbabilities = new double[0];
    double newWins;
    long[] windowWins = new long[0];
    double meanWin;
    double season = 1.0;
  }

  HorizonSweep(HorizonOptions options, GroupKey groupKey, ToLongFunction<Deal> valueMinor,
      List<Deal> list, LocalDate lastOrigin, boolean knownAtOrigins) {
    this.options = options;
    this.groupKey = groupKey;
    this.stages = options.stages();
    this.calendar = options.calendar();
    long last = lastOrigin.toEpochDay();
    // a deal never visible by the last origin plays no part (and is not validated, as before)
    this.deals = knownAtOrigins
        ? list.stream().filter(d -> Backtest.knownFrom(d).map(k -> k.toEpochDay() <= last).orElse(false)).toList()
        : list;
    int n = deals.size();
    visitStart = new int[n + 1];
    int visits = 0;
    for (int i = 0; i < n; i++) {
      visitStart[i] = visits;
      visits += deals.get(i).history().size();
    }
    visitStart[n] = visits;
    visitDay = new long[visits];
    visitStage = new int[visits];
    visitStageEntered = new long[visits];
    group = new String[n];
    closeDay = new long[n];
    groupIndex = new int[n];
    budgetMinor = new long[n];
    budgetForeign = new boolean[n];
    Map<String, Integer> groupNumbers = new HashMap<>();
    long minDay = Long.MAX_VALUE;
    long maxDay = Long.MIN_VALUE;
    int[] canOpen = new int[n]; // deal indices, primitive: a million deals box no Integers
    int[] arrive = new int[n];
    int[] won = new int[n];
    int canOpenCount = 0;
    int arriveCount = 0;
    int wonCount = 0;
    long undated = 0;
    List<Long> undatedCloses = new ArrayList<>();
    long minClose = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      Deal d = deals.get(i);
      List<StageVisit> hist = d.history();
      long[] firstOfStage = new long[stages.size()];
      Arrays.fill(firstOfStage, Long.MIN_VALUE);
      for (int j = 0; j < hist.size(); j++) {
        String st = hist.get(j).stage(); // the field name is built only for the message
        int s = stages.contains(st) ? stages.indexOf("stage", st)
            : stages.indexOf("deal.history[" + j + "].stage", st);
        long day = hist.get(j).enteredOn().toEpochDay();
        if (firstOfStage[s] == Long.MIN_VALUE) {
          firstOfStage[s] = day;
        }
        visitDay[visitStart[i] + j] = day;
        visitStage[visitStart[i] + j] = s;
        visitStageEntered[visitStart[i] + j] = firstOfStage[s];
      }
      stages.indexOf("deal.reachedStage", d.reachedStage());
      boolean closedUndated = d.outcome().isPresent() && d.closedOn().isEmpty();
      closeDay[i] = d.closedOn().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
      if (d.closedOn().isPresent()) {
        minClose = Math.min(minClose, d.closedOn().get().toEpochDay());
        if (d.outcome().get().isWon()) {
          won[wonCount++] = i;
        }
      }
      if (!hist.isEmpty() && !(knownAtOrigins && closedUndated)) {
        arrive[arriveCount++] = i;
      }
      if (!hist.isEmpty() && !closedUndated) {
        canOpen[canOpenCount++] = i;
        group[i] = groupKey == TimeToOutcomeAccumulator.POOLED ? null
            : Optional.ofNullable(groupKey.key().apply(d)).orElse(TimeToOutcomeAccumulator.NO_GROUP);
        groupIndex[i] = group[i] == null ? 0 : groupNumbers.computeIfAbsent(group[i], k -> groupNumbers.size() + 1);
        if (d.budget().isPresent()) {
          budgetForeign[i] = !d.budget().get().currency().equals(options.currency());
          budgetMinor[i] = budgetForeign[i] ? 0 : d.budget().get().minorUnits();
        }
        for (int j = visitStart[i]; j < visitStart[i + 1]; j++) {
          minDay = Math.min(minDay, visitDay[j]);
          maxDay = Math.max(maxDay, visitDay[j]);
        }
      }
      if (hist.isEmpty() && !closedUndated && !knownAtOrigins) {
        if (d.closedOn().isEmpty()) {
          undated++;
        } else {
          undatedCloses.add(d.closedOn().get().toEpochDay());
        }
      }
    }
    canOpen = Arrays.copyOf(canOpen, canOpenCount);
    arrive = Arrays.copyOf(arrive, arriveCount);
    won = Arrays.copyOf(won, wonCount);
    groupCount = groupNumbers.size() + 1;
    minEntered = minDay;
    enteredSpan = minDay > maxDay ? 0 : maxDay - minDay + 1;
    earliestClose = minClose == Long.MAX_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(minClose));
    visitDeal = new int[visits];
    int events = 0;
    for (int i : canOpen) {
      for (int j = visitStart[i]; j < visitStart[i + 1]; j++) {
        visitDeal[j] = i;
        events++;
      }
    }
    int[] entries = new int[events];
    events = 0;
    for (int i : canOpen) {
      for (int j = visitStart[i]; j < visitStart[i + 1]; j++) {
        entries[events++] = j;
      }
    }
    visitEvents = DaySort.order(entries, j -> visitDay[j]);
    byCloseOfOpen = DaySort.order(Arrays.stream(canOpen).filter(i -> closeDay[i] != Long.MAX_VALUE).toArray(),
        i -> closeDay[i]);
    arrivalDays = new long[stages.size()][];
    for (int st = 0; st < stages.size(); st++) {
      int stage = st;
      arrivalDays[st] = Arrays.stream(arrive).filter(i -> visitStage[visitStart[i]] == stage)
          .mapToLong(i -> visitDay[visitStart[i]]).sorted().toArray();
    }
    wins = DaySort.order(won, i -> closeDay[i]);
    winDays = Arrays.stream(wins).mapToLong(i -> closeDay[i]).toArray();
    winSums = new long[wins.length + 1];
    winSeasonMonth = new int[wins.length];
    for (int k = 0; k < wins.length; k++) {
      // values are asked for the wins a run can see (closed by the last origin), as before
      long v = winDays[k] <= last ? valueMinor.applyAsLong(deals.get(wins[k])) : 0;
      winSums[k + 1] = winSums[k] + v;
      winSeasonMonth[k] = seasonMonth(LocalDate.ofEpochDay(winDays[k]), options.seasonMonths());
    }
    undatedOpen = undated;
    undatedCloseDays = undatedCloses.stream().mapToLong(Long::longValue).sorted().toArray();
    open = new BitSet(n);
    foreign = new BitSet(n);
    place = new Place[n];
    placeStage = new int[n];
    placeEntered = new long[n];
    zero = Money.zero(options.currency());
    ids = new io.clientyield.core.DealId[n];
    budgets0 = new Money[n];
    for (int i : canOpen) {
      ids[i] = deals.get(i).id();
      budgets0[i] = deals.get(i).budget().orElse(zero);
    }
    seasonWins = new long[options.seasonMonths()];
  }

  /** Indices sorted by a day each, equal days in their given order. */
  static int[] sortBy(List<Integer> indices, ToLongFunction<Integer> day) {
    return DaySort.order(indices.stream().mapToInt(Integer::intValue).toArray(), j -> day.applyAsLong(j));
  }

  /** The earliest close day of any deal in the list. */
  Optional<LocalDate> earliestClose() {
    return earliestClose;
  }

  /** The won value in {@code (from, to]} (both on or before the last origin), in minor units. */
  double actualMinor(LocalDate from, LocalDate to) {
    return (double) (winSums[DaySort.upTo(winDays, to.toEpochDay())] - winSums[DaySort.upTo(winDays, from.toEpochDay())]);
  }

  /** A run of the model as of a day: its horizon, and whether it keeps the deal-level detail. */
  record Run(Period horizon, boolean detail) {}

  /** Receives each run's expectation. */
  interface Each {
    void accept(LocalDate t, Run run, Raw raw);
  }

  /**
   * Runs the model as of each day, ascending, once per run of the day (horizons share the day's
   * survival estimates and open deals), handing each run's expectation to {@code each}.
   *
   * @param runs the runs of each day
   * @param each receives the day, the run and its expectation
   */
  void run(java.util.SortedMap<LocalDate, List<Run>> runs, Each each) {
    int[] pointers = new int[3]; // first entries, closes, wins seen
    TimeToOutcomeAccumulator.resultsAsOf(stages, List.copyOf(runs.keySet()), calendar, options.minAtRisk(),
        groupKey, deals, (t, tto) -> {
          advance(t.toEpochDay(), pointers);
          for (Run r : runs.get(t)) {
            each.accept(t, r, raw(t, tto, r.horizon(), r.detail(), pointers[2]));
          }
        });
  }

  /**
   * Where an open deal stands: its group, its current stage and the day it first entered that
   * stage; open deals in one place share their win probability at every run. Ordered by group
   * (none first), stage and day: the order the open amount is summed in.
   */
  private record Place(String group, int groupIndex, int stage, long entered) implements Comparable<Place> {
    @Override
    public int compareTo(Place o) {
      int c = group == null ? (o.group == null ? 0 : -1) : o.group == null ? 1 : group.compareTo(o.group);
      if (c == 0) {
        c = Integer.compare(stage, o.stage);
      }
      return c != 0 ? c : Long.compare(entered, o.entered);
    }
  }

  /** Moves an open deal's budget to another place (null: it closed). */
  private void move(int deal, Place to) {
    Place from = place[deal];
    if (from != null) {
      long[] sum = budgets.get(from);
      sum[0] -= budgetMinor[deal];
      if (--sum[1] == 0) {
        budgets.remove(from);
      }
    }
    if (to != null) {
      long[] sum = budgets.computeIfAbsent(to, k -> new long[2]);
      sum[0] = io.clientyield.core.internal.Checks.addExact("open budgets", sum[0], budgetMinor[deal]);
      sum[1]++;
    }
    place[deal] = to;
    if (to != null) {
      placeStage[deal] = to.stage();
      placeEntered[deal] = to.entered();
    }
  }

  /** Moves the open deals, and counts the season's wins, up to a day. */
  private void advance(long day, int[] pointers) {
    // stage entries up to t move open deals between places; closes take them out
    while (pointers[0] < visitEvents.length && visitDay[visitEvents[pointers[0]]] <= day) {
      int v = visitEvents[pointers[0]++];
      int i = visitDeal[v];
      if (v == visitStart[i]) {
        open.set(i);
        if (budgetForeign[i]) {
          foreign.set(i);
        }
      }
      move(i, new Place(group[i], groupIndex[i], visitStage[v], visitStageEntered[v]));
    }
    while (pointers[1] < byCloseOfOpen.length && closeDay[byCloseOfOpen[pointers[1]]] <= day) {
      int i = byCloseOfOpen[pointers[1]++];
      open.clear(i);
      foreign.clear(i);
      move(i, null);
    }
    if (!foreign.isEmpty()) {
      Deal d = deals.get(foreign.nextSetBit(0));
      throw ValidationException.of("budget(" + d.id().value() + ")", d.budget().get(),
          "must be in " + options.currency().getCurrencyCode());
    }
    int winsByT = DaySort.upTo(winDays, day);
    while (pointers[2] < winsByT) {
      seasonWins[winSeasonMonth[pointers[2]++]]++;
    }
  }

  private Raw raw(LocalDate t, TimeToOutcome tto, Period horizon, boolean detail, int winsByT) {
    long day = t.toEpochDay();
    LocalDate end = t.plus(horizon);
    long h = calendar.workingDaysBetween(t, end);
    long windowStart = day - options.arrivalWindowDays();
    double season = seasonFactor(t, end, winsByT);
    Raw raw = new Raw();
    raw.season = season;
    raw.setAside = undatedOpen + undatedCloseDays.length - DaySort.upTo(undatedCloseDays, day);
    int n = stages.size();
    Probabilities probability = new Probabilities(tto, t, h, n);
    // the open amount: per place, its probability times the exact sum of its budgets
    for (Map.Entry<Place, long[]> e : budgets.entrySet()) {
      Place at = e.getKey();
      int slot = probability.slot(at.groupIndex, at.group, at.stage, at.entered);
      raw.open += Math.min(1.0, probability.p[slot] * season) * e.getValue()[0];
    }
    if (detail) {
      int count = open.cardinality();
      DealProbabilityColumns.Builder columns = new DealProbabilityColumns.Builder(count);
      raw.openBudgets = new long[count];
      raw.openProbabilities = new double[count];
      int k = 0;
      for (int i = open.nextSetBit(0); i >= 0; i = open.nextSetBit(i + 1)) {
        int slot = probability.slot(groupIndex[i], group[i], placeStage[i], placeEntered[i]);
        double p = Math.min(1.0, probability.p[slot] * season);
        // the deal's own budget (or one shared zero): a million open deals hold no new amounts
        columns.add(ids[i], stages.id(placeStage[i]), probability.age[slot], p, budgets0[i]);
        raw.openBudgets[k] = budgetMinor[i];
        raw.openProbabilities[k++] = p;
      }
      raw.deals = columns.build();
    }
    // new business: arrivals in (t - W, t] by entry stage, in stage order
    long days = ChronoUnit.DAYS.between(t, end);
    double newWins = 0;
    for (int s = 0; s < n; s++) {
      long count = DaySort.upTo(arrivalDays[s], day) - DaySort.upTo(arrivalDays[s], windowStart);
      if (count == 0) {
        continue;
      }
      StageSurvival survival = tto.stage(stages.id(s));
      double rate = count / (double) options.arrivalWindowDays();
      double sum = 0;
      for (long d = 1; d <= days; d++) {
        sum += survival.cumulativeWonAt(Math.max(0, calendar.workingDaysBetween(t.plusDays(d), end)));
      }
      newWins += rate * sum;
    }
    newWins *= season;
    int windowFrom = DaySort.upTo(winDays, windowStart);
    boolean window = winsByT > windowFrom;
    int lo = window ? windowFrom : 0;
    long wins2 = winsByT - lo;
    double mean = wins2 == 0 ? 0 : (double) (winSums[winsByT] - winSums[lo]) / wins2;
    raw.newWins = newWins;
    raw.meanWin = mean;
    if (detail) {
      // the values of those wins in the history's order (the Monte Carlo draws from them by index)
      Integer[] ks = new Integer[winsByT - lo];
      for (int k = lo; k < winsByT; k++) {
        ks[k - lo] = k;
      }
      Arrays.sort(ks, (a, b) -> Integer.compare(wins[a], wins[b]));
      raw.windowWins = Arrays.stream(ks).mapToLong(k -> winSums[k + 1] - winSums[k]).toArray();
    }
    raw.fresh = newWins * mean;
    return raw;
  }

  /** A group and stage ({@code cell}) and an entry day. */
  private record Key(long cell, long entered) {}

  /**
   * P(won within h | stage, group, age) of one run, asked once per group, stage and entry day
   * (the age's source): a dense table over the entry days' span, or a map when that is too large.
   */
  private final class Probabilities {
    private static final long DENSE_MAX = 1 << 22;
    private final TimeToOutcome tto;
    private final LocalDate t;
    private final long h;
    private final int n;
    private final boolean dense;
    private final Map<Key, Integer> slots = new HashMap<>();
    double[] p;
    long[] age;
    private int used;

    Probabilities(TimeToOutcome tto, LocalDate t, long h, int n) {
      this.tto = tto;
      this.t = t;
      this.h = h;
      this.n = n;
      long size = (long) groupCount * n * enteredSpan;
      this.dense = size <= DENSE_MAX;
      int capacity = dense ? (int) size : 1024;
      this.p = new double[capacity];
      this.age = new long[capacity];
      Arrays.fill(age, -1);
    }

    /** The slot of a (group, stage, entry day) in {@link #p} and {@link #age}, filled on first use. */
    int slot(int groupIndex, String group, int stage, long entered) {
      long cell = (long) groupIndex * n + stage;
      int slot;
      if (dense) {
        slot = (int) (cell * enteredSpan + (entered - minEntered));
        if (age[slot] >= 0) {
          return slot;
        }
      } else {
        Key key = new Key(cell, entered);
        Integer known = slots.get(key);
        if (known != null) {
          return known;
        }
        slot = used++;
        if (slot == age.length) {
          p = Arrays.copyOf(p, 2 * slot);
          age = Arrays.copyOf(age, 2 * slot);
        }
        slots.put(key, slot);
      }
      long a = Math.max(0, calendar.workingDaysBetween(LocalDate.ofEpochDay(entered), t));
      age[slot] = a;
      p[slot] = tto.winWithin(stages.id(stage), group, a, h).probability();
      return slot;
    }
  }

  /**
   * The mean, over the days of {@code (t, end]}, of the relative intensity of won closes in each
   * day's month of the closing season, measured on the wins closed on or before {@code t}.
   */
  private double seasonFactor(LocalDate t, LocalDate end, int winsByT) {
    int m = options.seasonMonths();
    if (m == 1 || winsByT == 0) {
      return 1.0;
    }
    return seasonFactor(seasonWins, LocalDate.ofEpochDay(winDays[0]), t, end, m);
  }

  /**
   * The closing-season factor from the wins closed by {@code t} counted by month of the season
   * ({@code won}, the first on {@code first}): the sweep counts them as it goes, the test oracle
   * by refolding the history.
   */
  static double seasonFactor(long[] won, LocalDate first, LocalDate t, LocalDate end, int m) {
    long[] days = daysBySeasonMonth(first, t, m);
    long totalWins = 0;
    long totalDays = 0;
    for (int j = 0; j < m; j++) {
      if (days[j] < 28) {
        return 1.0;
      }
      totalWins += won[j];
      totalDays += days[j];
    }
    if (totalWins == 0) {
      return 1.0;
    }
    double overall = totalWins / (double) totalDays;
    // seasons observed so far (k): a factor measured on k seasons moves k/(k+1) of the way from 1
    double k = Arrays.stream(days).min().getAsLong() / 30.4375;
    double shrink = k / (k + 1);
    long[] horizonDays = daysBySeasonMonth(t.plusDays(1), end, m);
    double sum = 0;
    long n = 0;
    for (int j = 0; j < m; j++) {
      double fj = 1 + (won[j] / (double) days[j] / overall - 1) * shrink;
      sum += horizonDays[j] * fj;
      n += horizonDays[j];
    }
    return n == 0 ? 1.0 : sum / n;
  }

  /**
   * Calendar days of {@code [from, to]} in each month of the season. Whole 400-year Gregorian
   * cycles (each holds every month of the year 400 times and 97 leap days) are counted at once
   * and what is left is walked month by month, so a history that spans millennia costs at most
   * some 9 600 steps.
   */
  static long[] daysBySeasonMonth(LocalDate from, LocalDate to, int m) {
    long[] days = new long[m];
    LocalDate d = from;
    long cycles = (to.getYear() - (long) from.getYear()) / 400 - 1;
    if (cycles > 0) {
      for (int month = 1; month <= 12; month++) {
        long perCycle = 400L * java.time.Month.of(month).length(false) + (month == 2 ? 97 : 0);
        days[(month - 1) % m] += cycles * perCycle;
      }
      d = from.plusYears(400 * cycles);
    }
    while (!d.isAfter(to)) {
      LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
      LocalDate last = monthEnd.isAfter(to) ? to : monthEnd;
      days[seasonMonth(d, m)] += ChronoUnit.DAYS.between(d, last) + 1;
      if (!last.isBefore(to)) {
        break; // never a day past to (which may be the last a LocalDate holds)
      }
      d = last.plusDays(1);
    }
    return days;
  }

  /** The month of the season a day falls in ({@code (month - 1) mod m}). */
  static int seasonMonth(LocalDate d, int m) {
    return (d.getMonthValue() - 1) % m;
  }


}
