package io.clientyield.funnel;

import static io.clientyield.funnel.FunnelGenerators.EUR;
import static io.clientyield.funnel.FunnelGenerators.STAGES;
import static io.clientyield.funnel.FunnelGenerators.deals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import io.clientyield.testkit.AccumulatorLaws;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The compact states of the funnel accumulators: decode(encode(acc)) has the same result, and
 * merging decoded states obeys the accumulator laws; malformed bytes are a ValidationException.
 */
class StateCodecProperties {
  private static final Gen<List<Deal>> LISTS = lists().of(deals()).ofSizeBetween(0, 60);
  private static final StageProbabilities PROBABILITIES =
      StageProbabilities.configured(STAGES, 0.1, 0.2, 0.4, 0.6, 0.8);

  private static StageFunnelAccumulator funnelCopy(StageFunnelAccumulator a) {
    return StageFunnelAccumulator.decode(STAGES, EUR, a.encode());
  }

  private static CrossStatisticsAccumulator<ManagerId> crossCopy(CrossStatisticsAccumulator<ManagerId> a) {
    return CrossStatisticsAccumulator.decode(STAGES, EUR, d -> d.manager().orElse(null), ManagerId::of,
        a.encode());
  }

  private static StageProbabilityLearner learnerCopy(StageProbabilityLearner a) {
    return StageProbabilityLearner.decode(STAGES, a.encode());
  }

  private static WeightedPipelineAccumulator pipelineCopy(WeightedPipelineAccumulator a) {
    return WeightedPipelineAccumulator.decode(PROBABILITIES, EUR, a.encode());
  }

  /** The laws with every merged operand and every result going through its encoded state. */
  private static <A extends io.clientyield.core.Accumulator<Deal, A, ?>> boolean lawsThroughState(
      AccumulatorLaws.Split<Deal> s, Supplier<A> empty, Function<A, A> copy) {
    return AccumulatorLaws.hold(s, empty, A::add, (x, y) -> copy.apply(x).merge(copy.apply(y)),
        a -> copy.apply(a).result());
  }

  @Test
  void decodedStageFunnelStateHasTheSameResultAndObeysTheLaws() {
    qt().withExamples(150).forAll(AccumulatorLaws.splits(LISTS)).check(s -> lawsThroughState(s,
        () -> new StageFunnelAccumulator(STAGES, EUR), StateCodecProperties::funnelCopy));
  }

  @Test
  void decodedCrossStatisticsStateHasTheSameResultAndObeysTheLaws() {
    qt().withExamples(150).forAll(AccumulatorLaws.splits(LISTS)).check(s -> lawsThroughState(s,
        () -> CrossStatisticsAccumulator.byManager(STAGES, EUR), StateCodecProperties::crossCopy));
  }

  @Test
  void decodedLearnerStateHasTheSameResultAndObeysTheLaws() {
    qt().withExamples(150).forAll(AccumulatorLaws.splits(LISTS)).check(s -> lawsThroughState(s,
        () -> new StageProbabilityLearner(STAGES), StateCodecProperties::learnerCopy));
  }

  @Test
  void decodedPipelineStateHasTheSameResultAndObeysTheLaws() {
    qt().withExamples(150).forAll(AccumulatorLaws.splits(LISTS)).check(s -> lawsThroughState(s,
        () -> new WeightedPipelineAccumulator(PROBABILITIES, EUR), StateCodecProperties::pipelineCopy));
  }

  @Test
  void decodeEqualsTheOriginalResult() {
    qt().withExamples(100).forAll(LISTS).check(deals -> {
      StageFunnelAccumulator f = new StageFunnelAccumulator(STAGES, EUR);
      CrossStatisticsAccumulator<ManagerId> c = CrossStatisticsAccumulator.byManager(STAGES, EUR);
      deals.forEach(f::add);
      deals.forEach(c::add);
      return funnelCopy(f).result().equals(f.result()) && crossCopy(c).result().equals(c.result());
    });
  }

  @Test
  void truncatedOrCorruptedStatesAreValidationExceptions() {
    qt().withExamples(200).forAll(LISTS, integers().all()).check((deals, seed) -> {
      CrossStatisticsAccumulator<ManagerId> c = CrossStatisticsAccumulator.byManager(STAGES, EUR);
      deals.forEach(c::add);
      byte[] state = c.encode();
      Random r = new Random(seed);
      byte[] broken = r.nextBoolean() ? Arrays.copyOf(state, r.nextInt(state.length))
          : corrupt(state, r);
      try {
        crossCopyOf(broken);
        return true; // a corruption may still be a valid state
      } catch (ValidationException e) {
        return true;
      }
    });
  }

  private static void crossCopyOf(byte[] bytes) {
    CrossStatisticsAccumulator.decode(STAGES, EUR, d -> d.manager().orElse(null), ManagerId::of, bytes);
  }

  private static byte[] corrupt(byte[] state, Random r) {
    byte[] copy = state.clone();
    for (int i = 0; i < 1 + r.nextInt(3); i++) {
      copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
    }
    return copy;
  }

  @Test
  void aStateOfAnotherConfigurationIsRejected() {
    StageFunnelAccumulator f = new StageFunnelAccumulator(STAGES, EUR);
    byte[] state = f.encode();
    assertThatThrownBy(() -> StageFunnelAccumulator.decode(Stages.of("a", "b"), EUR, state))
        .isInstanceOf(ValidationException.class).hasMessageContaining("state.stages");
    assertThatThrownBy(() -> StageFunnelAccumulator.decode(STAGES, Money.currency("USD"), state))
        .isInstanceOf(ValidationException.class).hasMessageContaining("state.currency");
    assertThatThrownBy(() -> StageProbabilityLearner.decode(STAGES, state))
        .isInstanceOf(ValidationException.class).hasMessageContaining("state.tag");
    assertThatThrownBy(() -> StageFunnelAccumulator.decode(STAGES, EUR, new byte[0]))
        .isInstanceOf(ValidationException.class).hasMessageContaining("truncated");
    byte[] trailing = Arrays.copyOf(state, state.length + 1);
    assertThatThrownBy(() -> StageFunnelAccumulator.decode(STAGES, EUR, trailing))
        .isInstanceOf(ValidationException.class).hasMessageContaining("trailing");
  }

  @Test
  void aLearnerOrPipelineStateOfOtherStagesWithTheSameCountIsRejected() {
    Stages renamed = Stages.of("s1", "s2", "s3", "s4", "s5");
    Stages reordered = Stages.of(STAGES.id(1), STAGES.id(0), STAGES.id(2), STAGES.id(3), STAGES.id(4));
    byte[] learner = new StageProbabilityLearner(STAGES).encode();
    byte[] pipeline = new WeightedPipelineAccumulator(PROBABILITIES, EUR).encode();
    for (Stages other : List.of(renamed, reordered)) {
      assertThatThrownBy(() -> StageProbabilityLearner.decode(other, learner))
          .isInstanceOf(ValidationException.class).hasMessageContaining("state.stages")
          .hasMessageContaining(STAGES.ids().toString());
      StageProbabilities p = StageProbabilities.configured(other, 0.1, 0.2, 0.4, 0.6, 0.8);
      assertThatThrownBy(() -> WeightedPipelineAccumulator.decode(p, EUR, pipeline))
          .isInstanceOf(ValidationException.class).hasMessageContaining("state.stages");
    }
  }

  @Test
  void statesAreCompact() {
    StageFunnelAccumulator f = new StageFunnelAccumulator(STAGES, EUR);
    qt().withExamples(1).forAll(lists().of(deals()).ofSize(1000)).check(deals -> {
      deals.forEach(f::add);
      return true;
    });
    // 5 stages × (9 counters + 3 loss kinds × 5 reason slots), a few bytes each, plus the names
    assertThat(f.encode().length).isLessThan(1000);
  }
}
