package io.clientyield.forecasting;

import io.clientyield.core.Accumulator;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * Accumulates planned deals into per-period totals at each step, overall, per planner and per
 * manager.
 *
 * <p>Identity: {@code new PlanningErrorAccumulator(currency)}; {@link #add} a deal; {@link
 * #merge} adds another accumulator's sums (associative and commutative: the result equals adding
 * the concatenation); {@link #result} returns an immutable {@link PlanningErrorReport}. Sums are
 * {@code long} minor units in primitive arrays. {@link #collector(Currency)} folds a stream of
 * planned deals ({@code deals.parallelStream().collect(PlanningErrorAccumulator.collector(eur))}).
 *
 * <p>Mutable and not thread-safe: one per thread, then merge.
 */
public final class PlanningErrorAccumulator
    implements Accumulator<PlannedDeal, PlanningErrorAccumulator, PlanningErrorReport> {
  private static final BudgetStep[] STEPS = BudgetStep.values();
  // per period: [deals, plan, refined, actual, executed] in minor units
  private final Currency currency;
  private final TreeMap<ReportingPeriod, long[]> overall = new TreeMap<>();
  private final Map<ManagerId, TreeMap<ReportingPeriod, long[]>> byPlanner = new HashMap<>();
  private final Map<ManagerId, TreeMap<ReportingPeriod, long[]>> byManager = new HashMap<>();

  /**
   * Creates an empty accumulator.
   *
   * @param currency the currency of every deal
   */
  public PlanningErrorAccumulator(Currency currency) {
    this.currency = Checks.notNull("currency", currency);
  }

  /**
   * Returns a collector that folds planned deals into a {@link PlanningErrorReport}.
   *
   * @param currency the currency of every deal
   * @return the collector (a new accumulator per partition, merged)
   * @throws ValidationException if the currency is null
   */
  public static Collector<PlannedDeal, ?, PlanningErrorReport> collector(Currency currency) {
    Checks.notNull("currency", currency);
    return Accumulator.collector(() -> new PlanningErrorAccumulator(currency));
  }

  /**
   * Adds a planned deal at its current state.
   *
   * @param deal the deal, in this accumulator's currency
   * @return this accumulator
   * @throws ValidationException if the deal is null or in another currency, or a total of its
   *     period would leave a long of minor units ({@code deal.<step>}); the accumulator is then
   *     unchanged
   */
  @Override
  public PlanningErrorAccumulator add(PlannedDeal deal) {
    Checks.notNull("deal", deal);
    if (!deal.plannedBudget().currency().equals(currency)) {
      throw ValidationException.of("deal.plannedBudget", deal.plannedBudget(), "must be in " + currency);
    }
    long[] row = new long[5];
    row[0] = 1;
    for (int s = 0; s < STEPS.length; s++) {
      row[s + 1] = deal.valueThrough(STEPS[s]).minorUnits();
    }
    ReportingPeriod p = deal.period();
    // check every total first, so that an overflow leaves the accumulator unchanged
    requireRoom(overall.get(p), row, "deal", p);
    requireRoom(rowOf(byPlanner, deal.planner(), p), row, "deal", p);
    requireRoom(rowOf(byManager, deal.manager(), p), row, "deal", p);
    addRow(overall, deal.period(), row);
    addRow(byPlanner.computeIfAbsent(deal.planner(), k -> new TreeMap<>()), deal.period(), row);
    addRow(byManager.computeIfAbsent(deal.manager(), k -> new TreeMap<>()), deal.period(), row);
    return this;
  }

  private static long[] rowOf(Map<ManagerId, TreeMap<ReportingPeriod, long[]>> groups, ManagerId key, ReportingPeriod p) {
    TreeMap<ReportingPeriod, long[]> series = groups.get(key);
    return series == null ? null : series.get(p);
  }

  /** Throws if {@code acc + row} overflows in any column; changes nothing. */
  private void requireRoom(long[] acc, long[] row, String field, ReportingPeriod period) {
    if (acc == null) {
      return;
    }
    for (int i = 0; i < acc.length; i++) {
      if (Checks.sumOverflows(acc[i], row[i])) {
        String column = i == 0 ? "deals" : STEPS[i - 1].name().toLowerCase(java.util.Locale.ROOT);
        Object value = i == 0 ? (Object) row[i] : m(row[i]);
        throw ValidationException.of(field + "." + column, value, "must keep the " + column
            + " total of " + period + " within a long" + (i == 0 ? "" : " of minor units")
            + " (at most " + Long.MAX_VALUE + "); the accumulator is unchanged");
      }
    }
  }

  private static void addRow(TreeMap<ReportingPeriod, long[]> series, ReportingPeriod period, long[] row) {
    long[] acc = series.computeIfAbsent(period, k -> new long[5]);
    for (int i = 0; i < 5; i++) {
      acc[i] = Math.addExact(acc[i], row[i]);
    }
  }

  /**
   * Adds another accumulator's sums.
   *
   * @param other an accumulator in the same currency
   * @return this accumulator
   * @throws ValidationException if the currencies differ, or a merged total would leave a long
   *     ({@code other.<step>}); this accumulator is then unchanged
   */
  @Override
  public PlanningErrorAccumulator merge(PlanningErrorAccumulator other) {
    Checks.notNull("other", other);
    if (!other.currency.equals(currency)) {
      throw ValidationException.of("other.currency", other.currency, "must be " + currency);
    }
    other.overall.forEach((p, row) -> requireRoom(overall.get(p), row, "other", p));
    other.byPlanner.forEach((k, v) -> v.forEach((p, row) ->
        requireRoom(rowOf(byPlanner, k, p), row, "other", p)));
    other.byManager.forEach((k, v) -> v.forEach((p, row) ->
        requireRoom(rowOf(byManager, k, p), row, "other", p)));
    mergeSeries(overall, other.overall);
    other.byPlanner.forEach((k, v) -> mergeSeries(byPlanner.computeIfAbsent(k, x -> new TreeMap<>()), v));
    other.byManager.forEach((k, v) -> mergeSeries(byManager.computeIfAbsent(k, x -> new TreeMap<>()), v));
    return this;
  }

  private static void mergeSeries(TreeMap<ReportingPeriod, long[]> into, TreeMap<ReportingPeriod, long[]> from) {
    from.forEach((p, row) -> addRow(into, p, row));
  }

  /**
   * Returns the report: the overall series and one per planner and per manager.
   *
   * @return an immutable report
   */
  @Override
  public PlanningErrorReport result() {
    Map<ManagerId, PlanAccuracy> planners = new TreeMap<>();
    byPlanner.forEach((k, v) -> planners.put(k, toAccuracy(v)));
    Map<ManagerId, PlanAccuracy> managers = new TreeMap<>();
    byManager.forEach((k, v) -> managers.put(k, toAccuracy(v)));
    return new PlanningErrorReport(toAccuracy(overall), planners, managers);
  }

  private PlanAccuracy toAccuracy(TreeMap<ReportingPeriod, long[]> series) {
    List<PeriodTotals> out = new ArrayList<>(series.size());
    series.forEach((p, r) -> out.add(new PeriodTotals(p, r[0], m(r[1]), m(r[2]), m(r[3]), m(r[4]))));
    return new PlanAccuracy(out);
  }

  private Money m(long minor) {
    return Money.ofMinor(minor, currency);
  }
}
