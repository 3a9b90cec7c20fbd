package io.clientyield.forecasting;

import static io.clientyield.forecasting.ForecastGenerators.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one-call bridge from funnel deals and stage probabilities to the forecaster's input, against
 * the hand loop the examples used before it ({@code ReviewRunner}) and the funnel's weighted
 * pipeline, the one home of {@code Σ budget × p}.
 */
class OpenPipelineBridgeTest {
  static final Stages STAGES = Stages.of("lead", "proposal", "negotiation");
  static final StageProbabilities CONFIGURED =
      StageProbabilities.configured(STAGES, 0.1, 0.5, 0.8);

  static Deal deal(String id, String stage, String budget, Outcome outcome) {
    return Deal.builder()
        .id(DealId.of(id))
        .reachedStage(stage)
        .budget(Optional.ofNullable(budget).map(b -> Money.of(b, "EUR")))
        .outcome(Optional.ofNullable(outcome))
        .build();
  }

  /**
   * Open: EUR 1 000 at lead (0.1), EUR 2 000 and EUR 0.05 at proposal (0.5), EUR 3 000 at
   * negotiation (0.8), one at proposal without a budget; closed: a won and a lost deal.
   * Σ b × p = 100 + 1 000 + 0.025 + 2 400 = EUR 3 500.025 → half-even EUR 3 500.02.
   */
  static final List<Deal> DEALS = List.of(
      deal("a", "lead", "1000.00", null),
      deal("b", "proposal", "2000.00", null),
      deal("c", "proposal", "0.05", null),
      deal("d", "negotiation", "3000.00", null),
      deal("e", "proposal", null, null),
      deal("f", "negotiation", "5000.00", Outcome.won()),
      deal("g", "lead", "7000.00", Outcome.clientRefused("price")));

  /** The hand loop of ReviewRunner before the bridge. */
  static OpenPipeline byHand(List<Deal> deals, StageProbabilities p) {
    OpenPipeline open = new OpenPipeline(EUR);
    for (Deal d : deals) {
      if (d.outcome().isEmpty() && d.budget().isPresent()) {
        open.add(d.budget().get(), p.probability(d.reachedStage()).orElse(0));
      }
    }
    return open;
  }

  @Test
  void theBridgeEqualsTheHandLoopAndTheFunnelsWeightedPipeline() {
    OpenPipeline bridged = OpenPipeline.of(DEALS, CONFIGURED, EUR);
    OpenPipeline hand = byHand(DEALS, CONFIGURED);
    assertThat(bridged.size()).isEqualTo(4);
    assertThat(bridged.budgetsMinor()).containsExactly(hand.budgetsMinor());
    assertThat(bridged.winProbabilities()).containsExactly(hand.winProbabilities());
    assertThat(bridged.totalBudget()).isEqualTo(Money.of("6000.05", "EUR"));

    WeightedPipelineAccumulator funnel = new WeightedPipelineAccumulator(CONFIGURED, EUR);
    DEALS.forEach(funnel::add);
    WeightedPipeline weighted = funnel.result();
    assertThat(weighted.weightedTotal()).isEqualTo(Money.of("3500.02", "EUR"));

    RevenueDistribution mc = PipelineForecaster.monteCarlo(bridged, 1_000, 42);
    assertThat(mc).isEqualTo(PipelineForecaster.monteCarlo(hand, 1_000, 42));
    assertThat(mc.expectedValue()).isEqualTo(weighted.weightedTotal());
    assertThat(PipelineForecaster.onGrid(bridged, Money.of("0.01", "EUR")).expectedValue())
        .isEqualTo(weighted.weightedTotal());
  }

  @Test
  void theCollectorEqualsTheOneCallBridgeSequentialAndParallel() {
    List<Deal> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      for (Deal d : DEALS) {
        many.add(deal(d.id().value() + i, d.reachedStage(),
            d.budget().map(m -> m.amount().toPlainString()).orElse(null), d.outcome().orElse(null)));
      }
    }
    OpenPipeline once = OpenPipeline.of(many, CONFIGURED, EUR);
    for (OpenPipeline collected : List.of(
        many.stream().collect(OpenPipeline.collector(CONFIGURED, EUR)),
        many.parallelStream().collect(OpenPipeline.collector(CONFIGURED, EUR)))) {
      assertThat(collected.budgetsMinor()).containsExactly(once.budgetsMinor());
      assertThat(collected.winProbabilities()).containsExactly(once.winProbabilities());
    }
    assertThat(once.size()).isEqualTo(200);
  }

  @Test
  void anUndefinedProbabilityOfAnOpenDealsStageIsNamedNotTakenAsZero() {
    // learned, unsmoothed, from one deal lost at "lead": the later stages have no probability
    StageProbabilities partial = new StageProbabilityLearner(STAGES).add(DEALS.get(6))
        .result(Smoothing.NONE);
    assertThat(partial.probability("proposal")).isEmpty();
    // the hand loop read it as 0; the bridge names it
    assertThat(byHand(DEALS, partial).winProbabilities()).containsExactly(0.0, 0.0, 0.0, 0.0);
    assertThatThrownBy(() -> OpenPipeline.of(DEALS, partial, EUR))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("deals[1].reachedStage (proposal) must have a defined probability");
    // deals that avoid the undefined stages are fine
    assertThat(OpenPipeline.of(List.of(DEALS.get(0), DEALS.get(6)), partial, EUR).size())
        .isEqualTo(1);
  }

  @Test
  void badDealsAreNamedByIndex() {
    List<Deal> withNull = new ArrayList<>(DEALS);
    withNull.add(2, null);
    assertThatThrownBy(() -> OpenPipeline.of(withNull, CONFIGURED, EUR))
        .isInstanceOf(ValidationException.class)
        .hasMessage("deals[2] (null) must not be null");
    assertThatThrownBy(() -> OpenPipeline.of(List.of(deal("x", "won", "1.00", null)), CONFIGURED,
            EUR))
        .isInstanceOf(ValidationException.class)
        .hasMessage("deals[0].reachedStage (won) must be one of the stages "
            + "[lead, proposal, negotiation]");
    assertThatThrownBy(() -> OpenPipeline.of(DEALS, CONFIGURED, Money.currency("USD")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("deals[0].budget (EUR 1000.00) must be in USD");
    assertThatThrownBy(() -> OpenPipeline.of(null, null, null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(3));
    assertThat(Arrays.toString(OpenPipeline.of(List.of(), CONFIGURED, EUR).budgetsMinor()))
        .isEqualTo("[]");
  }
}
