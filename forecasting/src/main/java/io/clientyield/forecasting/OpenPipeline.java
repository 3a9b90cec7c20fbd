package io.clientyield.forecasting;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;

/**
 * Accumulator of open deals for one period: each deal is a budget (Money, {@code >= 0}) and a
 * win probability in {@code [0, 1]} (configured, or learned by the funnel module).
 *
 * <p>Stored in primitive arrays (minor units and doubles), so adding a deal does not box.
 * Identity: {@code new OpenPipeline(currency)}; {@link #merge} appends the other pipeline's deals
 * (the result equals adding the concatenation). The weighted pipeline is {@code Σ budget_i × p_i},
 * summed exactly and rounded once, half-even, to the minor unit.
 *
 * <p>Mutable and not thread-safe: use one per thread and merge.
 */
public final class OpenPipeline {
  private final Currency currency;
  private long[] budgets = new long[16];
  private double[] probabilities = new double[16];
  private int size;

  /**
   * Creates an empty pipeline.
   *
   * @param currency the currency of every budget
   */
  public OpenPipeline(Currency currency) {
    this.currency = Checks.notNull("currency", currency);
  }

  /**
   * Adds an open deal.
   *
   * @param budget its budget, {@code >= 0}, in this pipeline's currency
   * @param winProbability its win probability in {@code [0, 1]}
   * @return this pipeline
   * @throws ValidationException if the budget is null, negative or in another currency, or the
   *     probability is outside {@code [0, 1]}; nothing is added then
   */
  public OpenPipeline add(Money budget, double winProbability) {
    Checks.Collector c = Checks.collector();
    if (budget == null) {
      c.add("budget", null, "must not be null");
    } else if (budget.isNegative()) {
      c.add("budget", budget, "must be >= 0");
    } else if (!budget.currency().equals(currency)) {
      c.add("budget", budget, "must be in " + currency);
    }
    if (!(winProbability >= 0 && winProbability <= 1)) {
      c.add("winProbability", winProbability, "must be within [0, 1]");
    }
    c.throwIfAny();
    return addMinor(budget.minorUnits(), winProbability);
  }

  private OpenPipeline addMinor(long minor, double p) {
    if (size == budgets.length) {
      budgets = Arrays.copyOf(budgets, size * 2);
      probabilities = Arrays.copyOf(probabilities, size * 2);
    }
    budgets[size] = minor;
    probabilities[size] = p;
    size++;
    return this;
  }

  /**
   * Appends the other pipeline's deals.
   *
   * @param other a pipeline in the same currency
   * @return this pipeline
   * @throws ValidationException if the currencies differ
   */
  public OpenPipeline merge(OpenPipeline other) {
    Checks.notNull("other", other);
    if (!other.currency.equals(currency)) {
      throw ValidationException.of("other.currency", other.currency, "must be " + currency);
    }
    int n = other.size; // fixed first: merging a pipeline with itself doubles it
    for (int i = 0; i < n; i++) {
      addMinor(other.budgets[i], other.probabilities[i]);
    }
    return this;
  }

  /**
   * Returns the currency.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the number of open deals.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns a copy of the budgets in minor units, in insertion order.
   *
   * @return the budgets
   */
  public long[] budgetsMinor() {
    return Arrays.copyOf(budgets, size);
  }

  /**
   * Returns a copy of the win probabilities, in insertion order.
   *
   * @return the probabilities
   */
  public double[] winProbabilities() {
    return Arrays.copyOf(probabilities, size);
  }

  /**
   * Returns the weighted pipeline {@code Σ budget_i × p_i} in minor units as the double nearest
   * to the exact sum (fractional minor units kept; see {@link #weightedPipeline()} for the
   * exact, rounded Money).
   *
   * @return the expected won revenue in minor units
   */
  public double weightedPipelineMinor() {
    return weightedPipelineExact().movePointRight(minorDigits()).doubleValue();
  }

  /**
   * Returns the weighted pipeline computed exactly and rounded once, half-even, to the minor
   * unit.
   *
   * <p>Each probability is taken at its shortest decimal form ({@link
   * BigDecimal#valueOf(double)}, so 0.1 is one tenth, as in {@link Money#multipliedBy(double,
   * RoundingMode)}); the products {@code budget_i × p_i} are summed in {@link BigDecimal}, never
   * through {@code double}. Example: one deal of EUR 0.05 at 0.1 is exactly 0.5 cent, which
   * rounds half-even to EUR 0.00 (the same rule, and the same total, as the funnel's weighted
   * pipeline).
   *
   * @return {@code Σ budget_i × p_i}, rounded half-even to the minor unit
   */
  public Money weightedPipeline() {
    return Money.of(weightedPipelineExact(), currency, Money.ROUNDING);
  }

  /** {@code Σ budget_i × p_i} in major units, exact. */
  BigDecimal weightedPipelineExact() {
    int digits = minorDigits();
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < size; i++) {
      if (budgets[i] != 0 && probabilities[i] != 0) {
        s = s.add(BigDecimal.valueOf(budgets[i], digits)
            .multiply(BigDecimal.valueOf(probabilities[i])));
      }
    }
    return s;
  }

  private int minorDigits() {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /**
   * Returns the total budget of the open deals.
   *
   * @return {@code Σ budget_i}
   */
  public Money totalBudget() {
    MoneyAccumulator acc = new MoneyAccumulator(currency);
    for (int i = 0; i < size; i++) {
      acc.addMinor(budgets[i]);
    }
    return acc.result();
  }
}
