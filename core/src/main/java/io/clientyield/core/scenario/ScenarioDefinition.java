package io.clientyield.core.scenario;

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
}
