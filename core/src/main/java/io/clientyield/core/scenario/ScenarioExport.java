package io.clientyield.core.scenario;

import io.clientyield.core.Outcome;
import java.util.List;

/** Text exports of a scenario for display: Mermaid and Graphviz DOT. */
final class ScenarioExport {
  private ScenarioExport() {}

  /**
   * Mermaid {@code stateDiagram-v2}. Each step becomes a state whose id is the step's own id
   * ({@link #mermaidId}), labelled with its display name, so a CRM can style the current step
   * ({@code class negotiate current}); each distinct outcome becomes a state {@code outcome_0,
   * outcome_1, ...} leading to {@code [*]}. Names and labels are escaped ({@code "} as
   * {@code #quot;}, {@code ;} as {@code #59;}, {@code :} kept, line breaks as spaces) so no text can
   * break the diagram.
   */
  static String mermaid(Scenario s) {
    List<ScenarioDefinition.Step> steps = s.steps();
    List<Outcome> outcomes = s.outcomes();
    String[] ids = new String[steps.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = mermaidId(steps.get(i).id(), i);
    }
    StringBuilder b = new StringBuilder("stateDiagram-v2\n");
    for (int i = 0; i < steps.size(); i++) {
      b.append("  state \"").append(mermaidText(steps.get(i).name())).append("\" as ").append(ids[i]).append('\n');
    }
    for (int o = 0; o < outcomes.size(); o++) {
      b.append("  state \"").append(mermaidText(outcomes.get(o).toString())).append("\" as outcome_").append(o).append('\n');
    }
    b.append("  [*] --> ").append(ids[s.indexOf("start", s.start())]).append('\n');
    for (int i = 0; i < steps.size(); i++) {
      for (ScenarioDefinition.Transition t : steps.get(i).transitions()) {
        String target = t.to().isPresent() ? ids[s.indexOf("to", t.to().get())]
            : "outcome_" + s.outcomeIndex(t.outcome().get());
        b.append("  ").append(ids[i]).append(" --> ").append(target).append(" : ")
            .append(mermaidText(t.label())).append('\n');
      }
    }
    for (int o = 0; o < outcomes.size(); o++) {
      b.append("  outcome_").append(o).append(" --> [*]\n");
    }
    return b.toString();
  }

  /**
   * The Mermaid state id of a step: the step id itself when it is a plain identifier (letters,
   * digits and underscores, starting with a letter, not starting with {@code step_} or
   * {@code outcome_}); otherwise {@code step_<index>_<id with other characters as _>}, which is
   * unique because the index is.
   */
  static String mermaidId(String stepId, int index) {
    boolean plain = !stepId.isEmpty() && isAsciiLetter(stepId.charAt(0))
        && !stepId.startsWith("step_") && !stepId.startsWith("outcome_");
    for (int i = 0; plain && i < stepId.length(); i++) {
      char c = stepId.charAt(i);
      plain = isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }
    if (plain) {
      return stepId;
    }
    StringBuilder b = new StringBuilder("step_").append(index).append('_');
    for (int i = 0; i < stepId.length() && i < 64; i++) {
      char c = stepId.charAt(i);
      b.append(isAsciiLetter(c) || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String mermaidText(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("#quot;");
        case ';' -> b.append("#59;");
        case '#' -> b.append("#35;");
        case '\n', '\r', '\t' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Graphviz DOT digraph. Steps are nodes named by their quoted ids with their display names as
   * labels; each distinct outcome is a double-circle node {@code "outcome:KIND(reason)"}; the
   * start is marked by an edge from a point node. Quotes and backslashes are escaped, line breaks
   * become {@code \n}.
   */
  static String dot(Scenario s) {
    StringBuilder b = new StringBuilder("digraph ").append(dotId(s.id())).append(" {\n");
    b.append("  rankdir=LR;\n");
    b.append("  \"__start\" [shape=point];\n");
    for (ScenarioDefinition.Step step : s.steps()) {
      b.append("  ").append(dotId(step.id())).append(" [shape=box, label=")
          .append(dotId(step.name())).append("];\n");
    }
    for (Outcome o : s.outcomes()) {
      b.append("  ").append(dotId("outcome:" + o)).append(" [shape=doublecircle, label=")
          .append(dotId(o.toString())).append("];\n");
    }
    b.append("  \"__start\" -> ").append(dotId(s.start())).append(";\n");
    for (ScenarioDefinition.Step step : s.steps()) {
      for (ScenarioDefinition.Transition t : step.transitions()) {
        String target = t.to().isPresent() ? t.to().get() : "outcome:" + t.outcome().get();
        b.append("  ").append(dotId(step.id())).append(" -> ").append(dotId(target))
            .append(" [label=").append(dotId(t.label())).append("];\n");
      }
    }
    return b.append("}\n").toString();
  }

  private static String dotId(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
