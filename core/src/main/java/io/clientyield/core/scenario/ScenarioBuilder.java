package io.clientyield.core.scenario;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fluent builder behind {@link Scenario#builder(String)}.
 *
 * <p>Each setting is checked when it is given (blank ids or labels, negative norms fail at
 * once, naming the step); graph rules (duplicate ids and labels, unknown targets,
 * reachability, a {@code WON} ending) are checked together by {@link #build()}, which reports
 * every problem in one {@link ValidationException}.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder("exhibition")
 *     .start("send-info", "Send information by e-mail").stage("contact").norm(2)
 *         .on("opened").goTo("present")
 *         .on("no-response").end(Outcome.clientRefused("no-response"))
 *     .step("present", "Present the company").stage("presentation")
 *         .on("interested").next("contract", "Sign the contract")
 *         .on("signed").end(Outcome.won())
 *     .build();
 * }</pre>
 *
 * <p>Mutable and not thread-safe; use it from one thread. It may be built several times.
 */
public final class ScenarioBuilder {
  private final String id;
  private String start;
  private final List<Draft> drafts = new ArrayList<>();

  ScenarioBuilder(String id) {
    this.id = Checks.notBlank("id", id);
  }

  private static final class Draft {
    final String id;
    final String name;
    Optional<String> stage = Optional.empty();
    Optional<Integer> norm = Optional.empty();
    final List<ScenarioDefinition.Transition> transitions = new ArrayList<>();

    Draft(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  /**
   * Names the start step (declared elsewhere with {@link #step(String, String)}).
   *
   * @param stepId the start step id
   * @return this builder
   */
  public ScenarioBuilder start(String stepId) {
    this.start = Checks.notBlank("start", stepId);
    return this;
  }

  /**
   * Declares the start step and continues with its settings and transitions.
   *
   * @param stepId the step id
   * @param name the display name
   * @return the step's builder
   */
  public StepBuilder start(String stepId, String name) {
    start(stepId);
    return step(stepId, name);
  }

  /**
   * Declares a step (declaring an id twice is reported by {@link #build()}).
   *
   * @param stepId the step id
   * @param name the display name
   * @return the step's builder
   */
  public StepBuilder step(String stepId, String name) {
    Checks.notBlank("step id", stepId);
    if (name == null || name.isBlank()) {
      throw ValidationException.of("steps[" + stepId + "].name", name, "must not be blank");
    }
    Draft d = new Draft(stepId, name);
    drafts.add(d);
    return new StepBuilder(d);
  }

  /**
   * Continues with a step declared earlier, or declares it with its id as display name.
   *
   * @param stepId the step id
   * @return the step's builder
   */
  public StepBuilder step(String stepId) {
    Checks.notBlank("step id", stepId);
    for (Draft d : drafts) {
      if (d.id.equals(stepId)) {
        return new StepBuilder(d);
      }
    }
    return step(stepId, stepId);
  }

  /**
   * Returns the definition built so far, without the graph checks.
   *
   * @return the definition
   * @throws ValidationException if no start step was named
   */
  public ScenarioDefinition definition() {
    if (start == null) {
      throw ValidationException.of("start", null, "must be named with start(stepId)");
    }
    List<ScenarioDefinition.Step> steps = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      steps.add(new ScenarioDefinition.Step(d.id, d.name, d.stage, d.norm, d.transitions));
    }
    return new ScenarioDefinition(id, start, steps);
  }

  /**
   * Validates and builds the scenario.
   *
   * @return the immutable scenario
   * @throws ValidationException listing every problem, each naming its step id
   */
  public Scenario build() {
    return Scenario.of(definition());
  }

  /** Settings and transitions of one step; also continues the scenario. */
  public final class StepBuilder {
    private final Draft draft;

    private StepBuilder(Draft draft) {
      this.draft = draft;
    }

    /**
     * Puts the step in a funnel stage.
     *
     * @param stageId the stage id
     * @return this step's builder
     */
    public StepBuilder stage(String stageId) {
      if (stageId == null || stageId.isBlank()) {
        throw ValidationException.of("steps[" + draft.id + "].stage", stageId, "must not be blank");
      }
      draft.stage = Optional.of(stageId);
      return this;
    }

    /**
     * Sets the step's time norm.
     *
     * @param workingDays the norm in working days, {@code >= 0}
     * @return this step's builder
     */
    public StepBuilder norm(int workingDays) {
      if (workingDays < 0) {
        throw ValidationException.of(
            "steps[" + draft.id + "].normWorkingDays", workingDays, "must be >= 0");
      }
      draft.norm = Optional.of(workingDays);
      return this;
    }

    /**
     * Starts a transition with a label.
     *
     * @param label the label (the result of the step's action)
     * @return the transition's builder
     */
    public TransitionBuilder on(String label) {
      if (label == null || label.isBlank()) {
        throw ValidationException.of(
            "steps[" + draft.id + "].transitions", label, "label must not be blank");
      }
      return new TransitionBuilder(this, label);
    }

    /**
     * Declares the next step (see {@link ScenarioBuilder#step(String, String)}).
     *
     * @param stepId the step id
     * @param name the display name
     * @return the new step's builder
     */
    public StepBuilder step(String stepId, String name) {
      return ScenarioBuilder.this.step(stepId, name);
    }

    /**
     * Continues with a step (see {@link ScenarioBuilder#step(String)}).
     *
     * @param stepId the step id
     * @return its builder
     */
    public StepBuilder step(String stepId) {
      return ScenarioBuilder.this.step(stepId);
    }

    /**
     * Validates and builds the scenario (see {@link ScenarioBuilder#build()}).
     *
     * @return the scenario
     * @throws ValidationException listing every problem
     */
    public Scenario build() {
      return ScenarioBuilder.this.build();
    }
  }

  /** Where a labelled transition leads. */
  public final class TransitionBuilder {
    private final StepBuilder from;
    private final String label;

    private TransitionBuilder(StepBuilder from, String label) {
      this.from = from;
      this.label = label;
    }

    /**
     * Leads to a step declared elsewhere (or later).
     *
     * @param stepId the target step id
     * @return the source step's builder, to add more transitions
     */
    public StepBuilder goTo(String stepId) {
      if (stepId == null || stepId.isBlank()) {
        throw ValidationException.of(
            "steps[" + from.draft.id + "].transitions[" + label + "].to", stepId, "must not be blank");
      }
      from.draft.transitions.add(ScenarioDefinition.Transition.goTo(label, stepId));
      return from;
    }

    /**
     * Ends the run with an outcome.
     *
     * @param outcome the outcome
     * @return the source step's builder, to add more transitions
     */
    public StepBuilder end(Outcome outcome) {
      if (outcome == null) {
        throw ValidationException.of(
            "steps[" + from.draft.id + "].transitions[" + label + "].outcome", null, "must not be null");
      }
      from.draft.transitions.add(ScenarioDefinition.Transition.end(label, outcome));
      return from;
    }

    /**
     * Leads to a new step and continues with it: the linear chain
     * {@code .on("opened").next("present", "Present the company").on(...)}.
     *
     * @param stepId the new step id
     * @param name its display name
     * @return the new step's builder
     */
    public StepBuilder next(String stepId, String name) {
      goTo(stepId);
      return ScenarioBuilder.this.step(stepId, name);
    }
  }
}
