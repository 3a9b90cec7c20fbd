package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.util.Optional;

/**
 * The deals lost at one stage for one loss kind and reason, with their shares of the stage's
 * drops: {@code shareOfDrops = count / (refused + declined at the stage)} and
 * {@code shareOfKind = count / (drops of this kind at the stage)}, both in {@code (0, 1]}.
 *
 * <p>A loss recorded without a reason has an empty {@link #reason()}. JSON form:
 * {@code {"kind":"CLIENT_REFUSED","reason":"price","count":60,"shareOfDrops":0.75,"shareOfKind":0.8}}
 * ({@code reason} omitted when absent). Immutable and thread-safe.
 *
 * @param kind the loss kind ({@link Outcome.Kind#CLIENT_REFUSED}, {@link Outcome.Kind#WE_DECLINED} or
 *     {@link Outcome.Kind#LOST_UNKNOWN})
 * @param reason the reason code, if any
 * @param count the number of deals, {@code > 0}
 * @param shareOfDrops the share of all the stage's drops, in {@code (0, 1]}
 * @param shareOfKind the share of the stage's drops of this kind, in {@code (0, 1]}
 */
@JsonPropertyOrder({"kind", "reason", "count", "shareOfDrops", "shareOfKind"})
public record ReasonCount(
    @JsonProperty("kind") Outcome.Kind kind,
    @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason,
    @JsonProperty("count") long count,
    @JsonProperty("shareOfDrops") double shareOfDrops,
    @JsonProperty("shareOfKind") double shareOfKind) {

  /** Validates the components (see the record description). */
  public ReasonCount {
    Checks.Collector c = Checks.collector();
    if (kind == null || !kind.isLoss()) {
      c.add("kind", kind, "must be a loss kind (CLIENT_REFUSED, WE_DECLINED or LOST_UNKNOWN)");
    }
    reason = reason == null ? Optional.empty() : reason;
    if (count <= 0) {
      c.add("count", count, "must be > 0");
    }
    if (!(shareOfDrops > 0 && shareOfDrops <= 1)) {
      c.add("shareOfDrops", shareOfDrops, "must be within (0, 1]");
    }
    if (!(shareOfKind > 0 && shareOfKind <= 1)) {
      c.add("shareOfKind", shareOfKind, "must be within (0, 1]");
    } else if (shareOfDrops > shareOfKind) {
      c.add("shareOfDrops", shareOfDrops, "must be <= shareOfKind (" + Checks.render(shareOfKind) + ")");
    }
    c.throwIfAny();
  }

  /**
   * Creates the count.
   *
   * @param kind the loss kind
   * @param reason the reason code, if any
   * @param count the number of deals
   * @param shareOfDrops the share of all the stage's drops
   * @param shareOfKind the share of the stage's drops of this kind
   * @return the count
   */
  @JsonCreator
  public static ReasonCount of(
      @JsonProperty("kind") Outcome.Kind kind,
      @JsonProperty("reason") Optional<String> reason,
      @JsonProperty("count") long count,
      @JsonProperty("shareOfDrops") double shareOfDrops,
      @JsonProperty("shareOfKind") double shareOfKind) {
    return new ReasonCount(kind, reason, count, shareOfDrops, shareOfKind);
  }
}
