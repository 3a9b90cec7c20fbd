package io.clientyield.forecasting;

import io.clientyield.core.ValidationException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Immutable list views over primitive arrays, so that a distribution record can expose {@code
 * List<Double>} / {@code List<Long>} components (its JSON form and equality) while holding one
 * unboxed array: ten million Monte Carlo values cost 80 MB, not 300 MB of boxes. Only this package
 * creates them, always over an array nobody else holds.
 */
final class PrimitiveLists {
  private PrimitiveLists() {}

  /** An immutable {@code List<Double>} over a {@code double[]} it owns. */
  static final class OfDouble extends AbstractList<Double> implements RandomAccess {
    private final double[] values;

    OfDouble(double[] values) {
      this.values = values;
    }

    /** The backing array: read only, never handed out. */
    double[] array() {
      return values;
    }

    @Override
    public Double get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  /** An immutable {@code List<Long>} over a {@code long[]} it owns. */
  static final class OfLong extends AbstractList<Long> implements RandomAccess {
    private final long[] values;

    OfLong(long[] values) {
      this.values = values;
    }

    /** The backing array: read only, never handed out. */
    long[] array() {
      return values;
    }

    @Override
    public Long get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  /**
   * Returns the list itself when it is already one of ours, else an unboxed copy; a null element
   * is a {@link ValidationException} naming {@code field[i]}.
   */
  static OfDouble doubles(String field, List<Double> list) {
    if (list instanceof OfDouble own) {
      return own;
    }
    double[] a = new double[list.size()];
    int i = 0;
    for (Double v : list) {
      if (v == null) {
        throw ValidationException.of(field + "[" + i + "]", null, "must not be null");
      }
      a[i++] = v;
    }
    return new OfDouble(a);
  }

  /** As {@link #doubles}, for longs. */
  static OfLong longs(String field, List<Long> list) {
    if (list instanceof OfLong own) {
      return own;
    }
    long[] a = new long[list.size()];
    int i = 0;
    for (Long v : list) {
      if (v == null) {
        throw ValidationException.of(field + "[" + i + "]", null, "must not be null");
      }
      a[i++] = v;
    }
    return new OfLong(a);
  }
}
