package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Sales velocity: the money the pipeline is expected to bring per working day,
 * <pre>
 *   velocity = open deals × win rate × average won budget / average won cycle length
 * </pre>
 * where the win rate is won / closed deals, the average won budget is the summed budget of the
 * won deals that have one divided by their number, and the average won cycle length is the mean
 * working days from the first history date to the close date of the won deals that have both.
 * Units: money per working day. It is computed exactly as
 * {@code open × won × wonBudget × wonCycleDeals / (closed × wonDealsWithBudget × wonCycleWorkingDays)}
 * and rounded once, HALF_EVEN, to the currency's minor unit.
 *
 * <p>Computed by {@link TimeInStageAccumulator} ({@link TimeInStageAccumulator#salesVelocity} from
 * the inputs); the constructor checks that the derived values match the inputs.
 *
 * <p>Undefined (empty) when there is no closed deal, no won deal with a budget, or no won deal
 * with cycle data, or when the average won cycle is 0 working days. No open deal gives zero.
 *
 * <p>Worked example: 10 open deals, 2 won of 4 closed (50 %), won budgets EUR 10 000.00 and
 * EUR 20 000.00 (average 15 000.00), won cycles 20 and 40 working days (average 30):
 * {@code 10 × 0.5 × 15 000.00 / 30} = EUR 2 500.00 per working day.
 *
 * <p>JSON form: the inputs and the derived values, e.g. {@code {"openDeals":10,
 * "winRate":{"successes":2,"trials":4},"wonBudget":{...},"wonDealsWithBudget":2,
 * "wonCycleDeals":2,"wonCycleWorkingDays":60,"averageWonBudget":{...},
 * "averageWonCycleWorkingDays":30.0,"perWorkingDay":{...}}}. Immutable and thread-safe.
 *
 * @param openDeals the open deals
 * @param winRate the won deals out of closed deals
 * @param wonBudget the summed budget of the won deals that have one
 * @param wonDealsWithBudget the how many won deals have a budget
 * @param wonCycleDeals the how many won deals have a cycle length (a history and a close date)
 * @param wonCycleWorkingDays the summed cycle lengths of the won deals, in working days
 * @param averageWonBudget the average won budget, rounded HALF_EVEN to the minor unit
 * @param averageWonCycleWorkingDays the average won cycle length in working days
 * @param perWorkingDay the velocity in money per working day (see the class comment)
 */
@JsonPropertyOrder({"openDeals", "winRate", "wonBudget", "wonDealsWithBudget", "wonCycleDeals",
    "wonCycleWorkingDays", "averageWonBudget", "averageWonCycleWorkingDays", "perWorkingDay"})
public record SalesVelocity(
    @JsonProperty("openDeals") long openDeals,
    @JsonProperty("winRate") Proportion winRate,
    @JsonProperty("wonBudget") Money wonBudget,
    @JsonProperty("wonDealsWithBudget") long wonDealsWithBudget,
    @JsonProperty("wonCycleDeals") long wonCycleDeals,
    @JsonProperty("wonCycleWorkingDays") long wonCycleWorkingDays,
    @JsonProperty("averageWonBudget") Optional<Money> averageWonBudget,
    @JsonProperty("averageWonCycleWorkingDays") OptionalDouble averageWonCycleWorkingDays,
    @JsonProperty("perWorkingDay") Optional<Money> perWorkingDay) {

  /** Validates the components, reporting every violation at once. */
  @JsonCreator
  public SalesVelocity {
    averageWonBudget = averageWonBudget == null ? Optional.empty() : averageWonBudget;
    averageWonCycleWorkingDays = averageWonCycleWorkingDays == null ? OptionalDouble.empty() : averageWonCycleWorkingDays;
    perWorkingDay = perWorkingDay == null ? Optional.empty() : perWorkingDay;
    Checks.Collector c = Checks.collector();
    if (winRate == null) {
      c.add("winRate", null, "must not be null");
    }
    if (wonBudget == null) {
      c.add("wonBudget", null, "must not be null");
    }
    c.throwIfAny();
    c.check(() -> Checks.nonNegative("openDeals", openDeals));
    c.check(() -> Checks.inRange("wonDealsWithBudget", wonDealsWithBudget, 0, winRate.successes()));
    c.check(() -> Checks.inRange("wonCycleDeals", wonCycleDeals, 0, winRate.successes()));
    c.check(() -> Checks.nonNegative("wonCycleWorkingDays", wonCycleWorkingDays));
    c.throwIfAny();
    Optional<Money> budget = SalesVelocityFormula.averageBudget(wonBudget, wonDealsWithBudget);
    if (!budget.equals(averageWonBudget)) {
      c.add("averageWonBudget", averageWonBudget, "must equal " + budget);
    }
    OptionalDouble cycle = SalesVelocityFormula.averageCycle(wonCycleDeals, wonCycleWorkingDays);
    if (!cycle.equals(averageWonCycleWorkingDays)) {
      c.add("averageWonCycleWorkingDays", averageWonCycleWorkingDays, "must equal " + cycle);
    }
    Optional<Money> v = SalesVelocityFormula.perWorkingDay(openDeals, winRate, wonBudget, wonDealsWithBudget,
        wonCycleDeals, wonCycleWorkingDays);
    if (!v.equals(perWorkingDay)) {
      c.add("perWorkingDay", perWorkingDay, "must equal " + v);
    }
    c.throwIfAny();
  }
}
