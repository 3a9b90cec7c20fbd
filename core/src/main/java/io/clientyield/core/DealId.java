package io.clientyield.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a deal, as the CRM knows it (any non-blank text of at most
 * 256 characters). JSON form: the bare string.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id text
 */
public record DealId(@JsonValue String value) implements Comparable<DealId> {

  /**
   * Creates the id.
   *
   * @param value the id text
   * @throws ValidationException if the value is null, blank or too long
   */
  public DealId {
    Ids.check("dealId", value);
  }

  /**
   * Creates the id.
   *
   * @param value the id text
   * @return the id
   */
  @JsonCreator
  public static DealId of(String value) {
    return new DealId(value);
  }

  @Override
  public int compareTo(DealId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
