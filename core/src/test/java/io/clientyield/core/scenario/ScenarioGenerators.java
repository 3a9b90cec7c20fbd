package io.clientyield.core.scenario;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.quicktheories.core.Gen;

/** QuickTheories generators for scenarios, and a simple independent model of a definition. */
final class ScenarioGenerators {
  private ScenarioGenerators() {}

  private static final String[] ODD_IDS = {"step \"quoted\"", "a;b", "back\\slash", "multi\nline", "#hash", "ünï"};
  private static final Outcome[] LOSSES = {
      Outcome.clientRefused("price"), Outcome.clientRefused("quality"), Outcome.clientRefused("timing"),
      Outcome.weDeclined("risk")};

  /**
   * Valid scenario definitions of 1–8 steps: a spine {@code s0 → s1 → ... → WON} keeps every step
   * reachable and able to end, and 0–3 extra transitions per step go to random steps (loops,
   * back-edges, self-loops) or to losses. Some ids contain quotes, semicolons, backslashes or line
   * breaks; some steps carry stages and norms.
   */
  static Gen<ScenarioDefinition> definitions() {
    return longs().all().map(ScenarioGenerators::definition);
  }

  static ScenarioDefinition definition(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(8);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(r.nextInt(6) == 0 ? ODD_IDS[r.nextInt(ODD_IDS.length)] + i : "s" + i);
    }
    List<ScenarioDefinition.Step> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<ScenarioDefinition.Transition> ts = new ArrayList<>();
      ts.add(i < n - 1 ? ScenarioDefinition.Transition.goTo("next", ids.get(i + 1)) : ScenarioDefinition.Transition.end("win", Outcome.won()));
      int extra = r.nextInt(4);
      for (int j = 0; j < extra; j++) {
        String label = "l" + j;
        ts.add(r.nextInt(3) == 0 ? ScenarioDefinition.Transition.end(label, LOSSES[r.nextInt(LOSSES.length)])
            : ScenarioDefinition.Transition.goTo(label, ids.get(r.nextInt(n))));
      }
      java.util.Collections.shuffle(ts, r);
      Optional<String> stage = r.nextBoolean() ? Optional.of("stage" + r.nextInt(4)) : Optional.empty();
      Optional<Integer> norm = r.nextBoolean() ? Optional.of(r.nextInt(30)) : Optional.empty();
      steps.add(new ScenarioDefinition.Step(ids.get(i), "Step " + ids.get(i), stage, norm, ts));
    }
    return new ScenarioDefinition("generated-" + (seed & 0xffff), ids.get(0), steps);
  }

  /** Seeds for random walks and mutations. */
  static Gen<Long> seeds() {
    return longs().all();
  }

  /** Actions for the stateful test: each number picks a legal or an illegal move. */
  static Gen<List<Integer>> actions() {
    return lists().of(integers().between(0, 999)).ofSizeBetween(0, 40);
  }

  /** An independent model of a definition: label → transition per step, and distances to an end. */
  static final class Model {
    final Map<String, Map<String, ScenarioDefinition.Transition>> byStep = new HashMap<>();
    final Map<String, Integer> distanceToEnd = new HashMap<>();

    Model(ScenarioDefinition def) {
      Map<String, List<String>> incoming = new HashMap<>();
      ArrayDeque<String> queue = new ArrayDeque<>();
      for (ScenarioDefinition.Step s : def.steps()) {
        Map<String, ScenarioDefinition.Transition> m = new HashMap<>();
        for (ScenarioDefinition.Transition t : s.transitions()) {
          m.put(t.label(), t);
          if (t.isEnding()) {
            if (distanceToEnd.putIfAbsent(s.id(), 1) == null) {
              queue.add(s.id());
            }
          } else {
            incoming.computeIfAbsent(t.to().get(), k -> new ArrayList<>()).add(s.id());
          }
        }
        byStep.put(s.id(), m);
      }
      while (!queue.isEmpty()) {
        String s = queue.poll();
        for (String p : incoming.getOrDefault(s, List.of())) {
          if (!distanceToEnd.containsKey(p)) {
            distanceToEnd.put(p, distanceToEnd.get(s) + 1);
            queue.add(p);
          }
        }
      }
    }

    /** The label of a transition that gets strictly closer to an ending. */
    String towardsEnd(String step) {
      int d = distanceToEnd.get(step);
      for (ScenarioDefinition.Transition t : byStep.get(step).values()) {
        if (t.isEnding() || distanceToEnd.get(t.to().get()) < d) {
          return t.label();
        }
      }
      throw new AssertionError("no progress possible from " + step);
    }
  }
}
