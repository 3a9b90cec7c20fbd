package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A closed interval {@code [lower, upper]} of finite doubles, e.g. a confidence interval of a
 * conversion. Immutable and thread-safe.
 *
 * @param lower the lower bound
 * @param upper the upper bound, {@code >= lower}
 */
public record ConfidenceInterval(@JsonProperty("lower") double lower, @JsonProperty("upper") double upper) {

  /**
   * Creates an interval.
   *
   * @param lower the lower bound
   * @param upper the upper bound, {@code >= lower}
   * @throws ValidationException if a bound is not finite or {@code upper < lower}
   */
  @JsonCreator
  public ConfidenceInterval {
    Checks.finite("lower", lower);
    Checks.finite("upper", upper);
    if (upper < lower) {
      throw ValidationException.of("upper", upper, "must be >= lower (" + Checks.render(lower) + ")");
    }
  }

  /**
   * Returns whether the value lies in the interval (bounds included).
   *
   * @param value the value
   * @return true if {@code lower <= value <= upper}
   */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /**
   * Returns the width {@code upper - lower}.
   *
   * @return the width
   */
  public double width() {
    return upper - lower;
  }
}
