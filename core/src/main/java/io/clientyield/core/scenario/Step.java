package io.clientyield.core.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of a scenario definition: its id, display name, optional funnel stage id, optional
 * time norm in working days, and its outgoing transitions in declaration order.
 *
 * <p>JSON form: {@code {"id":"present","name":"Present the company","stage":"presentation",
 * "normWorkingDays":5,"transitions":[...]}} ({@code stage} and {@code normWorkingDays} omitted
 * when absent). Graph rules (unique ids and labels, known targets, reachability) are checked by
 * {@link Scenario#of(ScenarioDefinition)}. Immutable and thread-safe.
 *
 * @param id the step id, non-blank
 * @param name the display name, non-blank
 * @param stage the funnel stage id, if any
 * @param normWorkingDays the time norm in working days ({@code >= 0}), if any
 * @param transitions the outgoing transitions, in declaration order
 */
public record Step(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("stage") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> stage,
    @JsonProperty("normWorkingDays") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<Integer> normWorkingDays,
    @JsonProperty("transitions") List<Transition> transitions) {

  /**
   * Creates the step.
   *
   * @param id the step id, non-blank
   * @param name the display name, non-blank
   * @param stage the funnel stage id, if any
   * @param normWorkingDays the time norm in working days ({@code >= 0}), if any
   * @param transitions the outgoing transitions, in declaration order
   * @throws ValidationException if the id, name or stage is blank, the norm is negative or a
   *     transition is null
   */
  public Step {
    Checks.Collector problems = Checks.collector();
    problems.check(() -> Checks.notBlank("id", id));
    problems.check(() -> Checks.notBlank("name", name));
    stage = stage == null ? Optional.empty() : stage;
    normWorkingDays = normWorkingDays == null ? Optional.empty() : normWorkingDays;
    stage.ifPresent(s -> problems.check(() -> Checks.notBlank("stage", s)));
    normWorkingDays.ifPresent(n -> problems.check(() -> Checks.nonNegative("normWorkingDays", n)));
    List<Transition> ts = transitions;
    problems.check(() -> Checks.notNull("transitions", ts));
    if (transitions != null) {
      problems.elementsNotNull("transitions", transitions);
    }
    problems.throwIfAny();
    transitions = List.copyOf(transitions);
  }

  @JsonCreator
  static Step fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("stage") Optional<String> stage,
      @JsonProperty("normWorkingDays") Optional<Integer> normWorkingDays,
      @JsonProperty("transitions") Optional<List<Transition>> transitions) {
    return new Step(id, name, stage, normWorkingDays, transitions.orElse(List.of()));
  }

  /**
   * Returns a copy of this step with one more transition (used by tests and tools that edit
   * definitions).
   *
   * @param transition the transition to append
   * @return the new step
   */
  public Step withTransition(Transition transition) {
    List<Transition> more = new ArrayList<>(transitions);
    more.add(Checks.notNull("transition", transition));
    return new Step(id, name, stage, normWorkingDays, more);
  }

  /**
   * Returns a copy of this step with other transitions.
   *
   * @param newTransitions the transitions
   * @return the new step
   */
  public Step withTransitions(List<Transition> newTransitions) {
    return new Step(id, name, stage, normWorkingDays, newTransitions);
  }
}
