package io.clientyield.funnel;

/**
 * The one-sided test a {@link StageCell} was tested with ("this cell converts lower than the
 * rest of the team"): Fisher's exact test when an expected count of the 2×2 table is below 5,
 * else the two-proportion z test with pooled variance.
 */
public enum ConversionTestMethod {
  /** Fisher's exact test (hypergeometric lower tail). */
  FISHER_EXACT,
  /** The two-proportion z test with pooled variance. */
  NORMAL_Z
}
