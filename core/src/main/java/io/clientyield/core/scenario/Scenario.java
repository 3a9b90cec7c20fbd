package io.clientyield.core.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A validated scenario: the regulated process of working a client, as steps joined by labelled
 * transitions that end in outcomes. Every step is reachable from the start, and from every step
 * an outcome is reachable, so every run can end in exactly one {@link Outcome}.
 *
 * <p>Build one with {@link #builder(String)} or from a stored {@link ScenarioDefinition} with
 * {@link #of(ScenarioDefinition)}; both report every problem at once. Runs start with
 * {@link #startRun()} or at any step with {@link #runAt(String)}, and move with
 * {@link ScenarioRun#advance(String, Instant, ManagerId)}.
 *
 * <p>JSON form: the definition ({@code {"id":..,"start":..,"steps":[..]}}); reading validates it.
 * Immutable and thread-safe: one instance may serve every deal of a CRM.
 */
public final class Scenario {
  /** Code of "no transition with this label". */
  static final int NONE = Integer.MIN_VALUE;
  /** How many step ids a message lists at most. */
  private static final int MAX_IDS_IN_MESSAGE = 20;

  private final ScenarioDefinition definition;
  private final Map<String, Integer> index;
  private final ScenarioDefinition.Step[] steps;
  /** Per step: label → code; code {@code >= 0} is a step index, {@code < 0} is {@code -(outcome + 1)}. */
  private final Map<String, Integer>[] codes;
  private final List<String>[] labels;
  private final Outcome[] outcomes;
  /** Outcome → its index in {@link #outcomes}: a hash lookup keeps building linear in size. */
  private final Map<Outcome, Integer> outcomeIndexes;
  final Optional<String>[] stepIdOptionals;
  final Optional<Outcome>[] outcomeOptionals;
  private final List<String> stageOrder;
  private final int startIndex;

  // arrays of generic types (per-step lookup tables built once) can only be created raw
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Scenario(ScenarioDefinition definition) {
    this.definition = definition;
    List<ScenarioDefinition.Step> list = definition.steps();
    int n = list.size();
    this.steps = list.toArray(new ScenarioDefinition.Step[0]);
    this.index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(steps[i].id(), i);
    }
    List<Outcome> distinct = new ArrayList<>(new LinkedHashSet<>(allOutcomes(list)));
    this.outcomes = distinct.toArray(new Outcome[0]);
    this.outcomeIndexes = new HashMap<>(outcomes.length * 2);
    for (int o = 0; o < outcomes.length; o++) {
      outcomeIndexes.put(outcomes[o], o);
    }
    this.codes = new Map[n];
    this.labels = new List[n];
    this.stepIdOptionals = new Optional[n];
    this.outcomeOptionals = new Optional[outcomes.length];
    for (int o = 0; o < outcomes.length; o++) {
      outcomeOptionals[o] = Optional.of(outcomes[o]);
    }
    for (int i = 0; i < n; i++) {
      stepIdOptionals[i] = Optional.of(steps[i].id());
      Map<String, Integer> m = new HashMap<>(Math.max(4, steps[i].transitions().size() * 2));
      List<String> ls = new ArrayList<>();
      for (ScenarioDefinition.Transition t : steps[i].transitions()) {
        int code = t.to().isPresent() ? index.get(t.to().get()) : -(outcomeIndexes.get(t.outcome().get()) + 1);
        m.put(t.label(), code);
        ls.add(t.label());
      }
      codes[i] = m;
      labels[i] = List.copyOf(ls);
    }
    this.startIndex = index.get(definition.start());
    this.stageOrder = computeStageOrder();
  }

  /**
   * Starts a fluent builder.
   *
   * @param id the scenario id, non-blank
   * @return a new builder
   */
  public static ScenarioBuilder builder(String id) {
    return new ScenarioBuilder(id);
  }

  /**
   * Validates a definition and returns the scenario.
   *
   * <p>Rules, each reported with the step id: step ids are unique; the start names a step;
   * labels are unique within a step; targets name declared steps; every step is reachable from
   * the start; from every step an outcome is reachable (no dead end, no trap cycle); some
   * transition ends with {@code WON}; there is at least one step.
   *
   * @param definition the definition
   * @return the scenario
   * @throws ValidationException listing every problem
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Scenario of(ScenarioDefinition definition) {
    Checks.notNull("definition", definition);
    ScenarioValidator.validate(definition);
    return new Scenario(definition);
  }

  /**
   * Reads and validates a scenario from its JSON definition.
   *
   * @param json the JSON text
   * @return the scenario
   * @throws ValidationException if the JSON is malformed or the definition breaks a rule (the
   *     same violations as the builder gives)
   */
  public static Scenario fromJson(String json) {
    return ClientyieldJson.read(json, Scenario.class);
  }

  private static List<Outcome> allOutcomes(List<ScenarioDefinition.Step> steps) {
    List<Outcome> all = new ArrayList<>();
    for (ScenarioDefinition.Step s : steps) {
      for (ScenarioDefinition.Transition t : s.transitions()) {
        t.outcome().ifPresent(all::add);
      }
    }
    return all;
  }

  private List<String> computeStageOrder() {
    Set<String> order = new LinkedHashSet<>();
    boolean[] seen = new boolean[steps.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(startIndex);
    seen[startIndex] = true;
    while (!queue.isEmpty()) {
      int i = queue.poll();
      steps[i].stage().ifPresent(order::add);
      for (ScenarioDefinition.Transition t : steps[i].transitions()) {
        if (t.to().isPresent()) {
          int j = index.get(t.to().get());
          if (!seen[j]) {
            seen[j] = true;
            queue.add(j);
          }
        }
      }
    }
    return List.copyOf(order);
  }

  /**
   * The scenario id.
   *
   * @return the id
   */
  public String id() {
    return definition.id();
  }

  /**
   * The start step id.
   *
   * @return the start step id
   */
  public String start() {
    return definition.start();
  }

  /**
   * The definition this scenario was built from (its JSON form).
   *
   * @return the definition
   */
  @JsonValue
  public ScenarioDefinition definition() {
    return definition;
  }

  /**
   * The steps in declaration order.
   *
   * @return an unmodifiable list
   */
  public List<ScenarioDefinition.Step> steps() {
    return definition.steps();
  }

  /**
   * Looks up a step.
   *
   * @param stepId the step id
   * @return the step
   * @throws ValidationException if there is no such step
   */
  public ScenarioDefinition.Step step(String stepId) {
    return steps[indexOf("stepId", stepId)];
  }

  /**
   * Whether a step with this id exists.
   *
   * @param stepId the step id
   * @return true if declared
   */
  public boolean hasStep(String stepId) {
    return stepId != null && index.containsKey(stepId);
  }

  /**
   * Every transition with its source step, in declaration order.
   *
   * @return an unmodifiable map from step id to its transitions
   */
  public Map<String, List<ScenarioDefinition.Transition>> transitions() {
    Map<String, List<ScenarioDefinition.Transition>> m = new LinkedHashMap<>();
    for (ScenarioDefinition.Step s : steps) {
      m.put(s.id(), s.transitions());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The distinct outcomes the scenario can end in, in order of first declaration (steps in
   * declaration order, then their transitions).
   *
   * @return an unmodifiable list (contains {@link Outcome#WON})
   */
  public List<Outcome> outcomes() {
    return List.of(outcomes);
  }

  /**
   * The labels allowed at a step, in declaration order.
   *
   * @param stepId the step id
   * @return an unmodifiable list, never empty
   * @throws ValidationException if there is no such step
   */
  public List<String> allowedLabels(String stepId) {
    return labels[indexOf("stepId", stepId)];
  }

  /**
   * The distinct stage ids in the order a breadth-first walk from the start (transitions in
   * declaration order) first meets them — the funnel's stage order. Steps without a stage are
   * skipped.
   *
   * @return an unmodifiable list, empty if no step has a stage
   */
  public List<String> stageOrder() {
    return stageOrder;
  }

  /**
   * The time norms of the steps that have one.
   *
   * @return an unmodifiable map from step id to working days, in declaration order
   */
  public Map<String, Integer> norms() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (ScenarioDefinition.Step s : steps) {
      s.normWorkingDays().ifPresent(n -> m.put(s.id(), n));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The time norm of a step.
   *
   * @param stepId the step id
   * @return the norm in working days, or empty if the step has none
   * @throws ValidationException if there is no such step
   */
  public OptionalInt norm(String stepId) {
    Optional<Integer> n = step(stepId).normWorkingDays();
    return n.isPresent() ? OptionalInt.of(n.get()) : OptionalInt.empty();
  }

  /**
   * A new run at the start step, with an empty history.
   *
   * @return the run
   */
  public ScenarioRun startRun() {
    return new ScenarioRun(this, startIndex, null, -1);
  }

  /**
   * A new run at any step (e.g. a deal migrated from an older process), with an empty history.
   *
   * @param stepId the step id
   * @return the run
   * @throws ValidationException if there is no such step
   */
  public ScenarioRun runAt(String stepId) {
    return new ScenarioRun(this, indexOf("stepId", stepId), null, -1);
  }

  /**
   * Rebuilds a run from its stored history: starts at the first event's {@code from} step (the
   * start step if the history is empty) and advances by each event's label, time and manager.
   * Replaying {@code run.history()} gives a run equal to {@code run}.
   *
   * @param history the stored events, oldest first
   * @return the run
   * @throws ValidationException naming the first event ({@code history[i]}) that does not fit
   */
  public ScenarioRun replay(List<RunEvent> history) {
    Checks.notNull("history", history);
    return replay(history.isEmpty() ? start() : Checks.notNull("history[0]", history.get(0)).from(),
        history);
  }

  /**
   * Rebuilds a run that started at a given step from its stored history.
   *
   * @param startStep the step the run started at
   * @param history the stored events, oldest first
   * @return the run
   * @throws ValidationException naming the first event ({@code history[i]}) that does not fit
   */
  public ScenarioRun replay(String startStep, List<RunEvent> history) {
    Checks.notNull("history", history);
    ScenarioRun run = runAt(startStep);
    for (int i = 0; i < history.size(); i++) {
      RunEvent e = history.get(i);
      String field = "history[" + i + "]";
      if (e == null) {
        throw ValidationException.of(field, null, "must not be null");
      }
      if (!e.from().equals(run.currentStep())) {
        throw ValidationException.of(field + ".from", e.from(),
            "must be the step the run is at: " + run.currentStep());
      }
      ScenarioRun next;
      try {
        next = run.advance(e.label(), e.at(), e.by());
      } catch (ValidationException ex) {
        throw new ValidationException(ex.violations().stream()
            .map(v -> new io.clientyield.core.ValidationException.Violation(field + "." + v.field(), v.rejectedValue(), v.rule()))
            .toList());
      }
      RunEvent made = next.lastEvent().orElseThrow();
      if (!made.equals(e)) {
        throw ValidationException.of(field, e, "must match the scenario, which gives " + made);
      }
      run = next;
    }
    return run;
  }

  /**
   * Restores a run from its JSON form (see {@link ScenarioRun#snapshot()}), replaying its history
   * and checking that the stored current step and outcome agree.
   *
   * @param json the JSON text
   * @return the run
   * @throws ValidationException if the JSON is malformed or the run does not fit this scenario
   */
  public ScenarioRun readRun(String json) {
    return restore(ClientyieldJson.read(json, RunSnapshot.class));
  }

  /**
   * Restores a run from its JSON form read within the given limits (a long history may exceed
   * the default document size; write it with {@code ClientyieldJson.write(run.snapshot(),
   * limits)}).
   *
   * @param json the JSON text
   * @param limits the read limits
   * @return the run
   * @throws ValidationException if the JSON is malformed, exceeds a limit or the run does not fit
   *     this scenario
   */
  public ScenarioRun readRun(String json, ClientyieldJson.Limits limits) {
    return restore(ClientyieldJson.read(json, RunSnapshot.class, limits));
  }

  /**
   * Restores a run from a snapshot, replaying its history and checking that the stored current
   * step and outcome agree.
   *
   * @param snapshot the snapshot
   * @return the run
   * @throws ValidationException if the snapshot does not fit this scenario
   */
  public ScenarioRun restore(RunSnapshot snapshot) {
    Checks.notNull("snapshot", snapshot);
    if (!snapshot.scenarioId().equals(id())) {
      throw ValidationException.of("scenarioId", snapshot.scenarioId(), "must be " + id());
    }
    String startStep = snapshot.history().isEmpty() ? snapshot.currentStep()
        : snapshot.history().get(0).from();
    ScenarioRun run = replay(startStep, snapshot.history());
    if (!run.currentStep().equals(snapshot.currentStep())) {
      throw ValidationException.of("currentStep", snapshot.currentStep(),
          "must agree with the history, which ends at " + run.currentStep());
    }
    if (!run.outcome().equals(snapshot.outcome())) {
      throw ValidationException.of("outcome", snapshot.outcome().map(Outcome::toString).orElse("none"),
          "must agree with the history, which gives " + run.outcome().map(Outcome::toString).orElse("none"));
    }
    return run;
  }

  /**
   * The scenario as a Mermaid {@code stateDiagram-v2}.
   *
   * @return the diagram text
   */
  public String toMermaid() {
    return ScenarioExport.mermaid(this);
  }

  /**
   * The customer life cycle: attraction → interest → evaluation → purchase → loyalty, one stage
   * per step. Losses: no response at attraction ({@code CLIENT_REFUSED(no-response)}), no interest
   * ({@code CLIENT_REFUSED(interest)}), refusal on price or on the competitor's offer during
   * evaluation, a client we do not qualify ({@code WE_DECLINED(not-qualified)}), and a purchase
   * that is not completed ({@code CLIENT_REFUSED(timing)}). From loyalty the client repeats
   * ({@code WON}) or churns ({@code CLIENT_REFUSED(churn)}); evaluation may loop back to interest
   * for a new offer.
   *
   * <p>A ready-made scenario to start from: every call returns an equal, immutable scenario.
   *
   * @return the scenario
   */
  public static Scenario customerLifeCycle() {
    return Scenario.builder("customer-life-cycle")
        .start("attraction", "Attraction").stage("attraction")
            .on("responded").next("interest", "Interest").stage("interest")
                .on("interested").next("evaluation", "Evaluation").stage("evaluation")
                    .on("accepted").next("purchase", "Purchase").stage("purchase")
                        .on("paid").next("loyalty", "Loyalty").stage("loyalty")
                            .on("repeat-order").end(Outcome.won())
                            .on("churned").end(Outcome.clientRefused("churn"))
        .step("attraction").on("no-response").end(Outcome.clientRefused("no-response"))
        .step("interest")
            .on("not-interested").end(Outcome.clientRefused("interest"))
            .on("not-qualified").end(Outcome.weDeclined("not-qualified"))
        .step("evaluation")
            .on("new-offer").goTo("interest")
            .on("declined-price").end(Outcome.clientRefused("price"))
            .on("chose-competitor").end(Outcome.clientRefused("competitor"))
        .step("purchase").on("not-completed").end(Outcome.clientRefused("timing"))
        .build();
  }

  /**
   * The scenario as a Graphviz DOT digraph.
   *
   * @return the DOT text
   */
  public String toDot() {
    return ScenarioExport.dot(this);
  }

  /**
   * The id of a step's state in {@link #toMermaid()}: the step id itself when it is a plain
   * identifier (ASCII letters, digits, {@code _}, starting with a letter), otherwise a unique
   * sanitised form. A CRM highlights the current step with {@code class <id> current}. In
   * {@link #toDot()} the node id is always the (quoted) step id.
   *
   * @param stepId a step of this scenario
   * @return the Mermaid state id
   * @throws ValidationException if the step is not in this scenario
   */
  public String mermaidStateId(String stepId) {
    return ScenarioExport.mermaidId(stepId, indexOf("stepId", stepId));
  }

  // ---- package-private fast path for runs

  int indexOf(String field, String stepId) {
    Integer i = stepId == null ? null : index.get(stepId);
    if (i == null) {
      throw ValidationException.of(field, stepId, "must name a step of scenario " + id() + ": "
          + someStepIds());
    }
    return i;
  }

  /** The step ids for a message: all of them when few, else the first ones in order. */
  private String someStepIds() {
    int shown = Math.min(steps.length, MAX_IDS_IN_MESSAGE);
    List<String> ids = new ArrayList<>(shown);
    for (int i = 0; i < shown; i++) {
      ids.add(steps[i].id());
    }
    if (shown < steps.length) {
      Collections.sort(ids);
      return ids + " and " + (steps.length - shown) + " more";
    }
    Collections.sort(ids);
    return ids.toString();
  }

  int code(int stepIndex, String label) {
    Integer c = codes[stepIndex].get(label);
    return c == null ? NONE : c;
  }

  String stepId(int stepIndex) {
    return steps[stepIndex].id();
  }

  List<String> labelsAt(int stepIndex) {
    return labels[stepIndex];
  }

  Outcome outcomeAt(int outcomeIndex) {
    return outcomes[outcomeIndex];
  }

  int outcomeIndex(Outcome outcome) {
    Integer i = outcomeIndexes.get(outcome);
    return i == null ? -1 : i;
  }

  /** Equal when the definitions are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Scenario && ((Scenario) o).definition.equals(definition);
  }

  @Override
  public int hashCode() {
    return definition.hashCode();
  }

  @Override
  public String toString() {
    return "Scenario[" + id() + ", " + steps.length + " steps, start " + start() + "]";
  }

  static boolean hasWon(List<Outcome> outcomes) {
    return outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.WON);
  }
}
