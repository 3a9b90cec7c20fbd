package io.clientyield.funnel.leads;

/**
 * A lever of new-contract revenue = queries × CTR × site conversion × Cr × check (or
 * leads × Cr × check). JSON form: the constant name.
 */
public enum Lever {
  /** More leads (the count). */
  LEADS,
  /** A higher click-through rate (rate, capped at 1). */
  CTR,
  /** A higher site conversion (rate, capped at 1). */
  SITE_CONVERSION,
  /** A higher lead-to-contract conversion Cr (rate, capped at 1). */
  CR,
  /** A higher average check (money). */
  AVERAGE_CHECK
}
