package io.clientyield.benchmarks;

import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.core.ManagerId;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library against DuckDB on the same funnel work per manager × stage, over N synthetic
 * events ({@link SyntheticEvents}, seed 42): DuckDB's one SQL query ({@link DuckDbFunnel#QUERY},
 * data loaded with the Appender in setup, outside the timed region) versus the library's public
 * API (event folder → {@link CrossStatisticsAccumulator} → cross statistics with Wilson
 * intervals and weak-cell tests), single-threaded, on 2 threads (events split by deal-key
 * partition, per-thread accumulators merged), and the grouped streaming path. Both sides compute
 * the counts, conversions, Wilson intervals, weak-cell tests and flags; setup checks they are
 * equal before timing.
 *
 * <p>Run: see the module's README (the command builds funnel and forecasting from source and
 * puts their classes ahead of the installed jars). Events per second = N / (seconds per op);
 * allocation per event = gc.alloc.rate.norm / N.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class FunnelBenchmark {

  /** The events in a random (log) order, shared by DuckDB and the hash-folder paths. */
  @State(Scope.Benchmark)
  public static class Shuffled {
    /** Number of events. */
    @Param({"1000000", "10000000"})
    public int n;

    /** The events. */
    public SyntheticEvents events;

    /** Generates the events. */
    @Setup(Level.Trial)
    public void setUp() {
      events = SyntheticEvents.generate(n, 42L).shuffled(7L);
    }
  }

  /** The same events grouped by deal (the usual CRM export order). */
  @State(Scope.Benchmark)
  public static class Grouped {
    /** Number of events. */
    @Param({"1000000", "10000000"})
    public int n;

    /** The events. */
    public SyntheticEvents events;

    /** Generates the events. */
    @Setup(Level.Trial)
    public void setUp() {
      events = SyntheticEvents.generate(n, 42L);
    }
  }

  /** DuckDB loaded with the shuffled events. */
  @State(Scope.Benchmark)
  public static class Duck {
    /** The loaded database. */
    public DuckDbFunnel db;

    /**
     * Loads DuckDB and checks its answer (counts, Wilson intervals, weak-cell tests and flags)
     * equals the library's.
     *
     * @param data the events
     * @throws SQLException on a DuckDB failure
     */
    @Setup(Level.Trial)
    public void setUp(Shuffled data) throws SQLException {
      db = DuckDbFunnel.load(data.events);
      FunnelTable sql = db.query();
      FunnelTable lib = FunnelTables.of(data.events);
      if (!sql.equals(lib)) {
        throw new IllegalStateException("library and DuckDB differ: " + lib.firstDifference(sql));
      }
      String stats = lib.firstStatisticsDifference(sql);
      if (!stats.equals("equal")) {
        throw new IllegalStateException("library and DuckDB statistics differ: " + stats);
      }
      System.out.printf("%nequal: %d cells, %d z-tested, %d Fisher-tested, %d flagged%n",
          lib.reached.length, lib.testedCells(FunnelTable.NORMAL),
          lib.testedCells(FunnelTable.FISHER), lib.flaggedCells());
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException on a DuckDB failure
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      db.close();
    }
  }

  /**
   * DuckDB's funnel query.
   *
   * @param duck the loaded database
   * @return the table
   * @throws SQLException on a DuckDB failure
   */
  @Benchmark
  public FunnelTable duckdb(Duck duck) throws SQLException {
    return duck.db.query();
  }

  /**
   * The library, single-threaded.
   *
   * @param data the events
   * @return the cross statistics
   */
  @Benchmark
  public CrossStatistics librarySingleThread(Shuffled data) {
    return LibraryFunnel.crossStatistics(data.events, 1);
  }

  /**
   * The library on 2 threads: each folds its deal-key partition, accumulators merged.
   *
   * @param data the events
   * @return the cross statistics
   */
  @Benchmark
  public CrossStatistics libraryTwoThreads(Shuffled data) {
    return LibraryFunnel.crossStatistics(data.events, 2);
  }

  /**
   * The library's streaming path over events grouped by deal.
   *
   * @param data the grouped events
   * @return the cross statistics
   */
  @Benchmark
  public CrossStatistics libraryGrouped(Grouped data) {
    CrossStatisticsAccumulator<ManagerId> acc = LibraryFunnel.accumulator();
    LibraryFunnel.grouped(data.events, io.clientyield.funnel.internal.FunnelSinks.of(acc));
    return acc.result();
  }
}
