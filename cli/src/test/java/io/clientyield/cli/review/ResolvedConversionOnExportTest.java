package io.clientyield.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.cli.crm.CrmDeals;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 1, on the bundled export: open deals are in progress, not failures, so no group
 * (agent, manager or office) is flagged weak at a stage where it lost no deal.
 */
class ResolvedConversionOnExportTest {
  private static final Currency USD = Money.currency(CrmDeals.CURRENCY);
  private static Map<String, CrossStatistics> byGrouping;

  @BeforeAll
  static void crossStatistics() {
    List<Deal> deals = CrmDeals.deals(CrmExport.bundled());
    byGrouping = Map.of(
        "agent", collect(deals, CrossStatisticsAccumulator.byManager(CrmDeals.STAGES, USD)),
        "manager", collect(deals, CrossStatisticsAccumulator.byAttribute(CrmDeals.STAGES, USD, "manager")),
        "office", collect(deals, CrossStatisticsAccumulator.byAttribute(CrmDeals.STAGES, USD, "office")));
  }

  private static <K> CrossStatistics collect(List<Deal> deals, CrossStatisticsAccumulator<K> acc) {
    deals.forEach(acc::add);
    return acc.result();
  }

  @Test
  void noGroupIsFlaggedAtAStageWhereItLostNoDeal() {
    long cells = 0;
    for (Map.Entry<String, CrossStatistics> e : byGrouping.entrySet()) {
      for (GroupStatistics g : e.getValue().groups()) {
        for (int s = 0; s < CrmDeals.STAGES.size(); s++) {
          StageCell cell = g.cells().get(s);
          FunnelStage stage = g.funnel().stages().get(s);
          cells++;
          if (stage.dropped() == 0) {
            assertThat(cell.flagged()).as("%s %s at %s", e.getKey(), g.group(), cell.stage()).isFalse();
          }
          if (cell.flagged()) {
            assertThat(cell.resolvedConversion().value().getAsDouble())
                .isLessThan(cell.rest().value().getAsDouble());
          }
        }
      }
    }
    assertThat(cells).isGreaterThan(40);
  }

  @Test
  void prospectingHoldsOpenDealsButLosesNoneSoItConvertsAllItsResolvedDeals() {
    // every loss of the export is at Engaging; Prospecting only holds the deals not yet engaged
    for (CrossStatistics stats : byGrouping.values()) {
      FunnelStage team = stats.team().stage("prospecting");
      assertThat(team.dropped()).isZero();
      assertThat(team.inProgress()).isPositive();
      assertThat(team.resolvedConversion()).isEqualTo(Proportion.of(team.passed(), team.passed()));
      assertThat(team.conversion().value().getAsDouble()).isLessThan(1.0); // the display base
      for (GroupStatistics g : stats.groups()) {
        assertThat(g.cell("prospecting").flagged()).isFalse();
      }
    }
    // the case the issue names: Central holds open Prospecting deals and is not flagged there
    StageCell central = byGrouping.get("office").group("Central").cell("prospecting");
    assertThat(central.inProgress()).isPositive();
    assertThat(central.dropped()).isZero();
    assertThat(central.flagged()).isFalse();
  }

  @Test
  void engagingComparesClosedDealsOnly() {
    for (CrossStatistics stats : byGrouping.values()) {
      for (GroupStatistics g : stats.groups()) {
        StageCell engaging = g.cell("engaging");
        assertThat(engaging.resolved()).isEqualTo(g.conversion().closed());
        assertThat(engaging.passed()).isEqualTo(g.conversion().won());
        assertThat(engaging.inProgress()).isEqualTo(g.conversion().inProgress()
            - g.cell("prospecting").inProgress());
      }
    }
  }
}
