package io.clientyield.profitability.rating;

import java.math.BigInteger;

/**
 * An exact sum of longs that may leave the long range on the way and come back: the wrapped sum
 * plus the number of times it wrapped. Its total fits in a long exactly when it never ended
 * wrapped, whatever the order of the terms, so acceptance does not depend on order.
 */
final class ExactSum {
  private long low;
  private long wraps;

  ExactSum() {}

  ExactSum(ExactSum other) {
    low = other.low;
    wraps = other.wraps;
  }

  ExactSum add(long x) {
    long r = low + x;
    if (((low ^ r) & (x ^ r)) < 0) {
      wraps += x < 0 ? -1 : 1;
    }
    low = r;
    return this;
  }

  ExactSum add(ExactSum other) {
    add(other.low);
    wraps += other.wraps;
    return this;
  }

  boolean fits() {
    return wraps == 0;
  }

  /** The total; meaningful only when {@link #fits()}. */
  long value() {
    return low;
  }

  BigInteger exact() {
    return BigInteger.valueOf(low).add(BigInteger.valueOf(wraps).shiftLeft(64));
  }

  @Override
  public String toString() {
    return exact().toString();
  }
}
