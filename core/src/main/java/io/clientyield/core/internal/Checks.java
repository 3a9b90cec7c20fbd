package io.clientyield.core.internal;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Argument checks for the API boundary, with uniform messages that name the argument, the value
 * and the rule: {@code count (-3) must be >= 0}.
 *
 * <p>Every check is written so that NaN fails too. Each static method throws a
 * {@link ValidationException} with one violation; {@link #collector()} gathers several
 * violations and throws them together. Stateless and thread-safe.
 */
public final class Checks {
  private Checks() {}

  /**
   * Requires a non-null value.
   *
   * @param field the argument name
   * @param value the value
   * @param <T> the value type
   * @return the value
   * @throws ValidationException if the value is null
   */
  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw ValidationException.of(field, null, "must not be null");
    }
    return value;
  }

  /**
   * Requires a non-null element of a collection, named by its index ({@code deals[3] (null) must
   * not be null}); the name is built only on failure, so a loop over many elements allocates
   * nothing.
   *
   * @param field the collection's argument name
   * @param index the element's index
   * @param value the element
   * @param <T> the element type
   * @return the element
   * @throws ValidationException if the element is null
   */
  public static <T> T notNull(String field, int index, T value) {
    if (value == null) {
      throw ValidationException.of(field + "[" + index + "]", null, "must not be null");
    }
    return value;
  }

  /**
   * Requires a string that is not null and not blank.
   *
   * @param field the argument name
   * @param value the value
   * @return the value
   * @throws ValidationException if the value is null or blank
   */
  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, value == null ? null : "\"" + value + "\"", "must not be blank");
    }
    return value;
  }

  /**
   * Requires {@code value >= 0}.
   *
   * @param field the argument name
   * @param value the value
   * @return the value
   * @throws ValidationException otherwise
   */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw ValidationException.of(field, value, "must be >= 0");
    }
    return value;
  }

  /**
   * Requires a finite {@code value >= 0} (NaN fails).
   *
   * @param field the argument name
   * @param value the value
   * @return the value
   * @throws ValidationException otherwise
   */
  public static double nonNegative(String field, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw ValidationException.of(field, value, "must be finite and >= 0");
    }
    return value;
  }

  /**
   * Requires a finite {@code value > 0} (NaN fails).
   *
   * @param field the argument name
   * @param value the value
   * @return the value
   * @throws ValidationException otherwise
   */
  public static double positive(String field, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw ValidationException.of(field, value, "must be finite and > 0");
    }
    return value;
  }

  /**
   * Requires {@code value > 0}.
   *
   * @param field the argument name
   * @param value the value
   * @return the value
   * @throws ValidationException otherwise
   */
  public static long positive(String field, long value) {
    if (value <= 0) {
      throw ValidationException.of(field, value, "must be > 0");
    }
    return value;
  }

  /**
   * Requires a finite value (neither NaN nor infinite).
   *
   * @param field the argument name
   * @param value the value
   * @return the value
   * @throws ValidationException otherwise
   */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw ValidationException.of(field, value, "must be finite");
    }
    return value;
  }

  /**
   * Requires {@code min <= value <= max} (NaN fails).
   *
   * @param field the argument name
   * @param value the value
   * @param min the inclusive lower bound
   * @param max the inclusive upper bound
   * @return the value
   * @throws ValidationException otherwise
   */
  public static double inRange(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw ValidationException.of(
          field, value, "must be within [" + render(min) + ", " + render(max) + "]");
    }
    return value;
  }

  /**
   * Requires {@code min <= value <= max}.
   *
   * @param field the argument name
   * @param value the value
   * @param min the inclusive lower bound
   * @param max the inclusive upper bound
   * @return the value
   * @throws ValidationException otherwise
   */
  public static long inRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw ValidationException.of(field, value, "must be within [" + min + ", " + max + "]");
    }
    return value;
  }

  /**
   * Requires a probability or share: {@code 0 <= value <= 1} (NaN fails).
   *
   * @param field the argument name
   * @param value the value
   * @return the value
   * @throws ValidationException otherwise
   */
  public static double unitInterval(String field, double value) {
    return inRange(field, value, 0, 1);
  }

  /**
   * Requires a non-empty collection.
   *
   * @param field the argument name
   * @param value the collection
   * @param <C> the collection type
   * @return the collection
   * @throws ValidationException if it is null or empty
   */
  public static <C extends Collection<?>> C notEmpty(String field, C value) {
    if (value == null || value.isEmpty()) {
      throw ValidationException.of(field, value == null ? null : "[]", "must not be empty");
    }
    return value;
  }

  /**
   * Requires a collection that is not null and holds no null element, and returns an immutable
   * copy in iteration order; every null element is reported, by index: {@code deals[3] (null)
   * must not be null}.
   *
   * @param field the argument name
   * @param values the collection
   * @param <T> the element type
   * @return an immutable copy, in iteration order
   * @throws ValidationException if the collection or any element is null
   */
  public static <T> List<T> elementsNotNull(String field, Collection<? extends T> values) {
    notNull(field, values);
    Collector c = collector();
    c.elementsNotNull(field, values);
    c.throwIfAny();
    return List.copyOf(values);
  }

  /**
   * Exact {@code a + b} of two longs, for counters and sums in minor units; an overflow is a
   * {@link ValidationException} naming the field ({@code deals (9223372036854775807 + 1) must fit
   * in a long}) rather than a silent wrap-around or an {@link ArithmeticException}. Callers that
   * update several sums compute every new value with it before storing any, so an overflow
   * leaves their state unchanged.
   *
   * @param field the name of what is being summed
   * @param a the running sum
   * @param b the addend
   * @return {@code a + b}
   * @throws ValidationException if the sum does not fit in a long
   */
  public static long addExact(String field, long a, long b) {
    if (sumOverflows(a, b)) {
      throw overflow(field, a, b);
    }
    return a + b;
  }

  /**
   * {@link #addExact(String, long, long)} for a sum kept per key, whose field path
   * {@code group[key]rest} (e.g. {@code byPm[anna].revenue}) is built only when the sum
   * overflows, so a per-record path allocates nothing.
   *
   * @param group the first part of the field path
   * @param key the key in brackets, or null for none ({@code group rest})
   * @param rest the rest of the field path ("" for none)
   * @param a the running sum
   * @param b the addend
   * @return {@code a + b}
   * @throws ValidationException if the sum does not fit in a long
   */
  public static long addExact(String group, Object key, String rest, long a, long b) {
    if (sumOverflows(a, b)) {
      throw overflow(key == null ? group + rest : group + "[" + key + "]" + rest, a, b);
    }
    return a + b;
  }

  /**
   * Whether {@code a + b} does not fit in a long; with {@link #overflow} for paths that check
   * first and build the field name only on failure.
   *
   * @param a the running sum
   * @param b the addend
   * @return true if the sum overflows
   */
  public static boolean sumOverflows(long a, long b) {
    long s = a + b;
    return ((a ^ s) & (b ^ s)) < 0;
  }

  /**
   * The {@link ValidationException} of {@link #addExact}, for callers that build the field name
   * only when it is needed (e.g. {@code byPm[anna].revenue} in a per-record path).
   *
   * @param field the name of what is being summed
   * @param a the running sum
   * @param b the addend
   * @return the exception, to throw
   */
  public static ValidationException overflow(String field, long a, long b) {
    return ValidationException.of(field, a + " + " + b,
        "must fit in a long (within [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "])");
  }

  /**
   * Renders a value for a message, locale-independently ({@code 0.05}, never {@code 0,05}).
   *
   * @param value the value (may be null)
   * @return its text
   */
  public static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
        return String.format(Locale.ROOT, "%d", (long) d);
      }
      return Double.toString(d);
    }
    if (value instanceof BigDecimal) {
      BigDecimal decimal = (BigDecimal) value;
      // plain notation only while it stays short: 1e-999999999 would expand to a billion digits
      String text = Math.abs((long) decimal.scale()) <= 200 ? decimal.toPlainString()
          : decimal.toString();
      return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
    String text = String.valueOf(value);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /**
   * Starts a collector that gathers several violations and throws them together.
   *
   * @return a new, empty collector (not thread-safe; use it within one call)
   */
  public static Collector collector() {
    return new Collector();
  }

  /** Gathers violations so that all problems of one input are reported at once. */
  public static final class Collector {
    private final List<ValidationException.Violation> violations = new ArrayList<>();

    private Collector() {}

    /**
     * Adds a violation.
     *
     * @param field the field path
     * @param rejectedValue the rejected value
     * @param rule the rule it broke
     * @return this collector
     */
    public Collector add(String field, Object rejectedValue, String rule) {
      violations.add(ValidationException.Violation.of(field, rejectedValue, rule));
      return this;
    }

    /**
     * Records one violation per null element of a collection, by index
     * ({@code field[i] (null) must not be null}).
     *
     * @param field the argument name
     * @param values the collection, not null
     * @return true if no element is null
     */
    public boolean elementsNotNull(String field, Iterable<?> values) {
      boolean none = true;
      int i = 0;
      for (Object v : values) {
        if (v == null) {
          add(field + "[" + i + "]", null, "must not be null");
          none = false;
        }
        i++;
      }
      return none;
    }

    /**
     * Records a violation naming the field and both currencies when {@code value} is not in the
     * currency of {@code reference}: {@code cost (USD 1.00) must be in EUR like revenue: cannot mix
     * EUR and USD}. Null values are left to the null checks.
     *
     * @param field the field of {@code value}
     * @param value the value to check (may be null)
     * @param referenceField the field whose currency is the reference
     * @param reference the reference value (may be null)
     * @return true unless a violation was recorded
     */
    public boolean sameCurrency(String field, Money value, String referenceField, Money reference) {
      if (value == null || reference == null || value.currency().equals(reference.currency())) {
        return true;
      }
      String want = reference.currency().getCurrencyCode();
      add(field, value, "must be in " + want + " like " + referenceField + ": cannot mix " + want
          + " and " + value.currency().getCurrencyCode());
      return false;
    }

    /**
     * Records a violation for each amount whose currency differs from the first present amount's
     * (a value never mixes currencies). Takes pairs of a field name and its amount: a
     * {@link Money}, an {@code Optional<Money>}, or null (absent values are skipped).
     *
     * @param fieldsAndAmounts field, amount, field, amount, ...
     * @return true unless a violation was recorded
     */
    public boolean oneCurrency(Object... fieldsAndAmounts) {
      String referenceField = null;
      Money reference = null;
      boolean ok = true;
      for (int i = 0; i + 1 < fieldsAndAmounts.length; i += 2) {
        Object value = fieldsAndAmounts[i + 1];
        if (value instanceof java.util.Optional) {
          value = ((java.util.Optional<?>) value).orElse(null);
        }
        if (!(value instanceof Money)) {
          continue;
        }
        String field = String.valueOf(fieldsAndAmounts[i]);
        if (reference == null) {
          reference = (Money) value;
          referenceField = field;
        } else {
          ok &= sameCurrency(field, (Money) value, referenceField, reference);
        }
      }
      return ok;
    }

    /**
     * Runs a check and records its violations instead of throwing them.
     *
     * @param check a check that may throw {@link ValidationException}
     * @return this collector
     */
    public Collector check(Runnable check) {
      try {
        check.run();
      } catch (ValidationException e) {
        violations.addAll(e.violations());
      }
      return this;
    }

    /**
     * Returns whether nothing was recorded.
     *
     * @return true if there are no violations
     */
    public boolean isEmpty() {
      return violations.isEmpty();
    }

    /**
     * Returns the violations recorded so far.
     *
     * @return an unmodifiable copy
     */
    public List<ValidationException.Violation> violations() {
      return List.copyOf(violations);
    }

    /**
     * Throws a {@link ValidationException} carrying every recorded violation, if there is any.
     *
     * @throws ValidationException if any violation was recorded
     */
    public void throwIfAny() {
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
    }
  }
}
