package io.clientyield.cli.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of {@code sales_pipeline.csv} after the load rules: the product is the canonical
 * product name from {@code products.csv}; the account is empty for deals without one.
 *
 * @param id the opportunity id
 * @param agent the sales agent
 * @param product the canonical product name
 * @param account the account, empty when the export has none
 * @param stage the deal stage
 * @param engageDate the engage date (empty for Prospecting)
 * @param closeDate the close date (empty for open deals)
 * @param closeValue the close value in USD (empty for open deals)
 * @param line the line of the row in its file
 */
public record Opportunity(
    String id,
    String agent,
    String product,
    Optional<String> account,
    Stage stage,
    Optional<LocalDate> engageDate,
    Optional<LocalDate> closeDate,
    Optional<BigDecimal> closeValue,
    long line) {

  /** The export's deal stages: Prospecting &gt; Engaging &gt; Won / Lost. */
  public enum Stage {
    /** First contact; no engage date. */
    PROSPECTING,
    /** Engaged; has an engage date, no close date. */
    ENGAGING,
    /** Closed won. */
    WON,
    /** Closed lost. */
    LOST;

    /**
     * Returns whether the deal is closed.
     *
     * @return true for WON and LOST
     */
    public boolean closed() {
      return this == WON || this == LOST;
    }
  }
}
