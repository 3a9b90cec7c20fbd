package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Accumulator;
import io.clientyield.core.ClientId;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Transactions to summaries, checked against the published CDNOW summary. */
class RepeatSummaryAccumulatorTest {
  /** The published summary has times and means rounded to two decimals. */
  private static final double ROUNDING = 0.005 + 1e-9;
  private static final ClientId ANN = ClientId.of("ann");

  @Test
  void reproducesThePublishedCdnowSummary() {
    Map<String, RepeatSummary> mine = CdnowSample.SUMMARIES.summaries().stream()
        .collect(Collectors.toMap(s -> String.valueOf(Integer.parseInt(s.client().value())), Function.identity()));
    List<CdnowSample.Published> published = CdnowSample.published();
    assertThat(mine).hasSize(published.size()).hasSize(2357);
    for (CdnowSample.Published p : published) {
      RepeatSummary s = mine.get(p.id());
      assertThat(s.repeatPurchases()).as("x of %s", p.id()).isEqualTo(p.x());
      assertThat(s.lastPurchaseTime()).as("t_x of %s", p.id()).isCloseTo(p.tx(), within(ROUNDING));
      assertThat(s.observationTime()).as("T of %s", p.id()).isCloseTo(p.bigT(), within(ROUNDING));
      assertThat(s.meanRepeatSpendValue()).as("zbar of %s", p.id()).isCloseTo(p.zbar(), within(ROUNDING));
    }
    assertThat(CdnowSample.SUMMARIES.clientsFirstSeenInHoldout()).isZero();
  }

  @Test
  void sameDayPurchasesCountOnceWithAmountsSummed() {
    RepeatSummaryAccumulator acc = new RepeatSummaryAccumulator(CdnowSample.USD, LocalDate.of(2026, 1, 29),
        LocalDate.of(2026, 2, 28));
    acc.add(buy("2026-01-01", "10.00")).add(buy("2026-01-01", "5.00")) // first day: not counted
        .add(buy("2026-01-08", "7.00")).add(buy("2026-01-08", "3.00")) // one repeat purchase of 10.00
        .add(buy("2026-01-15", "20.00")) // another of 20.00
        .add(buy("2026-02-05", "1.00")).add(buy("2026-02-05", "1.00")); // one hold-out purchase
    RepeatSummary s = acc.result().summaries().get(0);
    assertThat(s).isEqualTo(new RepeatSummary(ANN, 2, 2.0, 4.0, Money.of("30.00", "USD"), 1));
    assertThat(s.meanRepeatSpend()).contains(Money.of("15.00", "USD"));
  }

  @Test
  void worksAsACollectorAndRoundTripsThroughJson() {
    RepeatSummaries viaCollector = CdnowSample.PURCHASES.parallelStream().collect(Accumulator.collector(
        () -> new RepeatSummaryAccumulator(CdnowSample.USD, CdnowSample.CALIBRATION_END, CdnowSample.HOLDOUT_END)));
    assertThat(viaCollector).isEqualTo(CdnowSample.SUMMARIES);
    JsonAssertions.assertJsonRoundTrip(CdnowSample.SUMMARIES, RepeatSummaries.class);
  }

  @Test
  void badInputIsNamedWithTheClient() {
    assertThatThrownBy(() -> new RepeatSummary(ANN, 1, 5, 3, Money.of("1.00", "USD"), 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("summary[ann].lastPurchaseTime (5) must be <= observationTime (3)");
    assertThatThrownBy(() -> new RepeatSummary(ANN, -1, -2, Double.POSITIVE_INFINITY, Money.of("1.00", "USD"), 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("summary[ann].repeatPurchases (-1) must be >= 0")
        .hasMessageContaining("summary[ann].lastPurchaseTime (-2) must be finite and >= 0")
        .hasMessageContaining("summary[ann].observationTime (Infinity) must be finite and >= 0");
    assertThatThrownBy(() -> RepeatSummary.ofMeanSpend(ANN, 1, 1, 3, Double.NaN, CdnowSample.USD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("summary[ann].meanRepeatSpend (NaN) must be finite and >= 0");
    RepeatSummaryAccumulator acc = new RepeatSummaryAccumulator(CdnowSample.USD, LocalDate.of(2026, 1, 29),
        LocalDate.of(2026, 2, 28));
    assertThatThrownBy(() -> acc.add(buy("2026-03-01", "1.00"))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("purchase[ann].date (2026-03-01) must not be after holdoutEnd");
    assertThatThrownBy(() -> Purchase.of(ANN, LocalDate.of(2026, 1, 1), Money.of("-1.00", "USD")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("purchase[ann].amount");
    assertThat(acc.result().summaries()).isEmpty();
  }

  private static Purchase buy(String date, String amount) {
    return Purchase.of(ANN, LocalDate.parse(date), Money.of(amount, "USD"));
  }
}
