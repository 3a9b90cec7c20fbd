package io.clientyield.profitability.pricing;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * Prices an hour of a specialist (DOMAIN 4.2).
 *
 * <p>fully loaded cost per hour = (salary + payroll taxes + overhead share) / (working hours
 * &times; utilization); price = cost / (1 &minus; target margin); price for a markup = cost
 * &times; (1 + markup). Money results are rounded half-even ({@code Money.ROUNDING}) to the currency's minor unit.
 *
 * <p>Example: salary 6 000, taxes 1 800, overhead 2 200 (10 000 a month), 160 working hours: at
 * 100 % utilization an hour costs 62.50; at 50 % it costs 125.00; for a 20 % margin the price
 * is 156.25.
 *
 * <p>Stateless; immutable and thread-safe.
 */
public final class HourlyPricing {

  private HourlyPricing() {}

  /**
   * Fully loaded cost of one billable hour.
   *
   * @param salary salary for the period (e.g. a month), >= 0
   * @param payrollTaxes payroll taxes for the same period, >= 0, same currency
   * @param overheadShare the specialist's share of overhead for the period, >= 0, same currency
   * @param workingHours working hours in the period, > 0
   * @param utilization billable share of working hours, in (0, 1]
   * @return (salary + taxes + overhead) / (workingHours &times; utilization), rounded half-even ({@code Money.ROUNDING})
   * @throws ValidationException naming every bad argument
   */
  public static Money costPerHour(
      Money salary, Money payrollTaxes, Money overheadShare, double workingHours, double utilization) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("salary", salary));
    c.check(() -> Checks.notNull("payrollTaxes", payrollTaxes));
    c.check(() -> Checks.notNull("overheadShare", overheadShare));
    c.check(() -> Checks.positive("workingHours", workingHours));
    if (!(utilization > 0.0 && utilization <= 1.0)) {
      c.add("utilization", utilization, "must be in (0, 1]");
    }
    c.throwIfAny();
    Checks.Collector c2 = Checks.collector();
    if (salary.isNegative()) {
      c2.add("salary", salary, "must be >= 0");
    }
    if (payrollTaxes.isNegative()) {
      c2.add("payrollTaxes", payrollTaxes, "must be >= 0");
    }
    if (overheadShare.isNegative()) {
      c2.add("overheadShare", overheadShare, "must be >= 0");
    }
    if (!payrollTaxes.currency().equals(salary.currency())) {
      c2.add("payrollTaxes", payrollTaxes, "must be in " + salary.currency());
    }
    if (!overheadShare.currency().equals(salary.currency())) {
      c2.add("overheadShare", overheadShare, "must be in " + salary.currency());
    }
    c2.throwIfAny();
    BigDecimal total = salary.amount().add(payrollTaxes.amount()).add(overheadShare.amount());
    BigDecimal hours =
        BigDecimal.valueOf(workingHours).multiply(BigDecimal.valueOf(utilization));
    return Money.of(
        total.divide(hours, MathContext.DECIMAL128), salary.currency(), Money.ROUNDING);
  }

  /**
   * Price that yields a target margin: cost / (1 &minus; margin).
   *
   * @param cost cost per hour, >= 0
   * @param targetMargin target margin in [0, 1)
   * @return the price, rounded half-even ({@code Money.ROUNDING})
   */
  public static Money priceForMargin(Money cost, double targetMargin) {
    Checks.notNull("cost", cost);
    if (!(targetMargin >= 0.0 && targetMargin < 1.0)) {
      throw ValidationException.of("targetMargin", targetMargin, "must be in [0, 1)");
    }
    if (cost.isNegative()) {
      throw ValidationException.of("cost", cost, "must be >= 0");
    }
    BigDecimal d = BigDecimal.ONE.subtract(BigDecimal.valueOf(targetMargin));
    return Money.of(
        cost.amount().divide(d, MathContext.DECIMAL128), cost.currency(), Money.ROUNDING);
  }

  /**
   * Price that yields a target markup: cost &times; (1 + markup).
   *
   * @param cost cost per hour, >= 0
   * @param targetMarkup target markup, >= 0
   * @return the price, rounded half-even ({@code Money.ROUNDING})
   */
  public static Money priceForMarkup(Money cost, double targetMarkup) {
    Checks.notNull("cost", cost);
    Checks.nonNegative("targetMarkup", targetMarkup);
    if (cost.isNegative()) {
      throw ValidationException.of("cost", cost, "must be >= 0");
    }
    return cost.multipliedBy(
        BigDecimal.ONE.add(BigDecimal.valueOf(targetMarkup)), Money.ROUNDING);
  }

  /**
   * The margin a given price yields over a given cost per hour: (price &minus; cost) / price.
   *
   * @param price the hourly price
   * @param costPerHour the fully loaded cost per hour at the utilization in question
   * @return the margin; empty when the price is zero
   */
  public static OptionalDouble marginAt(Money price, Money costPerHour) {
    Checks.notNull("price", price);
    Checks.notNull("costPerHour", costPerHour);
    return Margins.margin(price.minus(costPerHour), price);
  }
}
