package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;

/**
 * A project manager's KPI: target profitability hit or missed and by how much, beside planned
 * profit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pm the project manager
 * @param hits projects whose margin &ge; their target margin
 * @param misses projects below target (or without revenue)
 * @param totalShortfall &Sigma; (target &minus; margin) over the misses with a defined margin, &ge; 0
 *     (fractions: 0.05 means five percentage points)
 * @param totalDistance &Sigma; (margin &minus; target) over projects with a defined margin
 * @param actualProfit total actual profit
 * @param plannedProfit total planned profit, in the currency of actualProfit
 */
public record PmKpi(
    @JsonProperty("pm") ManagerId pm,
    @JsonProperty("hits") long hits,
    @JsonProperty("misses") long misses,
    @JsonProperty("totalShortfall") double totalShortfall,
    @JsonProperty("totalDistance") double totalDistance,
    @JsonProperty("actualProfit") Money actualProfit,
    @JsonProperty("plannedProfit") Money plannedProfit) {

  /**
   * Validates the fields.
   *
   * @throws io.clientyield.core.ValidationException naming every bad field, including a planned
   *     profit in another currency than the actual profit (naming both currencies)
   */
  public PmKpi {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("pm", pm));
    c.check(() -> Checks.nonNegative("hits", hits));
    c.check(() -> Checks.nonNegative("misses", misses));
    c.check(() -> Checks.nonNegative("totalShortfall", totalShortfall));
    c.check(() -> Checks.finite("totalDistance", totalDistance));
    c.check(() -> Checks.notNull("actualProfit", actualProfit));
    c.check(() -> Checks.notNull("plannedProfit", plannedProfit));
    c.sameCurrency("plannedProfit", plannedProfit, "actualProfit", actualProfit);
    c.throwIfAny();
  }
}
