package io.clientyield.profitability.portfolio;

/** Relationship strength with a client (matrix columns). */
public enum Relationship {
  /** Score &lt; low cut. */
  WEAK,
  /** low cut &lt;= score &lt; high cut. */
  MEDIUM,
  /** Score &gt;= high cut. */
  STRONG
}
