package io.clientyield.funnel;

import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.funnel.internal.ConversionTests;
import static io.clientyield.funnel.FunnelGenerators.EUR;
import static io.clientyield.funnel.FunnelGenerators.STAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.ManagerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class CrossStatisticsProperties {
  private static final int EXAMPLES = 150;
  /** How close Fisher's and the z test's one-sided p-values must be on large samples. */
  private static final double AGREEMENT = 0.05;

  private static CrossStatisticsAccumulator<ManagerId> acc(List<Deal> deals) {
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    deals.forEach(acc::add);
    return acc;
  }

  @Test
  void conservationHoldsPerGroupAndGroupsPlusSkippedCoverEveryDeal() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.dealLists()).check(deals -> {
      CrossStatistics stats = acc(deals).result();
      long grouped = 0;
      for (GroupStatistics g : stats.groups()) {
        StageFunnel f = g.funnel();
        if (f.topEntered() != f.won() + f.refused() + f.declined() + f.lostUnknown()
            + f.inProgress()) {
          return false;
        }
        grouped += f.topEntered();
      }
      long withoutManager = deals.stream().filter(d -> d.manager().isEmpty()).count();
      return grouped + stats.skippedDeals() == deals.size() && stats.skippedDeals() == withoutManager
          && stats.team().topEntered() == grouped;
    });
  }

  @Test
  void mergeEqualsConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(EXAMPLES).forAll(AccumulatorLaws.splits(FunnelGenerators.dealLists())).check(s ->
        AccumulatorLaws.hold(s, () -> CrossStatisticsAccumulator.byManager(STAGES, EUR),
            CrossStatisticsAccumulator::add, CrossStatisticsAccumulator::merge, CrossStatisticsAccumulator::result));
  }

  @Test
  void mergeOfPrimitiveSplitEqualsAccumulatingTheWhole() {
    qt().withExamples(100).forAll(FunnelGenerators.teams()).check(t -> {
      int at = t.deals().size() / 3;
      CrossStatisticsOptions o = CrossStatisticsOptions.of(0.05, t.minTrials());
      return t.accumulate(t.deals().subList(0, at)).merge(t.accumulate(t.deals().subList(at, t.deals().size())))
          .result(o).equals(t.accumulate(t.deals()).result(o));
    });
  }

  @Test
  void resultDoesNotDependOnInputOrder() {
    qt().withExamples(EXAMPLES).forAll(FunnelGenerators.shuffles()).check(s ->
        acc(s.original()).result().equals(acc(s.shuffled()).result()));
  }

  @Test
  void flaggedCellsNeverHaveFewerTrialsThanTheMinimum() {
    qt().withExamples(100).forAll(FunnelGenerators.teams()).check(t -> {
      CrossStatistics stats = t.accumulate(t.deals()).result(CrossStatisticsOptions.of(0.2, t.minTrials()));
      return stats.groups().stream().flatMap(g -> g.cells().stream())
          .allMatch(c -> (!c.flagged() || c.entered() >= t.minTrials())
              && (c.test().isEmpty() || c.entered() >= t.minTrials()));
    });
  }

  @Test
  void resolvedDealConversionIgnoresAddingOpenDeals() {
    // open deals added at stage s: every cell at s and after keeps its resolved conversion, rest
    // and p-value; the deals are counted in progress at s (at earlier stages they passed)
    qt().withExamples(100).forAll(FunnelGenerators.teams(), Generate.range(0, STAGES.size() - 1),
        Generate.range(1, 200)).checkAssert((t, s, k) -> {
          List<int[]> more = new ArrayList<>(t.deals());
          Random r = new Random(31L * s + k);
          int groups = t.deals().stream().mapToInt(d -> d[0]).max().orElse(0) + 1;
          for (int i = 0; i < k; i++) {
            more.add(new int[] {r.nextInt(groups), s, DealSink.OPEN, DealSink.NO_REASON, 0, 1});
          }
          CrossStatisticsOptions o = CrossStatisticsOptions.of(0.05, t.minTrials());
          CrossStatistics before = t.accumulate(t.deals()).result(o);
          CrossStatistics after = new FunnelGenerators.Team(more, t.minTrials()).accumulate(more).result(o);
          for (GroupStatistics a : after.groups()) {
            boolean existed = before.groups().stream().anyMatch(g -> g.group().equals(a.group()));
            for (int st = s; st < STAGES.size(); st++) {
              StageCell ca = a.cells().get(st);
              if (existed) {
                StageCell cb = before.group(a.group()).cells().get(st);
                assertThat(ca.resolvedConversion()).isEqualTo(cb.resolvedConversion());
                assertThat(ca.rest()).isEqualTo(cb.rest());
                assertThat(ca.pValue()).isEqualTo(cb.pValue());
                assertThat(a.funnel().stages().get(st).resolvedConversion())
                    .isEqualTo(before.group(a.group()).funnel().stages().get(st).resolvedConversion());
              } else {
                assertThat(ca.resolved()).isZero();
              }
            }
          }
          assertThat(after.team().stages().get(s).inProgress())
              .isEqualTo(before.team().stages().get(s).inProgress() + k);
        });
  }

  @Test
  void aGroupThatLostNoDealAtAStageIsNeverFlaggedThere() {
    qt().withExamples(100).forAll(FunnelGenerators.teams(), Generate.range(1, 99)).checkAssert((t, fdr) -> {
      CrossStatistics stats = t.accumulate(t.deals()).result(CrossStatisticsOptions.of(fdr / 100.0, t.minTrials()));
      for (GroupStatistics g : stats.groups()) {
        for (int st = 0; st < STAGES.size(); st++) {
          StageCell c = g.cells().get(st);
          if (c.flagged()) {
            assertThat(g.funnel().stages().get(st).dropped()).isPositive();
            assertThat(c.resolvedConversion().value().getAsDouble())
                .isLessThan(c.rest().value().getAsDouble());
          }
        }
      }
    });
  }

  @Test
  void conversionsLieWithinZeroAndOneAndWilsonContainsTheEstimate() {
    qt().withExamples(100).forAll(FunnelGenerators.teams()).check(t ->
        t.accumulate(t.deals()).result().groups().stream().flatMap(g -> g.cells().stream()).allMatch(c ->
            c.resolvedConversion().trials() == 0
                ? c.wilson95().isEmpty()
                : inUnit(c.resolvedConversion().value()) && c.wilson95().orElseThrow().contains(c.resolvedConversion().value().getAsDouble())
                    && c.wilson95().orElseThrow().lower() >= 0 && c.wilson95().orElseThrow().upper() <= 1));
  }

  @Test
  void qValuesAreAtLeastTheirPValues() {
    qt().withExamples(100).forAll(FunnelGenerators.teams()).check(t ->
        t.accumulate(t.deals()).result(CrossStatisticsOptions.of(0.05, t.minTrials())).groups().stream()
            .flatMap(g -> g.cells().stream()).filter(c -> c.pValue().isPresent())
            .allMatch(c -> c.qValue().getAsDouble() >= c.pValue().getAsDouble() - 1e-15
                && c.qValue().getAsDouble() <= 1));
  }

  @Test
  void fisherAndTheNormalTestAgreeOnLargeSamples() {
    qt().withExamples(60).forAll(FunnelGenerators.largeTables()).check(t ->
        Math.abs(ConversionTests.fisherPValue(t[0], t[1], t[2], t[3])
            - ConversionTests.normalPValue(t[0], t[1], t[2], t[3])) <= AGREEMENT);
  }

  @Test
  void groupBudgetsSumToTheTeamAndFinancialConversionsLieWithinZeroAndOne() {
    qt().withExamples(100).forAll(FunnelGenerators.teams()).check(t -> {
      CrossStatistics stats = t.accumulate(t.deals()).result();
      io.clientyield.core.MoneyAccumulator won = new io.clientyield.core.MoneyAccumulator(EUR);
      io.clientyield.core.MoneyAccumulator worked = new io.clientyield.core.MoneyAccumulator(EUR);
      long withoutBudget = 0;
      for (ConversionComparison c : stats.conversions().values()) {
        if (!inUnit(c.financial()) || !inUnit(c.financialClosed()) || !inUnit(c.quantitativeClosed().value())) {
          return false;
        }
        won.add(c.wonBudget());
        worked.add(c.workedBudget());
        withoutBudget += c.dealsWithoutBudget();
      }
      ConversionComparison team = stats.team().conversion();
      return won.result().equals(team.wonBudget()) && worked.result().equals(team.workedBudget())
          && withoutBudget == team.dealsWithoutBudget()
          && withoutBudget == t.deals().stream().filter(d -> d[5] == 1).count();
    });
  }

  @Test
  void jsonRoundTrip() {
    qt().withExamples(30).forAll(FunnelGenerators.teams()).checkAssert(t ->
        JsonAssertions.assertJsonRoundTrip(t.accumulate(t.deals()).result(), CrossStatistics.class));
  }

  private static boolean inUnit(OptionalDouble d) {
    return d.isEmpty() || (d.getAsDouble() >= 0 && d.getAsDouble() <= 1);
  }
}
