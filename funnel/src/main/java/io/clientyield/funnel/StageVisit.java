package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import java.time.LocalDate;

/**
 * One entry of a deal's stage history: the stage id and the day the deal entered it.
 *
 * <p>JSON form: {@code {"stage":"proposal","enteredOn":"2026-09-14"}}. Immutable and
 * thread-safe.
 *
 * @param stage the stage id (non-blank)
 * @param enteredOn the day the deal entered the stage
 */
public record StageVisit(
    @JsonProperty("stage") String stage, @JsonProperty("enteredOn") LocalDate enteredOn) {

  /** Validates the components (see the record description). */
  public StageVisit {
    Checks.notBlank("stage", stage);
    Checks.notNull("enteredOn", enteredOn);
  }

  /**
   * Creates the visit.
   *
   * @param stage the stage id
   * @param enteredOn the day the deal entered the stage
   * @return the visit
   */
  @JsonCreator
  public static StageVisit of(
      @JsonProperty("stage") String stage, @JsonProperty("enteredOn") LocalDate enteredOn) {
    return new StageVisit(stage, enteredOn);
  }
}
