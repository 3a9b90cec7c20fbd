package io.clientyield.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a worker (a person or a role) whose time is booked and priced, as the timesheet
 * system knows it (any non-blank text of at most 256 characters). JSON form: the bare string,
 * also as a key of a JSON object (a rate card's rates by worker).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id text
 */
public record WorkerId(@JsonValue String value) implements Comparable<WorkerId> {

  /**
   * Creates the id.
   *
   * @param value the id text
   * @throws ValidationException if the value is null, blank or too long
   */
  public WorkerId {
    Ids.check("workerId", value);
  }

  /**
   * Creates the id.
   *
   * @param value the id text
   * @return the id
   */
  @JsonCreator
  public static WorkerId of(String value) {
    return new WorkerId(value);
  }

  @Override
  public int compareTo(WorkerId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
