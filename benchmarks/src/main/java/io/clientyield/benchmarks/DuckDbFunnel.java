package io.clientyield.benchmarks;

import io.clientyield.core.Proportion;
import io.clientyield.funnel.CrossStatisticsOptions;
import io.clientyield.funnel.internal.DealSink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The peer: DuckDB in-process via JDBC, loaded with its Appender, answering the funnel question
 * with one SQL query: the funnel counts per manager × stage and the same cross statistics the
 * library computes (Wilson intervals, weak-cell tests with Benjamini–Hochberg flags). Not
 * thread-safe; close when done.
 */
public final class DuckDbFunnel implements AutoCloseable {
  /**
   * Scalar macros the query uses, created when the database is loaded: {@code erfc_nr(x)}, the
   * complementary error function by the Chebyshev-fitted approximation of Numerical Recipes
   * (fractional error below 1.2e-7 everywhere, so also in the far tails), and
   * {@code phi(z) = erfc_nr(−z/√2) / 2}, the standard normal CDF. DuckDB has neither built in.
   */
  public static final String MACROS = """
      CREATE OR REPLACE MACRO erfc_pos(t, x) AS
        t * exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
          + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
          + t * (-0.82215223 + t * 0.17087277)))))))));
      CREATE OR REPLACE MACRO erfc_nr(x) AS
        CASE WHEN x >= 0 THEN erfc_pos(1.0 / (1.0 + 0.5 * x), x)
             ELSE 2.0 - erfc_pos(1.0 / (1.0 - 0.5 * x), -x) END;
      CREATE OR REPLACE MACRO phi(z) AS 0.5 * erfc_nr(-z / sqrt(2.0));
      CREATE OR REPLACE MACRO lchoose(a, b) AS lgamma(a + 1) - lgamma(b + 1) - lgamma(a - b + 1);
      """;

  /**
   * The funnel query with placeholders {@code {Z}} (the 95 % normal quantile),
   * {@code {MIN_TRIALS}} and {@code {FDR}}; see {@link #query(CrossStatisticsOptions)}.
   *
   * <p>Steps: fold events into deals (furthest stage, terminal outcome and reason, budget); count
   * deals at their furthest stage per manager × stage; per manager the deals that entered each
   * stage (a reverse running sum), their budget, won, dropped per reason, passed (entered the
   * next stage or won here), resolved (passed + lost here: open deals are not failures), the
   * count- and budget-weighted stage conversions and the 95 % Wilson interval of passed /
   * resolved. Weak cells, exactly as the library's {@code CrossStatisticsAccumulator}: a cell
   * with at least {@code MIN_TRIALS} resolved deals (and resolved deals of other managers at that
   * stage) is tested one-sided against the pooled other managers, with Fisher's exact test (hypergeometric lower tail, summed from log-gamma
   * terms) when an expected count of the 2×2 table is below 5, else the pooled two-proportion
   * z test; the p-values of all tested cells are adjusted by Benjamini–Hochberg (a window
   * minimum over ranks) and a cell is flagged when its q-value is at most {@code FDR} and its
   * resolved conversion is below the rest's.
   * (DuckDB's {@code least}/{@code greatest} skip NULLs, hence the explicit NULL cases.)
   */
  public static final String QUERY_TEMPLATE = """
      WITH deals AS (
        SELECT deal, min(manager) AS m, max(stage) AS s, max(outcome) AS o,
               max(reason) AS r, max(budget) AS b
        FROM events GROUP BY deal),
      at_stage AS (
        SELECT m, s, count(*) AS n, sum(b) AS nb,
               count(*) FILTER (WHERE o = 0) AS won,
               count(*) FILTER (WHERE o >= 1) AS lost,
               count(*) FILTER (WHERE o = 1 AND r = 0) AS d0,
               count(*) FILTER (WHERE o = 1 AND r = 1) AS d1,
               count(*) FILTER (WHERE o = 1 AND r = 2) AS d2,
               count(*) FILTER (WHERE o = 1 AND r = 3) AS d3,
               count(*) FILTER (WHERE o = 1 AND r = 4) AS d4,
               count(*) FILTER (WHERE o = 1 AND r = 5) AS d5,
               count(*) FILTER (WHERE o = 1 AND r = 6) AS d6,
               count(*) FILTER (WHERE o = 1 AND r = 7) AS d7,
               count(*) FILTER (WHERE o = 1 AND r = 8) AS d8,
               count(*) FILTER (WHERE o = 1 AND r = 9) AS d9
        FROM deals GROUP BY m, s),
      grid AS (
        SELECT g.m, k.s FROM (SELECT DISTINCT m FROM deals) g CROSS JOIN range(7) k(s)),
      cells AS (
        SELECT g.m, g.s,
               CAST(sum(coalesce(a.n, 0)) OVER w AS BIGINT) AS reached,
               CAST(sum(coalesce(a.nb, 0)) OVER w AS BIGINT) AS reached_budget,
               coalesce(a.won, 0) AS won,
               coalesce(a.lost, 0) AS lost,
               coalesce(a.d0, 0) AS d0, coalesce(a.d1, 0) AS d1, coalesce(a.d2, 0) AS d2,
               coalesce(a.d3, 0) AS d3, coalesce(a.d4, 0) AS d4, coalesce(a.d5, 0) AS d5,
               coalesce(a.d6, 0) AS d6, coalesce(a.d7, 0) AS d7, coalesce(a.d8, 0) AS d8,
               coalesce(a.d9, 0) AS d9
        FROM grid g LEFT JOIN at_stage a ON a.m = g.m AND a.s = g.s
        WINDOW w AS (PARTITION BY g.m ORDER BY g.s DESC ROWS UNBOUNDED PRECEDING)),
      rates AS (
        SELECT *,
               coalesce(lead(reached) OVER p, 0) + won AS passed,
               coalesce(lead(reached) OVER p, 0) + won + lost AS resolved,
               CAST(lead(reached) OVER p AS DOUBLE) / nullif(reached, 0) AS conversion,
               CAST(lead(reached_budget) OVER p AS DOUBLE) / nullif(reached_budget, 0)
                   AS budget_conversion
        FROM cells
        WINDOW p AS (PARTITION BY m ORDER BY s)),
      wilson AS (
        SELECT m, s, ph, x, n,
               (ph + z2 / (2 * n)) / (1 + z2 / n) AS centre,
               {Z} / (1 + z2 / n) * sqrt(ph * (1 - ph) / n + z2 / (4 * n * n)) AS half
        FROM (SELECT m, s, CAST(passed AS DOUBLE) / resolved AS ph, passed AS x,
                     CAST(resolved AS DOUBLE) AS n, {Z} * {Z} AS z2
              FROM rates WHERE resolved > 0)),
      tables AS (
        SELECT m, s, resolved AS n1, passed AS x1,
               CAST(sum(resolved) OVER (PARTITION BY s) AS BIGINT) - resolved AS n2,
               CAST(sum(passed) OVER (PARTITION BY s) AS BIGINT) - passed AS x2
        FROM rates),
      tested AS (
        SELECT *, n1 + n2 AS tot, x1 + x2 AS k,
               least(n1, n2) * CAST(least(x1 + x2, n1 + n2 - x1 - x2) AS DOUBLE) / (n1 + n2) < 5
                   AND n1 + n2 <= 2147483647 AS fisher,
               CAST(x1 + x2 AS DOUBLE) / (n1 + n2) AS pool,
               CAST(x1 AS DOUBLE) / n1 - CAST(x2 AS DOUBLE) / n2 AS diff,
               x1 * n2 < x2 * n1 AS below
        FROM tables WHERE n1 >= {MIN_TRIALS} AND n2 > 0),
      fisher_terms AS (
        SELECT m, s, k, tot, n1, unnest(range(greatest(0, n1 - (tot - k)), x1 + 1)) AS j
        FROM tested WHERE fisher),
      fisher_p AS (
        SELECT m, s, least(1.0, greatest(0.0, sum(exp(
                   lchoose(k, j) + lchoose(tot - k, n1 - j) - lchoose(tot, n1))))) AS p
        FROM fisher_terms GROUP BY m, s),
      pvalues AS (
        SELECT t.m, t.s, t.fisher, t.below,
               CASE WHEN t.fisher THEN coalesce(f.p, 0.0)
                    WHEN sqrt(t.pool * (1 - t.pool) * (1.0 / t.n1 + 1.0 / t.n2)) > 0
                    THEN least(1.0, greatest(0.0, phi(t.diff
                         / sqrt(t.pool * (1 - t.pool) * (1.0 / t.n1 + 1.0 / t.n2)))))
                    ELSE 1.0 END AS p
        FROM tested t LEFT JOIN fisher_p f ON f.m = t.m AND f.s = t.s),
      ranked AS (
        SELECT *, row_number() OVER (ORDER BY p, m, s) AS rank, count(*) OVER () AS tests
        FROM pvalues),
      adjusted AS (
        SELECT m, s, fisher, below, p,
               least(1.0, min(p * tests / rank)
                   OVER (ORDER BY rank DESC ROWS UNBOUNDED PRECEDING)) AS q
        FROM ranked)
      SELECT r.m, r.s, r.reached, r.reached_budget, r.won,
             r.d0, r.d1, r.d2, r.d3, r.d4, r.d5, r.d6, r.d7, r.d8, r.d9,
             r.conversion, r.budget_conversion, r.passed,
             CASE WHEN w.n IS NULL THEN NULL WHEN w.x = 0 THEN 0.0 ELSE least(w.ph, greatest(0.0, w.centre - w.half)) END
                 AS wilson_lower,
             CASE WHEN w.n IS NULL THEN NULL WHEN w.x = w.n THEN 1.0 ELSE greatest(w.ph, least(1.0, w.centre + w.half)) END
                 AS wilson_upper,
             a.fisher, a.p, a.q, coalesce(a.q <= {FDR} AND a.below, false) AS flagged
      FROM rates r
      LEFT JOIN wilson w ON w.m = r.m AND w.s = r.s
      LEFT JOIN adjusted a ON a.m = r.m AND a.s = r.s
      ORDER BY r.m, r.s
      """;

  /** {@link #QUERY_TEMPLATE} with the default options (at least 30 trials, FDR 0.05). */
  public static final String QUERY = sql(CrossStatisticsOptions.DEFAULT);

  /**
   * Returns the query for the given flagging options.
   *
   * @param options the minimum trials and false-discovery rate
   * @return the SQL
   */
  public static String sql(CrossStatisticsOptions options) {
    return QUERY_TEMPLATE
        .replace("{Z}", String.format(Locale.ROOT, "%.17g", Proportion.zFor(0.95)))
        .replace("{MIN_TRIALS}", Long.toString(options.minTrials()))
        .replace("{FDR}", String.format(Locale.ROOT, "%.17g", options.falseDiscoveryRate()));
  }

  private final Connection connection;

  private DuckDbFunnel(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens an in-memory DuckDB and loads the events with its Appender.
   *
   * @param events the events
   * @return the loaded database
   * @throws SQLException on a DuckDB failure
   */
  public static DuckDbFunnel load(SyntheticEvents events) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      for (String macro : MACROS.split(";")) {
        if (!macro.isBlank()) {
          st.execute(macro);
        }
      }
      st.execute("CREATE TABLE events (deal BIGINT, manager INTEGER, stage INTEGER,"
          + " outcome INTEGER, reason INTEGER, budget BIGINT, ts BIGINT)");
    }
    try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("main", "events")) {
      for (int i = 0; i < events.size(); i++) {
        a.beginRow()
            .append(events.deal[i])
            .append(events.manager[i])
            .append(events.stage[i])
            .append(events.outcome[i])
            .append(events.reason[i]);
        if (events.budget[i] == DealSink.NO_BUDGET) {
          a.appendNull();
        } else {
          a.append(events.budget[i]);
        }
        a.append(events.timestamp[i]).endRow();
      }
    }
    return new DuckDbFunnel(c);
  }

  /**
   * Runs {@link #QUERY} (default options) and returns its rows as a table.
   *
   * @return the funnel counts and statistics
   * @throws SQLException on a DuckDB failure
   */
  public FunnelTable query() throws SQLException {
    return run(QUERY);
  }

  /**
   * Runs the query for the given flagging options and returns its rows as a table.
   *
   * @param options the minimum trials and false-discovery rate
   * @return the funnel counts and statistics
   * @throws SQLException on a DuckDB failure
   */
  public FunnelTable query(CrossStatisticsOptions options) throws SQLException {
    return run(sql(options));
  }

  private FunnelTable run(String sql) throws SQLException {
    FunnelTable t = new FunnelTable();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int m = rs.getInt(1);
        int s = rs.getInt(2);
        int c = m * SyntheticEvents.STAGES + s;
        t.reached[c] = rs.getLong(3);
        t.reachedBudget[c] = rs.getLong(4);
        t.won[c] = rs.getLong(5);
        for (int r = 0; r < SyntheticEvents.REASONS; r++) {
          t.dropped[c * SyntheticEvents.REASONS + r] = rs.getLong(6 + r);
        }
        t.sqlConversion[c] = doubleOrNaN(rs, 16);
        t.sqlBudgetConversion[c] = doubleOrNaN(rs, 17);
        t.passed[c] = rs.getLong(18);
        t.wilsonLower[c] = doubleOrNaN(rs, 19);
        t.wilsonUpper[c] = doubleOrNaN(rs, 20);
        boolean fisher = rs.getBoolean(21);
        t.method[c] = rs.wasNull() ? FunnelTable.UNTESTED
            : fisher ? FunnelTable.FISHER : FunnelTable.NORMAL;
        t.pValue[c] = doubleOrNaN(rs, 22);
        t.qValue[c] = doubleOrNaN(rs, 23);
        t.flagged[c] = rs.getBoolean(24);
      }
    }
    return t;
  }

  private static double doubleOrNaN(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
