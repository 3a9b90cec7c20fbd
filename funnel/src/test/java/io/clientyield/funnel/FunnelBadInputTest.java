package io.clientyield.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.core.json.ClientyieldJson.Limits;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/**
 * Bad and extreme input at funnel's JSON surface, each with its exact outcome. Every funnel
 * document also gets the hostile variants of {@code JsonAssertions.assertStrictReads} (non-finite
 * numbers, null elements, huge amounts, mixed currencies) through its round-trip tests.
 */
class FunnelBadInputTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Stages STAGES =
      Stages.of("contact", "qualified", "presentation", "proposal", "contract");

  /** About 3 groups of 1 300 bytes per 4 KB: 15 000 groups write about 19 MB. */
  private static CrossStatistics groups(int n) {
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        acc.add(Deal.builder().id(DealId.of("D" + i + "-" + k)).manager(ManagerId.of("m" + i))
            .budget(Money.ofMinor(100_00 + i, EUR)).reachedStage(k == 0 ? "contract" : "proposal")
            .outcome(k == 0 ? Outcome.won() : Outcome.clientRefused("price")).build());
      }
    }
    return acc.result();
  }

  @Test
  void aCrossStatisticsBeyondTheDefaultLimitFailsToWriteAndRoundTripsWithRaisedLimits() {
    CrossStatistics large = groups(15_000);
    assertThatThrownBy(() -> ClientyieldJson.write(large))
        .isInstanceOf(ValidationException.class)
        .hasMessageMatching("value \\(JSON of \\d+ bytes\\) exceeds the read limit"
            + " maxDocumentLength 16777216: write and read it with larger ClientyieldJson.Limits");
    Limits raised = Limits.DEFAULT.withMaxDocumentLength(256L << 20);
    String json = ClientyieldJson.write(large, raised);
    assertThat(json.length()).isGreaterThan(16 << 20);
    assertThat(ClientyieldJson.read(json, CrossStatistics.class, raised)).isEqualTo(large);
  }

  @Test
  void aDealWithANullHistoryEntryOrANumericIdIsRejected() {
    String deal = "{\"id\":\"D-1\",\"budget\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},"
        + "\"reachedStage\":\"contact\",\"history\":[null]}";
    assertThatThrownBy(() -> ClientyieldJson.read(deal, Deal.class))
        .isInstanceOf(ValidationException.class).hasMessage("$.history[0] (null) must not be null");
    assertThatThrownBy(() -> ClientyieldJson.read(deal.replace("\"D-1\"", "1"), Deal.class))
        .isInstanceOf(ValidationException.class).hasMessage("$.id (1) must be a string");
  }
}
