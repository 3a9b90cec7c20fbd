package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.BgNbdFitter.BgNbdFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BG/NBD fit on the CDNOW 1/10 sample against Fader, Hardie &amp; Lee (2005). */
class BgNbdFitterTest {
  private static final double HALF_PERCENT = 0.5;
  private static final double LOG_LIKELIHOOD_TOLERANCE = 0.1;
  private static final BgNbdFit FIT = BgNbdFitter.DEFAULT.fit(CdnowSample.SUMMARIES.summaries());

  @Test
  void matchesThePublishedEstimatesOnTheCdnowSample() {
    assertThat(FIT.clients()).isEqualTo(2357);
    assertThat(FIT.r().value()).isCloseTo(0.243, withinPercentage(HALF_PERCENT));
    assertThat(FIT.alpha().value()).isCloseTo(4.414, withinPercentage(HALF_PERCENT));
    assertThat(FIT.a().value()).isCloseTo(0.793, withinPercentage(HALF_PERCENT));
    assertThat(FIT.b().value()).isCloseTo(2.426, withinPercentage(HALF_PERCENT));
    assertThat(FIT.logLikelihood()).isCloseTo(-9582.4, within(LOG_LIKELIHOOD_TOLERANCE));
    System.out.println(FIT);
  }

  @Test
  void matchesThePublishedEstimatesOnThePublishedSummary() {
    List<RepeatSummary> published = CdnowSample.published().stream()
        .map(p -> RepeatSummary.ofMeanSpend(io.clientyield.core.ClientId.of(p.id()), p.x(), p.tx(), p.bigT(),
            p.zbar(), CdnowSample.USD))
        .toList();
    BgNbdFit fit = BgNbdFitter.DEFAULT.fit(published);
    assertThat(fit.r().value()).isCloseTo(0.243, withinPercentage(HALF_PERCENT));
    assertThat(fit.alpha().value()).isCloseTo(4.414, withinPercentage(HALF_PERCENT));
    assertThat(fit.a().value()).isCloseTo(0.793, withinPercentage(HALF_PERCENT));
    assertThat(fit.b().value()).isCloseTo(2.426, withinPercentage(HALF_PERCENT));
    System.out.println(fit);
  }

  @Test
  void standardErrorsArePresentAndSmallerThanTheEstimates() {
    for (Estimate e : List.of(FIT.r(), FIT.alpha(), FIT.a(), FIT.b())) {
      assertThat(e.standardError()).isPresent();
      assertThat(e.standardError().getAsDouble()).isPositive().isLessThan(e.value());
    }
  }

  @Test
  void fitRoundTripsThroughJson() {
    JsonAssertions.assertJsonRoundTrip(FIT, BgNbdFit.class);
    JsonAssertions.assertJsonRoundTrip(FIT.model(), BgNbdModel.class);
  }

  @Test
  void badRowsAreNamed() {
    assertThatThrownBy(() -> BgNbdFitter.DEFAULT.fit(new long[] {1, -1}, new double[] {1, 0},
        new double[] {0.5, 2}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("clients[0].tx (1) must be <= T (0.5)")
        .hasMessageContaining("clients[1].x (-1) must be >= 0");
  }
}
