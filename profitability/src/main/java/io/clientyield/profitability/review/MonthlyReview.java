package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * The result of a monthly review.
 *
 * <p>Immutable and thread-safe.
 *
 * @param byMonth totals per completion month, ascending
 * @param byPm totals per PM, by id
 * @param byClient totals per client, by id
 * @param margins the distribution of project margins; empty when no project had revenue
 * @param kpis each PM's KPI, by id
 */
public record MonthlyReview(
    @JsonProperty("byMonth") List<GroupTotals> byMonth,
    @JsonProperty("byPm") List<GroupTotals> byPm,
    @JsonProperty("byClient") List<GroupTotals> byClient,
    @JsonProperty("margins") Optional<MarginDistribution> margins,
    @JsonProperty("kpis") List<PmKpi> kpis) {

  /**
   * Validates and copies the lists.
   */
  public MonthlyReview {
    byMonth = Checks.elementsNotNull("byMonth", byMonth);
    byPm = Checks.elementsNotNull("byPm", byPm);
    byClient = Checks.elementsNotNull("byClient", byClient);
    margins = margins == null ? Optional.empty() : margins;
    kpis = Checks.elementsNotNull("kpis", kpis);
  }
}
