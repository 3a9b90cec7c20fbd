package io.clientyield.core;

/**
 * The kind of a terminal result of working a client (a scenario run, a deal, a campaign).
 *
 * <p>Every run of a valid scenario ends in exactly one outcome of one of these kinds; the funnel
 * counts losses by kind and reason, the rating turns outcomes into points.
 */
public enum OutcomeKind {
  /** An order or a contract. */
  WON,
  /** The client refused (price, quality, timing, ...). */
  CLIENT_REFUSED,
  /** We declined to work with the client. */
  WE_DECLINED,
  /**
   * Lost, but the records do not say which party ended it (a CRM status "Lost" without a
   * refusal or decline reason).
   */
  LOST_UNKNOWN;

  /**
   * Whether this kind is a loss (anything but {@link #WON}).
   *
   * @return true for {@link #CLIENT_REFUSED}, {@link #WE_DECLINED} and {@link #LOST_UNKNOWN}
   */
  public boolean isLoss() {
    return this != WON;
  }
}
