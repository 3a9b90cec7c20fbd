package io.clientyield.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  /** The exhibition scenario of the issue: send info → present → negotiate → remind (loop) → contract. */
  static final Scenario EXHIBITION = Scenario.builder("exhibition")
      .start("send-info", "Send information by e-mail").stage("contact").norm(2)
          .on("opened").next("present", "Present the company").stage("presentation").norm(5)
              .on("interested").next("negotiate", "Negotiate").stage("negotiation").norm(10)
                  .on("agreed").next("contract", "Contract").stage("contract")
                      .on("signed").end(Outcome.won())
                      .on("withdrawn").end(Outcome.clientRefused("timing"))
      .step("negotiate")
          .on("declined-price").end(Outcome.clientRefused("price"))
          .on("no-response").next("remind", "Remind").stage("negotiation")
              .on("answered").goTo("negotiate")
              .on("silent").end(Outcome.clientRefused("no-response"))
      .step("send-info").on("bounced").end(Outcome.weDeclined("no-contact"))
      .step("present").on("not-interested").end(Outcome.clientRefused("interest"))
      .build();

  private static List<String> messages(ThrowingBuild build) {
    try {
      build.run();
    } catch (ValidationException e) {
      return e.violations().stream().map(ValidationException.Violation::toString).toList();
    }
    throw new AssertionError("expected a ValidationException");
  }

  private interface ThrowingBuild {
    void run();
  }

  @Test
  void exhibitionScenarioExposesStepsStagesNormsAndLabels() {
    assertThat(EXHIBITION.steps()).extracting(ScenarioDefinition.Step::id)
        .containsExactly("send-info", "present", "negotiate", "contract", "remind");
    assertThat(EXHIBITION.start()).isEqualTo("send-info");
    assertThat(EXHIBITION.allowedLabels("send-info")).containsExactly("opened", "bounced");
    assertThat(EXHIBITION.allowedLabels("negotiate")).containsExactly("agreed", "declined-price", "no-response");
    assertThat(EXHIBITION.stageOrder()).containsExactly("contact", "presentation", "negotiation", "contract");
    assertThat(EXHIBITION.norms()).isEqualTo(Map.of("send-info", 2, "present", 5, "negotiate", 10));
    assertThat(EXHIBITION.norm("remind")).isEqualTo(OptionalInt.empty());
    assertThat(EXHIBITION.outcomes()).containsExactly(Outcome.weDeclined("no-contact"),
        Outcome.clientRefused("interest"), Outcome.clientRefused("price"), Outcome.won(),
        Outcome.clientRefused("timing"), Outcome.clientRefused("no-response"));
    assertThat(EXHIBITION.transitions().get("remind"))
        .containsExactly(ScenarioDefinition.Transition.goTo("answered", "negotiate"),
            ScenarioDefinition.Transition.end("silent", Outcome.clientRefused("no-response")));
  }

  @Test
  void everyValidationProblemIsReportedAtOnceWithItsStep() {
    List<String> messages = messages(() -> Scenario.builder("broken")
        .start("a", "A")
            .on("go").goTo("b")
            .on("go").goTo("c")
            .on("typo").goTo("bb")
        .step("b", "B").on("lost").end(Outcome.clientRefused("price"))
        .step("b", "B again").on("x").goTo("a")
        .step("c", "C").on("loop").goTo("d")
        .step("d", "D").on("loop").goTo("c")
        .step("orphan", "Orphan").on("lost").end(Outcome.clientRefused("price"))
        .step("stuck", "Stuck")
        .build());
    assertThat(messages).containsExactly(
        "steps[a].transitions[go] (go) must be unique within the step; declared 2 times",
        "steps[a].transitions[typo].to (bb) must name a declared step",
        "steps[b].id (b) must be unique; declared 2 times",
        "steps[c] (c) must lead to an outcome but no path from it ends (trap cycle or unknown targets)",
        "steps[d] (d) must lead to an outcome but no path from it ends (trap cycle or unknown targets)",
        "steps[orphan] (orphan) must be reachable from the start step a",
        "steps[stuck] (stuck) must be reachable from the start step a",
        "steps[stuck] (stuck) must lead to an outcome but has no transitions (dead end)",
        "outcomes ([CLIENT_REFUSED(price)]) must include WON");
  }

  @Test
  void emptyScenarioAndUnknownStartAreRejected() {
    assertThat(messages(() -> Scenario.of(new ScenarioDefinition("empty", "a", List.of()))))
        .containsExactly("steps ([]) must not be empty");
    assertThat(messages(() -> Scenario.builder("s").start("nope")
        .step("a", "A").on("ok").end(Outcome.won()).build()))
        .containsExactly("start (nope) must name a declared step");
    assertThat(messages(() -> Scenario.builder("s").step("a", "A").on("ok").end(Outcome.won()).build()))
        .containsExactly("start (null) must be named with start(stepId)");
  }

  @Test
  void builderChecksEachSettingWhenGiven() {
    assertThatThrownBy(() -> Scenario.builder("s").start("a", "A").norm(-1))
        .hasMessage("steps[a].normWorkingDays (-1) must be >= 0");
    assertThatThrownBy(() -> Scenario.builder("s").start("a", "A").on(" "))
        .hasMessage("steps[a].transitions ( ) label must not be blank");
    assertThatThrownBy(() -> Scenario.builder(" ")).hasMessage("id (\" \") must not be blank");
  }

  @Test
  void jsonDefinitionRoundTripsAndGetsTheSameViolationsAsTheBuilder() {
    String json = ClientyieldJson.write(EXHIBITION);
    assertThat(Scenario.fromJson(json)).isEqualTo(EXHIBITION);
    assertThat(json).startsWith("{\"id\":\"exhibition\",\"start\":\"send-info\",\"steps\":[{\"id\":\"send-info\","
        + "\"name\":\"Send information by e-mail\",\"stage\":\"contact\",\"normWorkingDays\":2,"
        + "\"transitions\":[{\"label\":\"opened\",\"to\":\"present\"},{\"label\":\"bounced\","
        + "\"outcome\":{\"kind\":\"WE_DECLINED\",\"reason\":\"no-contact\"}}]}");
    String broken = "{\"id\":\"s\",\"start\":\"a\",\"steps\":[{\"id\":\"a\",\"name\":\"A\",\"transitions\":"
        + "[{\"label\":\"go\",\"to\":\"b\"},{\"label\":\"go\",\"outcome\":{\"kind\":\"WON\"}}]}]}";
    List<String> fromJson = messages(() -> Scenario.fromJson(broken));
    List<String> fromDsl = messages(() -> Scenario.builder("s").start("a", "A")
        .on("go").goTo("b").on("go").end(Outcome.won()).build());
    assertThat(fromJson).isEqualTo(fromDsl).containsExactly(
        "steps[a].transitions[go] (go) must be unique within the step; declared 2 times",
        "steps[a].transitions[go].to (b) must name a declared step");
  }

  @Test
  void mermaidExport() {
    Scenario s = Scenario.builder("tiny")
        .start("a", "Say \"hi\"; then wait").on("ok: yes").next("b", "B").on("signed").end(Outcome.won())
        .step("a").on("no").end(Outcome.clientRefused("price"))
        .build();
    assertThat(s.toMermaid()).isEqualTo("""
        stateDiagram-v2
          state "Say #quot;hi#quot;#59; then wait" as a
          state "B" as b
          state "CLIENT_REFUSED(price)" as outcome_0
          state "WON" as outcome_1
          [*] --> a
          a --> b : ok: yes
          a --> outcome_0 : no
          b --> outcome_1 : signed
          outcome_0 --> [*]
          outcome_1 --> [*]
        """);
    assertThat(s.mermaidStateId("b")).isEqualTo("b");
  }

  @Test
  void mermaidStateIdsOfStepIdsThatAreNotPlainIdentifiersAreUniqueAndSafe() {
    Scenario s = Scenario.builder("odd ids")
        .start("first call", "Call").on("ok").next("step_1", "Meet").on("signed").end(Outcome.won())
        .build();
    assertThat(s.mermaidStateId("first call")).isEqualTo("step_0_first_call");
    assertThat(s.mermaidStateId("step_1")).isEqualTo("step_1_step_1");
    assertThat(s.toMermaid()).contains("[*] --> step_0_first_call")
        .contains("step_0_first_call --> step_1_step_1 : ok");
    assertThatThrownBy(() -> s.mermaidStateId("nope")).isInstanceOf(ValidationException.class);
  }

  @Test
  void dotExport() {
    Scenario s = Scenario.builder("tiny \"one\"")
        .start("a\\b", "A").on("ok").next("b", "Line1\nLine2").on("signed").end(Outcome.won())
        .build();
    assertThat(s.toDot()).isEqualTo("""
        digraph "tiny \\"one\\"" {
          rankdir=LR;
          "__start" [shape=point];
          "a\\\\b" [shape=box, label="A"];
          "b" [shape=box, label="Line1\\nLine2"];
          "outcome:WON" [shape=doublecircle, label="WON"];
          "__start" -> "a\\\\b";
          "a\\\\b" -> "b" [label="ok"];
          "b" -> "outcome:WON" [label="signed"];
        }
        """);
  }

  @Test
  void customerLifeCycleTemplate() {
    Scenario s = Scenario.customerLifeCycle();
    assertThat(s.stageOrder()).containsExactly("attraction", "interest", "evaluation", "purchase", "loyalty");
    assertThat(s.allowedLabels("evaluation")).containsExactly("accepted", "new-offer", "declined-price", "chose-competitor");
    assertThat(s.outcomes()).contains(Outcome.won(), Outcome.clientRefused("price"), Outcome.weDeclined("not-qualified"));
    assertThat(Scenario.customerLifeCycle()).isEqualTo(s);
    assertThat(Scenario.fromJson(ClientyieldJson.write(s))).isEqualTo(s);
  }

  @Test
  void javadocExamplesBuild() {
    Scenario fromBuilderDoc = Scenario.builder("exhibition")
        .start("send-info", "Send information by e-mail").stage("contact").norm(2)
            .on("opened").goTo("present")
            .on("no-response").end(Outcome.clientRefused("no-response"))
        .step("present", "Present the company").stage("presentation")
            .on("interested").next("contract", "Sign the contract")
            .on("signed").end(Outcome.won())
        .build();
    assertThat(fromBuilderDoc.allowedLabels("contract")).containsExactly("signed");
    Scenario fromPackageDoc = Scenario.builder("exhibition")
        .start("send-info", "Send information by e-mail").stage("contact").norm(2)
            .on("opened").next("present", "Present the company").stage("presentation")
                .on("interested").next("negotiate", "Negotiate").stage("negotiation")
                    .on("agreed").end(Outcome.won())
                    .on("declined-price").end(Outcome.clientRefused("price"))
                    .on("no-response").next("remind", "Remind")
                        .on("answered").goTo("negotiate")
                        .on("silent").end(Outcome.clientRefused("no-response"))
        .step("send-info").on("bounced").end(Outcome.weDeclined("no-contact"))
        .step("present").on("not-interested").end(Outcome.clientRefused("interest"))
        .build();
    assertThat(fromPackageDoc.startRun()
        .advance("opened", java.time.Instant.parse("2024-03-01T09:00:00Z"), io.clientyield.core.ManagerId.of("anna"))
        .currentStep()).isEqualTo("present");
    assertThat(fromPackageDoc.stageOrder()).containsExactly("contact", "presentation", "negotiation");
  }
}
