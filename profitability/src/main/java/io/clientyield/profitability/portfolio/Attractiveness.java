package io.clientyield.profitability.portfolio;

/** Attractiveness level of a client (matrix rows). */
public enum Attractiveness {
  /** Score &lt; low cut. */
  LOW,
  /** low cut &lt;= score &lt; high cut. */
  MEDIUM,
  /** Score &gt;= high cut. */
  HIGH
}
