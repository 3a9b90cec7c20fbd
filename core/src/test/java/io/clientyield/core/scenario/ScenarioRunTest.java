package io.clientyield.core.scenario;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static io.clientyield.core.scenario.ScenarioTest.EXHIBITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioRunTest {
  private static final ManagerId ANNA = ManagerId.of("anna");
  private static final ManagerId BORIS = ManagerId.of("boris");
  private static final Instant T1 = Instant.parse("2024-03-01T09:00:00Z");
  private static final Instant T2 = Instant.parse("2024-03-04T10:00:00Z");
  private static final Instant T3 = Instant.parse("2024-03-08T11:00:00Z");
  private static final Instant T4 = Instant.parse("2024-03-15T12:00:00Z");

  private static ScenarioRun won() {
    return EXHIBITION.startRun()
        .advance("opened", T1, ANNA)
        .advance("interested", T2, ANNA)
        .advance("agreed", T3, BORIS)
        .advance("signed", T4, BORIS);
  }

  @Test
  void advancingRecordsTheHistoryAndEndsWithTheOutcome() {
    ScenarioRun start = EXHIBITION.startRun();
    assertThat(start.currentStep()).isEqualTo("send-info");
    assertThat(start.isFinished()).isFalse();
    assertThat(start.history()).isEmpty();
    ScenarioRun run = won();
    assertThat(run.isFinished()).isTrue();
    assertThat(run.outcome()).contains(Outcome.won());
    assertThat(run.currentStep()).isEqualTo("contract");
    assertThat(run.allowedLabels()).isEmpty();
    assertThat(run.history()).containsExactly(
        new RunEvent("opened", "send-info", Optional.of("present"), Optional.empty(), T1, ANNA),
        new RunEvent("interested", "present", Optional.of("negotiate"), Optional.empty(), T2, ANNA),
        new RunEvent("agreed", "negotiate", Optional.of("contract"), Optional.empty(), T3, BORIS),
        new RunEvent("signed", "contract", Optional.empty(), Optional.of(Outcome.won()), T4, BORIS));
    assertThat(start.history()).isEmpty();
  }

  @Test
  void reminderLoopsBackToNegotiation() {
    ScenarioRun run = EXHIBITION.runAt("negotiate")
        .advance("no-response", T1, ANNA)
        .advance("answered", T2, ANNA)
        .advance("no-response", T3, ANNA)
        .advance("silent", T4, ANNA);
    assertThat(run.outcome()).contains(Outcome.clientRefused("no-response"));
    assertThat(run.historySize()).isEqualTo(4);
  }

  @Test
  void unknownLabelNamesTheAllowedLabelsAndLeavesTheRunUnchanged() {
    ScenarioRun run = EXHIBITION.startRun().advance("opened", T1, ANNA);
    assertThatThrownBy(() -> run.advance("signed", T2, ANNA))
        .isInstanceOf(ValidationException.class)
        .hasMessage("label (signed) must be one of [interested, not-interested] at step present");
    assertThat(run.currentStep()).isEqualTo("present");
    assertThat(run.historySize()).isEqualTo(1);
  }

  @Test
  void finishedRunRejectsEveryLabel() {
    assertThatThrownBy(() -> won().advance("opened", T4, ANNA))
        .hasMessage("label (opened) cannot be taken: the run of exhibition is finished with WON at step contract");
  }

  @Test
  void timestampBeforeTheLastTransitionIsRejected() {
    ScenarioRun run = EXHIBITION.startRun().advance("opened", T2, ANNA);
    assertThatThrownBy(() -> run.advance("interested", T1, ANNA))
        .hasMessage("at (2024-03-01T09:00:00Z) must not be before the last transition at 2024-03-04T10:00:00Z");
    assertThat(run.advance("interested", T2, ANNA).currentStep()).isEqualTo("negotiate");
  }

  @Test
  void tryAdvanceReturnsTypedResults() {
    ScenarioRun run = EXHIBITION.startRun();
    AdvanceResult ok = run.tryAdvance("opened", T1, ANNA);
    assertThat(ok.isAdvanced()).isTrue();
    assertThat(ok.run().currentStep()).isEqualTo("present");
    AdvanceResult no = run.tryAdvance("nope", T1, ANNA);
    assertThat(no.isAdvanced()).isFalse();
    assertThat(no.reason()).contains(AdvanceResult.Reason.UNKNOWN_LABEL);
    assertThat(no.run()).isSameAs(run);
    assertThat(((AdvanceResult.Rejected) no).message())
        .isEqualTo("label (nope) must be one of [opened, bounced] at step send-info");
    assertThat(won().tryAdvance("x", T4, ANNA).reason()).contains(AdvanceResult.Reason.FINISHED);
    assertThat(ok.run().tryAdvance("interested", T1.minusSeconds(1), ANNA).reason())
        .contains(AdvanceResult.Reason.TIME_BEFORE_LAST);
  }

  @Test
  void runAtUnknownStepIsRejected() {
    assertThatThrownBy(() -> EXHIBITION.runAt("lunch"))
        .hasMessage("stepId (lunch) must name a step of scenario exhibition: [contract, negotiate, present, remind, send-info]");
  }

  @Test
  void replayRebuildsTheSameRun() {
    ScenarioRun run = won();
    assertThat(EXHIBITION.replay(run.history())).isEqualTo(run).hasSameHashCodeAs(run);
    ScenarioRun mid = EXHIBITION.runAt("negotiate").advance("no-response", T1, ANNA);
    assertThat(EXHIBITION.replay(mid.history())).isEqualTo(mid);
    assertThat(EXHIBITION.replay(List.of())).isEqualTo(EXHIBITION.startRun());
  }

  @Test
  void replayNamesTheEventThatDoesNotFit() {
    List<RunEvent> history = List.of(
        new RunEvent("opened", "send-info", Optional.of("present"), Optional.empty(), T1, ANNA),
        new RunEvent("agreed", "present", Optional.of("contract"), Optional.empty(), T2, ANNA));
    assertThatThrownBy(() -> EXHIBITION.replay(history))
        .hasMessage("history[1].label (agreed) must be one of [interested, not-interested] at step present");
    List<RunEvent> wrongTarget = List.of(
        new RunEvent("opened", "send-info", Optional.of("negotiate"), Optional.empty(), T1, ANNA));
    assertThatThrownBy(() -> EXHIBITION.replay(wrongTarget))
        .hasMessage("history[0] (opened: send-info -> negotiate at 2024-03-01T09:00:00Z by anna) must match the scenario,"
            + " which gives opened: send-info -> present at 2024-03-01T09:00:00Z by anna");
  }

  @Test
  void jsonRoundTripOfRuns() {
    ScenarioRun run = won();
    String json = ClientyieldJson.write(run.snapshot());
    assertThat(json).isEqualTo("{\"scenarioId\":\"exhibition\",\"currentStep\":\"contract\",\"history\":["
        + "{\"label\":\"opened\",\"from\":\"send-info\",\"to\":\"present\",\"at\":\"2024-03-01T09:00:00Z\",\"by\":\"anna\"},"
        + "{\"label\":\"interested\",\"from\":\"present\",\"to\":\"negotiate\",\"at\":\"2024-03-04T10:00:00Z\",\"by\":\"anna\"},"
        + "{\"label\":\"agreed\",\"from\":\"negotiate\",\"to\":\"contract\",\"at\":\"2024-03-08T11:00:00Z\",\"by\":\"boris\"},"
        + "{\"label\":\"signed\",\"from\":\"contract\",\"outcome\":{\"kind\":\"WON\"},\"at\":\"2024-03-15T12:00:00Z\",\"by\":\"boris\"}],"
        + "\"outcome\":{\"kind\":\"WON\"}}");
    assertThat(EXHIBITION.readRun(json)).isEqualTo(run);
    assertThat(ClientyieldJson.write(EXHIBITION.readRun(json).snapshot())).isEqualTo(json);
    assertThatThrownBy(() -> ClientyieldJson.write(run)).as("a run's one stored form is its snapshot")
        .isInstanceOf(ValidationException.class)
        .hasMessage("value ((value)) cannot be written as JSON: a scenario run has no JSON form of"
            + " its own: write its snapshot");
    ScenarioRun atRemind = EXHIBITION.runAt("remind");
    assertThat(EXHIBITION.readRun(ClientyieldJson.write(atRemind.snapshot()))).isEqualTo(atRemind);
    // the snapshot a CRM stores is itself a value with the same JSON form
    assertThat(assertJsonRoundTrip(run.snapshot(), RunSnapshot.class)).isEqualTo(json);
    assertJsonRoundTrip(atRemind.snapshot(), RunSnapshot.class);
  }

  @Test
  void readingARunThatContradictsItsHistoryFails() {
    String json = "{\"scenarioId\":\"exhibition\",\"currentStep\":\"negotiate\",\"history\":["
        + "{\"label\":\"opened\",\"from\":\"send-info\",\"to\":\"present\",\"at\":\"2024-03-01T09:00:00Z\",\"by\":\"anna\"}]}";
    assertThatThrownBy(() -> EXHIBITION.readRun(json))
        .hasMessage("currentStep (negotiate) must agree with the history, which ends at present");
    assertThatThrownBy(() -> EXHIBITION.readRun(json.replace("exhibition", "fair")
        .replace("negotiate", "present")))
        .hasMessage("scenarioId (fair) must be exhibition");
    // a history that does not chain is rejected by the snapshot itself, before any scenario
    String broken = "{\"scenarioId\":\"exhibition\",\"currentStep\":\"negotiate\",\"history\":["
        + "{\"label\":\"opened\",\"from\":\"send-info\",\"to\":\"present\",\"at\":\"2024-03-01T09:00:00Z\",\"by\":\"anna\"},"
        + "{\"label\":\"agreed\",\"from\":\"negotiate\",\"to\":\"contract\",\"at\":\"2024-03-02T09:00:00Z\",\"by\":\"anna\"}]}";
    assertThatThrownBy(() -> ClientyieldJson.read(broken, RunSnapshot.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("history[1].from (negotiate) must be the step the previous event entered: present");
    String backInTime = "{\"scenarioId\":\"exhibition\",\"currentStep\":\"negotiate\",\"history\":["
        + "{\"label\":\"opened\",\"from\":\"send-info\",\"to\":\"present\",\"at\":\"2024-03-02T09:00:00Z\",\"by\":\"anna\"},"
        + "{\"label\":\"interested\",\"from\":\"present\",\"to\":\"negotiate\",\"at\":\"2024-03-01T09:00:00Z\",\"by\":\"anna\"}]}";
    assertThatThrownBy(() -> ClientyieldJson.read(backInTime, RunSnapshot.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("history[1].at (2024-03-01T09:00:00Z) must not be before the previous event at"
            + " 2024-03-02T09:00:00Z");
  }
}
