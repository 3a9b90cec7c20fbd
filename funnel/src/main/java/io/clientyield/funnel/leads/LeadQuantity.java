package io.clientyield.funnel.leads;

/**
 * The non-money quantities of the lead-economics chain; each is either given (in
 * {@link LeadInputs}) or derived (in {@link LeadMetrics}). (Named so that it does not clash with
 * {@code java.lang.reflect.Field}.)
 *
 * <p>Counts ({@link #QUERIES}, {@link #VISITS}, {@link #LEADS}, {@link #CONTRACTS},
 * {@link #CLICKS}, {@link #CALLS}) are <em>expected counts</em> of one period: finite doubles
 * {@code >= 0} that may be fractional (12.5 visits a day); round them only for display. Rates
 * ({@link #CTR}, {@link #SITE_CONVERSION}, {@link #CR}) are doubles in {@code [0, 1]}
 * ({@code 0.05} means 5 %). JSON form: the constant name, e.g. {@code "SITE_CONVERSION"}.
 */
public enum LeadQuantity {
  /** Target search queries or impressions (expected count). */
  QUERIES("queries", false),
  /** Click-through rate queries → visits, in [0, 1]. */
  CTR("ctr", true),
  /** Site visits (expected count); visits = queries × CTR. */
  VISITS("visits", false),
  /** Site conversion visits → leads, in [0, 1]. */
  SITE_CONVERSION("siteConversion", true),
  /** Leads, also called inquiries (expected count); leads = visits × site conversion. */
  LEADS("leads", false),
  /** Lead-to-contract conversion Cr, in [0, 1]. */
  CR("cr", true),
  /** Contracts (expected count); contracts = leads × Cr. */
  CONTRACTS("contracts", false),
  /**
   * Paid clicks (expected count); spend = clicks × CPC. <b>The paid-click rule:</b> only this
   * quantity (given, or derived as spend / CPC) counts paid clicks; visits are never taken as
   * paid clicks, since a channel may have organic visits as well. A model with a CPC but no
   * clicks therefore has no spend and no CPC ceiling; state {@code CLICKS} (e.g. equal to the
   * visits when every visit is paid) to get them.
   */
  CLICKS("clicks", false),
  /** Phone calls received (expected count), the base of cost per call. */
  CALLS("calls", false);

  private final String label;
  private final boolean rate;

  LeadQuantity(String label, boolean rate) {
    this.label = label;
    this.rate = rate;
  }

  /**
   * Returns the name used in validation messages, e.g. {@code siteConversion}.
   *
   * @return the lower-camel-case label
   */
  public String label() {
    return label;
  }

  /**
   * Returns whether this quantity is a rate in {@code [0, 1]} rather than an expected count.
   *
   * @return true for CTR, site conversion and Cr
   */
  public boolean isRate() {
    return rate;
  }
}
