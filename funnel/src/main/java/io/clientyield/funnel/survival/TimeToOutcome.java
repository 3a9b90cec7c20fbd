package io.clientyield.funnel.survival;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Time to outcome with censoring, per stage, pooled and per group: Kaplan–Meier time to close,
 * Aalen–Johansen cumulative incidence of won and of lost by age in stage, percentiles with
 * intervals, and the time-aware win probability (see the package documentation for every
 * formula). Built by {@link TimeToOutcomeAccumulator}.
 *
 * <p>Ages are whole units of {@link #calendar()} ({@code workingDaysBetween}; calendar days with
 * {@link BusinessCalendar#EVERY_DAY}). Immutable and thread-safe.
 *
 * @param asOf the as-of date: open deals are censored there, later facts are ignored
 * @param calendar the calendar that counts ages
 * @param stages the stage ids, first to last
 * @param minAtRisk a group's own curve is used for a win probability only when at least this
 *     many of its deals are at risk at the deal's age; otherwise the pooled stage curve
 * @param deals the deals folded in
 * @param undated deals set aside because they have no dated history
 * @param notYetEntered deals whose first dated stage is after the as-of date (not yet known)
 * @param closedWithoutDate deals set aside because they have an outcome but no close day
 * @param pooled one estimate per stage (every deal), in stage order
 * @param groups one estimate per group and stage, by group then stage order
 * @param method how the estimates and intervals are computed, in words
 */
public record TimeToOutcome(
    LocalDate asOf,
    BusinessCalendar calendar,
    List<String> stages,
    long minAtRisk,
    long deals,
    long undated,
    long notYetEntered,
    long closedWithoutDate,
    List<StageSurvival> pooled,
    List<StageSurvival> groups,
    String method) {

  /** The statement of method carried by every result. */
  public static final String METHOD = "Kaplan-Meier survival (time to close) with Greenwood variance and"
      + " log(-log) 95 % interval; Aalen-Johansen cumulative incidence of won and lost with"
      + " delta-method (Marubini-Valsecchi) variance and log(-log) 95 % interval; percentiles with"
      + " Brookmeyer-Crowley intervals; open deals censored at the as-of date; win within h ="
      + " (F_won(a+h) - F_won(a)) / S(a), group curve when at least minAtRisk deals are at risk at"
      + " age a, else the pooled stage curve";

  /** Validates counts and lists. */
  public TimeToOutcome {
    Checks.Collector c = Checks.collector();
    if (asOf == null) {
      c.add("asOf", null, "must not be null");
    }
    if (calendar == null) {
      c.add("calendar", null, "must not be null");
    }
    notNullElements(c, "stages", stages);
    notNullElements(c, "pooled", pooled);
    notNullElements(c, "groups", groups);
    if (method == null) {
      c.add("method", null, "must not be null");
    }
    long[] counts = {minAtRisk, deals, undated, notYetEntered, closedWithoutDate};
    String[] names = {"minAtRisk", "deals", "undated", "notYetEntered", "closedWithoutDate"};
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        c.add(names[i], counts[i], "must be >= 0");
      }
    }
    c.throwIfAny();
    stages = List.copyOf(stages);
    pooled = List.copyOf(pooled);
    groups = List.copyOf(groups);
  }

  static void notNullElements(Checks.Collector c, String field, List<?> values) {
    if (values == null) {
      c.add(field, null, "must not be null");
    } else {
      c.elementsNotNull(field, values);
    }
  }

  /**
   * The pooled estimate of a stage.
   *
   * @param stage the stage id
   * @return the estimate
   * @throws ValidationException if the stage is unknown
   */
  public StageSurvival stage(String stage) {
    return pooled.stream().filter(s -> s.stage().equals(stage)).findFirst()
        .orElseThrow(() -> ValidationException.of("stage", stage, "must be one of the stages " + stages));
  }

  /**
   * The estimate of one group at a stage, if the group has any deal there.
   *
   * @param stage the stage id
   * @param group the group key
   * @return the estimate, empty if the group never entered the stage
   */
  public Optional<StageSurvival> stage(String stage, String group) {
    return groups.stream()
        .filter(s -> s.stage().equals(stage) && s.group().equals(Optional.ofNullable(group)))
        .findFirst();
  }

  /**
   * The probability that a deal open in a stage at an age is won within a horizon, from the
   * pooled stage curve: {@code (F_won(a + h) - F_won(a)) / S(a)}.
   *
   * @param stage the stage id
   * @param age the deal's age in the stage, in calendar units ({@code >= 0})
   * @param horizon the horizon in calendar units ({@code >= 0})
   * @return the probability and how it was obtained
   * @throws ValidationException if the stage is unknown or a number is negative
   */
  public WinWithinHorizon winWithin(String stage, long age, long horizon) {
    return winWithin(stage, null, age, horizon);
  }

  /**
   * The probability that a deal of a group, open in a stage at an age, is won within a horizon:
   * {@code (F_won(a + h) - F_won(a)) / S(a)} on the group's curve when at least
   * {@link #minAtRisk()} of the group's deals are at risk at age {@code a}, else on the pooled
   * stage curve (stated in {@link WinWithinHorizon#source()}). When no deal survives to age
   * {@code a} even in the pool, the probability is 0 with source {@code NO_SURVIVORS}.
   *
   * @param stage the stage id
   * @param group the group key, or null for the pooled estimate
   * @param age the deal's age in the stage, in calendar units ({@code >= 0})
   * @param horizon the horizon in calendar units ({@code >= 0})
   * @return the probability and how it was obtained
   * @throws ValidationException if the stage is unknown or a number is negative
   */
  public WinWithinHorizon winWithin(String stage, String group, long age, long horizon) {
    Checks.nonNegative("age", age);
    Checks.nonNegative("horizon", horizon);
    StageSurvival pool = stage(stage);
    Optional<String> g = Optional.ofNullable(group);
    if (group != null) {
      Optional<StageSurvival> own = stage(stage, group);
      if (own.isPresent() && own.get().atRisk(age) >= Math.max(1, minAtRisk)) {
        return new WinWithinHorizon(stage, g, age, horizon, own.get().winWithin(age, horizon),
            WinWithinHorizon.Source.GROUP, own.get().atRisk(age), minAtRisk);
      }
    }
    if (pool.survivalAt(age) <= 0.0) {
      return new WinWithinHorizon(stage, g, age, horizon, 0.0, WinWithinHorizon.Source.NO_SURVIVORS,
          pool.atRisk(age), minAtRisk);
    }
    return new WinWithinHorizon(stage, g, age, horizon, pool.winWithin(age, horizon),
        group == null ? WinWithinHorizon.Source.POOLED : WinWithinHorizon.Source.POOLED_STAGE,
        pool.atRisk(age), minAtRisk);
  }

  /**
   * The estimate for one stage, pooled or of one group. Immutable and thread-safe.
   *
   * @param stage the stage id
   * @param group the group key, empty for the pooled estimate
   * @param entered deals that entered the stage on or before the as-of date
   * @param won deals won (an event) on or before the as-of date
   * @param lost deals lost (an event) on or before the as-of date
   * @param censored deals still open at the as-of date
   * @param points the curves at every age with an event or a censoring, oldest age last
   * @param timeToClose percentiles 25, 50, 75 and 90 of time to close (Kaplan–Meier)
   * @param cumulativeWon {@code F_won} at the last observed age (won so far, of all entered; a
   *     lower bound of the eventual win probability while deals are open)
   */
  public record StageSurvival(
      String stage,
      Optional<String> group,
      long entered,
      long won,
      long lost,
      long censored,
      List<SurvivalPoint> points,
      List<AgeQuantile> timeToClose,
      double cumulativeWon) {

    /** Validates the counts and lists. */
    public StageSurvival {
      Checks.Collector c = Checks.collector();
      if (stage == null || stage.isBlank()) {
        c.add("stage", stage, "must not be blank");
      }
      if (group == null) {
        c.add("group", null, "must not be null (empty for the pool)");
      }
      notNullElements(c, "points", points);
      notNullElements(c, "timeToClose", timeToClose);
      if (won < 0 || lost < 0 || censored < 0) {
        c.add("won/lost/censored", won + "/" + lost + "/" + censored, "must be >= 0");
      } else if (entered != won + lost + censored) {
        c.add("entered", entered, "must equal won + lost + censored (" + (won + lost + censored) + ")");
      }
      if (!(cumulativeWon >= 0.0 && cumulativeWon <= 1.0)) {
        c.add("cumulativeWon", cumulativeWon, "must be within [0, 1]");
      }
      c.throwIfAny();
      points = List.copyOf(points);
      timeToClose = List.copyOf(timeToClose);
    }

    private int last(long age) {
      int lo = 0;
      int hi = points.size() - 1;
      int found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (points.get(mid).age() <= age) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    }

    /**
     * Kaplan–Meier probability of still being open at an age.
     *
     * @param age the age ({@code >= 0})
     * @return {@code S(age)}, 1 before the first event
     */
    public double survivalAt(long age) {
      int i = last(age);
      return i < 0 ? 1.0 : points.get(i).survival();
    }

    /**
     * Cumulative incidence of won by an age.
     *
     * @param age the age
     * @return {@code F_won(age)}
     */
    public double cumulativeWonAt(long age) {
      int i = last(age);
      return i < 0 ? 0.0 : points.get(i).cumulativeWon();
    }

    /**
     * Cumulative incidence of lost by an age.
     *
     * @param age the age
     * @return {@code F_lost(age)}
     */
    public double cumulativeLostAt(long age) {
      int i = last(age);
      return i < 0 ? 0.0 : points.get(i).cumulativeLost();
    }

    /**
     * The deals at risk at an age: observed (closed or censored) at this age or later.
     *
     * @param age the age
     * @return the count
     */
    public long atRisk(long age) {
      int i = last(age);
      if (i >= 0 && points.get(i).age() == age) {
        return points.get(i).atRisk();
      }
      return i + 1 < points.size() ? points.get(i + 1).atRisk() : 0;
    }

    /**
     * {@code (F_won(a + h) - F_won(a)) / S(a)}, clamped to [0, 1]; 0 when {@code S(a) = 0}.
     *
     * @param age the age {@code a}
     * @param horizon the horizon {@code h}
     * @return the probability of a win within the horizon for a deal open at age {@code a}
     */
    public double winWithin(long age, long horizon) {
      double s = survivalAt(age);
      if (s <= 0.0) {
        return 0.0;
      }
      long end = horizon > Long.MAX_VALUE - age ? Long.MAX_VALUE : age + horizon;
      double p = (cumulativeWonAt(end) - cumulativeWonAt(age)) / s;
      return Math.max(0.0, Math.min(1.0, p));
    }
  }

  /**
   * The curves at one age. Immutable and thread-safe.
   *
   * @param age the age
   * @param atRisk deals observed at this age or later
   * @param won wins at this age
   * @param lost losses at this age
   * @param censored open deals of exactly this age
   * @param survival Kaplan–Meier {@code S(age)}
   * @param survivalLower lower end of its 95 % interval
   * @param survivalUpper upper end of its 95 % interval
   * @param cumulativeWon {@code F_won(age)}
   * @param cumulativeWonLower lower end of its 95 % interval
   * @param cumulativeWonUpper upper end of its 95 % interval
   * @param cumulativeLost {@code F_lost(age)}
   * @param cumulativeLostLower lower end of its 95 % interval
   * @param cumulativeLostUpper upper end of its 95 % interval
   */
  public record SurvivalPoint(
      long age, long atRisk, long won, long lost, long censored,
      double survival, double survivalLower, double survivalUpper,
      double cumulativeWon, double cumulativeWonLower, double cumulativeWonUpper,
      double cumulativeLost, double cumulativeLostLower, double cumulativeLostUpper) {

    /** Validates counts and probabilities. */
    public SurvivalPoint {
      Checks.Collector c = Checks.collector();
      if (age < 0 || atRisk < 0 || won < 0 || lost < 0 || censored < 0) {
        c.add("age/atRisk/won/lost/censored",
            age + "/" + atRisk + "/" + won + "/" + lost + "/" + censored, "must be >= 0");
      }
      double[] ps = {survival, survivalLower, survivalUpper, cumulativeWon, cumulativeWonLower,
          cumulativeWonUpper, cumulativeLost, cumulativeLostLower, cumulativeLostUpper};
      for (double p : ps) {
        if (!(p >= 0.0 && p <= 1.0)) {
          c.add("probability", p, "must be within [0, 1]");
          break;
        }
      }
      c.throwIfAny();
    }
  }

  /**
   * A percentile of time to close. Immutable and thread-safe.
   *
   * @param level the level {@code q} in (0, 1): the age by which a share {@code q} of deals
   *     closed
   * @param age {@code min {t : S(t) <= 1 - q}}, empty if the curve never falls that far
   * @param lower the lower end of its 95 % interval, empty if undefined
   * @param upper the upper end of its 95 % interval, empty if the interval is open above
   */
  public record AgeQuantile(double level, OptionalLong age, OptionalLong lower, OptionalLong upper) {
    /** Validates the level. */
    public AgeQuantile {
      Checks.Collector c = Checks.collector();
      if (!(level > 0.0 && level < 1.0)) {
        c.add("level", level, "must be within (0, 1)");
      }
      if (age == null || lower == null || upper == null) {
        c.add("age/lower/upper", null, "must not be null (empty when undefined)");
      }
      c.throwIfAny();
    }
  }

  /**
   * The probability that an open deal is won within a horizon, with how it was obtained: which
   * curve ({@link #source()}), how many deals were at risk on it at the deal's age
   * ({@link #atRisk()}) and the pooling rule's threshold ({@link #minAtRisk()}): a group's own
   * curve is used only when at least that many of its deals are at risk at the age, else the
   * pooled stage curve ({@link Source#POOLED_STAGE}). Immutable and thread-safe.
   *
   * @param stage the stage the deal is in
   * @param group the deal's group, empty when the pooled estimate was asked for
   * @param age the deal's age in the stage
   * @param horizon the horizon
   * @param probability the probability, in [0, 1]
   * @param source which curve gave it
   * @param atRisk the deals at risk at this age on that curve
   * @param minAtRisk the fewest deals at risk for a group's own curve to be used (the pooling
   *     rule of the result that answered)
   */
  public record WinWithinHorizon(
      String stage, Optional<String> group, long age, long horizon, double probability,
      Source source, long atRisk, long minAtRisk) {

    /** Which curve gave a win probability. */
    public enum Source {
      /** The group's own curve (enough deals at risk). */
      GROUP,
      /** The pooled stage curve, because the group had fewer than {@code minAtRisk} at risk. */
      POOLED_STAGE,
      /** The pooled stage curve, as asked for. */
      POOLED,
      /** No deal survives to this age even in the pool: probability 0. */
      NO_SURVIVORS
    }

    /** Validates the numbers. */
    public WinWithinHorizon {
      Checks.Collector c = Checks.collector();
      if (stage == null || group == null || source == null) {
        c.add("stage/group/source", null, "must not be null");
      }
      if (age < 0 || horizon < 0 || atRisk < 0 || minAtRisk < 0) {
        c.add("age/horizon/atRisk/minAtRisk", age + "/" + horizon + "/" + atRisk + "/" + minAtRisk,
            "must be >= 0");
      }
      if (source == Source.GROUP && atRisk < minAtRisk) {
        c.add("atRisk", atRisk, "must be >= minAtRisk (" + minAtRisk + ") for a GROUP estimate");
      }
      if (!(probability >= 0.0 && probability <= 1.0)) {
        c.add("probability", probability, "must be within [0, 1]");
      }
      c.throwIfAny();
    }
  }
}
