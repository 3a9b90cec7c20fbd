package io.clientyield.funnel.probability;

import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability.ProbabilitySource;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.DealId;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Learned probabilities say whether they are raw or smoothed and report both. */
class LearnedProbabilityBasisTest {
  private static final Stages STAGES = Stages.of("contact", "proposal");
  private static final double EXACT = 1e-12;

  private static List<Deal> threeLost() {
    return List.of("1", "2", "3").stream().map(id -> Deal.builder().id(DealId.of(id))
        .reachedStage("proposal").outcome(Outcome.clientRefused("price")).build()).toList();
  }

  @Test
  void zeroOfThreeReadsPointTwoSmoothedAndZeroRaw() {
    StageProbabilities smoothed = threeLost().stream().collect(StageProbabilityLearner.collector(STAGES));
    StageProbability p = smoothed.entry("proposal");
    assertThat(p.probability().getAsDouble()).isCloseTo(0.2, within(EXACT));
    assertThat(p.raw()).isEqualTo(OptionalDouble.of(0.0));
    assertThat(p.basis()).isEqualTo(StageProbability.Basis.SMOOTHED);
    assertThat(assertJsonRoundTrip(p, StageProbability.class)).endsWith(",\"raw\":0.0,\"basis\":\"SMOOTHED\"}");

    StageProbabilities raw = threeLost().stream()
        .collect(StageProbabilityLearner.collector(STAGES, Smoothing.NONE));
    assertThat(raw.entry("proposal").probability()).isEqualTo(OptionalDouble.of(0.0));
    assertThat(raw.entry("proposal").basis()).isEqualTo(StageProbability.Basis.RAW);
  }

  @Test
  void configuredAndEmptySamplesHaveNoRawShare() {
    StageProbability configured = StageProbability.configured("contact", 0.3);
    assertThat(configured.raw()).isEmpty();
    assertThat(configured.basis()).isEqualTo(StageProbability.Basis.CONFIGURED);
    StageProbability none = StageProbabilityLearner.stageProbability("contact", Proportion.of(0, 0), 0, Smoothing.LAPLACE);
    assertThat(none.raw()).isEmpty();
    assertThat(none.probability()).isEqualTo(OptionalDouble.of(0.5));
  }

  @Test
  void aBasisThatContradictsTheSmoothingIsRejected() {
    assertThatThrownBy(() -> new StageProbability("contact", OptionalDouble.of(0.2),
            ProbabilitySource.LEARNED, Optional.of(Proportion.of(0, 3)), OptionalLong.of(2),
            Optional.of(Smoothing.LAPLACE),
            Proportion.of(0, 3).wilson95(), OptionalDouble.of(0.0), StageProbability.Basis.RAW))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("basis (RAW) must be SMOOTHED");
    assertThatThrownBy(() -> new StageProbability("contact", OptionalDouble.of(0.2),
            ProbabilitySource.LEARNED, Optional.of(Proportion.of(0, 3)), OptionalLong.of(2),
            Optional.of(Smoothing.LAPLACE),
            Proportion.of(0, 3).wilson95(), OptionalDouble.of(0.5), StageProbability.Basis.SMOOTHED))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be the sample's share");
  }
}
