package io.clientyield.core.scenario;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The graph rules of a scenario definition, all checked in one pass. */
final class ScenarioValidator {
  private ScenarioValidator() {}

  static void validate(ScenarioDefinition def) {
    Checks.Collector problems = Checks.collector();
    List<ScenarioDefinition.Step> steps = def.steps();
    if (steps.isEmpty()) {
      problems.add("steps", "[]", "must not be empty");
      problems.throwIfAny();
    }
    // first declaration of each id wins; later ones are duplicates
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> declared = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      index.putIfAbsent(steps.get(i).id(), i);
      declared.merge(steps.get(i).id(), 1, Integer::sum);
    }
    int n = steps.size();
    Integer start = index.get(def.start());
    if (start == null) {
      problems.add("start", def.start(), "must name a declared step");
    }
    // forward reachability from the start
    boolean[] reachable = new boolean[n];
    if (start != null) {
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      reachable[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        for (ScenarioDefinition.Transition t : steps.get(queue.poll()).transitions()) {
          Integer j = t.to().map(index::get).orElse(null);
          if (j != null && !reachable[j]) {
            reachable[j] = true;
            queue.add(j);
          }
        }
      }
    }
    // backward reachability from the endings
    List<List<Integer>> incoming = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      incoming.add(new ArrayList<>());
    }
    boolean[] ends = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (index.get(steps.get(i).id()) != i) {
        continue;
      }
      for (ScenarioDefinition.Transition t : steps.get(i).transitions()) {
        if (t.isEnding()) {
          if (!ends[i]) {
            ends[i] = true;
            queue.add(i);
          }
        } else {
          Integer j = index.get(t.to().get());
          if (j != null) {
            incoming.get(j).add(i);
          }
        }
      }
    }
    while (!queue.isEmpty()) {
      for (int p : incoming.get(queue.poll())) {
        if (!ends[p]) {
          ends[p] = true;
          queue.add(p);
        }
      }
    }
    boolean won = false;
    java.util.Set<String> seenDuplicate = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      ScenarioDefinition.Step s = steps.get(i);
      String at = "steps[" + s.id() + "]";
      boolean first = index.get(s.id()) == i;
      if (!first) {
        if (seenDuplicate.add(s.id())) {
          problems.add(at + ".id", s.id(),
              "must be unique; declared " + declared.get(s.id()) + " times");
        }
        continue;
      }
      Map<String, Integer> labels = new LinkedHashMap<>();
      for (ScenarioDefinition.Transition t : s.transitions()) {
        labels.merge(t.label(), 1, Integer::sum);
        if (t.outcome().map(Outcome::isWon).orElse(false)) {
          won = true;
        }
      }
      labels.forEach((label, count) -> {
        if (count > 1) {
          problems.add(at + ".transitions[" + label + "]", label,
              "must be unique within the step; declared " + count + " times");
        }
      });
      for (ScenarioDefinition.Transition t : s.transitions()) {
        if (t.to().isPresent() && !index.containsKey(t.to().get())) {
          problems.add(at + ".transitions[" + t.label() + "].to", t.to().get(),
              "must name a declared step");
        }
      }
      if (start != null && !reachable[i]) {
        problems.add(at, s.id(), "must be reachable from the start step " + def.start());
      }
      if (!ends[i]) {
        problems.add(at, s.id(), s.transitions().isEmpty()
            ? "must lead to an outcome but has no transitions (dead end)"
            : "must lead to an outcome but no path from it ends (trap cycle or unknown targets)");
      }
    }
    if (!won) {
      java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
      for (ScenarioDefinition.Step s : steps) {
        for (ScenarioDefinition.Transition t : s.transitions()) {
          t.outcome().ifPresent(o -> kinds.add(o.toString()));
        }
      }
      List<String> shown = new ArrayList<>(kinds).subList(0, Math.min(kinds.size(), 20));
      problems.add("outcomes", kinds.size() > shown.size()
          ? shown + " and " + (kinds.size() - shown.size()) + " more" : shown.toString(),
          "must include WON");
    }
    problems.throwIfAny();
  }
}
