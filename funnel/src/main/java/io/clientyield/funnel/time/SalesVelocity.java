package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

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
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSalesVelocity.class)
@JsonDeserialize(as = ImmutableSalesVelocity.class)
@JsonPropertyOrder({"openDeals", "winRate", "wonBudget", "wonDealsWithBudget", "wonCycleDeals",
    "wonCycleWorkingDays", "averageWonBudget", "averageWonCycleWorkingDays", "perWorkingDay"})
public abstract class SalesVelocity {

  SalesVelocity() {}

  /**
   * Computes the velocity from its inputs.
   *
   * @param openDeals the open deals, {@code >= 0}
   * @param winRate won deals out of closed deals
   * @param wonBudget the summed budget of the won deals that have one
   * @param wonDealsWithBudget how many won deals have a budget, {@code <= won}
   * @param wonCycleDeals how many won deals have a cycle length, {@code <= won}
   * @param wonCycleWorkingDays the summed cycle lengths of those deals, in working days
   * @return the velocity
   * @throws io.clientyield.core.ValidationException if a count is negative or inconsistent
   */
  public static SalesVelocity of(long openDeals, Proportion winRate, Money wonBudget,
      long wonDealsWithBudget, long wonCycleDeals, long wonCycleWorkingDays) {
    Checks.notNull("winRate", winRate);
    Checks.notNull("wonBudget", wonBudget);
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("openDeals", openDeals));
    c.check(() -> Checks.inRange("wonDealsWithBudget", wonDealsWithBudget, 0, winRate.successes()));
    c.check(() -> Checks.inRange("wonCycleDeals", wonCycleDeals, 0, winRate.successes()));
    c.check(() -> Checks.nonNegative("wonCycleWorkingDays", wonCycleWorkingDays));
    c.throwIfAny();
    return ImmutableSalesVelocity.builder()
        .openDeals(openDeals)
        .winRate(winRate)
        .wonBudget(wonBudget)
        .wonDealsWithBudget(wonDealsWithBudget)
        .wonCycleDeals(wonCycleDeals)
        .wonCycleWorkingDays(wonCycleWorkingDays)
        .averageWonBudget(averageBudget(wonBudget, wonDealsWithBudget))
        .averageWonCycleWorkingDays(averageCycle(wonCycleDeals, wonCycleWorkingDays))
        .perWorkingDay(velocity(openDeals, winRate, wonBudget, wonDealsWithBudget, wonCycleDeals,
            wonCycleWorkingDays))
        .build();
  }

  private static Optional<Money> averageBudget(Money sum, long n) {
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(Money.of(
        sum.amount().divide(BigDecimal.valueOf(n), sum.amount().scale(), Money.ROUNDING),
        sum.currency()));
  }

  private static OptionalDouble averageCycle(long deals, long days) {
    return deals == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) days / deals);
  }

  private static Optional<Money> velocity(long open, Proportion winRate, Money wonBudget,
      long withBudget, long cycleDeals, long cycleDays) {
    if (winRate.trials() == 0 || withBudget == 0 || cycleDeals == 0 || cycleDays == 0) {
      return Optional.empty();
    }
    BigDecimal numerator = wonBudget.amount()
        .multiply(BigDecimal.valueOf(open))
        .multiply(BigDecimal.valueOf(winRate.successes()))
        .multiply(BigDecimal.valueOf(cycleDeals));
    BigDecimal denominator = BigDecimal.valueOf(winRate.trials())
        .multiply(BigDecimal.valueOf(withBudget))
        .multiply(BigDecimal.valueOf(cycleDays));
    return Optional.of(Money.of(
        numerator.divide(denominator, wonBudget.amount().scale(), Money.ROUNDING),
        wonBudget.currency()));
  }

  /**
   * Returns the open deals.
   *
   * @return the count
   */
  public abstract long openDeals();

  /**
   * Returns won deals out of closed deals.
   *
   * @return the win rate
   */
  public abstract Proportion winRate();

  /**
   * Returns the summed budget of the won deals that have one.
   *
   * @return the won budget
   */
  public abstract Money wonBudget();

  /**
   * Returns how many won deals have a budget.
   *
   * @return the count
   */
  public abstract long wonDealsWithBudget();

  /**
   * Returns how many won deals have a cycle length (a history and a close date).
   *
   * @return the count
   */
  public abstract long wonCycleDeals();

  /**
   * Returns the summed cycle lengths of the won deals, in working days.
   *
   * @return the working days
   */
  public abstract long wonCycleWorkingDays();

  /**
   * Returns the average won budget, rounded HALF_EVEN to the minor unit.
   *
   * @return the average, empty without a won deal with a budget
   */
  public abstract Optional<Money> averageWonBudget();

  /**
   * Returns the average won cycle length in working days.
   *
   * @return the average, empty without a won deal with cycle data
   */
  public abstract OptionalDouble averageWonCycleWorkingDays();

  /**
   * Returns the velocity in money per working day (see the class comment).
   *
   * @return the velocity, empty if undefined
   */
  public abstract Optional<Money> perWorkingDay();

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("openDeals", openDeals()));
    c.check(() -> Checks.inRange("wonDealsWithBudget", wonDealsWithBudget(), 0, winRate().successes()));
    c.check(() -> Checks.inRange("wonCycleDeals", wonCycleDeals(), 0, winRate().successes()));
    c.check(() -> Checks.nonNegative("wonCycleWorkingDays", wonCycleWorkingDays()));
    c.throwIfAny();
    Optional<Money> budget = averageBudget(wonBudget(), wonDealsWithBudget());
    if (!budget.equals(averageWonBudget())) {
      c.add("averageWonBudget", averageWonBudget(), "must equal " + budget);
    }
    OptionalDouble cycle = averageCycle(wonCycleDeals(), wonCycleWorkingDays());
    if (!cycle.equals(averageWonCycleWorkingDays())) {
      c.add("averageWonCycleWorkingDays", averageWonCycleWorkingDays(), "must equal " + cycle);
    }
    Optional<Money> v = velocity(openDeals(), winRate(), wonBudget(), wonDealsWithBudget(),
        wonCycleDeals(), wonCycleWorkingDays());
    if (!v.equals(perWorkingDay())) {
      c.add("perWorkingDay", perWorkingDay(), "must equal " + v);
    }
    c.throwIfAny();
  }
}
