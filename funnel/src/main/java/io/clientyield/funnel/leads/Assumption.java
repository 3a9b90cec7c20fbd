package io.clientyield.funnel.leads;

/**
 * An input of a channel that a {@link ChannelComparison} took from its {@link ChannelDefaults}
 * because the channel did not know it. JSON form: the constant name.
 */
public enum Assumption {
  /** The lead-to-contract conversion Cr (the channel's lead maturity was unknown). */
  CR,
  /** The average check. */
  AVERAGE_CHECK,
  /** The gross margin. */
  GROSS_MARGIN
}
