package io.clientyield.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.core.json.ClientyieldJson.Limits;
import java.util.Currency;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bad and extreme input at forecasting's JSON surface, each with its exact outcome. Every
 * forecasting document also gets the hostile variants of {@code JsonAssertions.assertStrictReads}
 * through its round-trip tests.
 */
class ForecastingBadInputTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void aMonteCarloDistributionBeyondTheDefaultLimitFailsToWriteAndRoundTripsWithRaisedLimits() {
    OpenPipeline pipeline = new OpenPipeline(EUR);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 40; i++) {
      pipeline.add(Money.ofMinor(100_000 + random.nextInt(10_000_000), EUR), 0.5);
    }
    // about 17 bytes a distinct value: 1.2 M trials write about 20 MB
    RevenueDistribution large = PipelineForecaster.monteCarlo(pipeline, 1_200_000, 7);
    assertThatThrownBy(() -> ClientyieldJson.write(large))
        .isInstanceOf(ValidationException.class)
        .hasMessageMatching("value \\(JSON of \\d+ bytes\\) exceeds the read limit"
            + " maxDocumentLength 16777216: write and read it with larger ClientyieldJson.Limits");
    Limits raised = Limits.DEFAULT.withMaxDocumentLength(256L << 20);
    String json = ClientyieldJson.write(large, raised);
    assertThat(ClientyieldJson.read(json, RevenueDistribution.class, raised)).isEqualTo(large);
  }

  @Test
  void probabilitiesFarFromOneAreRejected() {
    String json = "{\"currency\":\"EUR\",\"method\":\"GRID\",\"expected\":{\"amount\":\"1.00\","
        + "\"currency\":\"EUR\"},\"expectedMinor\":100,\"valuesMinor\":[0,200],"
        + "\"probabilities\":[0.9,0.9],\"meanErrorBound\":0,\"cdfErrorBound\":0}";
    assertThatThrownBy(() -> ClientyieldJson.read(json, RevenueDistribution.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("probabilities");
  }
}
