package io.clientyield.funnel.survival;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.DaySort;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.internal.SurvivalEstimator;
import io.clientyield.funnel.survival.TimeToOutcome.StageSurvival;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator.GroupKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@link TimeToOutcomeAccumulator#resultsAsOf}: the counts of one list of deals as of ascending
 * dates in one sweep. A won or lost observation has a fixed age once its close day is reached; a
 * censored one is kept by its entry day, and only when a result is taken are those entry days
 * turned into ages as of that date. A date costs the distinct entry days of the deals still open,
 * not the deals.
 */
final class AsOfSweep {
  private final Stages stages;
  private final BusinessCalendar calendar;
  private final long minAtRisk;
  /** One slot per group (slot 0: pooled), each with one {@link Cell} per stage. */
  private final List<Cell[]> cells = new ArrayList<>();
  private final List<String> groupNames = new ArrayList<>();
  /** The group slots in name order (the accumulator's order of groups). */
  private List<Integer> groupOrder = List.of();
  private long deals;
  private long undated;
  private long closedWithoutDate;
  /** First entry day of every dated deal, ascending (for notYetEntered). */
  private long[] firstDays = new long[0];
  /** Observations ordered by the day they start (entry) and by the day they close. */
  private Observation[] byEntry = new Observation[0];
  private Observation[] byClose = new Observation[0];

  private AsOfSweep(Stages stages, BusinessCalendar calendar, long minAtRisk) {
    this.stages = stages;
    this.calendar = calendar;
    this.minAtRisk = minAtRisk;
  }

  /** The per-stage counts of one group: events by fixed age, open observations by entry day. */
  private static final class Cell {
    long[][] events = new long[2][0];
    final Map<Long, long[]> openByEntryDay = new HashMap<>();
    boolean any;

    void event(int kind, int age) {
      if (age >= events[kind].length) {
        events[kind] = Arrays.copyOf(events[kind], Math.max(age + 1, events[kind].length * 2));
      }
      events[kind][age]++;
    }

    void open(long day, int delta) {
      long[] c = openByEntryDay.computeIfAbsent(day, k -> new long[1]);
      c[0] += delta;
      if (c[0] == 0) {
        openByEntryDay.remove(day);
      }
    }
  }

  /** One deal in one stage: entered on a day, closed (won or lost at a fixed age) or not. */
  private record Observation(int group, int stage, long entryDay, long closeDay, int kind, long age,
      int historyIndex) {}

  static void run(Stages stages, List<LocalDate> dates, BusinessCalendar calendar, long minAtRisk,
      GroupKey key, List<Deal> deals, BiConsumer<LocalDate, TimeToOutcome> each) {
    AsOfSweep s = new AsOfSweep(stages, calendar, minAtRisk);
    s.load(deals, key);
    LocalDate[] sorted = dates.stream().distinct().sorted().toArray(LocalDate[]::new);
    int entered = 0;
    int closed = 0;
    for (LocalDate asOf : sorted) {
      long day = asOf.toEpochDay();
      while (entered < s.byEntry.length && s.byEntry[entered].entryDay <= day) {
        Observation o = s.byEntry[entered++];
        s.cell(0, o.stage).open(o.entryDay, 1);
        if (o.group != 0) {
          s.cell(o.group, o.stage).open(o.entryDay, 1);
        }
      }
      while (closed < s.byClose.length && s.byClose[closed].closeDay <= day) {
        Observation o = s.byClose[closed++];
        if (o.age > TimeToOutcomeAccumulator.MAX_AGE) {
          throw ValidationException.of("deal.history[" + o.historyIndex + "].age", o.age,
              "must be <= " + TimeToOutcomeAccumulator.MAX_AGE);
        }
        for (int g : o.group == 0 ? new int[] {0} : new int[] {o.group, 0}) {
          Cell c = s.cell(g, o.stage);
          c.open(o.entryDay, -1);
          c.event(o.kind, (int) o.age);
        }
      }
      each.accept(asOf, s.result(asOf));
    }
  }

  private Cell cell(int group, int stage) {
    Cell c = cells.get(group)[stage];
    c.any = true;
    return c;
  }

  private void load(List<Deal> list, GroupKey key) {
    // slot 0 pooled; a group gets the next slot when first met (results list groups by name)
    cells.add(newCells());
    groupNames.add(null);
    Map<String, Integer> slots = new HashMap<>();
    List<Observation> obs = new ArrayList<>();
    List<Long> first = new ArrayList<>();
    for (Deal deal : list) {
      stages.indexOf("deal.reachedStage", deal.reachedStage());
      List<StageVisit> history = deal.history();
      int[] stageOf = new int[history.size()];
      for (int i = 0; i < history.size(); i++) {
        String st = history.get(i).stage(); // the field name is built only for the message
        stageOf[i] = stages.contains(st) ? stages.indexOf("stage", st)
            : stages.indexOf("deal.history[" + i + "].stage", st);
      }
      deals++;
      if (deal.outcome().isPresent() && deal.closedOn().isEmpty()) {
        closedWithoutDate++;
        continue;
      }
      if (history.isEmpty()) {
        undated++;
        continue;
      }
      first.add(history.get(0).enteredOn().toEpochDay());
      int slot = 0;
      if (key != TimeToOutcomeAccumulator.POOLED) {
        String g = key.key().apply(deal);
        String group = g == null ? TimeToOutcomeAccumulator.NO_GROUP : g;
        slot = slots.computeIfAbsent(group, k -> {
          cells.add(newCells());
          groupNames.add(k);
          return cells.size() - 1;
        });
      }
      boolean isClosed = deal.closedOn().isPresent();
      long closeDay = isClosed ? deal.closedOn().get().toEpochDay() : Long.MAX_VALUE;
      int kind = isClosed && deal.outcome().get().isWon() ? AgeCounts.WON : AgeCounts.LOST;
      boolean[] seen = new boolean[stages.size()];
      for (int i = 0; i < history.size(); i++) {
        if (seen[stageOf[i]]) {
          continue;
        }
        seen[stageOf[i]] = true;
        StageVisit v = history.get(i);
        long age = isClosed ? Math.max(0, calendar.workingDaysBetween(v.enteredOn(), deal.closedOn().get())) : -1;
        obs.add(new Observation(slot, stageOf[i], v.enteredOn().toEpochDay(), closeDay, kind, age, i));
      }
    }
    groupOrder = new ArrayList<>(slots.values());
    groupOrder.sort((x, y) -> groupNames.get(x).compareTo(groupNames.get(y)));
    Observation[] all = obs.toArray(new Observation[0]);
    byEntry = sorted(all, true);
    byClose = sorted(Arrays.stream(all).filter(o -> o.closeDay != Long.MAX_VALUE).toArray(Observation[]::new), false);
    firstDays = first.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The observations by entry or close day, equal days in their given order. */
  private static Observation[] sorted(Observation[] obs, boolean byEntryDay) {
    int[] positions = new int[obs.length];
    for (int k = 0; k < positions.length; k++) {
      positions[k] = k;
    }
    int[] order = DaySort.order(positions, k -> byEntryDay ? obs[k].entryDay : obs[k].closeDay);
    Observation[] out = new Observation[obs.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = obs[order[k]];
    }
    return out;
  }

  private Cell[] newCells() {
    Cell[] c = new Cell[stages.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = new Cell();
    }
    return c;
  }

  private TimeToOutcome result(LocalDate asOf) {
    List<StageSurvival> pooled = new ArrayList<>();
    List<StageSurvival> groups = new ArrayList<>();
    List<Integer> order = new ArrayList<>(cells.size());
    order.add(0);
    order.addAll(groupOrder);
    for (int g : order) {
      for (int s = 0; s < stages.size(); s++) {
        Cell c = cells.get(g)[s];
        if (g > 0 && !c.any) {
          continue;
        }
        long[][] sparse = sparse(c, asOf);
        if (g == 0) {
          pooled.add(SurvivalEstimator.estimate(stages.id(s), Optional.empty(), sparse[0], sparse[1],
              sparse[2], sparse[3]));
        } else if (sparse[0].length > 0) {
          StageSurvival est = SurvivalEstimator.estimate(stages.id(s), Optional.of(groupNames.get(g)),
              sparse[0], sparse[1], sparse[2], sparse[3]);
          if (est.entered() > 0) {
            groups.add(est);
          }
        }
      }
    }
    int notEntered = firstDays.length - DaySort.upTo(firstDays, asOf.toEpochDay());
    return new TimeToOutcome(asOf, calendar, stages.ids(), minAtRisk, deals, undated, notEntered,
        closedWithoutDate, pooled, groups, TimeToOutcome.METHOD);
  }

  /** The ages with any count as of a date: {@code {ages, won, lost, censored}} (as AgeCounts). */
  private long[][] sparse(Cell c, LocalDate asOf) {
    long[] censored = new long[0];
    for (Map.Entry<Long, long[]> e : c.openByEntryDay.entrySet()) {
      long a = calendar.workingDaysBetween(LocalDate.ofEpochDay(e.getKey()), asOf);
      if (a > TimeToOutcomeAccumulator.MAX_AGE) {
        throw ValidationException.of("age", a, "must be <= " + TimeToOutcomeAccumulator.MAX_AGE);
      }
      int age = (int) Math.max(0, a);
      if (age >= censored.length) {
        censored = Arrays.copyOf(censored, Math.max(age + 1, censored.length * 2));
      }
      censored[age] += e.getValue()[0];
    }
    AgeCounts counts = new AgeCounts();
    counts.set(new long[][] {c.events[AgeCounts.WON], c.events[AgeCounts.LOST], censored});
    return counts.sparse();
  }




}
