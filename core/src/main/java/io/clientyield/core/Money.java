package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An exact amount of money in one currency.
 *
 * <p>The amount is a {@link BigDecimal} whose scale is always the currency's number of minor
 * digits (2 for EUR and USD, 0 for JPY), so {@code 1} and {@code 1.00} EUR are the same value.
 * Money never passes through {@code double}: a ratio may be a double (a conversion of 0.05), but
 * multiplying by it converts the ratio to its shortest decimal form and rounds the product with
 * an explicit {@link RoundingMode}. Mixing currencies is an error that names both.
 *
 * <p>JSON form: {@code {"amount":"1234.50","currency":"EUR"}}; the amount is a string so that no
 * consumer reads it into a binary floating-point number.
 *
 * <p>Immutable and thread-safe.
 */
@JsonPropertyOrder({"amount", "currency"})
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class Money implements Comparable<Money> {

  /** The largest number of integer digits an amount may have (guards against absurd input). */
  public static final int MAX_INTEGER_DIGITS = 30;

  /**
   * The library's one rounding policy for money results: {@link RoundingMode#HALF_EVEN}
   * ("banker's rounding", unbiased over many roundings), applied once, at the end of an exact
   * computation, to the currency's minor unit. Every calculator of every module that rounds money
   * uses it; methods that take a {@link RoundingMode} let a caller choose otherwise.
   */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  private final BigDecimal amount;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /**
   * Creates money from an amount that has no more decimals than the currency allows.
   *
   * <p>Example: {@code Money.of(new BigDecimal("12.5"), EUR)} is EUR 12.50;
   * {@code Money.of(new BigDecimal("12.555"), EUR)} is an error; use
   * {@link #of(BigDecimal, Currency, RoundingMode)} to round.
   *
   * @param amount the amount
   * @param currency the currency
   * @return the money
   * @throws ValidationException if the amount needs rounding or is absurdly large
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return of(amount, currency, RoundingMode.UNNECESSARY);
  }

  /**
   * Creates money, rounding the amount to the currency's minor unit with the given rule.
   *
   * @param amount the amount
   * @param currency the currency
   * @param rounding how to round extra decimals ({@link RoundingMode#UNNECESSARY} rejects them)
   * @return the money
   * @throws ValidationException if the amount is absurdly large, or needs rounding under
   *     {@code UNNECESSARY}
   */
  public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
    Checks.notNull("amount", amount);
    Checks.notNull("currency", currency);
    Checks.notNull("rounding", rounding);
    if ((long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw ValidationException.of(
          "amount", shortForm(amount), "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
    }
    int digits = minorDigits(currency);
    if (rounding == RoundingMode.UNNECESSARY && amount.stripTrailingZeros().scale() > digits) {
      throw ValidationException.of(
          "amount",
          shortForm(amount),
          "must have at most " + digits + " decimal places for " + currency.getCurrencyCode()
              + " (round explicitly with a RoundingMode)");
    }
    if ((long) amount.scale() - amount.precision() > digits + 2L) {
      // |amount| < 10^-(digits + 2): rounding depends only on the sign, so round a stand-in of
      // that sign instead of dividing by a power of ten as long as the exponent (bounded cost)
      amount = BigDecimal.valueOf(amount.signum()).scaleByPowerOfTen(-(digits + 2));
    }
    return new Money(amount.setScale(digits, rounding), currency);
  }

  /**
   * Creates money from text, e.g. {@code Money.of("1234.50", "EUR")}.
   *
   * @param amount the amount as a decimal number
   * @param currencyCode the ISO 4217 code
   * @return the money
   * @throws ValidationException if either part is malformed
   */
  public static Money of(String amount, String currencyCode) {
    return of(parseAmount(amount), currency(currencyCode));
  }

  /**
   * Creates money from a whole number of major units, e.g. {@code Money.of(100, USD)}.
   *
   * @param majorUnits the amount in major units
   * @param currency the currency
   * @return the money
   */
  public static Money of(long majorUnits, Currency currency) {
    return of(BigDecimal.valueOf(majorUnits), currency);
  }

  /**
   * Creates money from minor units: {@code ofMinor(1250, EUR)} is EUR 12.50.
   *
   * @param minorUnits the amount in minor units (cents)
   * @param currency the currency
   * @return the money
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    Checks.notNull("currency", currency);
    return new Money(BigDecimal.valueOf(minorUnits, minorDigits(currency)), currency);
  }

  /**
   * Returns zero in the given currency.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return ofMinor(0, currency);
  }

  @JsonCreator
  static Money fromJson(
      @JsonProperty(value = "amount", required = true) String amount,
      @JsonProperty(value = "currency", required = true) String currency) {
    return of(amount, currency);
  }

  /**
   * Looks up a currency by ISO 4217 code with a clear error.
   *
   * @param code the code, e.g. {@code "EUR"}
   * @return the currency
   * @throws ValidationException if the code is unknown
   */
  public static Currency currency(String code) {
    Checks.notNull("currency", code);
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("currency", code, "must be an ISO 4217 currency code");
    }
  }

  private static BigDecimal parseAmount(String amount) {
    Checks.notNull("amount", amount);
    if (amount.length() > 64) {
      throw ValidationException.of("amount", shortForm(amount), "must have at most 64 characters");
    }
    try {
      return new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw ValidationException.of("amount", shortForm(amount),
          "must be a decimal number such as 1234.50");
    }
  }

  private static int minorDigits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /**
   * Returns the exact amount, at the currency's scale.
   *
   * @return the amount
   */
  public BigDecimal amount() {
    return amount;
  }

  @JsonProperty("amount")
  String amountText() {
    return amount.toPlainString();
  }

  /**
   * Returns the currency.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  @JsonProperty("currency")
  String currencyCode() {
    return currency.getCurrencyCode();
  }

  /**
   * Returns the amount in minor units: EUR 12.50 is 1250.
   *
   * @return the minor units
   * @throws ValidationException if the amount does not fit in a long of minor units (beyond
   *     about ±9.2 × 10^16 for a currency with cents): such an amount cannot be accumulated
   */
  public long minorUnits() {
    try {
      // the unscaled value without building a BigInteger (scale 0, then exact): the hot path of
      // every accumulator that sums minor units
      return amount.scale() >= 0 ? amount.movePointRight(amount.scale()).longValueExact()
          : amount.unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw ValidationException.of("amount", this,
          "must fit in a long of minor units (at most " + Long.MAX_VALUE + ") to be accumulated");
    }
  }

  /**
   * Wraps the result of an arithmetic operation, checking the range that {@link #of} checks, so
   * that every Money the library produces can be written and read back.
   */
  /** At most 40 characters of an amount, for messages (an amount may have a billion digits). */
  private static String shortForm(BigDecimal amount) {
    return shortForm(amount.toString());
  }

  /** At most 40 characters of a text, for messages. */
  private static String shortForm(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private Money result(BigDecimal value, String operation) {
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw ValidationException.of("result", shortForm(value),
          "of " + operation + " must have at most " + MAX_INTEGER_DIGITS + " integer digits");
    }
    return new Money(value, currency);
  }

  /**
   * Adds money of the same currency.
   *
   * @param other the money to add
   * @return the sum
   * @throws ValidationException if the currencies differ or the sum is out of range
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return result(amount.add(other.amount), this + " + " + other);
  }

  /**
   * Subtracts money of the same currency.
   *
   * @param other the money to subtract
   * @return the difference
   * @throws ValidationException if the currencies differ or the difference is out of range
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return result(amount.subtract(other.amount), this + " - " + other);
  }

  /**
   * Returns the negated amount.
   *
   * @return {@code -this}
   */
  public Money negated() {
    return new Money(amount.negate(), currency);
  }

  /**
   * Multiplies by a whole number, exactly.
   *
   * @param factor the factor
   * @return the product
   * @throws ValidationException if the product is out of range
   */
  public Money multipliedBy(long factor) {
    return result(amount.multiply(BigDecimal.valueOf(factor)), this + " × " + factor);
  }

  /**
   * Multiplies by a ratio and rounds to the minor unit: {@code EUR 100.00 × 0.125} with
   * {@code HALF_EVEN} is EUR 12.50. The ratio is taken at its shortest decimal form
   * ({@link BigDecimal#valueOf(double)}), so {@code 0.1} means exactly one tenth.
   *
   * @param ratio a finite ratio
   * @param rounding how to round to the minor unit
   * @return the rounded product
   * @throws ValidationException if the ratio is NaN or infinite
   */
  public Money multipliedBy(double ratio, RoundingMode rounding) {
    Checks.finite("ratio", ratio);
    return multipliedBy(BigDecimal.valueOf(ratio), rounding);
  }

  /**
   * Multiplies by an exact decimal factor and rounds to the minor unit.
   *
   * @param factor the factor
   * @param rounding how to round to the minor unit
   * @return the rounded product
   */
  public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
    Checks.notNull("factor", factor);
    Checks.notNull("rounding", rounding);
    if ((long) factor.precision() - factor.scale() > 2L * MAX_INTEGER_DIGITS) {
      throw ValidationException.of("factor", shortForm(factor), "must have at most "
          + 2 * MAX_INTEGER_DIGITS + " integer digits");
    }
    if ((long) factor.scale() + amount.scale() > Integer.MAX_VALUE) {
      // so small that the product rounds like any tiny number of its sign
      return of(BigDecimal.valueOf((long) factor.signum() * amount.signum()).scaleByPowerOfTen(
          -(minorDigits(currency) + 3)), currency, rounding);
    }
    return of(amount.multiply(factor), currency, rounding);
  }

  /**
   * Divides by a positive ratio and rounds to the minor unit: the plan needed for
   * EUR 100.00 at a realization ratio of 0.75 is {@code 100.00 / 0.75} = EUR 133.33.
   *
   * @param divisor a finite non-zero divisor
   * @param rounding how to round to the minor unit
   * @return the rounded quotient
   * @throws ValidationException if the divisor is zero, NaN or infinite, or the quotient is out
   *     of range
   */
  public Money dividedBy(double divisor, RoundingMode rounding) {
    Checks.finite("divisor", divisor);
    if (divisor == 0) {
      throw ValidationException.of("divisor", divisor, "must not be 0");
    }
    Checks.notNull("rounding", rounding);
    try {
      return result(amount.divide(BigDecimal.valueOf(divisor), amount.scale(), rounding),
          this + " / " + divisor);
    } catch (ArithmeticException e) {
      throw ValidationException.of(
          "rounding", rounding, "cannot represent " + this + " / " + divisor + " exactly; choose a rounding");
    }
  }

  /**
   * Returns {@code this / other} as a ratio, or empty when {@code other} is zero.
   *
   * @param other the denominator, same currency
   * @return the ratio, or empty if undefined
   * @throws ValidationException if the currencies differ
   */
  public OptionalDouble ratioTo(Money other) {
    requireSameCurrency(other);
    if (other.amount.signum() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(amount.divide(other.amount, java.math.MathContext.DECIMAL64).doubleValue());
  }

  /**
   * Splits this amount into parts proportional to the weights without losing a minor unit
   * (largest-remainder method; ties go to the earlier part). The parts always sum to this amount.
   *
   * <p>Example: EUR 100.00 allocated 1:1:1 gives 33.34, 33.33, 33.33.
   *
   * @param weights non-negative weights, at least one positive
   * @return one part per weight, in order
   * @throws ValidationException if a weight is negative or all are zero
   */
  public List<Money> allocate(long... weights) {
    Checks.notNull("weights", weights);
    if (weights.length == 0) {
      throw ValidationException.of("weights", "[]", "must not be empty");
    }
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < weights.length; i++) {
      Checks.nonNegative("weights[" + i + "]", weights[i]);
      total = total.add(BigInteger.valueOf(weights[i]));
    }
    if (total.signum() == 0) {
      throw ValidationException.of("weights", java.util.Arrays.toString(weights), "must have a positive sum");
    }
    BigInteger units = amount.unscaledValue();
    boolean negative = units.signum() < 0;
    units = units.abs();
    BigInteger[] shares = new BigInteger[weights.length];
    BigInteger[] remainders = new BigInteger[weights.length];
    BigInteger allocated = BigInteger.ZERO;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] qr = units.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
      shares[i] = qr[0];
      remainders[i] = qr[1];
      allocated = allocated.add(qr[0]);
    }
    int left = units.subtract(allocated).intValueExact(); // < weights.length
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      int c = remainders[b].compareTo(remainders[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int k = 0; k < left; k++) {
      int i = order.get(k);
      shares[i] = shares[i].add(BigInteger.ONE);
    }
    List<Money> parts = new ArrayList<>(weights.length);
    for (BigInteger share : shares) {
      BigInteger signed = negative ? share.negate() : share;
      parts.add(new Money(new BigDecimal(signed, amount.scale()), currency));
    }
    return List.copyOf(parts);
  }

  /**
   * Splits this amount into {@code parts} equal shares (see {@link #allocate(long...)}).
   *
   * @param parts the number of parts, at least 1
   * @return the parts, summing to this amount
   */
  public List<Money> allocate(int parts) {
    Checks.positive("parts", parts);
    long[] weights = new long[parts];
    java.util.Arrays.fill(weights, 1);
    return allocate(weights);
  }

  /**
   * Returns -1, 0 or 1 as the amount is negative, zero or positive.
   *
   * @return the sign
   */
  public int signum() {
    return amount.signum();
  }

  /**
   * Returns whether the amount is zero.
   *
   * @return true for zero
   */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Returns whether the amount is negative.
   *
   * @return true if below zero
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Returns the larger of two amounts of the same currency.
   *
   * @param other the other amount
   * @return the larger (this one on a tie)
   */
  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /**
   * Returns the smaller of two amounts of the same currency.
   *
   * @param other the other amount
   * @return the smaller (this one on a tie)
   */
  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /**
   * Compares amounts of the same currency.
   *
   * @throws ValidationException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  /**
   * Checks that another amount has this currency.
   *
   * @param other the other amount
   * @throws ValidationException naming both currencies if they differ
   */
  public void requireSameCurrency(Money other) {
    Checks.notNull("other", other);
    if (!currency.equals(other.currency)) {
      throw ValidationException.of(
          "currency",
          other.currency.getCurrencyCode(),
          "must equal " + currency.getCurrencyCode()
              + ": cannot mix " + currency.getCurrencyCode() + " and "
              + other.currency.getCurrencyCode() + " without a stated conversion");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Money)) {
      return false;
    }
    Money m = (Money) o;
    return amount.equals(m.amount) && currency.equals(m.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, currency);
  }

  /** Returns e.g. {@code EUR 1234.50}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
