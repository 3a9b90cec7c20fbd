package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Proportion;
import java.util.Optional;

/**
 * The weakest step of a funnel: the stage where deals were lost ({@link #stage()}, the furthest
 * stage those deals reached) and the stage they failed to reach ({@link #nextStage()}, empty for
 * the last stage). In the DOMAIN 2.1 example (100 → 80 → 1) it is {@code presentation} with next
 * stage {@code proposal}: the step into the proposal loses 79 of 80.
 *
 * <p>JSON form:
 * {@code {"stage":"presentation","index":1,"nextStage":"proposal","lost":79,"conversion":{"successes":1,"trials":80}}}.
 * Immutable and thread-safe.
 *
 * @param stage the stage id where the deals were dropped
 * @param index its 0-based index
 * @param nextStage the following stage id, empty for the last stage
 * @param lost the deals dropped at the stage (refused + declined)
 * @param conversion the stage conversion, passed of entered
 */
@JsonPropertyOrder({"stage", "index", "nextStage", "lost", "conversion"})
public record WeakStage(
    @JsonProperty("stage") String stage,
    @JsonProperty("index") int index,
    @JsonProperty("nextStage") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> nextStage,
    @JsonProperty("lost") long lost,
    @JsonProperty("conversion") Proportion conversion) {

  /** Validates the components (see the record description). */
  public WeakStage {
    Checks.notBlank("stage", stage);
    Checks.nonNegative("index", index);
    nextStage = nextStage == null ? Optional.empty() : nextStage;
    Checks.nonNegative("lost", lost);
    Checks.notNull("conversion", conversion);
  }

  /**
   * Creates the weak stage.
   *
   * @param stage the stage id
   * @param index its index
   * @param nextStage the next stage id, if any
   * @param lost the deals dropped at the stage
   * @param conversion passed of entered
   * @return the weak stage
   */
  @JsonCreator
  public static WeakStage of(
      @JsonProperty("stage") String stage,
      @JsonProperty("index") int index,
      @JsonProperty("nextStage") Optional<String> nextStage,
      @JsonProperty("lost") long lost,
      @JsonProperty("conversion") Proportion conversion) {
    return new WeakStage(stage, index, nextStage, lost, conversion);
  }
}
