package io.clientyield.cli.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of the pipeline table after the load rules: the product is the canonical product
 * name from the products table (empty when the export has no product column); the account is
 * empty for deals without one; the list value, manager and office are resolved from the
 * reference tables or the pipeline's own columns (see {@link CrmMapping}).
 *
 * @param id the opportunity id
 * @param agent the sales agent
 * @param product the canonical product name
 * @param account the account, empty when the export has none
 * @param stage the deal stage
 * @param engageDate the engage date (empty for Prospecting)
 * @param closeDate the close date (empty for open deals)
 * @param closeValue the close value in the export's currency (empty for open deals)
 * @param listValue the deal's list value in the export's currency: the product's list price, or the pipeline's
 *     list value column
 * @param manager the owner's manager ({@value #UNKNOWN} when the export does not say)
 * @param office the owner's regional office ({@value #UNKNOWN} when the export does not say)
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
    BigDecimal listValue,
    String manager,
    String office,
    long line) {

  /** The manager or office of a deal whose export does not say. */
  public static final String UNKNOWN = "(unknown)";

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
