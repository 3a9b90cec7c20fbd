package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.GammaGammaFitter.GammaGammaFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

/** The Gamma-Gamma fit on the CDNOW 1/10 sample against Fader, Hardie &amp; Lee (2005). */
class GammaGammaFitterTest {
  private static final double HALF_PERCENT = 0.5;
  private static final GammaGammaFit FIT = GammaGammaFitter.DEFAULT.fit(CdnowSample.SUMMARIES.summaries());

  @Test
  void matchesThePublishedEstimatesOnTheCdnowSample() {
    assertThat(FIT.clients()).isEqualTo(946);
    assertThat(FIT.p().value()).isCloseTo(6.25, withinPercentage(HALF_PERCENT));
    assertThat(FIT.q().value()).isCloseTo(3.74, withinPercentage(HALF_PERCENT));
    assertThat(FIT.gamma().value()).isCloseTo(15.44, withinPercentage(HALF_PERCENT));
    assertThat(FIT.p().standardError()).isPresent();
    System.out.println(FIT);
  }

  @Test
  void reportsTheFrequencySpendCorrelation() {
    // the published check on these 946 clients: a correlation of 0.11, weak enough to proceed
    assertThat(FIT.frequencySpendCorrelation().getAsDouble()).isCloseTo(0.11, within(0.01));
  }

  @Test
  void expectedSpendFollowsTheWorkedExample() {
    GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
    assertThat(m.populationMeanSpend().getAsDouble()).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
    assertThat(m.expectedSpend(2, 22.35).getAsDouble())
        .isCloseTo(6.25 * (15.44 + 2 * 22.35) / (12.5 + 3.74 - 1), within(1e-12));
    assertThat(GammaGammaModel.of(0.1, 0.5, 1).expectedSpend(0, 0)).isEmpty();
  }

  @Test
  void fitRoundTripsThroughJson() {
    JsonAssertions.assertJsonRoundTrip(FIT, GammaGammaFit.class);
    JsonAssertions.assertJsonRoundTrip(FIT.model(), GammaGammaModel.class);
  }

  @Test
  void nonFiniteSpendIsNamed() {
    assertThatThrownBy(() -> GammaGammaFitter.DEFAULT.fit(new long[] {2, 1}, new double[] {10, Double.NaN}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("clients[1].meanSpend (NaN) must be finite and > 0");
  }
}
