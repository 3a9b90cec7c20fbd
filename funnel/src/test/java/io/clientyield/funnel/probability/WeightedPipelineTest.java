package io.clientyield.funnel.probability;

import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.internal.FunnelSinks;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.funnel.Stages;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedPipelineTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final StageProbabilities IT = StageProbabilities.itOutsourcing();

  private static Deal open(String id, String stage, String budget) {
    Deal.Builder b = Deal.builder().id(DealId.of(id)).reachedStage(stage);
    if (budget != null) {
      b.budget(Money.of(budget, "EUR"));
    }
    return b.build();
  }

  /**
   * By hand, with the IT-outsourcing table: 10 000.00 × 25 % = 2 500.00; 4 000.00 × 80 % =
   * 3 200.00; 1 234.56 × 5 % = 61.728 → 61.73; 200.00 × 99 % = 198.00; one deal without budget
   * counted, one closed deal ignored. Total 2 500.00 + 3 200.00 + 61.728 + 198.00 = 5 959.728 →
   * EUR 5 959.73 of EUR 15 434.56.
   */
  @Test
  void smallPipelineComputedByHand() {
    List<Deal> deals = List.of(
        open("1", "proposal-under-review", "10000.00"),
        open("2", "contract-negotiation", "4000.00"),
        open("3", "initial-interest", "1234.56"),
        open("4", "contract-signed", "200.00"),
        open("5", "qualified-interest", null),
        Deal.builder().id(DealId.of("6")).reachedStage("contract-negotiation")
            .budget(Money.of("99999.00", "EUR")).outcome(Outcome.won()).build());
    WeightedPipeline w = WeightedPipelineAccumulator.weightedPipeline(deals, IT, EUR);
    assertThat(w.openDeals()).isEqualTo(5);
    assertThat(w.dealsWithoutBudget()).isEqualTo(1);
    assertThat(w.totalBudget()).isEqualTo(Money.of("15434.56", "EUR"));
    assertThat(w.weightedTotal()).isEqualTo(Money.of("5959.73", "EUR"));
    assertThat(w.stages().get(2).weighted()).isEqualTo(Money.of("2500.00", "EUR"));
    assertThat(w.stages().get(3).weighted()).isEqualTo(Money.of("3200.00", "EUR"));
    assertThat(w.stages().get(0).weighted()).isEqualTo(Money.of("61.73", "EUR"));
    assertThat(w.stages().get(4).weighted()).isEqualTo(Money.of("198.00", "EUR"));
    assertThat(w.stages().get(1).openDeals()).isEqualTo(1);
    assertThat(w.stages().get(1).dealsWithoutBudget()).isEqualTo(1);
    assertThat(w.stages().get(1).weighted()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(w.stages().get(5).openDeals()).isZero();
  }

  @Test
  void totalIsRoundedOnceNotSummedFromRoundedStages() {
    // 0.05 × 0.10 = 0.005 → 0.00 (HALF_EVEN) per stage 0; 0.10 × 0.05 = 0.005 → 0.00 at stage 1;
    // the exact total 0.010 is 0.01.
    WeightedPipeline w = WeightedPipelineAccumulator.weightedPipeline(List.of(
        open("1", "initial-interest", "0.10"), open("2", "qualified-interest", "0.05")), IT, EUR);
    assertThat(w.stages().get(0).weighted()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(w.stages().get(1).weighted()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(w.weightedTotal()).isEqualTo(Money.of("0.01", "EUR"));
  }

  @Test
  void primitivePathEqualsTheDealPath() {
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(IT, EUR);
    DealSink sink = FunnelSinks.of(acc);
    sink.deal(0, 2, DealSink.OPEN, DealSink.NO_REASON, 1_000_000);
    sink.deal(0, 1, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET);
    sink.deal(0, 3, 0, DealSink.NO_REASON, 5_000);
    WeightedPipeline viaDeals = WeightedPipelineAccumulator.weightedPipeline(List.of(
        open("1", "proposal-under-review", "10000.00"), open("2", "qualified-interest", null)), IT, EUR);
    assertThat(acc.result()).isEqualTo(viaDeals);
  }

  @Test
  void rejectsUndefinedProbabilitiesForeignCurrenciesAndMismatchedMerges() {
    StageProbabilityLearner empty = new StageProbabilityLearner(Stages.of("a", "b"));
    assertThatThrownBy(() -> new WeightedPipelineAccumulator(empty.result(Smoothing.NONE), EUR))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2))
        .hasMessageContaining("probabilities[a]");
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(IT, EUR);
    Deal usd = Deal.builder().id(DealId.of("9")).reachedStage("deal-done").budget(Money.of("1.00", "USD")).build();
    assertThatThrownBy(() -> acc.add(usd))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("deal.budget.currency (USD) must equal EUR (deal 9)");
    assertThatThrownBy(() -> acc.merge(new WeightedPipelineAccumulator(IT, Currency.getInstance("USD"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("other.currency");
    assertThat(acc.result().openDeals()).isZero();
  }

  @Test
  void roundTripsThroughJson() {
    WeightedPipeline w = WeightedPipelineAccumulator.weightedPipeline(List.of(
        open("1", "proposal-under-review", "10000.00"), open("2", "deal-done", null)), IT, EUR);
    String json = assertJsonRoundTrip(w, WeightedPipeline.class);
    assertThat(json).contains("\"weightedTotal\":{\"amount\":\"2500.00\",\"currency\":\"EUR\"}");
  }

  @Test
  void aMergeBeyondALongOfOpenDealsIsNamedAndChangesNothing() {
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(IT, EUR);
    acc.add(open("a", "contract-signed", null));
    for (int i = 0; i < 62; i++) {
      acc.merge(acc);
    }
    WeightedPipeline before = acc.result();
    assertThat(before.openDeals()).isEqualTo(1L << 62);
    assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("openDeals (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThat(acc.result()).isEqualTo(before);
  }

  @Test
  void aNegativePrimitiveBudgetIsRejectedAndNothingIsCounted() {
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(IT, EUR);
    FunnelSinks.of(acc).deal(0, 0, DealSink.OPEN, DealSink.NO_REASON, 100);
    WeightedPipeline before = acc.result();
    assertThatThrownBy(() -> FunnelSinks.of(acc).deal(0, 1, DealSink.OPEN, DealSink.NO_REASON, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("budgetMinor (-1) must be >= 0 or DealSink.NO_BUDGET");
    assertThat(acc.result()).isEqualTo(before);
  }

  @Test
  void aBudgetBeyondALongIsNamedAndNothingIsCounted() {
    long halfOver = Long.MAX_VALUE / 2 + 1;
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(IT, EUR);
    FunnelSinks.of(acc).deal(0, 0, DealSink.OPEN, DealSink.NO_REASON, halfOver);
    WeightedPipeline before = acc.result();
    assertThatThrownBy(() -> FunnelSinks.of(acc).deal(0, 1, DealSink.OPEN, DealSink.NO_REASON, halfOver))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("totalBudget (minor units) (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("must fit in a long");
    assertThat(acc.result()).isEqualTo(before);
  }
}
