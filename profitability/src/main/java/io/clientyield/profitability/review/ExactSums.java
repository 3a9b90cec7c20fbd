package io.clientyield.profitability.review;

import io.clientyield.core.ValidationException;

/**
 * Exact long sums for the accumulators; package-private, stateless and thread-safe. The field
 * name is only built when a sum fails, so the per-record path allocates nothing.
 */
final class ExactSums {
  private ExactSums() {}

  /**
   * {@code a + b}, or a {@link ValidationException} naming the field when it does not fit in a
   * long: {@code group[key]field}, e.g. {@code byPm[anna].revenue}, or {@code group} alone when
   * {@code key} is null. Callers check every new value with it before changing any state.
   *
   * @param group the first part of the field name
   * @param key the key in brackets, or null for none
   * @param field the rest of the field name ("" for none)
   * @param a the running sum
   * @param b the addend
   * @return the sum
   */
  static long add(String group, String key, String field, long a, long b) {
    long s = a + b;
    if (((a ^ s) & (b ^ s)) < 0) { // Math.addExact's overflow test, without the exception
      String name = key == null ? group + field : group + "[" + key + "]" + field;
      throw ValidationException.of(name, a + " + " + b,
          "must fit in a long (within [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "])");
    }
    return s;
  }
}
