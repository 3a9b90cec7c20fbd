package io.clientyield.funnel.probability;

import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import static io.clientyield.funnel.time.FunnelTimeGenerators.EUR;
import static io.clientyield.funnel.time.FunnelTimeGenerators.STAGES;
import static io.clientyield.funnel.time.FunnelTimeGenerators.dealLists;
import static io.clientyield.funnel.time.FunnelTimeGenerators.probabilityTables;
import static io.clientyield.funnel.time.FunnelTimeGenerators.splitAt;
import static io.clientyield.funnel.time.FunnelTimeGenerators.splits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Money;
import io.clientyield.funnel.Deal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class ProbabilityProperties {

  private static StageProbabilityLearner learn(List<Deal> deals) {
    StageProbabilityLearner l = new StageProbabilityLearner(STAGES);
    deals.forEach(l::add);
    return l;
  }

  private static WeightedPipelineAccumulator weigh(List<Deal> deals, StageProbabilities p) {
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(p, EUR);
    deals.forEach(acc::add);
    return acc;
  }

  @Test
  void resolvedDealConversionIgnoresAddingOpenDeals() {
    qt().withExamples(200).forAll(dealLists(), dealLists()).checkAssert((deals, extra) -> {
      List<Deal> open = extra.stream().filter(Deal::isOpen).toList();
      List<Deal> more = new ArrayList<>(deals);
      more.addAll(open);
      StageProbabilities before = learn(deals).result(Smoothing.NONE);
      StageProbabilities after = learn(more).result(Smoothing.NONE);
      for (int i = 0; i < STAGES.size(); i++) {
        StageProbabilities.StageProbability b = before.entries().get(i);
        StageProbabilities.StageProbability a = after.entries().get(i);
        assertThat(a.sample()).isEqualTo(b.sample());
        assertThat(a.probability()).isEqualTo(b.probability());
        int stage = i;
        long reached = open.stream().filter(d -> STAGES.indexOf("s", d.reachedStage()) >= stage).count();
        assertThat(a.inProgress().getAsLong()).isEqualTo(b.inProgress().getAsLong() + reached);
      }
    });
  }

  @Test
  void learnedProbabilityLiesWithinZeroAndOne() {
    qt().withExamples(300).forAll(dealLists(), Generate.range(0, 4), Generate.range(0, 4))
        .checkAssert((deals, a, b) -> learn(deals).result(Smoothing.of(a / 2.0, b / 2.0)).entries()
            .forEach(e -> e.probability().ifPresent(p -> assertThat(p).isBetween(0.0, 1.0))));
  }

  @Test
  void unsmoothedLearnedProbabilityLiesWithinItsWilsonInterval() {
    qt().withExamples(300).forAll(dealLists())
        .checkAssert(deals -> learn(deals).result(Smoothing.NONE).entries().forEach(e -> {
          assertThat(e.probability().isPresent()).isEqualTo(e.sample().orElseThrow().trials() > 0);
          e.probability().ifPresent(p -> assertThat(e.wilson95().orElseThrow().contains(p)).isTrue());
        }));
  }

  @Test
  void learnerMergeEqualsLearningTheConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(300).forAll(AccumulatorLaws.splits(dealLists())).check(s ->
        AccumulatorLaws.hold(s, () -> new StageProbabilityLearner(STAGES), StageProbabilityLearner::add,
            StageProbabilityLearner::merge, StageProbabilityLearner::result));
  }
  @Test
  void learnedTableDoesNotDependOnInputOrder() {
    qt().withExamples(300).forAll(dealLists(), splits())
        .checkAssert((deals, seed) -> {
          List<Deal> shuffled = new ArrayList<>(deals);
          Collections.shuffle(shuffled, new Random(seed));
          assertThat(learn(shuffled).result(Smoothing.NONE)).isEqualTo(learn(deals).result(Smoothing.NONE));
        });
  }

  @Test
  void weightedPipelineEqualsTheExactBigDecimalSumRoundedOnce() {
    qt().withExamples(300).forAll(dealLists(), probabilityTables())
        .checkAssert((deals, p) -> {
          BigDecimal exact = BigDecimal.ZERO;
          for (Deal d : deals) {
            if (d.isOpen() && d.budget().isPresent()) {
              exact = exact.add(d.budget().get().amount()
                  .multiply(BigDecimal.valueOf(p.probability(d.reachedStage()).getAsDouble())));
            }
          }
          assertThat(weigh(deals, p).result().weightedTotal())
              .isEqualTo(Money.of(exact, EUR, RoundingMode.HALF_EVEN));
        });
  }

  @Test
  void weightedPipelineIsMonotoneInProbabilities() {
    qt().withExamples(300).forAll(dealLists(), probabilityTables(), probabilityTables())
        .checkAssert((deals, p, q) -> {
          double[] higher = new double[STAGES.size()];
          for (int i = 0; i < higher.length; i++) {
            higher[i] = Math.max(p.probability(i).getAsDouble(), q.probability(i).getAsDouble());
          }
          Money low = weigh(deals, p).result().weightedTotal();
          Money high = weigh(deals, StageProbabilities.configured(STAGES, higher)).result().weightedTotal();
          assertThat(high).isGreaterThanOrEqualTo(low);
        });
  }

  @Test
  void weightedPipelineMergeEqualsAccumulatingTheConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(300).forAll(AccumulatorLaws.splits(dealLists()), probabilityTables()).check((s, p) ->
        AccumulatorLaws.hold(s, () -> new WeightedPipelineAccumulator(p, EUR), WeightedPipelineAccumulator::add,
            WeightedPipelineAccumulator::merge, WeightedPipelineAccumulator::result));
  }
  @Test
  void resultsRoundTripThroughJson() {
    qt().withExamples(100).forAll(dealLists(), probabilityTables())
        .checkAssert((deals, p) -> {
          JsonAssertions.assertJsonRoundTrip(learn(deals).result(), StageProbabilities.class);
          JsonAssertions.assertJsonRoundTrip(learn(deals).result(Smoothing.NONE), StageProbabilities.class);
          JsonAssertions.assertJsonRoundTrip(weigh(deals, p).result(), WeightedPipeline.class);
        });
  }
}
