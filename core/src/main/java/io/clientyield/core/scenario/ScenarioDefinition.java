package io.clientyield.core.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.clientyield.core.Outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.List;

/**
 * The unvalidated form of a scenario: what a CRM stores and what the builder produces. Only
 * field-level rules are checked here; {@link Scenario#of(ScenarioDefinition)} checks the graph
 * rules and reports every problem at once, so a definition read from JSON gets exactly the same
 * violations as one written with {@link Scenario#builder(String)}.
 *
 * <p>JSON form: {@code {"id":"exhibition","start":"send-info","steps":[...]}}. Immutable and
 * thread-safe.
 *
 * @param id the scenario id, non-blank
 * @param start the start step id, non-blank
 * @param steps the steps in declaration order
 */
public record ScenarioDefinition(
    @JsonProperty("id") String id,
    @JsonProperty("start") String start,
    @JsonProperty("steps") List<Step> steps) {

  /**
   * Creates the definition.
   *
   * @param id the scenario id, non-blank
   * @param start the start step id, non-blank
   * @param steps the steps in declaration order
   * @throws ValidationException if the id or start is blank, or the steps or one of them is null
   */
  @JsonCreator
  public ScenarioDefinition {
    Checks.Collector problems = Checks.collector();
    problems.check(() -> Checks.notBlank("id", id));
    problems.check(() -> Checks.notBlank("start", start));
    List<Step> st = steps;
    problems.check(() -> Checks.notNull("steps", st));
    if (steps != null) {
      problems.elementsNotNull("steps", steps);
    }
    problems.throwIfAny();
    steps = List.copyOf(steps);
  }

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

  /**
   * One labelled transition out of a step: the result of an action (e.g. {@code opened},
   * {@code declined-price}) and where it leads — either another step ({@link #to()}) or an
   * ending with an {@link Outcome} ({@link #outcome()}), exactly one of the two.
   *
   * <p>JSON form: {@code {"label":"opened","to":"present"}} or
   * {@code {"label":"declined-price","outcome":{"kind":"CLIENT_REFUSED","reason":"price"}}}.
   * Whether {@code to} names a declared step is checked by {@link Scenario#of(ScenarioDefinition)}.
   * Immutable and thread-safe.
   *
   * @param label the label, non-blank
   * @param to the target step id, when the transition leads to a step
   * @param outcome the outcome, when the transition ends the run
   */
  public record Transition(
      @JsonProperty("label") String label,
      @JsonProperty("to") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> to,
      @JsonProperty("outcome") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Outcome> outcome) {

    /**
     * Creates the transition.
     *
     * @param label the label, non-blank
     * @param to the target step id, when the transition leads to a step
     * @param outcome the outcome, when the transition ends the run
     * @throws ValidationException if the label or target is blank, or not exactly one of
     *     {@code to} and {@code outcome} is given
     */
    public Transition {
      Checks.notBlank("label", label);
      to = to == null ? Optional.empty() : to;
      outcome = outcome == null ? Optional.empty() : outcome;
      to.ifPresent(t -> Checks.notBlank("to", t));
      if (to.isPresent() == outcome.isPresent()) {
        throw ValidationException.of(
            "transitions[" + label + "]", label, "must have exactly one of to and outcome");
      }
    }

    @JsonCreator
    static Transition fromJson(
        @JsonProperty("label") String label,
        @JsonProperty("to") Optional<String> to,
        @JsonProperty("outcome") Optional<Outcome> outcome) {
      return new Transition(label, to, outcome);
    }

    /**
     * A transition to a step.
     *
     * @param label the label
     * @param to the target step id
     * @return the transition
     */
    public static Transition goTo(String label, String to) {
      return new Transition(label, Optional.of(Checks.notBlank("to", to)), Optional.empty());
    }

    /**
     * A transition that ends the run with an outcome.
     *
     * @param label the label
     * @param outcome the outcome
     * @return the transition
     */
    public static Transition end(String label, Outcome outcome) {
      return new Transition(label, Optional.empty(), Optional.of(Checks.notNull("outcome", outcome)));
    }

    /**
     * Whether this transition ends the run.
     *
     * @return true if it carries an outcome
     */
    @JsonIgnore
    public boolean isEnding() {
      return outcome.isPresent();
    }

    @Override
    public String toString() {
      return label + " -> " + (to.isPresent() ? to.get() : outcome.get().toString());
    }
  }
}
