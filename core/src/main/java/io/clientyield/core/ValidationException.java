package io.clientyield.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import java.util.Objects;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one exception the library raises for bad input: it carries every {@link Violation}
 * found, each naming the field, the rejected value and the rule.
 *
 * <p>It is raised at API boundaries before anything is applied, so an operation that throws it
 * has changed nothing. It extends {@link IllegalArgumentException} because bad input is a
 * caller mistake.
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** How many violations the message lists at most; {@link #violations()} holds every one. */
  private static final int MAX_VIOLATIONS_IN_MESSAGE = 50;

  /** The violations, in the order found; never empty. */
  private final List<Violation> violations;

  /**
   * Creates an exception from one or more violations.
   *
   * @param violations the violations, at least one
   */
  public ValidationException(List<Violation> violations) {
    super(message(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Creates an exception from the message of a check that the Immutables code generator writes
   * into builders and factories (the project style sets it as their {@code throwForNullPointer}
   * and {@code throwForInvalidImmutableState}), so that a missing or null attribute is a
   * validation error like any other: {@code "Cannot build Deal, some of required attributes are
   * not set [id, reachedStage]"} becomes one violation per attribute, e.g. {@code id (null) is
   * required to build Deal}; a null attribute {@code id} becomes {@code id (null) must not be
   * null}. Application code uses {@link #of} or {@link #ValidationException(List)}.
   *
   * @param generatedMessage the generated code's message
   */
  public ValidationException(String generatedMessage) {
    this(fromGenerated(generatedMessage));
  }

  private static final Pattern MISSING =
      Pattern.compile("Cannot build (\\S+), some of required attributes are not set \\[(.*)]");

  private static List<Violation> fromGenerated(String message) {
    String text = message == null ? "value" : message;
    Matcher m = MISSING.matcher(text);
    if (m.matches()) {
      List<Violation> out = new ArrayList<>();
      for (String attribute : m.group(2).split(",\\s*")) {
        out.add(Violation.of(attribute, null, "is required to build " + m.group(1)));
      }
      return out;
    }
    return List.of(Violation.of(text, null, "must not be null"));
  }

  /**
   * Creates an exception with a single violation.
   *
   * @param field the field path
   * @param rejectedValue the rejected value
   * @param rule the rule it broke
   * @return the exception (to be thrown by the caller)
   */
  public static ValidationException of(String field, Object rejectedValue, String rule) {
    return new ValidationException(List.of(Violation.of(field, rejectedValue, rule)));
  }

  /**
   * Returns every violation, in the order found.
   *
   * @return the violations, never empty
   */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    if (violations.size() == 1) {
      return violations.get(0).toString();
    }
    // the message lists the first violations only (a huge bad document may break a rule at
    // every element); violations() keeps them all
    String shown = violations.stream().limit(MAX_VIOLATIONS_IN_MESSAGE).map(Violation::toString)
        .collect(Collectors.joining("; "));
    return violations.size() + " violations: " + shown
        + (violations.size() > MAX_VIOLATIONS_IN_MESSAGE
            ? "; and " + (violations.size() - MAX_VIOLATIONS_IN_MESSAGE) + " more" : "");
  }

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
}
