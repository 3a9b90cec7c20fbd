package io.clientyield.core.scenario;

import static io.clientyield.core.scenario.ScenarioGenerators.actions;
import static io.clientyield.core.scenario.ScenarioGenerators.definitions;
import static io.clientyield.core.scenario.ScenarioGenerators.seeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioProperties {
  private static final int EXAMPLES = 300;
  /** Random moves before a walk switches to moves that get closer to an ending. */
  private static final int RANDOM_MOVES = 30;
  private static final ManagerId MANAGER = ManagerId.of("m");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static List<ValidationException.Violation> violations(ScenarioDefinition def) {
    try {
      Scenario.of(def);
    } catch (ValidationException e) {
      return e.violations();
    }
    throw new AssertionError("expected the definition to be rejected: " + def);
  }

  private static boolean namesStep(List<ValidationException.Violation> vs, String stepId) {
    return vs.stream().anyMatch(v -> v.field().startsWith("steps[" + stepId + "]"));
  }

  /** A random walk of allowed labels, then moves towards an ending; returns the finished run. */
  private static ScenarioRun walk(Scenario s, ScenarioGenerators.Model model, long seed, Set<String> visited) {
    Random r = new Random(seed);
    ScenarioRun run = s.startRun();
    visited.add(run.currentStep());
    int moves = 0;
    int bound = RANDOM_MOVES + s.steps().size() + 1;
    while (!run.isFinished() && moves < bound) {
      List<String> allowed = run.allowedLabels();
      String label = moves < RANDOM_MOVES ? allowed.get(r.nextInt(allowed.size()))
          : model.towardsEnd(run.currentStep());
      run = run.advance(label, T0.plusSeconds(moves), MANAGER);
      visited.add(run.currentStep());
      moves++;
    }
    return run;
  }

  @Test
  void generatedDefinitionsAreValid() {
    qt().withExamples(EXAMPLES).forAll(definitions())
        .check(def -> Scenario.of(def).definition().equals(def));
  }

  @Test
  void everyRandomWalkReachesAnOutcomeWithinTheLoopBound() {
    qt().withExamples(EXAMPLES).forAll(definitions(), seeds()).check((def, seed) -> {
      Scenario s = Scenario.of(def);
      ScenarioRun run = walk(s, new ScenarioGenerators.Model(def), seed, new HashSet<>());
      return run.isFinished() && s.outcomes().contains(run.outcome().get());
    });
  }

  @Test
  void walksNeverVisitStepsValidationCalledUnreachable() {
    qt().withExamples(EXAMPLES).forAll(definitions(), seeds()).checkAssert((def, seed) -> {
      // orphans point into the scenario and can end, but nothing leads to them
      List<ScenarioDefinition.Step> withOrphans = new ArrayList<>(def.steps());
      withOrphans.add(new ScenarioDefinition.Step("orphan-a", "A", java.util.Optional.empty(), java.util.Optional.empty(),
          List.of(ScenarioDefinition.Transition.goTo("in", def.start()))));
      withOrphans.add(new ScenarioDefinition.Step("orphan-b", "B", java.util.Optional.empty(), java.util.Optional.empty(),
          List.of(ScenarioDefinition.Transition.goTo("to-a", "orphan-a"), ScenarioDefinition.Transition.end("lost", Outcome.clientRefused("price")))));
      List<ValidationException.Violation> vs = violations(new ScenarioDefinition(def.id(), def.start(), withOrphans));
      Set<String> unreachable = new HashSet<>();
      for (ValidationException.Violation v : vs) {
        assertThat(v.rule()).startsWith("must be reachable from the start step");
        unreachable.add(v.rejectedValue());
      }
      assertThat(unreachable).containsExactlyInAnyOrder("orphan-a", "orphan-b");
      Set<String> visited = new HashSet<>();
      walk(Scenario.of(def), new ScenarioGenerators.Model(def), seed, visited);
      assertThat(visited).doesNotContainAnyElementsOf(unreachable);
    });
  }

  @Test
  void droppingAllTransitionsOfAStepIsRejectedNamingIt() {
    qt().withExamples(EXAMPLES).forAll(definitions(), seeds()).check((def, seed) -> {
      List<ScenarioDefinition.Step> steps = new ArrayList<>(def.steps());
      int i = new Random(seed).nextInt(steps.size());
      steps.set(i, steps.get(i).withTransitions(List.of()));
      List<ValidationException.Violation> vs = violations(new ScenarioDefinition(def.id(), def.start(), steps));
      return vs.stream().anyMatch(v -> v.field().equals("steps[" + steps.get(i).id() + "]")
          && v.rule().equals("must lead to an outcome but has no transitions (dead end)"));
    });
  }

  @Test
  void droppingOneTransitionIsEitherStillValidOrRejectedWithViolationsOfTheGraph() {
    qt().withExamples(EXAMPLES).forAll(definitions(), seeds()).check((def, seed) -> {
      Random r = new Random(seed);
      List<ScenarioDefinition.Step> steps = new ArrayList<>(def.steps());
      int i = r.nextInt(steps.size());
      List<ScenarioDefinition.Transition> ts = new ArrayList<>(steps.get(i).transitions());
      ScenarioDefinition.Transition dropped = ts.remove(r.nextInt(ts.size()));
      steps.set(i, steps.get(i).withTransitions(ts));
      ScenarioDefinition mutated = new ScenarioDefinition(def.id(), def.start(), steps);
      ScenarioGenerators.Model model = new ScenarioGenerators.Model(mutated);
      boolean everyStepEnds = steps.stream().allMatch(s -> model.distanceToEnd.containsKey(s.id()));
      boolean removedTheOnlyWin = dropped.outcome().map(Outcome::isWon).orElse(false);
      try {
        Scenario.of(mutated);
        return everyStepEnds && !removedTheOnlyWin;
      } catch (ValidationException e) {
        // the model agrees that something is wrong, and a dead end is named by its step
        boolean deadEndNamed = !ts.isEmpty() || namesStep(e.violations(), steps.get(i).id());
        return (!everyStepEnds || removedTheOnlyWin || hasUnreachable(e)) && deadEndNamed;
      }
    });
  }

  private static boolean hasUnreachable(ValidationException e) {
    return e.violations().stream().anyMatch(v -> v.rule().startsWith("must be reachable"));
  }

  @Test
  void retargetingToAnUnknownStepIsRejectedNamingIt() {
    qt().withExamples(EXAMPLES).forAll(definitions(), seeds()).check((def, seed) -> {
      Random r = new Random(seed);
      List<ScenarioDefinition.Step> steps = new ArrayList<>(def.steps());
      int i = r.nextInt(steps.size());
      List<ScenarioDefinition.Transition> ts = new ArrayList<>(steps.get(i).transitions());
      int j = r.nextInt(ts.size());
      ts.set(j, ScenarioDefinition.Transition.goTo(ts.get(j).label(), "unknown-" + seed));
      steps.set(i, steps.get(i).withTransitions(ts));
      List<ValidationException.Violation> vs = violations(new ScenarioDefinition(def.id(), def.start(), steps));
      String field = "steps[" + steps.get(i).id() + "].transitions[" + ts.get(j).label() + "].to";
      return vs.stream().anyMatch(v -> v.field().equals(field) && v.rejectedValue().equals("unknown-" + seed)
          && v.rule().equals("must name a declared step"));
    });
  }

  @Test
  void duplicatingALabelIsRejectedNamingTheStep() {
    qt().withExamples(EXAMPLES).forAll(definitions(), seeds()).check((def, seed) -> {
      Random r = new Random(seed);
      List<ScenarioDefinition.Step> steps = new ArrayList<>(def.steps());
      int i = r.nextInt(steps.size());
      ScenarioDefinition.Step step = steps.get(i);
      String label = step.transitions().get(r.nextInt(step.transitions().size())).label();
      steps.set(i, step.withTransition(ScenarioDefinition.Transition.end(label, Outcome.weDeclined("dup"))));
      List<ValidationException.Violation> vs = violations(new ScenarioDefinition(def.id(), def.start(), steps));
      return vs.stream().anyMatch(v -> v.field().equals("steps[" + step.id() + "].transitions[" + label + "]")
          && v.rule().equals("must be unique within the step; declared 2 times"));
    });
  }

  @Test
  void jsonRoundTripOfScenariosIsIdentity() {
    qt().withExamples(EXAMPLES).forAll(definitions()).check(def -> {
      Scenario s = Scenario.of(def);
      String json = ClientyieldJson.write(s);
      Scenario back = Scenario.fromJson(json);
      return back.equals(s) && ClientyieldJson.write(back).equals(json);
    });
  }

  @Test
  void replayAndJsonRoundTripsOfRunsAreIdentities() {
    qt().withExamples(EXAMPLES).forAll(definitions(), seeds()).check((def, seed) -> {
      Scenario s = Scenario.of(def);
      ScenarioRun run = walk(s, new ScenarioGenerators.Model(def), seed, new HashSet<>());
      // also a run cut short, still open
      ScenarioRun open = s.replay(run.history().subList(0, run.historySize() / 2));
      return s.replay(run.history()).equals(run)
          && s.readRun(ClientyieldJson.write(run.snapshot())).equals(run)
          && s.readRun(ClientyieldJson.write(open.snapshot())).equals(open)
          && s.replay(open.history()).equals(open);
    });
  }

  @Test
  void legalLabelsAlwaysAdvanceAndIllegalOnesFailLeavingTheRunUnchanged() {
    qt().withExamples(EXAMPLES).forAll(definitions(), actions()).checkAssert((def, actions) -> {
      Scenario s = Scenario.of(def);
      ScenarioGenerators.Model model = new ScenarioGenerators.Model(def);
      ScenarioRun run = s.startRun();
      String modelStep = def.start();
      Outcome modelOutcome = null;
      int modelSize = 0;
      Instant now = T0;
      for (int a : actions) {
        boolean wantLegal = a % 3 != 0;
        List<String> labels = new ArrayList<>(model.byStep.get(modelStep).keySet());
        labels.sort(null);
        boolean backwards = a % 7 == 0 && modelSize > 0;
        String label = wantLegal ? labels.get(a % labels.size()) : "not-a-label-" + a;
        Instant at = backwards ? now.minusSeconds(1) : now.plusSeconds(a);
        boolean legal = modelOutcome == null && wantLegal && !backwards;
        if (legal) {
          run = run.advance(label, at, MANAGER);
          ScenarioDefinition.Transition t = model.byStep.get(modelStep).get(label);
          if (t.isEnding()) {
            modelOutcome = t.outcome().get();
          } else {
            modelStep = t.to().get();
          }
          modelSize++;
          now = at;
        } else {
          String illegal = label;
          Instant when = at;
          ScenarioRun current = run;
          String before = io.clientyield.core.json.ClientyieldJson.write(run.snapshot());
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> current.advance(illegal, when, MANAGER))
              .isInstanceOf(ValidationException.class);
          assertThat(run.tryAdvance(label, at, MANAGER).run()).isSameAs(run);
          // a rejected step leaves nothing behind in the run's state
          assertThat(io.clientyield.core.json.ClientyieldJson.write(run.snapshot())).isEqualTo(before);
        }
        assertThat(run.currentStep()).isEqualTo(modelStep);
        assertThat(run.outcome()).isEqualTo(java.util.Optional.ofNullable(modelOutcome));
        assertThat(run.historySize()).isEqualTo(modelSize);
        assertThat(run.isFinished()).isEqualTo(modelOutcome != null);
      }
    });
  }

  @Test
  void stageOrderListsEveryReachableStageOnce() {
    qt().withExamples(EXAMPLES).forAll(definitions()).check(def -> {
      Set<String> stages = new HashSet<>();
      def.steps().forEach(st -> st.stage().ifPresent(stages::add));
      List<String> order = Scenario.of(def).stageOrder();
      return new HashSet<>(order).equals(stages) && order.size() == stages.size()
          && (def.steps().get(0).stage().isEmpty() || order.get(0).equals(def.steps().get(0).stage().get()));
    });
  }

  @Test
  void exportsNameEveryTransition() {
    qt().withExamples(EXAMPLES).forAll(definitions()).check(def -> {
      Scenario s = Scenario.of(def);
      long transitions = def.steps().stream().mapToLong(st -> st.transitions().size()).sum();
      long mermaidEdges = s.toMermaid().lines().filter(l -> l.matches("  \\w+ --> \\w+ : .*") && !l.contains("[*]")).count();
      long dotEdges = s.toDot().lines().filter(l -> l.contains(" -> ") && !l.contains("__start")).count();
      boolean singleLine = s.toMermaid().lines().allMatch(l -> l.isEmpty() || l.startsWith("  ") || l.equals("stateDiagram-v2"));
      return mermaidEdges == transitions && dotEdges == transitions && singleLine;
    });
  }
}
