package io.clientyield.core;

import java.util.List;
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
    return violations.size()
        + " violations: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
