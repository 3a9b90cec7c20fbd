package io.clientyield.funnel.time;

import java.util.OptionalDouble;

import io.clientyield.core.DealId;

import java.util.OptionalLong;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.survival.TimeToOutcome.AgeQuantile;
import java.time.LocalDate;
import java.util.List;

/**
 * Time in stage, cycle length and sales velocity of a set of deals as of a date (DOMAIN 2.5),
 * built by {@link TimeInStageAccumulator}.
 *
 * <p>{@link #stages()} has one row per stage in stage order; {@link #overdueOpenDeals()} lists
 * the open deals above their current stage's norm, ordered by stage, then most overdue first,
 * then deal id. {@link #wonCycle()} and {@link #lostCycle()} summarize the cycle lengths (first
 * history date to close date, working days) of won and of lost deals. Deals without a history
 * only count towards the velocity; closed deals with a history but no close date give no last
 * stay and no cycle length ({@link #closedWithoutCloseDate()}).
 *
 * <p><b>Closed-only vs censoring-aware figures</b> (DOMAIN 2.5). {@link StageTime#completed()},
 * {@link #wonCycle()} and {@link #lostCycle()} come from finished stays and closed deals only:
 * they leave out the deals still open, which are often the ones that take longest, so they are
 * biased short. Beside each, {@link StageTime#kaplanMeier()} and {@link #cycleKaplanMeier()} give
 * the Kaplan–Meier median and 90th percentile (with 95 % intervals) over the same finished
 * durations plus the open ones <i>censored</i> at the as-of date (still running there, not
 * finished): read the two side by side to see the bias. A Kaplan–Meier percentile is empty when
 * too few durations have finished to reach it: then the open deals have not yet shown how long
 * the cycle is.
 *
 * <p>JSON form: {@code {"asOf":"2026-11-30","stages":[...],"overdueOpenDeals":[...],
 * "wonCycle":{...},"lostCycle":{...},"cycleKaplanMeier":{...},"velocity":{...},
 * "dealsWithoutHistory":0,"closedWithoutCloseDate":0}}. Built by {@link TimeInStageAccumulator}
 * (one call: {@link TimeInStageAccumulator#timeInStage}). Immutable and thread-safe.
 *
 * @param asOf the date up to which ongoing stays are measured
 * @param stages the one row per stage, in stage order
 * @param overdueOpenDeals the open deals above their current stage's norm
 * @param wonCycle the cycle lengths of won deals in working days (closed deals only)
 * @param lostCycle the cycle lengths of lost (refused or declined) deals in working days (closed
 *     deals only)
 * @param cycleKaplanMeier time to close from the first history date in working days, Kaplan–Meier
 *     over the won and lost cycles with the open deals censored at the as-of date
 * @param velocity the sales velocity
 * @param dealsWithoutHistory the deals without a dated history (no stage times, no cycle)
 * @param closedWithoutCloseDate the closed deals with a history but without a close date
 */
@JsonPropertyOrder({"asOf", "stages", "overdueOpenDeals", "wonCycle", "lostCycle", "cycleKaplanMeier",
    "velocity", "dealsWithoutHistory", "closedWithoutCloseDate"})
public record TimeInStage(
    @JsonProperty("asOf") LocalDate asOf,
    @JsonProperty("stages") List<StageTime> stages,
    @JsonProperty("overdueOpenDeals") List<OverdueDeal> overdueOpenDeals,
    @JsonProperty("wonCycle") DurationStats wonCycle,
    @JsonProperty("lostCycle") DurationStats lostCycle,
    @JsonProperty("cycleKaplanMeier") CensoredDurations cycleKaplanMeier,
    @JsonProperty("velocity") SalesVelocity velocity,
    @JsonProperty("dealsWithoutHistory") long dealsWithoutHistory,
    @JsonProperty("closedWithoutCloseDate") long closedWithoutCloseDate) {

  /** Validates the components, reporting every violation at once. */
  @JsonCreator
  public TimeInStage {
    Checks.Collector c = Checks.collector();
    if (asOf == null) {
      c.add("asOf", null, "must not be null");
    }
    if (stages == null) {
      c.add("stages", null, "must not be null");
    }
    if (stages != null) {
      c.elementsNotNull("stages", stages);
    }
    if (overdueOpenDeals == null) {
      c.add("overdueOpenDeals", null, "must not be null");
    }
    if (overdueOpenDeals != null) {
      c.elementsNotNull("overdueOpenDeals", overdueOpenDeals);
    }
    if (wonCycle == null) {
      c.add("wonCycle", null, "must not be null");
    }
    if (lostCycle == null) {
      c.add("lostCycle", null, "must not be null");
    }
    if (cycleKaplanMeier == null) {
      c.add("cycleKaplanMeier", null, "must not be null");
    }
    if (velocity == null) {
      c.add("velocity", null, "must not be null");
    }
    c.throwIfAny();
    long cycles = wonCycle.count() + lostCycle.count();
    if (cycleKaplanMeier.finished() != cycles) {
      c.add("cycleKaplanMeier.finished", cycleKaplanMeier.finished(),
          "must equal the won and lost cycles (" + cycles + ")");
    }
    stages = List.copyOf(stages);
    overdueOpenDeals = List.copyOf(overdueOpenDeals);
    c.check(() -> Checks.nonNegative("dealsWithoutHistory", dealsWithoutHistory));
    c.check(() -> Checks.nonNegative("closedWithoutCloseDate", closedWithoutCloseDate));
    long ongoingOverdue = stages.stream().mapToLong(StageTime::ongoingOverdue).sum();
    if (ongoingOverdue != overdueOpenDeals.size()) {
      c.add("overdueOpenDeals", overdueOpenDeals.size() + " deals",
          "must match the stages' ongoingOverdue sum (" + ongoingOverdue + ")");
    }
    c.throwIfAny();
  }


  /**
   * Time spent in one stage, in working days.
   *
   * <p>{@link #completed()} summarizes the finished stays (the deal entered the next stage, or
   * closed); {@link #overdue()} counts those above the norm. {@link #ongoing()} counts open deals
   * now in the stage and {@link #ongoingOverdue()} those of them above the norm as of the report
   * date (listed in {@link TimeInStage#overdueOpenDeals()}). {@link #completed()} is closed-only
   * (finished stays); {@link #kaplanMeier()} puts the ongoing stays beside them, censored at the
   * as-of date.
   *
   * <p>JSON form: {@code {"stage":"proposal","norm":10,"completed":{...},"kaplanMeier":{...},
   * "overdue":1,"ongoing":2,"ongoingOverdue":1}}. Immutable and thread-safe.
   *
   * @param stage the stage id
   * @param norm the stage's norm in working days
   * @param completed the summary of completed stays (finished stays only)
   * @param kaplanMeier the stay in the stage by Kaplan–Meier: the completed stays as events, the
   *     ongoing stays of open deals censored at the as-of date
   * @param overdue the completed stays longer than the norm ({@code days > norm}); 0 without a norm
   * @param ongoing the open deals now in this stage (with a history)
   * @param ongoingOverdue the open deals now in this stage longer than the norm as of the report date
   */
  @JsonPropertyOrder({"stage", "norm", "completed", "kaplanMeier", "overdue", "ongoing", "ongoingOverdue"})
  public record StageTime(
      @JsonProperty("stage") String stage,
      @JsonProperty("norm") OptionalLong norm,
      @JsonProperty("completed") DurationStats completed,
      @JsonProperty("kaplanMeier") CensoredDurations kaplanMeier,
      @JsonProperty("overdue") long overdue,
      @JsonProperty("ongoing") long ongoing,
      @JsonProperty("ongoingOverdue") long ongoingOverdue) {

    /** Validates the components, reporting every violation at once. */
    @JsonCreator
    public StageTime {
      norm = norm == null ? OptionalLong.empty() : norm;
      Checks.Collector c = Checks.collector();
      if (stage == null) {
        c.add("stage", null, "must not be null");
      }
      if (completed == null) {
        c.add("completed", null, "must not be null");
      }
      if (kaplanMeier == null) {
        c.add("kaplanMeier", null, "must not be null");
      }
      c.throwIfAny();
      if (kaplanMeier.finished() != completed.count() || kaplanMeier.censored() != ongoing) {
        c.add("kaplanMeier", kaplanMeier.finished() + " finished / " + kaplanMeier.censored() + " censored",
            "must equal the completed stays (" + completed.count() + ") and the ongoing ones ("
                + ongoing + ")");
      }
      c.check(() -> Checks.notBlank("stage", stage));
      c.check(() -> Checks.inRange("overdue", overdue, 0, completed.count()));
      c.check(() -> Checks.nonNegative("ongoing", ongoing));
      c.check(() -> Checks.inRange("ongoingOverdue", ongoingOverdue, 0, ongoing));
      if (norm.isPresent()) {
        long n = norm.getAsLong();
        c.check(() -> Checks.nonNegative("norm", n));
      } else if (overdue != 0 || ongoingOverdue != 0) {
        c.add("overdue", overdue, "must be 0 without a norm");
      }
      c.throwIfAny();
    }
  }

  /**
   * An open deal that has been in its current stage longer than the stage's norm.
   *
   * <p>JSON form: {@code {"deal":"D-17","stage":"proposal","days":12,"norm":10}}. Immutable and
   * thread-safe.
   *
   * @param deal the deal id
   * @param stage the current stage id
   * @param days working days in the stage up to the "as of" date
   * @param norm the stage's norm in working days, {@code < days}
   */
  @JsonPropertyOrder({"deal", "stage", "days", "norm"})
  public record OverdueDeal(
      @JsonProperty("deal") DealId deal,
      @JsonProperty("stage") String stage,
      @JsonProperty("days") long days,
      @JsonProperty("norm") long norm) {

    /** Validates the components (see the record description). */
    @JsonCreator
    public OverdueDeal {
      Checks.Collector c = Checks.collector();
      if (deal == null) {
        c.add("deal", null, "must not be null");
      }
      c.check(() -> Checks.notBlank("stage", stage));
      c.check(() -> Checks.nonNegative("norm", norm));
      if (days <= norm) {
        c.add("days", days, "must be > norm (" + norm + ")");
      }
      c.throwIfAny();
    }

    /**
     * Returns the working days beyond the norm, {@code days - norm}.
     *
     * @return the excess, {@code >= 1}
     */
    public long excess() {
      return days - norm;
    }
  }

  /**
   * Durations in working days with the unfinished ones censored (DOMAIN 2.5): the Kaplan–Meier
   * median and 90th percentile, each with its 95 % Brookmeyer–Crowley interval, over
   * {@link #finished()} durations (events) and {@link #censored()} durations still running at the
   * as-of date (an open deal's stay or cycle so far: it lasts at least that long). Computed with
   * the estimator of {@code io.clientyield.funnel.survival} (the same Kaplan–Meier as
   * {@link io.clientyield.funnel.survival.TimeToOutcome}).
   *
   * <p>A percentile's {@code age} is empty when the survival curve never falls that far (too many
   * durations still running); its {@code upper} is empty when the interval is open above. With
   * nothing censored the percentiles are those of the finished durations
   * ({@code t_q = min {t : share finished by t >= q}}).
   *
   * <p>JSON form: {@code {"finished":5,"censored":2,"median":{"level":0.5,"age":3,...},
   * "p90":{"level":0.9,...}}}. Immutable and thread-safe.
   *
   * @param finished the finished durations (events), {@code >= 0}
   * @param censored the durations still running at the as-of date, {@code >= 0}
   * @param median the Kaplan–Meier median (level 0.5)
   * @param p90 the Kaplan–Meier 90th percentile (level 0.9)
   */
  @JsonPropertyOrder({"finished", "censored", "median", "p90"})
  public record CensoredDurations(
      @JsonProperty("finished") long finished,
      @JsonProperty("censored") long censored,
      @JsonProperty("median") AgeQuantile median,
      @JsonProperty("p90") AgeQuantile p90) {

    /** Validates the counts and the levels, reporting every violation at once. */
    @JsonCreator
    public CensoredDurations {
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.nonNegative("finished", finished));
      c.check(() -> Checks.nonNegative("censored", censored));
      if (median == null) {
        c.add("median", null, "must not be null");
      } else if (median.level() != 0.5) {
        c.add("median.level", median.level(), "must be 0.5");
      }
      if (p90 == null) {
        c.add("p90", null, "must not be null");
      } else if (p90.level() != 0.9) {
        c.add("p90.level", p90.level(), "must be 0.9");
      }
      c.throwIfAny();
      if (finished == 0 && (median.age().isPresent() || p90.age().isPresent())) {
        c.add("median.age", median.age(), "must be empty without finished durations");
      }
      c.throwIfAny();
    }
  }

  /**
   * Summary of durations in working days: count, nearest-rank median and 90th percentile , mean and maximum. Every statistic is empty when the count is 0.
   *
   * <p>JSON form: {@code {"count":5,"median":3,"p90":10,"mean":4.0,"max":10}}. Immutable and
   * thread-safe.
   *
   * @param count the number of durations
   * @param median the nearest-rank median in working days
   * @param p90 the nearest-rank 90th percentile in working days
   * @param mean the mean in working days
   * @param max the longest duration in working days
   */
  @JsonPropertyOrder({"count", "median", "p90", "mean", "max"})
  public record DurationStats(
      @JsonProperty("count") long count,
      @JsonProperty("median") OptionalLong median,
      @JsonProperty("p90") OptionalLong p90,
      @JsonProperty("mean") OptionalDouble mean,
      @JsonProperty("max") OptionalLong max) {

    /** Validates the components, reporting every violation at once. */
    @JsonCreator
    public DurationStats {
      median = median == null ? OptionalLong.empty() : median;
      p90 = p90 == null ? OptionalLong.empty() : p90;
      mean = mean == null ? OptionalDouble.empty() : mean;
      max = max == null ? OptionalLong.empty() : max;
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.nonNegative("count", count));
      boolean empty = count == 0;
      if (median.isPresent() == empty || p90.isPresent() == empty || mean.isPresent() == empty
          || max.isPresent() == empty) {
        c.add("count", count, "statistics must be present exactly when count > 0");
      } else if (!empty) {
        if (median.getAsLong() < 0 || median.getAsLong() > p90.getAsLong()
            || p90.getAsLong() > max.getAsLong()) {
          c.add("median", median.getAsLong(), "must satisfy 0 <= median <= p90 ("
              + p90.getAsLong() + ") <= max (" + max.getAsLong() + ")");
        }
        double m = mean.getAsDouble();
        long top = max.getAsLong();
        c.check(() -> Checks.inRange("mean", m, 0, top));
      }
      c.throwIfAny();
    }
  }
}
