package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Deal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.immutables.value.Value;

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
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTimeInStage.class)
@JsonDeserialize(as = ImmutableTimeInStage.class)
@JsonPropertyOrder({"asOf", "stages", "overdueOpenDeals", "wonCycle", "lostCycle", "velocity",
    "dealsWithoutHistory", "closedWithoutCloseDate"})
public abstract class TimeInStage {

  TimeInStage() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TimeInStage}. */
  public static final class Builder extends ImmutableTimeInStage.Builder {
    Builder() {}
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

  /**
   * Returns the date up to which ongoing stays are measured.
   *
   * @return the "as of" date
   */
  public abstract LocalDate asOf();

  /**
   * Returns one row per stage, in stage order.
   *
   * @return the rows
   */
  public abstract List<StageTime> stages();

  /**
   * Returns the open deals above their current stage's norm.
   *
   * @return the overdue open deals, by stage, most overdue first, then deal id
   */
  public abstract List<OverdueDeal> overdueOpenDeals();

  /**
   * Returns the cycle lengths of won deals in working days.
   *
   * @return the statistics
   */
  public abstract DurationStats wonCycle();

  /**
   * Returns the cycle lengths of lost (refused or declined) deals in working days.
   *
   * @return the statistics
   */
  public abstract DurationStats lostCycle();

  /**
   * Returns the sales velocity.
   *
   * @return the velocity
   */
  public abstract SalesVelocity velocity();

  /**
   * Returns the deals without a dated history (no stage times, no cycle).
   *
   * @return the count
   */
  public abstract long dealsWithoutHistory();

  /**
   * Returns the closed deals with a history but without a close date.
   *
   * @return the count
   */
  public abstract long closedWithoutCloseDate();

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("dealsWithoutHistory", dealsWithoutHistory()));
    c.check(() -> Checks.nonNegative("closedWithoutCloseDate", closedWithoutCloseDate()));
    long ongoingOverdue = stages().stream().mapToLong(StageTime::ongoingOverdue).sum();
    if (ongoingOverdue != overdueOpenDeals().size()) {
      c.add("overdueOpenDeals", overdueOpenDeals().size() + " deals",
          "must match the stages' ongoingOverdue sum (" + ongoingOverdue + ")");
    }
    c.throwIfAny();
  }
}
