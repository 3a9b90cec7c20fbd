package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A terminal result: its {@link Kind} and, for losses, an optional reason code such as
 * {@code price}, {@code quality} or {@code timing}. A {@link Kind#WON} outcome carries no
 * reason.
 *
 * <p>JSON form: {@code {"kind":"CLIENT_REFUSED","reason":"price"}} ({@code reason} omitted when
 * absent). Immutable and thread-safe.
 *
 * @param kind the kind
 * @param reason the reason code, if any (non-blank, at most 256 characters)
 */
public record Outcome(
    @JsonProperty("kind") Kind kind,
    @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason)
    implements Comparable<Outcome> {

  /** The won outcome. */
  public static final Outcome WON = new Outcome(Kind.WON, Optional.empty());

  /**
   * Creates the outcome.
   *
   * @param kind the kind
   * @param reason the reason code, if any (non-blank, at most 256 characters)
   * @throws ValidationException if kind is null, the reason is blank or too long, or a WON
   *     outcome carries a reason
   */
  public Outcome {
    Checks.notNull("kind", kind);
    reason = reason == null ? Optional.empty() : reason;
    if (reason.isPresent()) {
      Ids.check("reason", reason.get());
      if (kind == Kind.WON) {
        throw ValidationException.of("reason", reason.get(), "must be absent for a WON outcome");
      }
    }
  }

  /**
   * JSON creator.
   *
   * @param kind the kind
   * @param reason the reason code, if any
   * @return the outcome
   */
  @JsonCreator
  static Outcome fromJson(
      @JsonProperty("kind") Kind kind, @JsonProperty("reason") Optional<String> reason) {
    return new Outcome(kind, reason);
  }

  /**
   * The won outcome.
   *
   * @return {@link #WON}
   */
  public static Outcome won() {
    return WON;
  }

  /**
   * The client refused for a reason.
   *
   * @param reason the reason code, e.g. {@code price}
   * @return the outcome
   */
  public static Outcome clientRefused(String reason) {
    return new Outcome(Kind.CLIENT_REFUSED, Optional.of(Checks.notNull("reason", reason)));
  }

  /**
   * We declined for a reason.
   *
   * @param reason the reason code
   * @return the outcome
   */
  public static Outcome weDeclined(String reason) {
    return new Outcome(Kind.WE_DECLINED, Optional.of(Checks.notNull("reason", reason)));
  }

  /**
   * Lost, party unknown: the deal ended without a win and the records do not say whether the
   * client refused or we declined.
   *
   * @return the outcome of kind {@link Kind#LOST_UNKNOWN}, without a reason
   */
  public static Outcome lostUnknown() {
    return new Outcome(Kind.LOST_UNKNOWN, Optional.empty());
  }

  /**
   * An outcome of a kind without a reason.
   *
   * @param kind the kind
   * @return the outcome
   */
  public static Outcome of(Kind kind) {
    return new Outcome(kind, Optional.empty());
  }

  /**
   * Whether this outcome is a win.
   *
   * @return true for WON
   */
  @JsonIgnore
  public boolean isWon() {
    return kind == Kind.WON;
  }

  /** Orders by kind, then reason (absent first). */
  @Override
  public int compareTo(Outcome o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : reason.orElse("").compareTo(o.reason.orElse(""));
  }

  @Override
  public String toString() {
    return reason.map(r -> kind + "(" + r + ")").orElse(kind.name());
  }

  /**
   * The kind of a terminal result of working a client (a scenario run, a deal, a campaign).
   *
   * <p>Every run of a valid scenario ends in exactly one outcome of one of these kinds; the funnel
   * counts losses by kind and reason, the rating turns outcomes into points.
   */
  public enum Kind {
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
}
