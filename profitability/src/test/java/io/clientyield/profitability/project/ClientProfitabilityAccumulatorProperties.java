package io.clientyield.profitability.project;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.core.ClientId;
import io.clientyield.profitability.ProfitabilityGenerators;
import io.clientyield.profitability.project.ClientProfitabilityAccumulator.ClientProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ClientProfitabilityAccumulatorProperties {

  /** One project of a few timesheet entries for one of three clients. */
  private static Gen<ClientProject> clientProjects() {
    return integers()
        .between(0, 2)
        .zip(
            lists().of(ProfitabilityGenerators.timesheetEntries()).ofSizeBetween(0, 4),
            (c, entries) ->
                new ClientProject(
                    ClientId.of("c" + c),
                    entries.stream()
                        .collect(ProjectAccumulator.collector(ProfitabilityGenerators.RATES))));
  }

  @Test
  void mergeEqualsConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(200)
        .forAll(AccumulatorLaws.splits(lists().of(clientProjects()).ofSizeBetween(0, 20)))
        .check(
            s ->
                AccumulatorLaws.hold(
                    s,
                    () -> new ClientProfitabilityAccumulator(ProfitabilityGenerators.RATES.currency()),
                    ClientProfitabilityAccumulator::add,
                    ClientProfitabilityAccumulator::merge,
                    ClientProfitabilityAccumulator::result));
  }

  @Test
  void theCollectorEqualsAddingOneByOne() {
    qt().withExamples(100)
        .forAll(lists().of(clientProjects()).ofSizeBetween(0, 20))
        .check(
            all -> {
              var acc = new ClientProfitabilityAccumulator(ProfitabilityGenerators.RATES.currency());
              all.forEach(acc::add);
              List<ClientProfitability> collected =
                  all.parallelStream()
                      .collect(
                          ClientProfitabilityAccumulator.collector(
                              ProfitabilityGenerators.RATES.currency()));
              return collected.equals(acc.result());
            });
  }
}
