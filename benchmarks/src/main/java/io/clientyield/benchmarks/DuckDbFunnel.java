package io.clientyield.benchmarks;

import io.clientyield.funnel.DealSink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The peer: DuckDB in-process via JDBC, loaded with its Appender, answering the funnel question
 * with one SQL query. Not thread-safe; close when done.
 */
public final class DuckDbFunnel implements AutoCloseable {
  /**
   * The funnel query: fold events into deals (furthest stage, terminal outcome and reason,
   * budget), count deals at their furthest stage per manager × stage, then per manager the
   * deals that reached each stage (a reverse running sum), dropped per reason, won, and the
   * count- and budget-weighted stage conversions.
   */
  public static final String QUERY = """
      WITH deals AS (
        SELECT deal, min(manager) AS m, max(stage) AS s, max(outcome) AS o,
               max(reason) AS r, max(budget) AS b
        FROM events GROUP BY deal),
      at_stage AS (
        SELECT m, s, count(*) AS n, sum(b) AS nb,
               count(*) FILTER (WHERE o = 0) AS won,
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
               sum(coalesce(a.n, 0)) OVER w AS reached,
               sum(coalesce(a.nb, 0)) OVER w AS reached_budget,
               coalesce(a.won, 0) AS won,
               coalesce(a.d0, 0) AS d0, coalesce(a.d1, 0) AS d1, coalesce(a.d2, 0) AS d2,
               coalesce(a.d3, 0) AS d3, coalesce(a.d4, 0) AS d4, coalesce(a.d5, 0) AS d5,
               coalesce(a.d6, 0) AS d6, coalesce(a.d7, 0) AS d7, coalesce(a.d8, 0) AS d8,
               coalesce(a.d9, 0) AS d9
        FROM grid g LEFT JOIN at_stage a ON a.m = g.m AND a.s = g.s
        WINDOW w AS (PARTITION BY g.m ORDER BY g.s DESC ROWS UNBOUNDED PRECEDING))
      SELECT m, s, reached, reached_budget, won, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9,
             CAST(lead(reached) OVER p AS DOUBLE) / nullif(reached, 0) AS conversion,
             CAST(lead(reached_budget) OVER p AS DOUBLE) / nullif(reached_budget, 0)
                 AS budget_conversion
      FROM cells
      WINDOW p AS (PARTITION BY m ORDER BY s)
      ORDER BY m, s
      """;

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
   * Runs {@link #QUERY} and returns its rows as a table.
   *
   * @return the funnel counts; conversions are checked against the table's own derivation
   * @throws SQLException on a DuckDB failure
   */
  public FunnelTable query() throws SQLException {
    FunnelTable t = new FunnelTable();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
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
        double conv = rs.getDouble(16);
        t.sqlConversion[c] = rs.wasNull() ? Double.NaN : conv;
        double bconv = rs.getDouble(17);
        t.sqlBudgetConversion[c] = rs.wasNull() ? Double.NaN : bconv;
      }
    }
    return t;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
