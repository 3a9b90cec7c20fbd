package io.clientyield.funnel.leads;

/** The quantities of the lead-economics chain; each is either given or derived. */
public enum Field {
  /** Target search queries or impressions (expected count). */
  QUERIES,
  /** Click-through rate in [0, 1]. */
  CTR,
  /** Site visits (expected count). */
  VISITS,
  /** Site conversion visits → leads in [0, 1]. */
  SITE_CONVERSION,
  /** Leads (expected count). */
  LEADS,
  /** Lead-to-contract conversion Cr in [0, 1]. */
  CR,
  /** Contracts (expected count). */
  CONTRACTS
}
