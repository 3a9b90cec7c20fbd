package io.clientyield.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRulesTest {
  private static final ManagerId SYSTEM = ManagerId.of("system");
  private static final Instant T1 = Instant.parse("2024-05-01T08:00:00Z");
  private static final Instant T2 = Instant.parse("2024-05-20T08:00:00Z");

  /** IT outsourcing: a completed project phase moves a deal in negotiation to signed. */
  private static final Scenario OUTSOURCING = Scenario.builder("it-outsourcing")
      .start("initial-interest", "Initial interest")
          .on("qualified").next("contract-negotiation", "Contract negotiation")
              .on("phase-1-accepted").next("contract-signed", "Contract signed")
                  .on("paid").end(Outcome.won())
                  .on("cancelled").end(Outcome.clientRefused("timing"))
      .step("contract-negotiation").on("declined-price").end(Outcome.clientRefused("price"))
      .step("initial-interest").on("no-budget").end(Outcome.weDeclined("no-budget"))
      .build();

  private static final EventRules RULES = EventRules.builder()
      .on("project-phase-1-completed").when("contract-negotiation").goTo("contract-signed")
      .on("invoice-paid").when("contract-signed").end(Outcome.won())
      .build(OUTSOURCING);

  @Test
  void eventMovesTheRunAlongTheScenarioTransition() {
    ScenarioRun run = OUTSOURCING.runAt("contract-negotiation");
    AdvanceResult moved = RULES.apply(run, "project-phase-1-completed", T1, SYSTEM);
    assertThat(moved.isAdvanced()).isTrue();
    assertThat(moved.run().currentStep()).isEqualTo("contract-signed");
    assertThat(moved.run().lastEvent().orElseThrow().label()).isEqualTo("phase-1-accepted");
    ScenarioRun paid = RULES.applyOrThrow(moved.run(), "invoice-paid", T2, SYSTEM);
    assertThat(paid.outcome()).contains(Outcome.won());
    assertThat(OUTSOURCING.replay(paid.history())).isEqualTo(paid);
    assertThat(RULES.rules()).containsExactly(
        new EventRules.Rule("project-phase-1-completed", "contract-negotiation", "phase-1-accepted"),
        new EventRules.Rule("invoice-paid", "contract-signed", "paid"));
  }

  @Test
  void eventWithoutRuleLeavesTheRunAndSaysWhy() {
    ScenarioRun run = OUTSOURCING.startRun();
    AdvanceResult r = RULES.apply(run, "project-phase-1-completed", T1, SYSTEM);
    assertThat(r.reason()).contains(AdvanceResult.Reason.NO_RULE);
    assertThat(r.run()).isSameAs(run);
    assertThat(((AdvanceResult.Rejected) r).message()).isEqualTo(
        "eventType (project-phase-1-completed) has no rule at step initial-interest; it applies at [contract-negotiation]");
    assertThat(((AdvanceResult.Rejected) RULES.apply(run, "holiday", T1, SYSTEM)).message())
        .isEqualTo("eventType (holiday) has no rule at step initial-interest; no rule handles this event type");
    ScenarioRun done = OUTSOURCING.runAt("contract-signed").advance("paid", T1, SYSTEM);
    assertThat(RULES.apply(done, "invoice-paid", T2, SYSTEM).reason()).contains(AdvanceResult.Reason.FINISHED);
    ScenarioRun late = OUTSOURCING.runAt("contract-negotiation").advance("phase-1-accepted", T2, SYSTEM);
    assertThat(RULES.apply(late, "invoice-paid", T1, SYSTEM).reason())
        .contains(AdvanceResult.Reason.TIME_BEFORE_LAST);
  }

  @Test
  void rulesAreValidatedAgainstTheScenario() {
    assertThatThrownBy(() -> EventRules.builder()
        .on("e").when("nowhere").goTo("contract-signed")
        .on("e").when("initial-interest").goTo("contract-signed")
        .on("f").when("initial-interest").end(Outcome.won())
        .on("g").when("contract-signed").goTo("initial-interest")
        .on("g").when("contract-signed").goTo("initial-interest")
        .build(OUTSOURCING))
        .hasMessage("6 violations: rules[e@nowhere].when (nowhere) must name a step of scenario it-outsourcing; "
            + "rules[e@initial-interest].goTo (contract-signed) must be one transition away from step initial-interest,"
            + " whose transitions are [qualified -> contract-negotiation, no-budget -> WE_DECLINED(no-budget)]; "
            + "rules[f@initial-interest].end (WON) must be one transition away from step initial-interest,"
            + " whose transitions are [qualified -> contract-negotiation, no-budget -> WE_DECLINED(no-budget)]; "
            + "rules[g@contract-signed].goTo (initial-interest) must be one transition away from step contract-signed,"
            + " whose transitions are [paid -> WON, cancelled -> CLIENT_REFUSED(timing)]; "
            + "rules[g@contract-signed] (g) must be unique per event type and step; "
            + "rules[g@contract-signed].goTo (initial-interest) must be one transition away from step contract-signed,"
            + " whose transitions are [paid -> WON, cancelled -> CLIENT_REFUSED(timing)]");
  }

  @Test
  void runOfAnotherScenarioIsRejected() {
    assertThatThrownBy(() -> RULES.apply(ScenarioTest.EXHIBITION.startRun(), "e", T1, SYSTEM))
        .hasMessage("run (exhibition) must follow scenario it-outsourcing");
  }
}
