package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ProjectId;
import io.clientyield.profitability.project.ProjectProfitability;
import java.time.YearMonth;

/**
 * A completed project or phase as it enters the monthly review.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the project or phase
 * @param month month of completion
 * @param pm the project manager
 * @param client the client
 * @param actual the actual profitability
 * @param plannedProfit the profit planned for it, same currency
 * @param targetMargin the target margin the PM was measured against (finite fraction)
 */
public record CompletedProject(
    @JsonProperty("id") ProjectId id,
    @JsonProperty("month") YearMonth month,
    @JsonProperty("pm") ManagerId pm,
    @JsonProperty("client") ClientId client,
    @JsonProperty("actual") ProjectProfitability actual,
    @JsonProperty("plannedProfit") Money plannedProfit,
    @JsonProperty("targetMargin") double targetMargin) {

  /**
   * Validates all fields at once.
   */
  public CompletedProject {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("id", id));
    c.check(() -> Checks.notNull("month", month));
    c.check(() -> Checks.notNull("pm", pm));
    c.check(() -> Checks.notNull("client", client));
    c.check(() -> Checks.notNull("actual", actual));
    c.check(() -> Checks.notNull("plannedProfit", plannedProfit));
    c.check(() -> Checks.finite("targetMargin", targetMargin));
    c.sameCurrency("plannedProfit", plannedProfit, "actual.revenue",
        actual == null ? null : actual.revenue());
    c.throwIfAny();
  }
}
