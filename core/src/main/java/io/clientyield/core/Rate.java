package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A validated rate given as a number in {@code [0, 1]}: a CTR, a conversion, a utilization, a
 * margin share. {@code 0.05} means 5 %.
 *
 * <p>JSON form: the bare number, {@code 0.05}. Immutable and thread-safe.
 */
public final class Rate implements Comparable<Rate> {
  /** 0 %. */
  public static final Rate ZERO = new Rate(0);
  /** 100 %. */
  public static final Rate ONE = new Rate(1);

  private final double value;

  private Rate(double value) {
    this.value = value == 0 ? 0 : value; // normalize -0.0
  }

  /**
   * Creates a rate from a number in {@code [0, 1]}.
   *
   * @param value the rate, e.g. {@code 0.05} for 5 %
   * @return the rate
   * @throws ValidationException if outside {@code [0, 1]} or NaN
   */
  @JsonCreator
  public static Rate of(double value) {
    return of("rate", value);
  }

  /**
   * Creates a rate, naming the field in the error: {@code Rate.of("ctr", 1.3)} fails with
   * {@code ctr (1.3) must be within [0, 1]}.
   *
   * @param field the field name for the error message
   * @param value the rate
   * @return the rate
   * @throws ValidationException if outside {@code [0, 1]} or NaN
   */
  public static Rate of(String field, double value) {
    return new Rate(Checks.unitInterval(field, value));
  }

  /**
   * Creates a rate from a percentage: {@code ofPercent(5)} is 0.05.
   *
   * @param percent the percentage in {@code [0, 100]}
   * @return the rate
   * @throws ValidationException if outside {@code [0, 100]} or NaN
   */
  public static Rate ofPercent(double percent) {
    return ofPercent("rate", percent);
  }

  /**
   * Creates a rate from a percentage, naming the field in the error.
   *
   * @param field the field name for the error message
   * @param percent the percentage in {@code [0, 100]}
   * @return the rate
   */
  public static Rate ofPercent(String field, double percent) {
    Checks.inRange(field + " (percent)", percent, 0, 100);
    return new Rate(percent / 100.0);
  }

  /**
   * Returns the rate as a number in {@code [0, 1]}.
   *
   * @return the value
   */
  @JsonValue
  public double value() {
    return value;
  }

  /**
   * Returns the rate in percent: 0.05 gives 5.0.
   *
   * @return the percentage
   */
  public double percent() {
    return value * 100.0;
  }

  /**
   * Returns {@code 1 - this}.
   *
   * @return the complement
   */
  public Rate complement() {
    return new Rate(1.0 - value);
  }

  @Override
  public int compareTo(Rate o) {
    return Double.compare(value, o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rate && Double.compare(((Rate) o).value, value) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }

  @Override
  public String toString() {
    return Checks.render(percent()) + " %";
  }
}
