package io.clientyield.funnel;

import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.StageFunnel.FunnelStage.ReasonCount;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.funnel.internal.FunnelSinks;
import static io.clientyield.funnel.FunnelGenerators.EUR;
import static io.clientyield.funnel.FunnelGenerators.STAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.testkit.JsonAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelProperties {
  private static final int EXAMPLES = 200;

  private static StageFunnelAccumulator acc(List<Deal> deals) {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    deals.forEach(acc::add);
    return acc;
  }

  @Test
  void topEnteredEqualsWonPlusRefusalsPlusDeclinesPlusLostUnknownPlusInProgress() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.dealLists()).check(deals -> {
      StageFunnel f = acc(deals).result();
      return f.topEntered() == deals.size()
          && f.topEntered() == f.won() + f.refused() + f.declined() + f.lostUnknown() + f.inProgress();
    });
  }

  @Test
  void mergeEqualsConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(EXAMPLES).forAll(AccumulatorLaws.splits(FunnelGenerators.dealLists())).check(s ->
        AccumulatorLaws.hold(s, () -> new StageFunnelAccumulator(STAGES, EUR), StageFunnelAccumulator::add,
            StageFunnelAccumulator::merge, StageFunnelAccumulator::result));
  }

  @Test
  void resultDoesNotDependOnInputOrder() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.shuffles()).check(s ->
        acc(s.original()).result().equals(acc(s.shuffled()).result()));
  }

  @Test
  void conversionsLieWithinZeroAndOne() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.dealLists()).check(deals ->
        acc(deals).result().stages().stream().allMatch(s ->
            inUnit(s.conversion().value()) && inUnit(s.cumulative().value()))
            && inUnit(acc(deals).result().conversion().financial())
            && inUnit(acc(deals).result().conversion().quantitative().value()));
  }

  @Test
  void cumulativeConversionNeverRisesDownTheFunnel() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.dealLists()).check(deals -> {
      List<FunnelStage> st = acc(deals).result().stages();
      for (int i = 1; i < st.size(); i++) {
        if (st.get(i).cumulative().successes() > st.get(i - 1).cumulative().successes()) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void reasonSharesOfEachStageSumToOne() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.dealLists()).checkAssert(deals -> {
      for (FunnelStage s : acc(deals).result().stages()) {
        if (s.dropped() > 0) {
          assertThat(s.reasons().stream().mapToDouble(ReasonCount::shareOfDrops).sum())
              .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
      }
    });
  }

  @Test
  void primitivePathEqualsObjectPath() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.dealLists()).check(deals -> {
      StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR, FunnelGenerators.REASONS);
      DealSink sink = FunnelSinks.of(acc);
      for (Deal d : deals) {
        sink.deal(0, STAGES.indexOf("reachedStage", d.reachedStage()),
            d.outcome().map(o -> o.kind().ordinal()).orElse(DealSink.OPEN),
            d.outcome().flatMap(o -> o.reason()).map(FunnelGenerators.REASONS::indexOf).orElse(DealSink.NO_REASON),
            d.budget().map(m -> m.minorUnits()).orElse(DealSink.NO_BUDGET));
      }
      // the primitive path carries no contracted value: compare with the deals without it
      return acc.result().equals(acc(deals.stream().map(d -> Deal.builder().from(d)
          .contractedValue(java.util.Optional.empty()).build()).toList()).result());
    });
  }

  @Test
  void jsonRoundTrip() {
    qt().withExamples(50).forAll(FunnelGenerators.dealLists()).checkAssert(deals ->
        JsonAssertions.assertJsonRoundTrip(acc(deals).result(), StageFunnel.class));
  }

  private static boolean inUnit(java.util.OptionalDouble d) {
    return d.isEmpty() || (d.getAsDouble() >= 0 && d.getAsDouble() <= 1);
  }
}
