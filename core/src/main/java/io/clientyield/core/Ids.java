package io.clientyield.core;

import io.clientyield.core.internal.Checks;

/** Shared rule for typed ids. */
final class Ids {
  /** The longest id accepted. */
  static final int MAX_LENGTH = 256;

  private Ids() {}

  static void check(String field, String value) {
    Checks.notBlank(field, value);
    if (value.length() > MAX_LENGTH) {
      throw ValidationException.of(field, value, "must have at most " + MAX_LENGTH + " characters");
    }
  }
}
