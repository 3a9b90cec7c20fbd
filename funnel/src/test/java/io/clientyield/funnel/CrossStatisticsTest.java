package io.clientyield.funnel;

import io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.internal.ConversionTests;
import io.clientyield.funnel.internal.FunnelSinks;
import io.clientyield.funnel.internal.DealSink;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossStatisticsTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final Stages STAGES = Stages.of("contact", "presentation", "proposal");
  private static final double TOLERANCE = 1e-9;

  /** Adds {@code count} deals of a manager with the given furthest stage and outcome. */
  private static void deals(List<Deal> into, String manager, int count, String stage, Outcome outcome) {
    for (int i = 0; i < count; i++) {
      Deal.Builder b = Deal.builder().id(DealId.of(manager + "-" + into.size())).manager(ManagerId.of(manager))
          .reachedStage(stage);
      if (outcome != null) {
        b.outcome(outcome);
      }
      into.add(b.build());
    }
  }

  /** Two managers at 50 % on the presentation, one at 10 %, one with only 10 deals. */
  private static List<Deal> team() {
    List<Deal> d = new ArrayList<>();
    for (String m : List.of("anna", "chen")) {
      deals(d, m, 40, "contact", Outcome.clientRefused("timing"));
      deals(d, m, 80, "presentation", Outcome.clientRefused("price"));
      deals(d, m, 40, "proposal", Outcome.won());
      deals(d, m, 40, "proposal", Outcome.clientRefused("price"));
    }
    deals(d, "boris", 40, "contact", Outcome.clientRefused("timing"));
    deals(d, "boris", 144, "presentation", Outcome.clientRefused("quality"));
    deals(d, "boris", 8, "proposal", Outcome.won());
    deals(d, "boris", 8, "proposal", Outcome.clientRefused("price"));
    deals(d, "dara", 2, "contact", Outcome.clientRefused("timing"));
    deals(d, "dara", 8, "presentation", Outcome.clientRefused("quality"));
    return d;
  }

  private static CrossStatistics teamStatistics() {
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    team().forEach(acc::add);
    return acc.result();
  }

  @Test
  void flagsTheManagerWhoLosesAtThePresentationButNotTheSmallSample() {
    CrossStatistics stats = teamStatistics();
    assertThat(stats.groups()).extracting(GroupStatistics::group).containsExactly("anna", "boris", "chen", "dara");
    StageCell boris = stats.group("boris").cell("presentation");
    assertThat(boris.conversion()).isEqualTo(Proportion.of(16, 160));
    assertThat(boris.rest()).isEqualTo(Proportion.of(160, 328));
    assertThat(boris.test()).contains(ConversionTestMethod.NORMAL_Z);
    assertThat(boris.pValue().getAsDouble()).isLessThan(1e-10);
    assertThat(boris.flagged()).isTrue();

    StageCell dara = stats.group("dara").cell("presentation");
    assertThat(dara.conversion()).isEqualTo(Proportion.of(0, 8));
    assertThat(dara.pValue()).isEmpty();
    assertThat(dara.qValue()).isEmpty();
    assertThat(dara.flagged()).isFalse();
    assertThat(dara.wilson95().orElseThrow().lower()).isZero();

    assertThat(stats.flaggedCount()).isEqualTo(1);
    assertThat(stats.group("anna").cell("presentation").flagged()).isFalse();
    // boris' proposal cell has 16 trials (< 30): not tested
    assertThat(stats.group("boris").cell("proposal").test()).isEmpty();
  }

  @Test
  void openDealsAreInProgressNotFailuresSoAGroupThatLostNoneIsNotFlagged() {
    // the issue-17 case: erin lost no deal at the contact stage but holds 300 open deals there;
    // passed / entered would read 60 / 360 against the others' 488 / 610 and flag her
    List<Deal> d = team();
    deals(d, "erin", 300, "contact", null);
    deals(d, "erin", 30, "presentation", Outcome.clientRefused("price"));
    deals(d, "erin", 30, "proposal", Outcome.won());
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    d.forEach(acc::add);
    CrossStatistics stats = acc.result();
    StageCell contact = stats.group("erin").cell("contact");
    assertThat(contact.resolvedConversion()).isEqualTo(Proportion.of(60, 60));
    assertThat(contact.inProgress()).isEqualTo(300);
    assertThat(contact.entered()).isEqualTo(360);
    assertThat(contact.conversion()).isEqualTo(Proportion.of(60, 360)); // the display base
    assertThat(contact.dropped()).isZero();
    assertThat(contact.flagged()).isFalse();
    assertThat(contact.pValue().getAsDouble()).isGreaterThan(0.5); // it converts above the rest
    // the rest is resolved too: 488 passed of 610 resolved deals of the others
    assertThat(contact.rest()).isEqualTo(Proportion.of(488, 610));
    // the entered-base comparison would have flagged her
    assertThat(ConversionTests.pValue(60, 360, 488, 610)).isLessThan(1e-10);
    assertThat(stats.group("boris").cell("presentation").flagged()).isTrue();
  }

  @Test
  void aLowConversionIsNotFlaggedAtAnyFalseDiscoveryRateWhenItIsAboveTheRest() {
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    team().forEach(acc::add);
    CrossStatistics lax = acc.result(CrossStatisticsOptions.of(0.99, 30));
    for (GroupStatistics g : lax.groups()) {
      for (StageCell c : g.cells()) {
        if (c.flagged()) {
          assertThat(c.resolvedConversion().value().getAsDouble()).isLessThan(c.rest().value().getAsDouble());
        }
      }
    }
    assertThat(lax.group("anna").cell("presentation").flagged()).isFalse();
  }

  @Test
  void smallSampleIsTestedOnlyWhenTheMinimumAllowsAndThenWithFisher() {
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    team().forEach(acc::add);
    StageCell dara = acc.result(CrossStatisticsOptions.of(0.05, 5)).group("dara").cell("presentation");
    assertThat(dara.test()).contains(ConversionTestMethod.FISHER_EXACT);
    assertThat(dara.pValue().getAsDouble())
        .isCloseTo(ConversionTests.fisherPValue(0, 8, 176, 480), within(TOLERANCE));
    assertThat(dara.qValue().getAsDouble()).isGreaterThanOrEqualTo(dara.pValue().getAsDouble());
  }

  @Test
  void groupFunnelsConserveAndSumToTheTeam() {
    CrossStatistics stats = teamStatistics();
    assertThat(stats.team().topEntered()).isEqualTo(610);
    assertThat(stats.group("boris").funnel().stages()).extracting(FunnelStage::entered)
        .containsExactly(200L, 160L, 16L);
    assertThat(stats.group("boris").funnel().weakestByConversion().orElseThrow().stage()).isEqualTo("presentation");
    for (GroupStatistics g : stats.groups()) {
      StageFunnel f = g.funnel();
      assertThat(f.topEntered()).isEqualTo(f.won() + f.refused() + f.declined() + f.inProgress());
    }
  }

  @Test
  void dealsWithoutAKeyAreSkippedNotGrouped() {
    CrossStatisticsAccumulator<String> acc = CrossStatisticsAccumulator.byAttribute(STAGES, EUR, "office");
    acc.add(Deal.builder().id(DealId.of("a")).reachedStage("contact").putAttribute("office", "Berlin").build());
    acc.add(Deal.builder().id(DealId.of("b")).reachedStage("contact").build());
    CrossStatistics stats = acc.result();
    assertThat(stats.skippedDeals()).isEqualTo(1);
    assertThat(stats.groups()).extracting(GroupStatistics::group).containsExactly("Berlin");
    assertThat(stats.team().topEntered()).isEqualTo(1);
    assertThatThrownBy(() -> acc.add(Deal.builder().id(DealId.of("bad")).reachedStage("x").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("bad");
    assertThat(acc.result()).isEqualTo(stats);
  }

  @Test
  void primitivePathUsesTheCallersGroupIndices() {
    CrossStatisticsAccumulator<String> acc = CrossStatisticsAccumulator.by(STAGES, EUR, List.of("price"), d -> null);
    FunnelSinks.of(acc).deal(3, 1, Outcome.Kind.CLIENT_REFUSED.ordinal(), 0, 500);
    FunnelSinks.of(acc).deal(3, 2, Outcome.Kind.WON.ordinal(), DealSink.NO_REASON, DealSink.NO_BUDGET);
    FunnelSinks.of(acc).deal(0, 0, DealSink.OPEN, DealSink.NO_REASON, 100);
    CrossStatistics stats = acc.result();
    assertThat(stats.groups()).extracting(GroupStatistics::group).containsExactly("#0", "#3");
    assertThat(stats.group("#3").funnel().stages()).extracting(FunnelStage::entered).containsExactly(2L, 2L, 1L);
    assertThat(stats.group("#3").conversion().wonBudget()).isEqualTo(Money.zero(EUR));
    assertThatThrownBy(() -> FunnelSinks.of(acc).deal(-1, 0, -1, -1, 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("group");
  }

  @Test
  void mergeRejectsDifferentStages() {
    CrossStatisticsAccumulator<ManagerId> a = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    CrossStatisticsAccumulator<ManagerId> b = CrossStatisticsAccumulator.byManager(Stages.of("x"), EUR);
    assertThatThrownBy(() -> a.merge(b)).isInstanceOf(ValidationException.class).hasMessageContaining("stages");
  }

  @Test
  void testsAndAdjustmentReproduceHandNumbers() {
    // 30/100 vs 50/100: z = -2.8868, p = 0.001946
    assertThat(ConversionTests.normalPValue(30, 100, 50, 100)).isCloseTo(0.001946, within(1e-5));
    // 0 of 10 vs 10 of 10: 1 / C(20, 10)
    assertThat(ConversionTests.fisherPValue(0, 10, 10, 10)).isCloseTo(1.0 / 184_756, within(1e-12));
    assertThat(ConversionTests.methodFor(0, 8, 8, 8)).isEqualTo(ConversionTestMethod.FISHER_EXACT);
    // expected counts exactly 5: the z test
    assertThat(ConversionTests.methodFor(0, 10, 10, 10)).isEqualTo(ConversionTestMethod.NORMAL_Z);
    assertThat(ConversionTests.benjaminiHochberg(new double[] {0.01, 0.04, 0.03}))
        .containsExactly(new double[] {0.03, 0.04, 0.04}, within(1e-12));
    assertThat(ConversionTests.normalPValue(0, 50, 0, 50)).isEqualTo(1.0);
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> CrossStatisticsOptions.of(0, 0)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2));
    assertThat(CrossStatisticsOptions.DEFAULT.falseDiscoveryRate()).isEqualTo(0.05);
    assertThat(CrossStatisticsOptions.DEFAULT.minTrials()).isEqualTo(30);
  }

  @Test
  void roundTripsThroughJson() {
    CrossStatistics stats = teamStatistics();
    assertJsonRoundTrip(stats, CrossStatistics.class);
    assertJsonRoundTrip(stats.group("boris").cell("presentation"), StageCell.class);
    assertJsonRoundTrip(stats.group("dara").cell("presentation"), StageCell.class);
    assertJsonRoundTrip(stats.group("dara"), GroupStatistics.class);
    assertJsonRoundTrip(CrossStatisticsOptions.of(0.1, 12), CrossStatisticsOptions.class);
  }

  @Test
  void aMergeBeyondALongIsNamedAndChangesNothing() {
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    List<Deal> d = new ArrayList<>();
    deals(d, "anna", 1, "presentation", Outcome.won());
    d.add(Deal.builder().id(DealId.of("nobody")).reachedStage("contact").build());
    d.forEach(acc::add);
    for (int i = 0; i < 62; i++) {
      acc.merge(acc);
    }
    CrossStatistics before = acc.result();
    assertThat(before.skippedDeals()).isEqualTo(1L << 62);
    assertThat(before.team().stages().get(0).entered()).isEqualTo(1L << 62);
    assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("deals (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThat(acc.result()).isEqualTo(before);

    CrossStatisticsAccumulator<ManagerId> skipping = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    skipping.add(d.get(1));
    for (int i = 0; i < 62; i++) {
      skipping.merge(skipping);
    }
    CrossStatistics skippedBefore = skipping.result();
    assertThatThrownBy(() -> skipping.merge(skipping)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("skippedDeals (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThat(skipping.result()).isEqualTo(skippedBefore);
  }

  @Test
  void aBudgetBeyondALongIsNamedAndNeitherCountedNorGrouped() {
    long halfOver = Long.MAX_VALUE / 2 + 1;
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    acc.add(Deal.builder().id(DealId.of("a")).manager(ManagerId.of("anna")).reachedStage("contact")
        .budget(Money.ofMinor(halfOver, EUR)).build());
    CrossStatistics before = acc.result();
    Deal boris = Deal.builder().id(DealId.of("b")).manager(ManagerId.of("boris")).reachedStage("contact")
        .budget(Money.ofMinor(halfOver, EUR)).build();
    assertThatThrownBy(() -> acc.add(boris)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("budget (minor units) (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThatThrownBy(() -> FunnelSinks.of(acc).deal(5, 0, DealSink.OPEN, DealSink.NO_REASON, halfOver))
        .isInstanceOf(ValidationException.class).hasMessageContaining("budget (minor units)");
    assertThat(acc.result()).isEqualTo(before);
    assertThat(acc.groupIndex(ManagerId.of("boris"))).isEqualTo(1); // boris was not interned
  }
}
