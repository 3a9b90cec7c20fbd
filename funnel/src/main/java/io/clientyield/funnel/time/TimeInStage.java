package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Deal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Time in stage, cycle length and sales velocity of a set of deals as of a date (DOMAIN 2.5),
 * built by {@link TimeInStageAccumulator}.
 *
 * <p>{@link #stages()} has one row per stage in stage order; {@link #overdueOpenDeals()} lists
 * the open deals above their current stage's norm, ordered by stage, then most overdue first,
 * then deal id. {@link #wonCycle()} and {@link #lostCycle()} summarise the cycle lengths (first
 * history date to close date, working days) of won and of lost deals. Deals without a history
 * only count towards the velocity; closed deals with a history but no close date give no last
 * stay and no cycle length ({@link #closedWithoutCloseDate()}).
 *
 * <p>JSON form: {@code {"asOf":"2026-11-30","stages":[...],"overdueOpenDeals":[...],
 * "wonCycle":{...},"lostCycle":{...},"velocity":{...},"dealsWithoutHistory":0,
 * "closedWithoutCloseDate":0}}. Immutable and thread-safe.
 *
 * @param asOf the date up to which ongoing stays are measured
 * @param stages the one row per stage, in stage order
 * @param overdueOpenDeals the open deals above their current stage's norm
 * @param wonCycle the cycle lengths of won deals in working days
 * @param lostCycle the cycle lengths of lost (refused or declined) deals in working days
 * @param velocity the sales velocity
 * @param dealsWithoutHistory the deals without a dated history (no stage times, no cycle)
 * @param closedWithoutCloseDate the closed deals with a history but without a close date
 */
@JsonPropertyOrder({"asOf", "stages", "overdueOpenDeals", "wonCycle", "lostCycle", "velocity",
    "dealsWithoutHistory", "closedWithoutCloseDate"})
public record TimeInStage(
    @JsonProperty("asOf") LocalDate asOf,
    @JsonProperty("stages") List<StageTime> stages,
    @JsonProperty("overdueOpenDeals") List<OverdueDeal> overdueOpenDeals,
    @JsonProperty("wonCycle") DurationStats wonCycle,
    @JsonProperty("lostCycle") DurationStats lostCycle,
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
    if (velocity == null) {
      c.add("velocity", null, "must not be null");
    }
    c.throwIfAny();
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
   * Computes the time in stage of some deals (a loop over a {@link TimeInStageAccumulator}).
   *
   * @param deals the deals
   * @param norms the stages and their norms in working days
   * @param calendar the business calendar
   * @param asOf the date up to which ongoing stays of open deals are measured
   * @param currency the currency of every budget
   * @return the result
   * @throws io.clientyield.core.ValidationException as {@link TimeInStageAccumulator#add} does,
   *     and naming {@code deals[i]} if a deal is null
   */
  public static TimeInStage of(Iterable<Deal> deals, StageNorms norms,
      BusinessCalendar calendar, LocalDate asOf, Currency currency) {
    Checks.notNull("deals", deals);
    TimeInStageAccumulator acc = new TimeInStageAccumulator(norms, calendar, asOf, currency);
    int i = 0;
    for (Deal d : deals) {
      acc.add(Checks.notNull("deals", i++, d));
    }
    return acc.result();
  }
}
