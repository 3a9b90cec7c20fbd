package io.clientyield.forecasting;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static io.clientyield.forecasting.ForecastGenerators.EUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.core.Money;
import org.junit.jupiter.api.Test;

class OpenPipelineTest {

  /**
   * Three deals whose exact weighted pipeline ends in exactly half a cent:
   * 569 485 902.63 × 0.85 = 484 063 017.2355, 346 774 321.90 × 0.70 = 242 742 025.33,
   * 388 598 179.83 × 0.65 = 252 588 816.8895; Σ = 979 393 859.4550 (97 939 385 945.5 cents),
   * half-even (and half-up) → EUR 979 393 859.46. Summed as doubles of cents the total is
   * 97 939 385 945.49998…, which rounds to EUR 979 393 859.45: one cent short.
   */
  static OpenPipeline halfCentPipeline() {
    return new OpenPipeline(EUR)
        .add(Money.of("569485902.63", "EUR"), 0.85)
        .add(Money.of("346774321.90", "EUR"), 0.70)
        .add(Money.of("388598179.83", "EUR"), 0.65);
  }

  @Test
  void expectedValueIsSummedExactlyNotThroughDouble() {
    assertThat(halfCentPipeline().expected()).isEqualTo(Money.of("979393859.46", "EUR"));
  }

  @Test
  void expectedValueRoundsOnceHalfEven() {
    // EUR 0.05 × 0.1 = 0.5 cent exactly → half-even → EUR 0.00 (half-up would give 0.01);
    // EUR 0.15 × 0.1 = 1.5 cents → half-even → EUR 0.02
    assertThat(new OpenPipeline(EUR).add(Money.of("0.05", "EUR"), 0.1).expected())
        .isEqualTo(Money.of("0.00", "EUR"));
    assertThat(new OpenPipeline(EUR).add(Money.of("0.15", "EUR"), 0.1).expected())
        .isEqualTo(Money.of("0.02", "EUR"));
    // rounded once at the end: 0.5 + 0.5 cents = 1 cent, not 0 + 0
    assertThat(new OpenPipeline(EUR)
            .add(Money.of("0.05", "EUR"), 0.1)
            .add(Money.of("0.05", "EUR"), 0.1)
            .expected())
        .isEqualTo(Money.of("0.01", "EUR"));
  }

  @Test
  void distributionsReportTheExactExpectedValue() {
    RevenueDistribution grid =
        PipelineForecaster.onGrid(halfCentPipeline(), Money.of("1000000", "EUR"));
    RevenueDistribution mc = PipelineForecaster.monteCarlo(halfCentPipeline(), 100, 1);
    assertThat(grid.expectedValue()).isEqualTo(Money.of("979393859.46", "EUR"));
    assertThat(mc.expectedValue()).isEqualTo(Money.of("979393859.46", "EUR"));
    assertJsonRoundTrip(grid, RevenueDistribution.class);
    assertJsonRoundTrip(mc, RevenueDistribution.class);
  }
}
