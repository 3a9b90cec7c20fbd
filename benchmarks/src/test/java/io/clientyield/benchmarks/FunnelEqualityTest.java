package io.clientyield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsOptions;
import org.junit.jupiter.api.Test;

class FunnelEqualityTest {
  private static final int N = 20_000;
  /**
   * Events for the weak-cell tests: cells compare resolved deals (open ones are not trials), so
   * about 100 events per manager are needed for a weak manager's first cell to reach 30 trials.
   */
  private static final int N_TESTS = 60_000;

  @Test
  void generatorIsDeterministicAndHasTheStatedShape() {
    SyntheticEvents a = SyntheticEvents.generate(N, 42L);
    SyntheticEvents b = SyntheticEvents.generate(N, 42L);
    assertThat(a.deal).isEqualTo(b.deal);
    assertThat(a.budget).isEqualTo(b.budget);
    assertThat(a.size()).isEqualTo(N);
    long deals = java.util.Arrays.stream(a.deal).distinct().count();
    assertThat((double) N / deals).isBetween(2.7, 3.3);
    assertThat(java.util.Arrays.stream(a.manager).distinct().count())
        .isEqualTo(SyntheticEvents.MANAGERS);
    assertThat(java.util.Arrays.stream(a.stage).max().getAsInt())
        .isEqualTo(SyntheticEvents.STAGES - 1);
    assertThat(SyntheticEvents.generate(N, 43L).manager).isNotEqualTo(a.manager);
  }

  @Test
  void libraryEqualsDuckDbOnShuffledEvents() throws Exception {
    SyntheticEvents grouped = SyntheticEvents.generate(N, 42L);
    SyntheticEvents shuffled = grouped.shuffled(7L);
    FunnelTable lib = FunnelTables.of(shuffled);
    FunnelTable sql;
    try (DuckDbFunnel db = DuckDbFunnel.load(shuffled)) {
      sql = db.query();
    }
    assertThat(lib.firstDifference(sql)).isEqualTo("equal");
    assertThat(lib).isEqualTo(sql);
    long total = 0;
    for (int m = 0; m < SyntheticEvents.MANAGERS; m++) {
      total += lib.reached(m, 0);
      for (int s = 0; s < SyntheticEvents.STAGES; s++) {
        int c = m * SyntheticEvents.STAGES + s;
        assertConversion(sql.sqlConversion[c], lib.conversion(m, s));
        assertConversion(sql.sqlBudgetConversion[c], lib.budgetConversion(m, s));
      }
    }
    assertThat(total).isEqualTo(java.util.Arrays.stream(grouped.deal).distinct().count());
  }

  @Test
  void wilsonIntervalsAndWeakCellFlagsEqualDuckDbWithDefaultOptions() throws Exception {
    SyntheticEvents shuffled = SyntheticEvents.generate(N_TESTS, 42L).shuffled(7L);
    FunnelTable lib = FunnelTables.of(shuffled);
    FunnelTable sql;
    try (DuckDbFunnel db = DuckDbFunnel.load(shuffled)) {
      sql = db.query();
    }
    assertThat(lib.firstStatisticsDifference(sql)).isEqualTo("equal");
    assertThat(lib.testedCells(FunnelTable.NORMAL)).isPositive();
    assertThat(lib.flaggedCells()).isPositive();
    int weakFlagged = 0;
    for (int c = 0; c < SyntheticEvents.WEAK_MANAGERS * SyntheticEvents.STAGES; c++) {
      weakFlagged += lib.flagged[c] ? 1 : 0;
    }
    // with ~100 deals per manager, of which ~74 resolved at a weak manager's stage 0, the weak
    // managers are tested and most flags are theirs
    assertThat(weakFlagged).isGreaterThan(lib.flaggedCells() / 2);
  }

  @Test
  void fisherTestsAndFlagsEqualDuckDbWithFewMinimumTrials() throws Exception {
    // minTrials 5 tests the small late-stage cells, where expected counts fall below 5 (Fisher)
    SyntheticEvents shuffled = SyntheticEvents.generate(N_TESTS, 42L).shuffled(7L);
    CrossStatisticsOptions options = CrossStatisticsOptions.of(0.05, 5);
    FunnelTable lib = FunnelTables.of(shuffled, options);
    FunnelTable sql;
    try (DuckDbFunnel db = DuckDbFunnel.load(shuffled)) {
      sql = db.query(options);
    }
    assertThat(lib.firstStatisticsDifference(sql)).isEqualTo("equal");
    assertThat(lib.testedCells(FunnelTable.FISHER)).isPositive();
    assertThat(lib.testedCells(FunnelTable.NORMAL)).isPositive();
    assertThat(lib.flaggedCells()).isPositive();
  }

  @Test
  void statisticsDifferenceDetectsAChangedFlagAndPValue() {
    SyntheticEvents shuffled = SyntheticEvents.generate(N, 42L).shuffled(7L);
    FunnelTable a = FunnelTables.of(shuffled);
    FunnelTable b = FunnelTables.of(shuffled);
    assertThat(a.firstStatisticsDifference(b)).isEqualTo("equal");
    int tested = 0;
    while (a.method[tested] == FunnelTable.UNTESTED) {
      tested++;
    }
    b.pValue[tested] *= 1 + 10 * FunnelTable.P_TOLERANCE;
    assertThat(a.firstStatisticsDifference(b)).startsWith("cell " + tested);
    b.pValue[tested] = a.pValue[tested];
    b.flagged[tested] = !a.flagged[tested];
    assertThat(a.firstStatisticsDifference(b)).contains("flagged");
  }

  @Test
  void allLibraryPathsAgree() {
    SyntheticEvents grouped = SyntheticEvents.generate(N, 42L);
    SyntheticEvents shuffled = grouped.shuffled(7L);
    FunnelTable single = FunnelTables.of(shuffled);
    FunnelTable two = new FunnelTable();
    LibraryFunnel.parallel(shuffled, 2, FunnelTables.sink(two));
    FunnelTable streaming = new FunnelTable();
    LibraryFunnel.grouped(grouped, FunnelTables.sink(streaming));
    assertThat(two).isEqualTo(single);
    assertThat(streaming).isEqualTo(single);
  }

  @Test
  void crossStatisticsTeamFunnelCountsEveryDeal() {
    SyntheticEvents shuffled = SyntheticEvents.generate(N, 42L).shuffled(7L);
    CrossStatistics one = LibraryFunnel.crossStatistics(shuffled, 1);
    CrossStatistics two = LibraryFunnel.crossStatistics(shuffled, 2);
    assertThat(one.groups()).hasSize(SyntheticEvents.MANAGERS);
    assertThat(two).isEqualTo(one);
  }

  private static void assertConversion(double sql, double lib) {
    if (Double.isNaN(lib)) {
      assertThat(sql).isNaN();
    } else {
      assertThat(sql).isCloseTo(lib, within(1e-12));
    }
  }
}
