package io.clientyield.profitability.review;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.testkit.CoreGenerators;
import io.clientyield.profitability.ProfitabilityGenerators;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonthlyReviewAccumulatorProperties {

  @Test
  void mergeEqualsConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(200)
        .forAll(AccumulatorLaws.splits(lists().of(ProfitabilityGenerators.completedProjects()).ofSizeBetween(0, 20)))
        .check(s -> AccumulatorLaws.hold(s, () -> new MonthlyReviewAccumulator(CoreGenerators.EUR),
            MonthlyReviewAccumulator::add, MonthlyReviewAccumulator::merge, MonthlyReviewAccumulator::result));
  }
  @Test
  void groupingByMonthThenMergingEqualsTheWhole() {
    qt().withExamples(200)
        .forAll(lists().of(ProfitabilityGenerators.completedProjects()).ofSizeBetween(0, 30))
        .check(
            all -> {
              Map<Object, MonthlyReviewAccumulator> byMonth = new TreeMap<>();
              for (CompletedProject p : all) {
                byMonth
                    .computeIfAbsent(p.month(), m -> new MonthlyReviewAccumulator(CoreGenerators.EUR))
                    .add(p);
              }
              MonthlyReviewAccumulator merged = new MonthlyReviewAccumulator(CoreGenerators.EUR);
              byMonth.values().forEach(merged::merge);
              return merged.result().equals(fold(all).result());
            });
  }

  @Test
  void theCollectorEqualsAddingOneByOne() {
    qt().withExamples(100)
        .forAll(lists().of(ProfitabilityGenerators.completedProjects()).ofSizeBetween(0, 30))
        .check(
            all ->
                all.parallelStream()
                    .collect(MonthlyReviewAccumulator.collector(CoreGenerators.EUR, 0.5))
                    .equals(fold(all).result()));
  }

  private static MonthlyReviewAccumulator fold(List<CompletedProject> ps) {
    MonthlyReviewAccumulator acc = new MonthlyReviewAccumulator(CoreGenerators.EUR);
    ps.forEach(acc::add);
    return acc;
  }
}
