package io.clientyield.funnel.probability;

import io.clientyield.core.ValidationException;

/**
 * The overflow check of the accumulators' {@code long} counters and sums, used before anything
 * is applied (check first, then apply) so that an accumulator that rejects an overflow keeps its
 * state unchanged.
 */
final class Overflow {
  private Overflow() {}

  /**
   * Returns {@code a + b}.
   *
   * @param field what is summed, named in the error
   * @param a the current value
   * @param b the value to add
   * @return the sum
   * @throws ValidationException naming {@code field} if the sum does not fit in a long
   */
  static long add(String field, long a, long b) {
    if (overflows(a, b)) {
      throw error(field, a, b);
    }
    return a + b;
  }

  /**
   * Whether {@code a + b} does not fit in a long (for hot paths whose field name is built only
   * on failure).
   *
   * @param a the current value
   * @param b the value to add
   * @return true if the sum overflows
   */
  static boolean overflows(long a, long b) {
    long s = a + b;
    return ((a ^ s) & (b ^ s)) < 0;
  }

  /**
   * The error for {@code a + b} overflowing.
   *
   * @param field what is summed
   * @param a the current value
   * @param b the value to add
   * @return the exception, to be thrown by the caller
   */
  static ValidationException error(String field, long a, long b) {
    return ValidationException.of(field, a + " + " + b,
        "overflows a long (at most " + Long.MAX_VALUE + "); nothing was added");
  }
}
