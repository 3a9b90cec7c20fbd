package io.clientyield.core.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.util.Optional;

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
