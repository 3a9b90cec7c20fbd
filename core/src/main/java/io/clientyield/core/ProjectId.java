package io.clientyield.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a project or phase, as the CRM or timesheet system knows it (any non-blank text of at most
 * 256 characters). JSON form: the bare string.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id text
 */
public record ProjectId(@JsonValue String value) implements Comparable<ProjectId> {

  /**
   * Creates the id.
   *
   * @param value the id text
   * @throws ValidationException if the value is null, blank or too long
   */
  public ProjectId {
    Ids.check("projectId", value);
  }

  /**
   * Creates the id.
   *
   * @param value the id text
   * @return the id
   */
  @JsonCreator
  public static ProjectId of(String value) {
    return new ProjectId(value);
  }

  @Override
  public int compareTo(ProjectId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
