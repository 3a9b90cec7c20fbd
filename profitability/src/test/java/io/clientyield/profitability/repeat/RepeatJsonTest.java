package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatValuation.SegmentValue;
import io.clientyield.profitability.repeat.RepeatValuation.ClientValue;
import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.profitability.repeat.GammaGammaFitter.GammaGammaFit;
import io.clientyield.profitability.repeat.BgNbdFitter.BgNbdFit;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.json.ClientyieldJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fuzz seeds are valid JSON forms of their types, and read back to what they say. */
class RepeatJsonTest {
  private static final String SEEDS = "/io/clientyield/profitability/repeat/RepeatJsonFuzzTestInputs/"
      + "readingArbitraryBytesFailsOnlyWithValidationException/seed-";
  private static final Map<String, Class<?>> TYPES = Map.of(
      "Purchase", Purchase.class, "RepeatSummary", RepeatSummary.class, "RepeatSummaries", RepeatSummaries.class,
      "BgNbdFit", BgNbdFit.class, "GammaGammaFit", GammaGammaFit.class, "RepeatValuation", RepeatValuation.class,
      "ClientValue", ClientValue.class, "SegmentValue", SegmentValue.class);

  @Test
  void seedsReadAsTheirTypes() throws Exception {
    for (Map.Entry<String, Class<?>> e : TYPES.entrySet()) {
      try (InputStream in = getClass().getResourceAsStream(SEEDS + e.getKey())) {
        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        roundTrip(ClientyieldJson.read(json, e.getValue()), e.getValue());
      }
    }
  }

  @Test
  void anEstimateWithoutStandardErrorOmitsIt() {
    Estimate e = new Estimate(1.5, java.util.OptionalDouble.empty());
    assertThat(JsonAssertions.assertJsonRoundTrip(e, Estimate.class)).isEqualTo("{\"value\":1.5}");
  }

  @SuppressWarnings("unchecked")
  private static <T> void roundTrip(Object value, Class<T> type) {
    JsonAssertions.assertJsonRoundTrip((T) value, type);
  }
}
