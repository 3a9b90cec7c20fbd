package io.clientyield.funnel.survival;

import io.clientyield.core.Accumulator;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import io.clientyield.core.internal.StateCodec;
import io.clientyield.funnel.internal.SurvivalEstimator;
import io.clientyield.funnel.survival.TimeToOutcome.StageSurvival;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Folds deals into exact counts of wins, losses and censorings by age in each stage, pooled and
 * per group, and estimates {@link TimeToOutcome} from them (rules and formulas: the package
 * documentation). The counts are histograms, so {@link #merge} adds them and the result after
 * any split and merge equals the result of one pass.
 *
 * <pre>{@code
 * TimeToOutcome t = deals.stream().collect(TimeToOutcomeAccumulator.collector(
 *     stages, LocalDate.of(2017, 12, 31), BusinessCalendar.EVERY_DAY, 20, TimeToOutcomeAccumulator.BY_MANAGER));
 * double p = t.winWithin("engaging", "anna", 40, 30).probability();
 * }</pre>
 *
 * <p>Not thread-safe: use one per thread and merge.
 */
public final class TimeToOutcomeAccumulator
    implements Accumulator<Deal, TimeToOutcomeAccumulator, TimeToOutcome> {

  /** The group key of deals whose key function gives nothing. */
  public static final String NO_GROUP = "(none)";
  /** The largest age, in calendar units, an observation may have. */
  public static final long MAX_AGE = 1_000_000;
  /** No groups: only the pooled estimates. */
  public static final GroupKey POOLED = new GroupKey("pooled", d -> null);
  /** Groups by the deal's manager id. */
  public static final GroupKey BY_MANAGER =
      new GroupKey("manager", d -> d.manager().map(m -> m.value()).orElse(null));

  private final Stages stages;
  private final LocalDate asOf;
  private final BusinessCalendar calendar;
  private final long minAtRisk;
  private final GroupKey key;
  private final AgeCounts[] pooled;
  private final Map<String, AgeCounts[]> groups = new TreeMap<>();
  private long deals;
  private long undated;
  private long notYetEntered;
  private long closedWithoutDate;

  /**
   * A named grouping of deals (the name makes two accumulators comparable for a merge).
   *
   * @param name the name of the grouping, e.g. {@code manager} or {@code attribute:office}
   * @param key the key of a deal, null when it has none (grouped as {@link #NO_GROUP})
   */
  public record GroupKey(String name, Function<? super Deal, String> key) {
    /** Validates the parts. */
    public GroupKey {
      Checks.notBlank("name", name);
      Checks.notNull("key", key);
    }

    /**
     * Groups by a deal attribute (office, channel...).
     *
     * @param attribute the attribute name
     * @return the grouping named {@code attribute:<name>}
     */
    public static GroupKey attribute(String attribute) {
      Checks.notBlank("attribute", attribute);
      return new GroupKey("attribute:" + attribute, d -> d.attributes().get(attribute));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GroupKey g && g.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /**
   * Creates an empty accumulator.
   *
   * @param stages the stages
   * @param asOf the as-of date (open deals censored there; later facts ignored)
   * @param calendar counts ages ({@link BusinessCalendar#EVERY_DAY} for calendar days)
   * @param minAtRisk the fewest deals at risk for a group's own curve to be used ({@code >= 1})
   * @param key the grouping ({@link #POOLED}, {@link #BY_MANAGER}, {@link GroupKey#attribute})
   * @throws ValidationException if an argument is null or {@code minAtRisk < 1}
   */
  public TimeToOutcomeAccumulator(Stages stages, LocalDate asOf, BusinessCalendar calendar,
      long minAtRisk, GroupKey key) {
    this.stages = Checks.notNull("stages", stages);
    this.asOf = Checks.notNull("asOf", asOf);
    this.calendar = Checks.notNull("calendar", calendar);
    this.minAtRisk = Checks.positive("minAtRisk", minAtRisk);
    this.key = Checks.notNull("key", key);
    this.pooled = newCounts();
  }

  /**
   * A collector over new accumulators of this configuration.
   *
   * @param stages the stages
   * @param asOf the as-of date
   * @param calendar counts ages
   * @param minAtRisk the fewest deals at risk for a group's own curve
   * @param key the grouping
   * @return the collector
   */
  public static Collector<Deal, ?, TimeToOutcome> collector(Stages stages, LocalDate asOf,
      BusinessCalendar calendar, long minAtRisk, GroupKey key) {
    new TimeToOutcomeAccumulator(stages, asOf, calendar, minAtRisk, key);
    return Accumulator.collector(() -> new TimeToOutcomeAccumulator(stages, asOf, calendar, minAtRisk, key));
  }

  /**
   * The results of one list of deals as of several dates, in one pass: for each date {@code d},
   * in ascending order of the distinct dates, calls {@code each} with a result equal to that of a
   * new accumulator as of {@code d} that folded every deal of the list. A won or lost observation
   * keeps its age once its close day is reached; only the observations still open are aged again
   * at each date, by their distinct entry days. The cost is one sort of the observations plus, per
   * date, the distinct entry days of the deals open then (not every deal again), which is what a
   * rolling-origin backtest over a large history needs.
   *
   * @param stages the stages
   * @param dates the as-of dates (any order; repeated dates are taken once)
   * @param calendar counts ages
   * @param minAtRisk the fewest deals at risk for a group's own curve ({@code >= 1})
   * @param key the grouping
   * @param deals the deals
   * @param each receives each date and its result, dates ascending
   * @throws ValidationException if an argument or element is null, {@code minAtRisk < 1}, a stage
   *     id is unknown or an age exceeds {@link #MAX_AGE} (as {@link #add} would)
   */
  public static void resultsAsOf(Stages stages, List<LocalDate> dates, BusinessCalendar calendar,
      long minAtRisk, GroupKey key, List<Deal> deals, java.util.function.BiConsumer<LocalDate, TimeToOutcome> each) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("stages", stages));
    c.check(() -> Checks.elementsNotNull("dates", dates));
    c.check(() -> Checks.notNull("calendar", calendar));
    c.check(() -> Checks.positive("minAtRisk", minAtRisk));
    c.check(() -> Checks.notNull("key", key));
    c.check(() -> Checks.elementsNotNull("deals", deals));
    c.check(() -> Checks.notNull("each", each));
    c.throwIfAny();
    AsOfSweep.run(stages, dates, calendar, minAtRisk, key, deals, each);
  }

  private AgeCounts[] newCounts() {
    AgeCounts[] a = new AgeCounts[stages.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = new AgeCounts();
    }
    return a;
  }

  /**
   * Folds one deal in (see the package documentation for the rules).
   *
   * @param deal the deal
   * @return this accumulator
   * @throws ValidationException if a stage id is unknown or an age exceeds {@link #MAX_AGE}
   *     (nothing is counted)
   */
  @Override
  public TimeToOutcomeAccumulator add(Deal deal) {
    Checks.notNull("deal", deal);
    stages.indexOf("deal.reachedStage", deal.reachedStage());
    List<StageVisit> history = deal.history();
    for (int i = 0; i < history.size(); i++) {
      if (!stages.contains(history.get(i).stage())) { // the field name is built only for the message
        stages.indexOf("deal.history[" + i + "].stage", history.get(i).stage());
      }
    }
    long newDeals = Checks.addExact("deals", deals, 1);
    if (deal.outcome().isPresent() && deal.closedOn().isEmpty()) {
      closedWithoutDate = Checks.addExact("closedWithoutDate", closedWithoutDate, 1);
      deals = newDeals;
      return this;
    }
    if (history.isEmpty()) {
      undated = Checks.addExact("undated", undated, 1);
      deals = newDeals;
      return this;
    }
    boolean closed = deal.closedOn().isPresent() && !deal.closedOn().get().isAfter(asOf);
    int kind = !closed ? AgeCounts.CENSORED
        : deal.outcome().get().isWon() ? AgeCounts.WON : AgeCounts.LOST;
    LocalDate end = closed ? deal.closedOn().get() : asOf;
    int[] ages = new int[stages.size()];
    java.util.Arrays.fill(ages, -1);
    for (int i = 0; i < history.size(); i++) {
      StageVisit v = history.get(i);
      int s = stages.indexOf("stage", v.stage()); // checked above
      if (ages[s] >= 0 || v.enteredOn().isAfter(asOf)) {
        continue;
      }
      long age = calendar.workingDaysBetween(v.enteredOn(), end);
      if (age > MAX_AGE) {
        throw ValidationException.of("deal.history[" + i + "].age", age, "must be <= " + MAX_AGE);
      }
      ages[s] = (int) Math.max(0, age);
    }
    boolean any = false;
    for (int a : ages) {
      any |= a >= 0;
    }
    if (!any) {
      notYetEntered = Checks.addExact("notYetEntered", notYetEntered, 1);
      deals = newDeals;
      return this;
    }
    String g = key.key().apply(deal);
    String group = g == null ? NO_GROUP : g;
    AgeCounts[] own = groups.get(group);
    for (int s = 0; s < ages.length; s++) {
      if (ages[s] >= 0 && (!pooled[s].canAdd(kind, ages[s])
          || (own != null && !own[s].canAdd(kind, ages[s])))) {
        throw ValidationException.of("counts[" + stages.id(s) + "][" + ages[s] + "]", Long.MAX_VALUE,
            "must not overflow");
      }
    }
    if (own == null && key != POOLED) {
      own = newCounts();
      groups.put(group, own);
    }
    for (int s = 0; s < ages.length; s++) {
      if (ages[s] >= 0) {
        pooled[s].add(kind, ages[s]);
        if (own != null) {
          own[s].add(kind, ages[s]);
        }
      }
    }
    deals = newDeals;
    return this;
  }

  /**
   * Adds another accumulator's counts.
   *
   * @param other an accumulator of the same stages, as-of date, calendar, minimum and grouping
   * @return this accumulator
   * @throws ValidationException if the configurations differ or a count overflows (nothing is
   *     changed)
   */
  @Override
  public TimeToOutcomeAccumulator merge(TimeToOutcomeAccumulator other) {
    Checks.notNull("other", other);
    if (!stages.equals(other.stages) || !asOf.equals(other.asOf) || !calendar.equals(other.calendar)
        || minAtRisk != other.minAtRisk || !key.equals(other.key)) {
      throw ValidationException.of("other", other.stages + " as of " + other.asOf + " by " + other.key.name(),
          "must have the same stages, as-of date, calendar, minAtRisk and grouping as "
              + stages + " as of " + asOf + " by " + key.name());
    }
    long d = Checks.addExact("deals", deals, other.deals);
    long u = Checks.addExact("undated", undated, other.undated);
    long n = Checks.addExact("notYetEntered", notYetEntered, other.notYetEntered);
    long c = Checks.addExact("closedWithoutDate", closedWithoutDate, other.closedWithoutDate);
    long[][][] pooledSum = new long[stages.size()][][];
    for (int s = 0; s < pooledSum.length; s++) {
      pooledSum[s] = pooled[s].plus(other.pooled[s]);
    }
    Map<String, long[][][]> groupSums = new TreeMap<>();
    for (Map.Entry<String, AgeCounts[]> e : other.groups.entrySet()) {
      AgeCounts[] mine = groups.get(e.getKey());
      long[][][] sums = new long[stages.size()][][];
      for (int s = 0; s < sums.length; s++) {
        sums[s] = (mine == null ? new AgeCounts() : mine[s]).plus(e.getValue()[s]);
      }
      groupSums.put(e.getKey(), sums);
    }
    for (int s = 0; s < pooledSum.length; s++) {
      pooled[s].set(pooledSum[s]);
    }
    for (Map.Entry<String, long[][][]> e : groupSums.entrySet()) {
      AgeCounts[] mine = groups.computeIfAbsent(e.getKey(), k -> newCounts());
      for (int s = 0; s < mine.length; s++) {
        mine[s].set(e.getValue()[s]);
      }
    }
    deals = d;
    undated = u;
    notYetEntered = n;
    closedWithoutDate = c;
    return this;
  }

  /**
   * The estimates of everything folded so far.
   *
   * @return the result
   */
  @Override
  public TimeToOutcome result() {
    List<StageSurvival> pooledResult = new ArrayList<>();
    for (int s = 0; s < stages.size(); s++) {
      pooledResult.add(estimate(stages.id(s), Optional.empty(), pooled[s]));
    }
    List<StageSurvival> groupResult = new ArrayList<>();
    for (Map.Entry<String, AgeCounts[]> e : groups.entrySet()) {
      for (int s = 0; s < stages.size(); s++) {
        if (e.getValue()[s].ages() > 0) {
          StageSurvival est = estimate(stages.id(s), Optional.of(e.getKey()), e.getValue()[s]);
          if (est.entered() > 0) {
            groupResult.add(est);
          }
        }
      }
    }
    return new TimeToOutcome(asOf, calendar, stages.ids(), minAtRisk, deals, undated, notYetEntered,
        closedWithoutDate, pooledResult, groupResult, TimeToOutcome.METHOD);
  }

  private static StageSurvival estimate(String stage, Optional<String> group, AgeCounts counts) {
    long[][] c = counts.sparse();
    return SurvivalEstimator.estimate(stage, group, c[0], c[1], c[2], c[3]);
  }

  @Override
  public String toString() {
    return "TimeToOutcomeAccumulator[" + stages + " as of " + asOf + " by " + key.name() + ", "
        + deals + " deals]";
  }

  /** The format tag of this accumulator's state. */
  private static final int STATE_TAG = 0x54;

  /**
   * Encodes the state compactly (a versioned binary form of the age histograms and counters,
   * for distributed engines that ship partial states): {@link #decode} with the same
   * configuration gives an accumulator with the same result that merges like this one.
   *
   * @return the state's bytes
   */
  public byte[] encode() {
    StateCodec.Writer w = StateCodec.writer(STATE_TAG);
    w.count(stages.size());
    for (String id : stages.ids()) {
      w.string(id);
    }
    w.signed(asOf.toEpochDay()).string(key.name());
    w.count(deals).count(undated).count(notYetEntered).count(closedWithoutDate);
    for (AgeCounts c : pooled) {
      c.encode(w);
    }
    w.count(groups.size());
    for (Map.Entry<String, AgeCounts[]> e : groups.entrySet()) {
      w.string(e.getKey());
      for (AgeCounts c : e.getValue()) {
        c.encode(w);
      }
    }
    return w.bytes();
  }

  /**
   * Decodes a state written by {@link #encode}.
   *
   * @param stages the stages (as given to the encoded accumulator)
   * @param asOf the as-of date (as given to the encoded accumulator)
   * @param calendar counts ages (as given to the encoded accumulator)
   * @param minAtRisk the fewest deals at risk for a group's own curve (as given)
   * @param key the grouping (as given to the encoded accumulator)
   * @param state the bytes
   * @return an accumulator holding the encoded counts
   * @throws ValidationException if the bytes are malformed, of another accumulator or version,
   *     or were encoded with other stages, another as-of date or grouping
   */
  public static TimeToOutcomeAccumulator decode(Stages stages, LocalDate asOf, BusinessCalendar calendar,
      long minAtRisk, GroupKey key, byte[] state) {
    TimeToOutcomeAccumulator a = new TimeToOutcomeAccumulator(stages, asOf, calendar, minAtRisk, key);
    StateCodec.Reader r = StateCodec.reader(state, STATE_TAG, "state");
    r.stageIds(stages.ids());
    int n = stages.size();
    long day = r.signed("asOf");
    if (day != asOf.toEpochDay()) {
      throw r.invalid("asOf", day, "must be the accumulator's as-of date " + asOf + " (epoch day "
          + asOf.toEpochDay() + ")");
    }
    String name = r.string("key");
    if (!name.equals(key.name())) {
      throw r.invalid("key", name, "must be the accumulator's grouping " + key.name());
    }
    a.deals = r.count("deals");
    a.undated = r.count("undated");
    a.notYetEntered = r.count("notYetEntered");
    a.closedWithoutDate = r.count("closedWithoutDate");
    long skipped = Checks.addExact("deals", Checks.addExact("deals", a.undated, a.notYetEntered),
        a.closedWithoutDate);
    if (skipped > a.deals) {
      throw r.invalid("deals", a.deals, "must be >= undated + notYetEntered + closedWithoutDate (" + skipped + ")");
    }
    for (int s = 0; s < n; s++) {
      a.pooled[s] = AgeCounts.decode(r, "pooled[" + stages.id(s) + "]", MAX_AGE);
    }
    int groupCount = r.size("groups", r.remaining());
    if (groupCount > 0 && key == POOLED) {
      throw r.invalid("groups", groupCount, "must be 0 for the pooled grouping");
    }
    for (int g = 0; g < groupCount; g++) {
      String group = r.string("groups[" + g + "]");
      AgeCounts[] counts = new AgeCounts[n];
      for (int s = 0; s < n; s++) {
        counts[s] = AgeCounts.decode(r, "groups[" + group + "][" + stages.id(s) + "]", MAX_AGE);
      }
      if (a.groups.put(group, counts) != null) {
        throw r.invalid("groups[" + g + "]", group, "must be unique");
      }
    }
    r.end();
    return a;
  }
}
