package io.clientyield.core.scenario;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules that move runs when an external event arrives: {@code on(eventType).when(step).goTo(step)}
 * (or {@code .end(outcome)}), e.g. "project phase 1 completed" moves a deal from
 * {@code contract-negotiation} to {@code contract-signed}.
 *
 * <p>A rule takes a transition the scenario defines: {@code goTo(t)} from step {@code w} takes
 * the first declared transition of {@code w} that leads to {@code t} (and {@code end(o)} the
 * first that ends with {@code o}), and the history records that transition's label. So every run
 * stays a legal walk of the scenario and replays from its history.
 *
 * <pre>{@code
 * EventRules rules = EventRules.builder()
 *     .on("project-phase-1-completed").when("contract-negotiation").goTo("contract-signed")
 *     .build(scenario);
 * AdvanceResult r = rules.apply(run, "project-phase-1-completed", at, manager);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EventRules {
  private final Scenario scenario;
  /** eventType → (step id → label). */
  private final Map<String, Map<String, String>> labels;
  private final List<Rule> rules;

  /**
   * One rule, resolved against the scenario.
   *
   * @param eventType the event type
   * @param when the step the run must be at
   * @param label the transition label the rule takes
   */
  public record Rule(String eventType, String when, String label) {}

  private EventRules(Scenario scenario, List<Rule> rules) {
    this.scenario = scenario;
    this.rules = List.copyOf(rules);
    Map<String, Map<String, String>> m = new HashMap<>();
    for (Rule r : rules) {
      m.computeIfAbsent(r.eventType(), k -> new HashMap<>()).put(r.when(), r.label());
    }
    this.labels = m;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The scenario the rules were validated against.
   *
   * @return the scenario
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * The rules in declaration order, each with the transition label it takes.
   *
   * @return an unmodifiable list
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Applies an event to a run: if a rule matches the event type at the run's current step, takes
   * its transition; otherwise leaves the run and says why.
   *
   * @param run the run (of this scenario)
   * @param eventType the event type
   * @param at when the event happened, not before the run's last transition
   * @param by the manager (or system account) recorded as the actor
   * @return {@link AdvanceResult.Advanced} with the moved run, or {@link AdvanceResult.Rejected}
   *     with the unchanged run: {@code NO_RULE}, {@code FINISHED} or {@code TIME_BEFORE_LAST}
   * @throws ValidationException if an argument is null or the run follows another scenario
   */
  public AdvanceResult apply(ScenarioRun run, String eventType, Instant at, ManagerId by) {
    Checks.notNull("run", run);
    Checks.notNull("eventType", eventType);
    Checks.notNull("at", at);
    Checks.notNull("by", by);
    if (!run.scenario().equals(scenario)) {
      throw ValidationException.of("run", run.scenarioId(), "must follow scenario " + scenario.id());
    }
    if (run.isFinished()) {
      return run.reject(null, at);
    }
    Map<String, String> byStep = labels.get(eventType);
    String label = byStep == null ? null : byStep.get(run.currentStep());
    if (label == null) {
      List<String> whens = byStep == null ? List.of() : byStep.keySet().stream().sorted().toList();
      return new AdvanceResult.Rejected(run, AdvanceResult.Reason.NO_RULE, "eventType", eventType,
          "has no rule at step " + run.currentStep() + (whens.isEmpty()
              ? "; no rule handles this event type" : "; it applies at " + whens));
    }
    return run.tryAdvance(label, at, by);
  }

  /**
   * Applies an event, throwing if no rule moves the run.
   *
   * @param run the run
   * @param eventType the event type
   * @param at when the event happened
   * @param by the actor
   * @return the moved run
   * @throws ValidationException if no rule matches, the run is finished or the time is too early
   */
  public ScenarioRun applyOrThrow(ScenarioRun run, String eventType, Instant at, ManagerId by) {
    return apply(run, eventType, at, by).orElseThrow();
  }

  /** Collects rules; validated against a scenario by {@link #build(Scenario)}. Not thread-safe. */
  public static final class Builder {
    private final List<Draft> drafts = new ArrayList<>();

    private Builder() {}

    private record Draft(String eventType, String when, Optional<String> to, Optional<Outcome> outcome) {}

    /**
     * Starts a rule for an event type.
     *
     * @param eventType the event type, non-blank
     * @return the rule's next part
     */
    public When on(String eventType) {
      return new When(Checks.notBlank("eventType", eventType));
    }

    /**
     * Validates every rule against the scenario and builds the rules.
     *
     * @param scenario the scenario
     * @return the rules
     * @throws ValidationException listing every problem: unknown steps, targets not one
     *     transition away, two rules for one event type and step
     */
    public EventRules build(Scenario scenario) {
      Checks.notNull("scenario", scenario);
      Checks.Collector problems = Checks.collector();
      Map<String, Integer> seen = new LinkedHashMap<>();
      List<Rule> rules = new ArrayList<>();
      for (Draft d : drafts) {
        String field = "rules[" + d.eventType() + "@" + d.when() + "]";
        if (seen.merge(d.eventType() + "\u0000" + d.when(), 1, Integer::sum) == 2) {
          problems.add(field, d.eventType(), "must be unique per event type and step");
        }
        if (!scenario.hasStep(d.when())) {
          problems.add(field + ".when", d.when(), "must name a step of scenario " + scenario.id());
          continue;
        }
        Optional<ScenarioDefinition.Transition> t = scenario.step(d.when()).transitions().stream()
            .filter(x -> d.to().isPresent() ? x.to().equals(d.to()) : x.outcome().equals(d.outcome()))
            .findFirst();
        if (t.isEmpty()) {
          problems.add(d.to().isPresent() ? field + ".goTo" : field + ".end",
              d.to().isPresent() ? d.to().get() : d.outcome().get(),
              "must be one transition away from step " + d.when() + ", whose transitions are "
                  + scenario.step(d.when()).transitions());
          continue;
        }
        rules.add(new Rule(d.eventType(), d.when(), t.get().label()));
      }
      problems.throwIfAny();
      return new EventRules(scenario, rules);
    }

    /** The step part of a rule. */
    public final class When {
      private final String eventType;

      private When(String eventType) {
        this.eventType = eventType;
      }

      /**
       * The step a run must be at for the rule to apply.
       *
       * @param stepId the step id
       * @return the rule's target part
       */
      public Target when(String stepId) {
        return new Target(eventType, Checks.notBlank("when", stepId));
      }
    }

    /** The target part of a rule. */
    public final class Target {
      private final String eventType;
      private final String when;

      private Target(String eventType, String when) {
        this.eventType = eventType;
        this.when = when;
      }

      /**
       * Moves the run to a step (one transition away).
       *
       * @param stepId the target step id
       * @return the builder
       */
      public Builder goTo(String stepId) {
        drafts.add(new Draft(eventType, when, Optional.of(Checks.notBlank("goTo", stepId)), Optional.empty()));
        return Builder.this;
      }

      /**
       * Ends the run with an outcome (an ending of the step).
       *
       * @param outcome the outcome
       * @return the builder
       */
      public Builder end(Outcome outcome) {
        drafts.add(new Draft(eventType, when, Optional.empty(), Optional.of(Checks.notNull("outcome", outcome))));
        return Builder.this;
      }
    }
  }
}
