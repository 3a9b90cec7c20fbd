package io.clientyield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.core.Outcome;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioRun;
import org.junit.jupiter.api.Test;

class ScenarioBenchmarkTest {

  @Test
  void scenarioHasSixStepsAndBranches() {
    Scenario s = ScenarioBenchmark.scenario();
    assertThat(s.steps()).hasSize(6);
    assertThat(s.allowedLabels("negotiate"))
        .containsExactlyInAnyOrder("agreed", "counter-offer", "chose-competitor");
    assertThat(s.allowedLabels("qualify"))
        .containsExactlyInAnyOrder("qualified", "not-qualified", "wrong-person");
  }

  @Test
  void walkTakesEveryLabelAndEndsWon() {
    ScenarioBenchmark.Walk w = new ScenarioBenchmark.Walk();
    w.setUp();
    ScenarioRun end = ScenarioBenchmark.walk(w);
    assertThat(end.historySize()).isEqualTo(ScenarioBenchmark.PATH_LENGTH);
    assertThat(ScenarioBenchmark.PATH).hasSize(ScenarioBenchmark.PATH_LENGTH);
    assertThat(end.outcome()).contains(Outcome.won());
    assertThat(end.currentStep()).isEqualTo("sign");
  }
}
