package io.clientyield.profitability.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The configurable table of status-rating points per campaign outcome: points per outcome kind,
 * optionally overridden for an exact outcome (kind and reason).
 *
 * <p>Defaults ({@link #DEFAULT}): {@code WON} +10, {@code CLIENT_REFUSED} +1 (the client engaged
 * to the end), {@code WE_DECLINED} 0. {@code LOST_UNKNOWN} (lost, party unknown) is optional: without
 * its own points it scores the lower of {@code CLIENT_REFUSED} and {@code WE_DECLINED}. Points are whole numbers and may be negative.
 *
 * <p>Immutable and thread-safe.
 *
 * @param perKind points for each of the three outcome kinds (all three required)
 * @param overrides points for exact outcomes, taking precedence over {@code perKind}
 */
public record StatusPoints(
    @JsonProperty("perKind") Map<Outcome.Kind, Long> perKind,
    @JsonProperty("overrides") List<OutcomePoints> overrides) {

  /** The default table: WON 10, CLIENT_REFUSED 1, WE_DECLINED 0, no overrides. */
  public static final StatusPoints DEFAULT =
      new StatusPoints(
          Map.of(Outcome.Kind.WON, 10L, Outcome.Kind.CLIENT_REFUSED, 1L, Outcome.Kind.WE_DECLINED, 0L),
          List.of());

  /**
   * Validates that every kind has points and that no outcome is overridden twice.
   *
   * @throws io.clientyield.core.ValidationException naming the missing kind or duplicate outcome
   */
  public StatusPoints {
    Checks.notNull("perKind", perKind);
    Checks.notNull("overrides", overrides);
    var c = Checks.collector();
    if (perKind.keySet().stream().anyMatch(java.util.Objects::isNull)) { // Map.of rejects containsKey(null)
      c.add("perKind", "null key", "must map outcome kinds only");
    }
    for (Outcome.Kind k : Outcome.Kind.values()) {
      if (perKind.get(k) == null && k != Outcome.Kind.LOST_UNKNOWN) {
        c.add("perKind." + k, null, "must be given");
      }
    }
    var seen = new java.util.HashSet<Outcome>();
    int i = 0;
    for (OutcomePoints o : overrides) {
      if (o == null) {
        c.add("overrides[" + i + "]", null, "must not be null");
      } else if (!seen.add(o.outcome())) {
        c.add("overrides[" + i + "]", o.outcome(), "must not override an outcome twice");
      }
      i++;
    }
    c.throwIfAny();
    perKind = java.util.Collections.unmodifiableMap(new EnumMap<>(perKind)); // an array lookup per outcome
    overrides = List.copyOf(overrides);
  }

  /**
   * Points for an outcome: its override if any, else the points of its kind.
   *
   * @param outcome the campaign outcome
   * @return the points
   */
  public long pointsFor(Outcome outcome) {
    Checks.notNull("outcome", outcome);
    for (OutcomePoints o : overrides) {
      if (o.outcome().equals(outcome)) {
        return o.points();
      }
    }
    Long points = perKind.get(outcome.kind());
    if (points == null) { // LOST_UNKNOWN without its own points: the lower of the two losses
      return Math.min(perKind.get(Outcome.Kind.CLIENT_REFUSED), perKind.get(Outcome.Kind.WE_DECLINED));
    }
    return points;
  }

  /**
   * Returns this table with an override for an exact outcome added (replacing an earlier one).
   *
   * @param outcome the exact outcome, e.g. {@code CLIENT_REFUSED(price)}
   * @param points its points
   * @return the new table
   */
  public StatusPoints withOverride(Outcome outcome, long points) {
    var list = new java.util.ArrayList<OutcomePoints>();
    for (OutcomePoints o : overrides) {
      if (!o.outcome().equals(outcome)) {
        list.add(o);
      }
    }
    list.add(new OutcomePoints(outcome, points));
    return new StatusPoints(perKind, list);
  }

  /**
   * Points for one exact outcome. Immutable and thread-safe.
   *
   * @param outcome the outcome (kind and reason)
   * @param points its points
   */
  public record OutcomePoints(
      @JsonProperty("outcome") Outcome outcome, @JsonProperty("points") long points) {
    /**
     * Validates the outcome is present.
     */
    public OutcomePoints {
      Checks.notNull("outcome", outcome);
    }
  }
}
