package io.clientyield.funnel.leads;

/** A metric by which a {@link ChannelComparison} ranks channels. JSON form: the constant name. */
public enum ChannelMetric {
  /** CPL = spend / leads; lower is better. */
  COST_PER_LEAD(false),
  /** CAC = spend / contracts; lower is better. */
  COST_PER_CONTRACT(false),
  /** ROMI = (revenue × gross margin − spend) / spend; higher is better. */
  ROMI(true);

  private final boolean higherIsBetter;

  ChannelMetric(boolean higherIsBetter) {
    this.higherIsBetter = higherIsBetter;
  }

  /**
   * Returns whether a higher value ranks first.
   *
   * @return true for ROMI, false for the costs
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
