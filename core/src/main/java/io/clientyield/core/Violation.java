package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One broken rule: which field, which value was rejected, and the rule it broke.
 *
 * <p>Immutable and thread-safe. {@link #toString()} gives the message form used throughout the
 * library: {@code conversion (1.3) must be within [0, 1]}.
 *
 * @param field the path of the field, e.g. {@code "steps[2].id"} or {@code "ctr"}
 * @param rejectedValue the rejected value as text ({@code "null"} for a missing value)
 * @param rule what the value must satisfy, e.g. {@code "must be >= 0"}
 */
public record Violation(
    @JsonProperty("field") String field,
    @JsonProperty("rejectedValue") String rejectedValue,
    @JsonProperty("rule") String rule) {

  /**
   * Creates a violation; all parts are required.
   *
   * @param field the path of the field, e.g. {@code "steps[2].id"} or {@code "ctr"}
   * @param rejectedValue the rejected value as text ({@code "null"} for a missing value)
   * @param rule what the value must satisfy, e.g. {@code "must be >= 0"}
   */
  @JsonCreator
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rejectedValue, "rejectedValue");
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * Creates a violation for a value of any type, rendered with {@link String#valueOf(Object)}.
   *
   * @param field the field path
   * @param rejectedValue the rejected value (may be null)
   * @param rule the rule it broke
   * @return the violation
   */
  public static Violation of(String field, Object rejectedValue, String rule) {
    return new Violation(field, Checks.render(rejectedValue), rule);
  }

  @Override
  public String toString() {
    return field + " (" + rejectedValue + ") " + rule;
  }
}
