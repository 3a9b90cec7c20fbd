package io.clientyield.funnel.time;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one home of the sales-velocity formula (see {@link SalesVelocity}): used by the calculator
 * {@link TimeInStageAccumulator#salesVelocity} and by the record's consistency check. Stateless.
 */
final class SalesVelocityFormula {
  private SalesVelocityFormula() {}

  static Optional<Money> averageBudget(Money sum, long n) {
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(Money.of(
        sum.amount().divide(BigDecimal.valueOf(n), sum.amount().scale(), Money.ROUNDING),
        sum.currency()));
  }

  static OptionalDouble averageCycle(long deals, long days) {
    return deals == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) days / deals);
  }

  static Optional<Money> perWorkingDay(long open, Proportion winRate, Money wonBudget,
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
}
