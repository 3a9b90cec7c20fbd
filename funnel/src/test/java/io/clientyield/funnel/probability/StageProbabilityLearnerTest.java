package io.clientyield.funnel.probability;

import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability.ProbabilitySource;
import io.clientyield.funnel.internal.FunnelSinks;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.DealId;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.funnel.Stages;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StageProbabilityLearnerTest {
  private static final Stages STAGES = Stages.of("contact", "proposal", "contract");
  private static final Offset<Double> TOLERANCE = within(1e-12);

  private static Deal deal(String id, String stage, Optional<Outcome> outcome) {
    Deal.Builder b = Deal.builder().id(DealId.of(id)).reachedStage(stage);
    outcome.ifPresent(b::outcome);
    return b.build();
  }

  /**
   * 6 closed deals and 2 open: contact only (2 refused), proposal (2 refused), contract (1 won,
   * 1 refused). Reached contact: 6 closed, 1 won; proposal: 4 closed, 1 won; contract: 2, 1 won.
   */
  private static StageProbabilityLearner sample() {
    StageProbabilityLearner l = new StageProbabilityLearner(STAGES);
    l.add(deal("1", "contact", Optional.of(Outcome.clientRefused("price"))));
    l.add(deal("2", "contact", Optional.of(Outcome.weDeclined("fit"))));
    l.add(deal("3", "proposal", Optional.of(Outcome.clientRefused("price"))));
    l.add(deal("4", "proposal", Optional.of(Outcome.clientRefused("timing"))));
    l.add(deal("5", "contract", Optional.of(Outcome.won())));
    l.add(deal("6", "contract", Optional.of(Outcome.clientRefused("price"))));
    l.add(deal("7", "contract", Optional.empty()));
    l.add(deal("8", "proposal", Optional.empty()));
    return l;
  }

  @Test
  void learnsUnsmoothedSharesAmongClosedDealsThatReachedEachStage() {
    StageProbabilities p = sample().result(Smoothing.NONE);
    assertThat(p.entry("contact").sample()).contains(Proportion.of(1, 6));
    assertThat(p.entry("proposal").sample()).contains(Proportion.of(1, 4));
    assertThat(p.entry("contract").sample()).contains(Proportion.of(1, 2));
    assertThat(p.probability("contact").getAsDouble()).isCloseTo(1.0 / 6, TOLERANCE);
    assertThat(p.probability("proposal").getAsDouble()).isCloseTo(0.25, TOLERANCE);
    assertThat(p.probability("contract").getAsDouble()).isCloseTo(0.5, TOLERANCE);
    assertThat(p.entry("proposal").source()).isEqualTo(ProbabilitySource.LEARNED);
    assertThat(p.entry("proposal").smoothing()).contains(Smoothing.NONE);
    assertThat(p.entry("proposal").wilson95()).isEqualTo(Proportion.of(1, 4).wilson95());
  }

  @Test
  void laplaceIsTheDefault() {
    StageProbabilities p = sample().result();
    // (1 + 1) / (6 + 2), (1 + 1) / (4 + 2), (1 + 1) / (2 + 2)
    assertThat(p.probability("contact").getAsDouble()).isCloseTo(0.25, TOLERANCE);
    assertThat(p.probability("proposal").getAsDouble()).isCloseTo(1.0 / 3, TOLERANCE);
    assertThat(p.probability("contract").getAsDouble()).isCloseTo(0.5, TOLERANCE);
    assertThat(p.entry("contact").smoothing()).contains(Smoothing.LAPLACE);
  }

  @Test
  void smoothingWhosePseudoCountsOverflowADoubleStillWeighsPriorAndSample() {
    // α + β beyond Double.MAX_VALUE made the denominator infinite and every share 0 (found by
    // fuzzing: α = MAX_VALUE, β = 5.3e293 gave 0 where the prior is 1)
    assertThat(Smoothing.of(Double.MAX_VALUE, 5.317822949740751e293).apply(0, 0).getAsDouble())
        .isCloseTo(1.0, TOLERANCE);
    assertThat(Smoothing.of(1e308, 1e308).apply(3, 10).getAsDouble()).isCloseTo(0.5, TOLERANCE);
    assertThat(Smoothing.of(Double.MAX_VALUE, Double.MAX_VALUE).apply(0, 0).getAsDouble())
        .isCloseTo(0.5, TOLERANCE);
  }

  @Test
  void anUnreachedStageIsEmptyWithoutSmoothingAndAHalfWithLaplace() {
    StageProbabilityLearner l = new StageProbabilityLearner(STAGES);
    l.add(deal("1", "contact", Optional.of(Outcome.won())));
    assertThat(l.result(Smoothing.NONE).probability("contract")).isEmpty();
    assertThat(l.result(Smoothing.NONE).entry("contract").wilson95()).isEmpty();
    assertThat(l.result(Smoothing.LAPLACE).probability("contract")).hasValue(0.5);
    assertThat(l.result(Smoothing.NONE).probability("contact")).hasValue(1.0);
  }

  @Test
  void primitivePathEqualsTheDealPath() {
    StageProbabilityLearner viaSink = new StageProbabilityLearner(STAGES);
    FunnelSinks.of(viaSink).deal(0, 0, Outcome.Kind.CLIENT_REFUSED.ordinal(), 0, DealSink.NO_BUDGET);
    FunnelSinks.of(viaSink).deal(0, 0, Outcome.Kind.WE_DECLINED.ordinal(), 0, DealSink.NO_BUDGET);
    FunnelSinks.of(viaSink).deal(0, 1, Outcome.Kind.CLIENT_REFUSED.ordinal(), 0, DealSink.NO_BUDGET);
    FunnelSinks.of(viaSink).deal(0, 1, Outcome.Kind.CLIENT_REFUSED.ordinal(), 1, DealSink.NO_BUDGET);
    FunnelSinks.of(viaSink).deal(0, 2, Outcome.Kind.WON.ordinal(), DealSink.NO_REASON, 100);
    FunnelSinks.of(viaSink).deal(1, 2, Outcome.Kind.CLIENT_REFUSED.ordinal(), 0, 100);
    FunnelSinks.of(viaSink).deal(1, 2, DealSink.OPEN, DealSink.NO_REASON, 100);
    FunnelSinks.of(viaSink).deal(0, 1, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET);
    assertThat(viaSink.result()).isEqualTo(sample().result());
  }

  @Test
  void openDealsAreReportedInProgressBesideTheSampleNeverAsLosses() {
    StageProbabilities p = sample().result(Smoothing.NONE);
    // deal 7 (open at contract) reached all three stages, deal 8 (open at proposal) two
    assertThat(p.entries()).extracting(e -> e.inProgress().getAsLong()).containsExactly(2L, 2L, 1L);
    assertThat(p.entry("proposal").sample()).contains(Proportion.of(1, 4)); // not 1 of 6
    assertThat(sample().openDeals()).isEqualTo(2);
    assertThat(StageProbabilities.itOutsourcing().entry("deal-done").inProgress()).isEmpty();
  }

  @Test
  void mergeAddsCounts() {
    StageProbabilityLearner a = new StageProbabilityLearner(STAGES);
    a.add(deal("5", "contract", Optional.of(Outcome.won())));
    StageProbabilityLearner b = new StageProbabilityLearner(STAGES);
    b.add(deal("1", "contact", Optional.of(Outcome.clientRefused("price"))));
    assertThat(a.merge(b).samples()).containsExactly(Proportion.of(1, 2), Proportion.of(1, 1), Proportion.of(1, 1));
    assertThat(a.closedDeals()).isEqualTo(2);
  }

  @Test
  void rejectsUnknownStagesCodesAndForeignMerges() {
    StageProbabilityLearner l = new StageProbabilityLearner(STAGES);
    assertThatThrownBy(() -> l.add(deal("1", "won", Optional.empty())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("deal.reachedStage (won) must be one of the stages [contact, proposal, contract]");
    assertThatThrownBy(() -> FunnelSinks.of(l).deal(0, 3, DealSink.OPEN, DealSink.NO_REASON, 0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reachedStage (3) must be within [0, 2]");
    assertThatThrownBy(() -> FunnelSinks.of(l).deal(0, 0, 4, DealSink.NO_REASON, 0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("outcome (4) must be within [-1, 3]");
    assertThatThrownBy(() -> l.merge(new StageProbabilityLearner(Stages.of("x"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("other.stages");
    assertThat(l.closedDeals()).isZero();
  }

  @Test
  void smoothingRejectsNegativeParameters() {
    assertThatThrownBy(() -> Smoothing.of(-1, Double.NaN))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2))
        .hasMessageContaining("alpha (-1) must be finite and >= 0");
  }

  @Test
  void learnedTableRoundTripsThroughJson() {
    assertJsonRoundTrip(sample().result(), StageProbabilities.class);
    StageProbabilityLearner l = new StageProbabilityLearner(STAGES);
    l.add(deal("1", "contact", Optional.of(Outcome.won())));
    String json = assertJsonRoundTrip(l.result(Smoothing.NONE), StageProbabilities.class);
    assertThat(json).contains("\"probability\":null");
    assertJsonRoundTrip(Smoothing.of(0.5, 2), Smoothing.class);
  }

  @Test
  void aMergeBeyondALongOfClosedDealsIsNamedAndChangesNothing() {
    StageProbabilityLearner learner = new StageProbabilityLearner(STAGES);
    learner.add(deal("a", "proposal", Optional.of(Outcome.won())));
    learner.add(deal("b", "contact", Optional.of(Outcome.of(Outcome.Kind.CLIENT_REFUSED))));
    for (int i = 0; i < 61; i++) {
      learner.merge(learner);
    }
    StageProbabilities before = learner.result();
    assertThat(learner.closedDeals()).isEqualTo(1L << 62);
    assertThatThrownBy(() -> learner.merge(learner)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("closedDeals (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThat(learner.result()).isEqualTo(before);
    assertThat(learner.closedDeals()).isEqualTo(1L << 62);
  }
}
