package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
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
 *     summarised: they were not yet clients at the end of calibration)
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
}
