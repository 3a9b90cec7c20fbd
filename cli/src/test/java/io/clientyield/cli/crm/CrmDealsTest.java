package io.clientyield.cli.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CrmDealsTest {

  @Test
  void everyUsedOpportunityBecomesOneDealByTheStatedRules() {
    CrmExport export = CrmExport.bundled();
    List<Deal> deals = CrmDeals.deals(export);
    assertThat(deals).hasSize(export.opportunities().size());
    Map<String, Long> byReached = deals.stream()
        .collect(Collectors.groupingBy(Deal::reachedStage, Collectors.counting()));
    assertThat(byReached).containsEntry("prospecting", 500L).containsEntry("engaging", 8300L);
    assertThat(deals.stream().filter(d -> d.outcome().map(o -> o.kind() == Outcome.Kind.WON).orElse(false)))
        .hasSize(4238);
    assertThat(deals.stream().filter(d -> d.outcome().map(o -> o.kind().isLoss()).orElse(false)))
        .hasSize(2473);
    assertThat(deals.stream().filter(d -> d.client().isEmpty())).hasSize(1425);
    assertThat(deals).allSatisfy(d -> {
      assertThat(d.budget()).isPresent();
      assertThat(d.attributes()).containsKeys("manager", "office", "product");
    });
  }
}
