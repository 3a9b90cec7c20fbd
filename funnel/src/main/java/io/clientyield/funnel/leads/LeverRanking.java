package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Which lever to pull (DOMAIN 3), computed by {@link LeadEconomics#leverRanking}: for each
 * {@link Lever} (leads, CTR, site conversion, Cr, check), the extra revenue a given improvement
 * brings, ranked best first.
 *
 * <p>Revenue = queries × CTR × site conversion × Cr × check (leads × Cr × check from the leads
 * on). Changing one lever {@code x} to {@code x'} changes revenue by
 * {@code (x' − x) × (product of the other factors)}, computed exactly and rounded to the minor
 * unit with {@link Money#ROUNDING}. A lever is <em>unavailable</em> when a factor it needs is
 * unknown (e.g. CTR without queries). Rates are capped at 1 ({@link Gain#capped()}).
 *
 * <ul>
 *   <li>relative (every lever × (1 + r)): since revenue is a product, every uncapped lever then
 *       brings the <em>same</em> extra revenue; the ranking separates levers only where a rate
 *       caps at 100 %.</li>
 *   <li>absolute (+ n leads, + p percentage points on each rate, + an amount on the check): this
 *       is where levers differ: one point on a 1 % site conversion doubles revenue, one point on
 *       a 5 % CTR adds a fifth.</li>
 * </ul>
 * Ties keep the lever order of {@link Lever}.
 *
 * <p>JSON form: {@code {"baseRevenue":{...},"relative":0.1,"gains":[{"lever":"LEADS",...},...],
 * "unavailable":["CTR"]}}; the improvement fields not used are omitted. Immutable and
 * thread-safe.
 *
 * @param baseRevenue the revenue before any change; empty without contracts or check (then every
 *     lever is unavailable)
 * @param relative the relative improvement, for a relative ranking
 * @param extraLeads the extra leads, for an absolute ranking
 * @param extraRatePoints the extra rate points, for an absolute ranking
 * @param extraCheck the extra check, for an absolute ranking
 * @param gains the gains of the available levers, the largest extra revenue first
 * @param unavailable the levers that could not be evaluated because a factor they need is unknown
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"baseRevenue", "relative", "extraLeads", "extraRatePoints", "extraCheck",
    "gains", "unavailable"})
public record LeverRanking(
    Optional<Money> baseRevenue,
    OptionalDouble relative,
    OptionalDouble extraLeads,
    OptionalDouble extraRatePoints,
    Optional<Money> extraCheck,
    List<Gain> gains,
    Set<Lever> unavailable) {

  /** The largest relative improvement accepted: 1e6 (a million-fold). */
  public static final double MAX_RELATIVE = 1e6;

  /** Validates that exactly one kind of improvement is stated and the gains are ranked. */
  @JsonCreator
  public LeverRanking {
    baseRevenue = baseRevenue == null ? Optional.empty() : baseRevenue;
    relative = relative == null ? OptionalDouble.empty() : relative;
    extraLeads = extraLeads == null ? OptionalDouble.empty() : extraLeads;
    extraRatePoints = extraRatePoints == null ? OptionalDouble.empty() : extraRatePoints;
    extraCheck = extraCheck == null ? Optional.empty() : extraCheck;
    Checks.Collector v = Checks.collector();
    if (gains == null) {
      v.add("gains", null, "must not be null");
    } else {
      v.elementsNotNull("gains", gains);
    }
    if (unavailable == null) {
      v.add("unavailable", null, "must not be null");
    } else {
      v.elementsNotNull("unavailable", unavailable);
    }
    v.throwIfAny();
    if (relative.isPresent() == extraLeads.isPresent()) {
      v.add("relative", relative.isPresent() ? relative.getAsDouble() : null,
          "must be present exactly when extraLeads is absent");
    }
    Set<Lever> seen = EnumSet.noneOf(Lever.class);
    for (Gain g : gains) {
      if (!seen.add(g.lever()) || unavailable.contains(g.lever())) {
        v.add("gains", g.lever(), "must list each lever once and not as unavailable");
      }
    }
    for (int i = 1; i < gains.size(); i++) {
      if (gains.get(i).extraRevenue().compareTo(gains.get(i - 1).extraRevenue()) > 0) {
        v.add("gains[" + i + "]", gains.get(i).extraRevenue(),
            "must not exceed the gain before it (ranked best first)");
      }
    }
    v.throwIfAny();
    gains = List.copyOf(gains);
    Set<Lever> u = EnumSet.noneOf(Lever.class);
    u.addAll(unavailable);
    unavailable = Collections.unmodifiableSet(u);
  }

  /**
   * Returns the lever with the largest extra revenue.
   *
   * @return the best gain, empty when no lever is available
   */
  public Optional<Gain> best() {
    return gains.isEmpty() ? Optional.empty() : Optional.of(gains.get(0));
  }

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

  /**
   * What one lever change brings (an entry of a {@link LeverRanking}): the lever's value before
   * and after (for the count and rate levers; empty for the average check), the revenue after
   * the change and the extra revenue, both rounded to the minor unit with
   * {@link Money#ROUNDING}.
   *
   * <p>JSON form: {@code {"lever":"SITE_CONVERSION","valueBefore":0.01,"valueAfter":0.02,
   * "revenueAfter":{...},"extraRevenue":{...},"capped":false}}. Immutable and thread-safe.
   *
   * @param lever the lever
   * @param valueBefore the lever's value before the change (expected count or rate); empty for
   *     {@link Lever#AVERAGE_CHECK}
   * @param valueAfter the lever's value after the change (rates capped at 1); empty for
   *     {@link Lever#AVERAGE_CHECK}
   * @param revenueAfter the revenue after the change
   * @param extraRevenue revenue after − revenue before, in the same currency
   * @param capped whether the rate would have exceeded 1 and was capped at 100 %
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  @JsonPropertyOrder({"lever", "valueBefore", "valueAfter", "revenueAfter", "extraRevenue",
      "capped"})
  public record Gain(
      Lever lever,
      OptionalDouble valueBefore,
      OptionalDouble valueAfter,
      Money revenueAfter,
      Money extraRevenue,
      boolean capped) {

    /** Validates the gain: lever and money present, one currency, values non-negative. */
    @JsonCreator
    public Gain {
      valueBefore = valueBefore == null ? OptionalDouble.empty() : valueBefore;
      valueAfter = valueAfter == null ? OptionalDouble.empty() : valueAfter;
      Checks.Collector v = Checks.collector();
      if (lever == null) {
        v.add("lever", null, "must not be null");
      }
      if (revenueAfter == null) {
        v.add("revenueAfter", null, "must not be null");
      }
      if (extraRevenue == null) {
        v.add("extraRevenue", null, "must not be null");
      }
      v.throwIfAny();
      Money after = revenueAfter;
      Money extra = extraRevenue;
      v.check(() -> after.requireSameCurrency(extra));
      OptionalDouble before = valueBefore;
      OptionalDouble afterValue = valueAfter;
      before.ifPresent(x -> v.check(() -> Checks.nonNegative("valueBefore", x)));
      afterValue.ifPresent(x -> v.check(() -> Checks.nonNegative("valueAfter", x)));
      v.throwIfAny();
    }
  }
}
