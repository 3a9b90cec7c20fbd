package io.clientyield.funnel.probability;

/** Where a stage win probability comes from. */
public enum ProbabilitySource {
  /** Set by the caller (a table such as 5 / 10 / 25 / 80 / 99 / 100 %). */
  CONFIGURED,
  /** Learned from closed deals, with the sample and the smoothing reported. */
  LEARNED
}
