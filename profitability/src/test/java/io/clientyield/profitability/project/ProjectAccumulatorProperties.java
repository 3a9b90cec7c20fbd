package io.clientyield.profitability.project;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.profitability.ProfitabilityGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectAccumulatorProperties {

  @Test
  void mergeEqualsConcatenation() {
    qt().withExamples(200)
        .forAll(
            lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 30),
            lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 30))
        .check(
            (a, b) -> {
              ProjectAccumulator left = fold(a);
              ProjectAccumulator whole = fold(a);
              b.forEach(whole::add);
              return left.merge(fold(b)).result().equals(whole.result());
            });
  }

  @Test
  void profitIsRevenueMinusCostExactly() {
    qt().withExamples(200)
        .forAll(lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 30))
        .check(
            a -> {
              ProjectProfitability p = fold(a).result();
              return p.profit().plus(p.cost()).equals(p.revenue());
            });
  }

  private static ProjectAccumulator fold(List<TimesheetEntry> entries) {
    ProjectAccumulator acc = new ProjectAccumulator(ProfitabilityGenerators.RATES);
    entries.forEach(acc::add);
    return acc;
  }
}
