package io.clientyield.profitability.project;

import io.clientyield.core.ClientId;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.profitability.ProfitabilityGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectAccumulatorProperties {

  @Test
  void mergeEqualsConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(200)
        .forAll(AccumulatorLaws.splits(lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 30)))
        .check(s -> AccumulatorLaws.hold(s, () -> ProjectAccumulator.timeAndMaterials(ProfitabilityGenerators.RATES),
            ProjectAccumulator::add, ProjectAccumulator::merge, ProjectAccumulator::result));
  }
  @Test
  void aFixedFeeAccumulatorObeysTheLawsToo() {
    qt().withExamples(100)
        .forAll(AccumulatorLaws.splits(lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 30)))
        .check(s -> AccumulatorLaws.hold(s,
            () -> ProjectAccumulator.fixedFee(
                ProfitabilityGenerators.RATES, io.clientyield.core.Money.of("1000.00", "EUR")),
            ProjectAccumulator::add, ProjectAccumulator::merge, ProjectAccumulator::result));
  }

  @Test
  void theCollectorsEqualAddingOneByOne() {
    var fee = io.clientyield.core.Money.of("1000.00", "EUR");
    qt().withExamples(100)
        .forAll(lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 30))
        .check(
            a -> {
              var fixed = ProjectAccumulator.fixedFee(ProfitabilityGenerators.RATES, fee);
              a.forEach(fixed::add);
              return a.parallelStream()
                      .collect(ProjectAccumulator.collector(ProfitabilityGenerators.RATES))
                      .equals(fold(a).result())
                  && a.parallelStream()
                      .collect(ProjectAccumulator.collector(ProfitabilityGenerators.RATES, fee))
                      .equals(fixed.result());
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

  @Test
  void marginAndMarkupOfAProjectConvertIntoEachOther() {
    qt().withExamples(200)
        .forAll(lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(1, 30))
        .check(
            a -> {
              ProjectProfitability p = fold(a).result();
              if (p.margin().isEmpty() || p.markup().isEmpty()) {
                return true;
              }
              double m = p.margin().getAsDouble();
              double k = p.markup().getAsDouble();
              return Math.abs(m - k / (1 + k)) < 1e-9 && Math.abs(k - m / (1 - m)) < 1e-9 * (1 + k);
            });
  }

  @Test
  void clientMergeEqualsConcatenation() {
    qt().withExamples(200)
        .forAll(
            lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 10),
            lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 10))
        .check(
            (a, b) -> {
              ProjectProfitability pa = fold(a).result();
              ProjectProfitability pb = fold(b).result();
              java.util.Currency eur = ProfitabilityGenerators.RATES.currency();
              ClientProfitabilityAccumulator whole =
                  new ClientProfitabilityAccumulator(eur).add(ClientId.of("x"), pa).addContacts(ClientId.of("x"), a.size())
                      .add(ClientId.of("y"), pb).addContacts(ClientId.of("x"), b.size());
              ClientProfitabilityAccumulator left =
                  new ClientProfitabilityAccumulator(eur).add(ClientId.of("x"), pa).addContacts(ClientId.of("x"), a.size());
              ClientProfitabilityAccumulator right =
                  new ClientProfitabilityAccumulator(eur).add(ClientId.of("y"), pb).addContacts(ClientId.of("x"), b.size());
              return right.merge(left).result().equals(whole.result());
            });
  }

  private static ProjectAccumulator fold(List<TimesheetEntry> entries) {
    ProjectAccumulator acc = ProjectAccumulator.timeAndMaterials(ProfitabilityGenerators.RATES);
    entries.forEach(acc::add);
    return acc;
  }
}
