package io.clientyield.core.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.time.Instant;
import java.util.Optional;

/**
 * One transition a run took: its label, the step it left, where it went (a step, or an ending
 * with an outcome), when, and by which manager.
 *
 * <p>JSON form: {@code {"label":"opened","from":"send-info","to":"present",
 * "at":"2024-03-01T09:00:00Z","by":"anna"}}; an ending has {@code "outcome":{...}} instead of
 * {@code "to"}. Immutable and thread-safe.
 *
 * @param label the transition label
 * @param from the step left
 * @param to the step entered, unless the transition ended the run
 * @param outcome the outcome, if the transition ended the run
 * @param at when it happened
 * @param by the manager who recorded it
 */
public record RunEvent(
    @JsonProperty("label") String label,
    @JsonProperty("from") String from,
    @JsonProperty("to") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> to,
    @JsonProperty("outcome") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Outcome> outcome,
    @JsonProperty("at") Instant at,
    @JsonProperty("by") ManagerId by) {

  /**
   * Creates the event.
   *
   * @param label the transition label
   * @param from the step left
   * @param to the step entered, unless the transition ended the run
   * @param outcome the outcome, if the transition ended the run
   * @param at when it happened
   * @param by the manager who recorded it
   * @throws ValidationException if a part is missing or not exactly one of {@code to} and
   *     {@code outcome} is given
   */
  public RunEvent {
    Checks.Collector problems = Checks.collector();
    problems.check(() -> Checks.notBlank("label", label));
    problems.check(() -> Checks.notBlank("from", from));
    problems.check(() -> Checks.notNull("at", at));
    problems.check(() -> Checks.notNull("by", by));
    to = to == null ? Optional.empty() : to;
    outcome = outcome == null ? Optional.empty() : outcome;
    if (to.isPresent() == outcome.isPresent()) {
      problems.add("to", to.orElse(null), "exactly one of to and outcome must be given");
    }
    problems.throwIfAny();
  }

  @JsonCreator
  static RunEvent fromJson(
      @JsonProperty("label") String label,
      @JsonProperty("from") String from,
      @JsonProperty("to") Optional<String> to,
      @JsonProperty("outcome") Optional<Outcome> outcome,
      @JsonProperty("at") Instant at,
      @JsonProperty("by") ManagerId by) {
    return new RunEvent(label, from, to, outcome, at, by);
  }

  @Override
  public String toString() {
    return label + ": " + from + " -> " + (to.isPresent() ? to.get() : outcome.map(Outcome::toString).orElse("?"))
        + " at " + at + " by " + by;
  }
}
