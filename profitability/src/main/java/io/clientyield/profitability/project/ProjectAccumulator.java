package io.clientyield.profitability.project;

import io.clientyield.core.WorkerId;
import io.clientyield.core.Accumulator;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collector;

/**
 * Accumulates timesheet entries and expenses of a project or phase into a {@link
 * ProjectProfitability}.
 *
 * <p>Minutes are summed per worker (cost and billable separately) in {@code long[]} cells; money is
 * computed once per worker in {@link #result()} (minutes &times; rate / 60, rounded with {@link
 * Money#ROUNDING}), so the result
 * does not depend on order and merge equals accumulating the concatenation exactly. Revenue is the
 * fixed fee when one is given, otherwise time and materials: &Sigma; billable minutes &times; bill
 * rate / 60. The fixed fee is a property of the project, not added by merge: both sides must carry
 * the same fee.
 *
 * <p>Example: 10 h at cost 50 and bill 120, plus 200 expenses, T&amp;M: cost 700, revenue 1 200,
 * profit 500, margin 0.4167, markup 0.7143, realized rate 120.
 *
 * <p>Minute sums (per worker and in total) and the expenses that would not fit in a long are a
 * {@link ValidationException} naming the field ({@code minutes[senior]}, {@code minutes},
 * {@code expenses}); the rejected add or merge leaves the accumulator unchanged.
 *
 * <p>Mutable, not thread-safe; use one per thread and merge.
 */
public final class ProjectAccumulator
    implements Accumulator<TimesheetEntry, ProjectAccumulator, ProjectProfitability> {

  private final RateCard rates;
  private final Optional<Money> fixedFee;
  private final Map<WorkerId, long[]> minutesByWorker = new HashMap<>();
  private final MoneyAccumulator expenses;
  private long minutes;
  private long billableMinutes;

  private ProjectAccumulator(RateCard rates, Optional<Money> fixedFee) {
    this.rates = Checks.notNull("rates", rates);
    this.fixedFee = fixedFee;
    fixedFee.ifPresent(
        f -> {
          if (!f.currency().equals(rates.currency())) {
            throw ValidationException.of("fixedFee", f, "must be in " + rates.currency());
          }
        });
    this.expenses = new MoneyAccumulator(rates.currency());
  }

  /**
   * An empty time-and-materials accumulator: revenue = &Sigma; billable minutes &times; bill
   * rate / 60.
   *
   * @param rates the rate card
   * @return the accumulator
   */
  public static ProjectAccumulator timeAndMaterials(RateCard rates) {
    return new ProjectAccumulator(rates, Optional.empty());
  }

  /**
   * An empty fixed-fee accumulator: revenue = the fee, whatever the hours.
   *
   * @param rates the rate card (cost rates; bill rates are not needed)
   * @param fee the fixed fee, in the rate card's currency
   * @return the accumulator
   */
  public static ProjectAccumulator fixedFee(RateCard rates, Money fee) {
    return new ProjectAccumulator(rates, Optional.of(Checks.notNull("fixedFee", fee)));
  }

  /**
   * A collector of timesheet entries into a time-and-materials project's profitability.
   *
   * @param rates the rate card
   * @return the collector
   */
  public static Collector<TimesheetEntry, ?, ProjectProfitability> collector(RateCard rates) {
    Checks.notNull("rates", rates);
    return Accumulator.collector(() -> timeAndMaterials(rates));
  }

  /**
   * A collector of timesheet entries into a fixed-fee project's profitability.
   *
   * @param rates the rate card
   * @param fee the fixed fee, in the rate card's currency
   * @return the collector
   */
  public static Collector<TimesheetEntry, ?, ProjectProfitability> collector(
      RateCard rates, Money fee) {
    fixedFee(rates, fee); // validate now, not in the first supplier call
    return Accumulator.collector(() -> fixedFee(rates, fee));
  }

  /**
   * Adds a timesheet entry.
   *
   * @param entry the entry; its worker must have a cost rate (and a bill rate if billable on T&amp;M)
   * @return this
   */
  @Override
  public ProjectAccumulator add(TimesheetEntry entry) {
    Checks.notNull("entry", entry);
    if (!rates.costRates().containsKey(entry.worker())) {
      throw ValidationException.of("entry.worker", entry.worker(), "must have a cost rate");
    }
    if (fixedFee.isEmpty() && entry.billable() && !rates.billRates().containsKey(entry.worker())) {
      throw ValidationException.of("entry.worker", entry.worker(), "must have a bill rate");
    }
    long billable = entry.billable() ? entry.minutes() : 0;
    long[] cell = minutesByWorker.get(entry.worker());
    // every sum first: an add that overflows changes nothing
    long w0 = Checks.addExact("minutes", entry.worker(), "", cell == null ? 0 : cell[0], entry.minutes());
    long w1 = Checks.addExact("billableMinutes", entry.worker(), "", cell == null ? 0 : cell[1], billable);
    long total = Checks.addExact("minutes", null, "", minutes, entry.minutes());
    long totalBillable = Checks.addExact("billableMinutes", null, "", billableMinutes, billable);
    if (cell == null) {
      cell = new long[2];
      minutesByWorker.put(entry.worker(), cell);
    }
    cell[0] = w0;
    cell[1] = w1;
    minutes = total;
    billableMinutes = totalBillable;
    return this;
  }

  /**
   * Adds a direct expense.
   *
   * @param expense the expense, &ge; 0, in the rate card's currency
   * @return this
   */
  public ProjectAccumulator addExpense(Money expense) {
    Checks.notNull("expense", expense);
    if (expense.isNegative()) {
      throw ValidationException.of("expense", expense, "must be >= 0");
    }
    expenses.add(expense);
    return this;
  }

  /**
   * Merges another accumulator of the same project into this one.
   *
   * @param other an accumulator with an equal rate card and fixed fee
   * @return this
   */
  @Override
  public ProjectAccumulator merge(ProjectAccumulator other) {
    Checks.notNull("other", other);
    if (!other.rates.equals(rates)) {
      throw ValidationException.of("other.rates", other.rates, "must equal " + rates);
    }
    if (!other.fixedFee.equals(fixedFee)) {
      throw ValidationException.of("other.fixedFee", other.fixedFee, "must equal " + fixedFee);
    }
    var staged = new HashMap<WorkerId, long[]>();
    for (Map.Entry<WorkerId, long[]> e : other.minutesByWorker.entrySet()) {
      long[] cell = minutesByWorker.getOrDefault(e.getKey(), new long[2]);
      staged.put(e.getKey(), new long[] {
        Checks.addExact("minutes", e.getKey(), "", cell[0], e.getValue()[0]),
        Checks.addExact("billableMinutes", e.getKey(), "", cell[1], e.getValue()[1])
      });
    }
    long total = Checks.addExact("minutes", null, "", minutes, other.minutes);
    long totalBillable =
        Checks.addExact("billableMinutes", null, "", billableMinutes, other.billableMinutes);
    Checks.addExact("expenses", null, "", expenses.minorUnits(), other.expenses.minorUnits());
    // every sum fitted: apply (a rejected merge changes nothing)
    expenses.merge(other.expenses);
    minutesByWorker.putAll(staged);
    minutes = total;
    billableMinutes = totalBillable;
    return this;
  }

  /**
   * The profitability so far.
   *
   * @return an immutable snapshot
   */
  @Override
  public ProjectProfitability result() {
    MoneyAccumulator labor = new MoneyAccumulator(rates.currency());
    MoneyAccumulator tm = new MoneyAccumulator(rates.currency());
    for (Map.Entry<WorkerId, long[]> e : minutesByWorker.entrySet()) {
      long[] cell = e.getValue();
      labor.add(perMinutes(rates.costRates().get(e.getKey()), cell[0]));
      if (fixedFee.isEmpty() && cell[1] > 0) {
        tm.add(perMinutes(rates.billRates().get(e.getKey()), cell[1]));
      }
    }
    Money revenue = fixedFee.orElseGet(tm::result);
    return new ProjectProfitability(
        revenue, labor.result(), expenses.result(), minutes, billableMinutes);
  }

  private static Money perMinutes(Money hourly, long minutes) {
    int scale = Math.max(0, hourly.currency().getDefaultFractionDigits());
    BigDecimal v =
        hourly
            .amount()
            .multiply(BigDecimal.valueOf(minutes))
            .divide(BigDecimal.valueOf(60), scale, Money.ROUNDING);
    return Money.of(v, hourly.currency());
  }
}
