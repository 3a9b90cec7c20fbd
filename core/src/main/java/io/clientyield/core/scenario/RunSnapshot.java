package io.clientyield.core.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of a {@link ScenarioRun}: the scenario id, the current step, the history and
 * the outcome once finished. A snapshot is plain data; {@link Scenario#restore(RunSnapshot)}
 * checks it against the scenario and gives the run back.
 *
 * <p>JSON form: {@code {"scenarioId":"exhibition","currentStep":"present","history":[...]}}
 * plus {@code "outcome"} when finished. Immutable and thread-safe.
 *
 * @param scenarioId the scenario id
 * @param currentStep the step the run is at (for a finished run: the step it ended from)
 * @param history the transitions taken, oldest first
 * @param outcome the outcome, once finished
 */
public record RunSnapshot(
    @JsonProperty("scenarioId") String scenarioId,
    @JsonProperty("currentStep") String currentStep,
    @JsonProperty("history") List<RunEvent> history,
    @JsonProperty("outcome") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Outcome> outcome) {

  /**
   * Creates the snapshot.
   *
   * @param scenarioId the scenario id
   * @param currentStep the step the run is at (for a finished run: the step it ended from)
   * @param history the transitions taken, oldest first
   * @param outcome the outcome, once finished
   * @throws ValidationException if a part is missing or an event is null
   */
  public RunSnapshot {
    Checks.Collector problems = Checks.collector();
    problems.check(() -> Checks.notBlank("scenarioId", scenarioId));
    problems.check(() -> Checks.notBlank("currentStep", currentStep));
    List<RunEvent> h = history;
    problems.check(() -> Checks.notNull("history", h));
    if (history != null) {
      problems.elementsNotNull("history", history);
    }
    problems.throwIfAny();
    history = List.copyOf(history);
    outcome = outcome == null ? Optional.empty() : outcome;
  }

  @JsonCreator
  static RunSnapshot fromJson(
      @JsonProperty("scenarioId") String scenarioId,
      @JsonProperty("currentStep") String currentStep,
      @JsonProperty("history") List<RunEvent> history,
      @JsonProperty("outcome") Optional<Outcome> outcome) {
    return new RunSnapshot(scenarioId, currentStep, history, outcome);
  }
}
