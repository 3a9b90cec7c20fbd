package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of a monthly review.
 *
 * <p>Immutable and thread-safe.
 *
 * @param byMonth totals per completion month, ascending (keys written as {@code "2024-01"})
 * @param byPm totals per PM, by id
 * @param byClient totals per client, by id
 * @param margins the distribution of project margins; empty when no project had revenue
 * @param kpis each PM's KPI, by id
 */
public record MonthlyReview(
    @JsonProperty("byMonth") List<GroupTotals<YearMonth>> byMonth,
    @JsonProperty("byPm") List<GroupTotals<ManagerId>> byPm,
    @JsonProperty("byClient") List<GroupTotals<ClientId>> byClient,
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

  /**
   * Totals of one group (a month, a PM or a client) in the review.
   *
   * <p>All money is in one currency. The key is typed: a {@link YearMonth} for the months, a
   * {@link ManagerId} for the PMs, a {@link ClientId} for the clients; its JSON form is the bare
   * string ({@code "2024-01"}, {@code "anna"}, {@code "acme"}). Immutable and thread-safe.
   *
   * @param <K> the type of the group's key
   * @param key the month, PM or client
   * @param projects number of projects, &ge; 0
   * @param profitAndLoss total revenue and cost, with profit, margin and markup
   * @param plannedProfit total planned profit, in the currency of the revenue
   */
  public record GroupTotals<K>(
      @JsonProperty("key") K key,
      @JsonProperty("projects") long projects,
      @JsonProperty("profitAndLoss") ProfitAndLoss profitAndLoss,
      @JsonProperty("plannedProfit") Money plannedProfit) {

    /**
     * Validates the fields, reporting every violation at once.
     *
     * @throws io.clientyield.core.ValidationException if a field is missing or negative, or cost or
     *     planned profit is in another currency than revenue (naming the field and both currencies)
     */
    public GroupTotals {
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.notNull("key", key));
      c.check(() -> Checks.nonNegative("projects", projects));
      c.check(() -> Checks.notNull("profitAndLoss", profitAndLoss));
      c.check(() -> Checks.notNull("plannedProfit", plannedProfit));
      c.sameCurrency("plannedProfit", plannedProfit, "profitAndLoss.revenue",
          profitAndLoss == null ? null : profitAndLoss.revenue());
      c.throwIfAny();
    }

    /**
     * Revenue.
     *
     * @return the revenue of {@link #profitAndLoss()}
     */
    @JsonIgnore
    public Money revenue() {
      return profitAndLoss.revenue();
    }

    /**
     * Cost.
     *
     * @return the cost of {@link #profitAndLoss()}
     */
    @JsonIgnore
    public Money cost() {
      return profitAndLoss.cost();
    }

    /**
     * Actual profit.
     *
     * @return revenue &minus; cost
     */
    @JsonIgnore
    public Money profit() {
      return profitAndLoss.profit();
    }

    /**
     * Margin of the group.
     *
     * @return profit / revenue; empty when revenue is zero
     */
    @JsonIgnore
    public OptionalDouble margin() {
      return profitAndLoss.margin();
    }
  }

  /**
   * Distribution of project margins: min, quartiles (linear interpolation), max, and the suggested
   * standard (the configured percentile).
   *
   * <p>Immutable and thread-safe.
   *
   * @param count number of projects with a defined margin, &gt; 0
   * @param min smallest margin
   * @param q1 first quartile
   * @param median median
   * @param q3 third quartile
   * @param max largest margin
   * @param suggestedStandard the configured percentile of the margins
   */
  public record MarginDistribution(
      @JsonProperty("count") long count,
      @JsonProperty("min") double min,
      @JsonProperty("q1") double q1,
      @JsonProperty("median") double median,
      @JsonProperty("q3") double q3,
      @JsonProperty("max") double max,
      @JsonProperty("suggestedStandard") double suggestedStandard) {

    /**
     * Validates order and finiteness.
     */
    public MarginDistribution {
      Checks.positive("count", count);
      Checks.finite("min", min);
      Checks.finite("max", max);
      Checks.inRange("q1", q1, min, max);
      Checks.inRange("median", median, min, max);
      Checks.inRange("q3", q3, min, max);
      Checks.inRange("suggestedStandard", suggestedStandard, min, max);
    }

    /**
     * Quantile of sorted values by linear interpolation at position p &times; (n &minus; 1).
     *
     * @param sorted ascending values, not empty
     * @param p the probability in [0, 1]
     * @return the quantile
     */
    static double quantile(double[] sorted, double p) {
      double pos = p * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(lo + 1, sorted.length - 1);
      return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
  }

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
}
