package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import java.util.Currency;

/**
 * A fast, exact sum of money in one currency, kept as a {@code long} of minor units for hot loops
 * (no {@link java.math.BigDecimal} and no boxing per addition), converted to {@link Money} at
 * the end. Overflow is detected, never wrapped.
 *
 * <p>An accumulator: {@code new MoneyAccumulator(c)} is the identity, {@link #merge} is
 * associative and commutative, so partial sums built on parts of the data (threads, partitions)
 * merge into the sum of the whole.
 *
 * <p>Mutable and not thread-safe: use one per thread and merge.
 */
public final class MoneyAccumulator implements Accumulator<Money, MoneyAccumulator, Money> {
  private final Currency currency;
  private long minorUnits;

  /**
   * Creates an empty accumulator (the identity: sum zero).
   *
   * @param currency the currency of every amount added
   */
  public MoneyAccumulator(Currency currency) {
    this.currency = Checks.notNull("currency", currency);
  }

  /**
   * Adds an amount.
   *
   * @param money money in this accumulator's currency
   * @return this accumulator
   * @throws ValidationException if the currency differs, or the amount or the sum does not fit a
   *     long of minor units (the sum is then unchanged)
   */
  @Override
  public MoneyAccumulator add(Money money) {
    Checks.notNull("money", money);
    if (!money.currency().equals(currency)) {
      Money.zero(currency).requireSameCurrency(money);
    }
    minorUnits = sum(minorUnits, money.minorUnits());
    return this;
  }

  /**
   * Adds an amount given in minor units of this accumulator's currency (the hot-loop path).
   *
   * @param minor minor units, e.g. cents
   * @return this accumulator
   * @throws ValidationException if the sum overflows a long (the sum is then unchanged)
   */
  public MoneyAccumulator addMinor(long minor) {
    minorUnits = sum(minorUnits, minor);
    return this;
  }

  /**
   * Adds another accumulator's sum into this one.
   *
   * @param other an accumulator of the same currency
   * @return this accumulator
   * @throws ValidationException if the currencies differ or the sum overflows a long of minor
   *     units (this accumulator is then unchanged)
   */
  @Override
  public MoneyAccumulator merge(MoneyAccumulator other) {
    Checks.notNull("other", other);
    if (!other.currency.equals(currency)) {
      Money.zero(currency).requireSameCurrency(Money.zero(other.currency));
    }
    minorUnits = sum(minorUnits, other.minorUnits);
    return this;
  }

  private long sum(long a, long b) {
    long s = a + b;
    if (((a ^ s) & (b ^ s)) < 0) {
      throw ValidationException.of("sum", Money.ofMinor(a, currency) + " + " + Money.ofMinor(b, currency),
          "overflows a long of minor units (at most " + Long.MAX_VALUE + ")");
    }
    return s;
  }

  /**
   * Returns the currency.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the sum so far in minor units.
   *
   * @return the minor units
   */
  public long minorUnits() {
    return minorUnits;
  }

  /**
   * Returns the sum so far as money.
   *
   * @return the sum
   */
  @Override
  public Money result() {
    return Money.ofMinor(minorUnits, currency);
  }

  @Override
  public String toString() {
    return "MoneyAccumulator[" + result() + "]";
  }
}
