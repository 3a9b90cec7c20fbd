package io.clientyield.profitability.repeat;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The per-client summaries of a {@link RepeatSummaryAccumulator}: one {@link RepeatSummary} per
 * client whose first purchase falls on or before the end of calibration, sorted by client id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency of every amount
 * @param calibrationEnd the last day of the calibration period (T is measured to it)
 * @param holdoutEnd the last day of the hold-out period (= calibrationEnd when there is none)
 * @param daysPerUnit days per time unit of t_x and T (7: weeks)
 * @param summaries one summary per client, sorted by client id
 * @param clientsFirstSeenInHoldout clients whose first purchase falls in the hold-out period (not
 *     summarized: they were not yet clients at the end of calibration)
 */
public record RepeatSummaries(
    @JsonProperty("currency") Currency currency,
    @JsonProperty("calibrationEnd") LocalDate calibrationEnd,
    @JsonProperty("holdoutEnd") LocalDate holdoutEnd,
    @JsonProperty("daysPerUnit") int daysPerUnit,
    @JsonProperty("summaries") List<RepeatSummary> summaries,
    @JsonProperty("clientsFirstSeenInHoldout") long clientsFirstSeenInHoldout) {

  /**
   * Validates the parts.
   *
   * @param currency the currency of every amount
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the hold-out period, &ge; calibrationEnd
   * @param daysPerUnit days per time unit, &ge; 1
   * @param summaries the summaries, no null element, each in {@code currency}
   * @param clientsFirstSeenInHoldout &ge; 0
   * @throws ValidationException naming every bad field
   */
  @JsonCreator
  public RepeatSummaries {
    Checks.notNull("currency", currency);
    Checks.notNull("calibrationEnd", calibrationEnd);
    Checks.notNull("holdoutEnd", holdoutEnd);
    Checks.positive("daysPerUnit", daysPerUnit);
    Checks.nonNegative("clientsFirstSeenInHoldout", clientsFirstSeenInHoldout);
    if (holdoutEnd.isBefore(calibrationEnd)) {
      throw ValidationException.of("holdoutEnd", holdoutEnd, "must not be before calibrationEnd (" + calibrationEnd + ")");
    }
    summaries = Checks.elementsNotNull("summaries", summaries);
    Checks.Collector c = Checks.collector();
    for (RepeatSummary s : summaries) {
      if (!s.repeatSpend().currency().equals(currency)) {
        c.add("summary[" + s.client() + "].repeatSpend", s.repeatSpend(),
            "must be in " + currency.getCurrencyCode());
      }
    }
    c.throwIfAny();
  }

  /**
   * One client's purchase history over a calibration period, as the repeat-purchase models read it:
   * x repeat purchases, the time t_x of the last one and the length T of observation, both measured
   * from the client's first purchase in the model's time unit (weeks by default, see the package
   * documentation), and the total spend of the repeat purchases.
   *
   * <p>Immutable and thread-safe.
   *
   * @param client the client
   * @param repeatPurchases x, the number of repeat purchases (the first purchase not counted), &ge; 0
   * @param lastPurchaseTime t_x, time from the first to the last purchase; 0 when x = 0
   * @param observationTime T, time from the first purchase to the end of calibration, &ge; t_x
   * @param repeatSpend the total amount of the x repeat purchases, &ge; 0; zero when x = 0
   * @param holdoutPurchases purchases (distinct days) after the calibration period, within the
   *     hold-out period; 0 when there is none
   */
  public record RepeatSummary(
      @JsonProperty("client") ClientId client,
      @JsonProperty("repeatPurchases") long repeatPurchases,
      @JsonProperty("lastPurchaseTime") double lastPurchaseTime,
      @JsonProperty("observationTime") double observationTime,
      @JsonProperty("repeatSpend") Money repeatSpend,
      @JsonProperty("holdoutPurchases") long holdoutPurchases) {

    /**
     * Validates the summary; every violation names the client ({@code summary[c-1].lastPurchaseTime
     * (5.0) must be <= observationTime (3.0)}).
     *
     * @param client the client
     * @param repeatPurchases x, &ge; 0
     * @param lastPurchaseTime t_x, finite, &ge; 0, 0 when x = 0
     * @param observationTime T, finite, &ge; t_x
     * @param repeatSpend total repeat spend, &ge; 0, zero when x = 0
     * @param holdoutPurchases hold-out purchases, &ge; 0
     * @throws ValidationException naming the client and every bad field
     */
    @JsonCreator
    public RepeatSummary {
      Checks.notNull("client", client);
      String f = "summary[" + client + "].";
      Checks.Collector c = Checks.collector();
      if (repeatPurchases < 0) {
        c.add(f + "repeatPurchases", repeatPurchases, "must be >= 0");
      }
      if (!(lastPurchaseTime >= 0 && lastPurchaseTime < Double.POSITIVE_INFINITY)) {
        c.add(f + "lastPurchaseTime", lastPurchaseTime, "must be finite and >= 0");
      }
      if (!(observationTime >= 0 && observationTime < Double.POSITIVE_INFINITY)) {
        c.add(f + "observationTime", observationTime, "must be finite and >= 0");
      } else if (lastPurchaseTime > observationTime) {
        c.add(f + "lastPurchaseTime", lastPurchaseTime,
            "must be <= observationTime (" + Checks.render(observationTime) + ")");
      }
      if (repeatPurchases == 0 && lastPurchaseTime != 0) {
        c.add(f + "lastPurchaseTime", lastPurchaseTime, "must be 0 when repeatPurchases = 0");
      }
      if (repeatSpend == null) {
        c.add(f + "repeatSpend", null, "must not be null");
      } else if (repeatSpend.isNegative()) {
        c.add(f + "repeatSpend", repeatSpend, "must be >= 0");
      } else if (repeatPurchases == 0 && !repeatSpend.isZero()) {
        c.add(f + "repeatSpend", repeatSpend, "must be 0 when repeatPurchases = 0");
      }
      if (holdoutPurchases < 0) {
        c.add(f + "holdoutPurchases", holdoutPurchases, "must be >= 0");
      }
      c.throwIfAny();
    }

    /**
     * Creates a summary without hold-out information.
     *
     * @param client the client
     * @param x repeat purchases, &ge; 0
     * @param tx time of the last purchase, 0 when x = 0
     * @param observationTime T, &ge; t_x
     * @param repeatSpend total repeat spend, &ge; 0
     * @return the summary
     * @throws ValidationException naming the client and every bad field
     */
    public static RepeatSummary of(ClientId client, long x, double tx, double observationTime,
        Money repeatSpend) {
      return new RepeatSummary(client, x, tx, observationTime, repeatSpend, 0);
    }

    /**
     * Creates a summary from a published mean repeat spend (such as the {@code zbar} column of the
     * CDNOW summary): the total is {@code mean × x}, rounded half-even to the currency's minor unit.
     *
     * @param client the client
     * @param x repeat purchases, &ge; 0
     * @param tx time of the last purchase, 0 when x = 0
     * @param observationTime T, &ge; t_x
     * @param meanRepeatSpend mean amount of a repeat purchase in major units, finite and &ge; 0
     * @param currency the currency
     * @return the summary
     * @throws ValidationException naming the client and every bad field (a non-finite spend too)
     */
    public static RepeatSummary ofMeanSpend(ClientId client, long x, double tx, double observationTime,
        double meanRepeatSpend, Currency currency) {
      Checks.notNull("client", client);
      Checks.notNull("currency", currency);
      if (!(meanRepeatSpend >= 0 && meanRepeatSpend < Double.POSITIVE_INFINITY)) {
        throw ValidationException.of("summary[" + client + "].meanRepeatSpend", meanRepeatSpend,
            "must be finite and >= 0");
      }
      BigDecimal total = BigDecimal.valueOf(meanRepeatSpend).multiply(BigDecimal.valueOf(Math.max(0, x)));
      return new RepeatSummary(client, x, tx, observationTime,
          Money.of(total, currency, RoundingMode.HALF_EVEN), 0);
    }

    /**
     * The mean amount of a repeat purchase, rounded half-even to the minor unit.
     *
     * @return total / x, or empty when x = 0 (undefined)
     */
    public Optional<Money> meanRepeatSpend() {
      if (repeatPurchases == 0) {
        return Optional.empty();
      }
      return Optional.of(repeatSpend.dividedBy(repeatPurchases, RoundingMode.HALF_EVEN));
    }

    /**
     * The mean amount of a repeat purchase in major units as a double, for the spend model.
     *
     * @return total / x, 0 when x = 0
     */
    double meanRepeatSpendValue() {
      return repeatPurchases == 0 ? 0 : repeatSpend.amount().doubleValue() / repeatPurchases;
    }
  }
}
