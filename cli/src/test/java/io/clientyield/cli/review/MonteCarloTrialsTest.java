package io.clientyield.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The review's one rule for its Monte Carlo trials, at the sizes it meets. */
class MonteCarloTrialsTest {

  @Test
  void keepsTheFullTrialsForTheBundledExportAndCapsTheWorkAtScale() {
    // the bundled export: 8 800 deals, 2 089 open
    assertThat(Horizons.trials(8_800)).isEqualTo(2_000);
    assertThat(ReviewRunner.trials(2_089)).isEqualTo(10_000);
    // a million rows: some 236 000 open deals
    assertThat(Horizons.trials(1_000_000)).isEqualTo(50);
    assertThat(Horizons.trials(100_000)).isEqualTo(200);
    assertThat(ReviewRunner.trials(236_000)).isEqualTo(1_000);
    // in between, trials x items stays within the work
    assertThat(ReviewRunner.trialsWithin(20_000_000L, 2_000, 200, 50_000)).isEqualTo(400);
    assertThat(ReviewRunner.trialsWithin(20_000_000L, 2_000, 200, 0)).isEqualTo(2_000);
  }
}
