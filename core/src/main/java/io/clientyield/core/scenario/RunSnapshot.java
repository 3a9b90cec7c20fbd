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
   * @throws ValidationException if a part is missing, an event is null, or the history does not
   *     chain (an event leaves another step than the previous one entered, a time goes back, an
   *     ending is not last) or disagrees with the current step or outcome
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
    checkChain(currentStep, history, outcome);
  }

  /**
   * The rules a run's history obeys whatever its scenario: each event leaves the step the one
   * before entered, times do not go back, only the last event may end the run, and the current
   * step and outcome are where the history ends ({@link Scenario#restore} also replays it).
   */
  private static void checkChain(String currentStep, List<RunEvent> history,
      Optional<Outcome> outcome) {
    for (int i = 1; i < history.size(); i++) {
      RunEvent before = history.get(i - 1);
      RunEvent e = history.get(i);
      if (before.to().isEmpty()) {
        throw ValidationException.of("history[" + (i - 1) + "].outcome", before.outcome().get(),
            "must be on the last event: the run ended there");
      }
      if (!e.from().equals(before.to().get())) {
        throw ValidationException.of("history[" + i + "].from", e.from(),
            "must be the step the previous event entered: " + before.to().get());
      }
      if (e.at().isBefore(before.at())) {
        throw ValidationException.of("history[" + i + "].at", e.at(),
            "must not be before the previous event at " + before.at());
      }
    }
    if (history.isEmpty()) {
      if (outcome.isPresent()) {
        throw ValidationException.of("outcome", outcome.get(),
            "must be absent: the history is empty");
      }
      return;
    }
    RunEvent last = history.get(history.size() - 1);
    String expected = last.to().orElse(last.from());
    if (!currentStep.equals(expected)) {
      throw ValidationException.of("currentStep", currentStep,
          "must agree with the history, which ends at " + expected);
    }
    if (!outcome.equals(last.outcome())) {
      throw ValidationException.of("outcome", outcome.map(Outcome::toString).orElse("none"),
          "must agree with the history, which gives "
              + last.outcome().map(Outcome::toString).orElse("none"));
    }
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
