package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.profitability.project.ProjectProfitability;
import java.time.YearMonth;

/**
 * A completed project or phase as it enters the monthly review.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id project or phase id
 * @param month month of completion
 * @param pm project manager id
 * @param client client id
 * @param actual the actual profitability
 * @param plannedProfit the profit planned for it, same currency
 * @param targetMargin the target margin the PM was measured against (finite fraction)
 */
public record CompletedProject(
    @JsonProperty("id") String id,
    @JsonProperty("month") YearMonth month,
    @JsonProperty("pm") String pm,
    @JsonProperty("client") String client,
    @JsonProperty("actual") ProjectProfitability actual,
    @JsonProperty("plannedProfit") Money plannedProfit,
    @JsonProperty("targetMargin") double targetMargin) {

  /**
   * Validates all fields at once.
   */
  public CompletedProject {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notBlank("id", id));
    c.check(() -> Checks.notNull("month", month));
    c.check(() -> Checks.notBlank("pm", pm));
    c.check(() -> Checks.notBlank("client", client));
    c.check(() -> Checks.notNull("actual", actual));
    c.check(() -> Checks.notNull("plannedProfit", plannedProfit));
    c.check(() -> Checks.finite("targetMargin", targetMargin));
    c.sameCurrency("plannedProfit", plannedProfit, "actual.revenue",
        actual == null ? null : actual.revenue());
    c.throwIfAny();
  }
}
