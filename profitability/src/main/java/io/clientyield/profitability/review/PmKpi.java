package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.Money;

/**
 * A project manager's KPI: target profitability hit or missed and by how much, beside planned
 * profit.
 *
 * @param pm the PM id
 * @param hits projects whose margin &ge; their target margin
 * @param misses projects below target (or without revenue)
 * @param totalShortfall &Sigma; (target &minus; margin) over the misses with a defined margin, &ge; 0
 *     (fractions: 0.05 means five percentage points)
 * @param totalDistance &Sigma; (margin &minus; target) over projects with a defined margin
 * @param actualProfit total actual profit
 * @param plannedProfit total planned profit
 *     <p>Immutable and thread-safe.
 */
public record PmKpi(
    @JsonProperty("pm") String pm,
    @JsonProperty("hits") long hits,
    @JsonProperty("misses") long misses,
    @JsonProperty("totalShortfall") double totalShortfall,
    @JsonProperty("totalDistance") double totalDistance,
    @JsonProperty("actualProfit") Money actualProfit,
    @JsonProperty("plannedProfit") Money plannedProfit) {

  /**
   * Validates the fields.
   *
   * @param pm the PM id
   * @param hits projects whose margin &ge; their target margin
   * @param misses projects below target (or without revenue)
   * @param totalShortfall &Sigma; (target &minus; margin) over the misses with a defined margin, &ge; 0
   *     (fractions: 0.05 means five percentage points)
   * @param totalDistance &Sigma; (margin &minus; target) over projects with a defined margin
   * @param actualProfit total actual profit
   * @param plannedProfit total planned profit
   *     <p>Immutable and thread-safe.
   */
  public PmKpi {
    Checks.notBlank("pm", pm);
    Checks.nonNegative("hits", hits);
    Checks.nonNegative("misses", misses);
    Checks.nonNegative("totalShortfall", totalShortfall);
    Checks.finite("totalDistance", totalDistance);
    Checks.notNull("actualProfit", actualProfit);
    Checks.notNull("plannedProfit", plannedProfit);
  }
}
