package io.clientyield.forecasting;

import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.probability.StageProbabilities;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collector;

/**
 * The forecaster's input: the open deals of one period, each a budget (Money, {@code >= 0}) and a
 * win probability in {@code [0, 1]}.
 *
 * <p>Two ways in. From the funnel, in one call: {@link #of(Iterable, StageProbabilities,
 * Currency)} (or {@link #collector(StageProbabilities, Currency)} for a stream) takes every open
 * deal with a budget at the probability learned (or configured) for the stage it reached; closed
 * deals and deals without a budget are left out, exactly as the funnel's weighted pipeline leaves
 * them out of its weighted total, so the forecast's {@link RevenueDistribution#expectedValue()}
 * equals {@code WeightedPipeline.weightedTotal()} on the same deals. By hand: {@code new
 * OpenPipeline(currency).add(budget, p)} for probabilities that come from elsewhere.
 *
 * <p>The weighted pipeline itself has one home, the funnel's {@code WeightedPipelineAccumulator}
 * (per stage, with the deals without budget); this type keeps the deals one by one, which the
 * distributions need. Stored in primitive arrays (minor units and doubles), so adding a deal does
 * not box. {@link #merge} appends the other pipeline's deals (the result equals adding the
 * concatenation). Not an {@link io.clientyield.core.Accumulator}: a deal is two values here, and
 * the pipeline is itself the input of {@link PipelineForecaster}, not a result.
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
   * Returns the pipeline of the open deals among {@code deals}, each weighed by the probability of
   * the stage it reached: the one-call bridge from the funnel to the forecaster.
   *
   * <p>Closed deals and open deals without a budget are skipped. Example: deals open at
   * "proposal" (EUR 1 000) and "qualified" (EUR 2 000) with learned probabilities 0.5 and 0.2,
   * and one won deal: a pipeline of two deals, expected value EUR 900.00.
   *
   * @param deals the deals (open and closed); none null
   * @param probabilities the stage probabilities, for instance learned by the funnel's {@code
   *     StageProbabilityLearner}; every stage an open deal reached must have a defined probability
   * @param currency the currency of every budget
   * @return a new pipeline
   * @throws ValidationException if an argument or a deal is null ({@code deals[i]}), a deal's
   *     stage is unknown or has no defined probability ({@code deals[i].reachedStage}), or a
   *     budget is in another currency ({@code deals[i].budget}); nothing is returned then
   */
  public static OpenPipeline of(
      Iterable<Deal> deals, StageProbabilities probabilities, Currency currency) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("deals", deals));
    c.check(() -> Checks.notNull("probabilities", probabilities));
    c.check(() -> Checks.notNull("currency", currency));
    c.throwIfAny();
    OpenPipeline pipeline = new OpenPipeline(currency);
    int i = 0;
    for (Deal deal : deals) {
      pipeline.addDeal("deals[" + i + "]", deal, probabilities);
      i++;
    }
    return pipeline;
  }

  /**
   * Returns a collector of deals into the pipeline of the open ones: the stream form of {@link
   * #of(Iterable, StageProbabilities, Currency)}, with the same rules ({@code
   * deals.parallelStream().collect(OpenPipeline.collector(learned, eur))}).
   *
   * @param probabilities the stage probabilities
   * @param currency the currency of every budget
   * @return the collector (a new pipeline per partition, merged in order)
   * @throws ValidationException if an argument is null
   */
  public static Collector<Deal, ?, OpenPipeline> collector(
      StageProbabilities probabilities, Currency currency) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("probabilities", probabilities));
    c.check(() -> Checks.notNull("currency", currency));
    c.throwIfAny();
    return Collector.of(() -> new OpenPipeline(currency),
        (pipeline, deal) -> pipeline.addDeal("deal", deal, probabilities), OpenPipeline::merge);
  }

  private void addDeal(String field, Deal deal, StageProbabilities probabilities) {
    Checks.notNull(field, deal);
    String stage = deal.reachedStage();
    if (!probabilities.stages().contains(stage)) {
      throw ValidationException.of(field + ".reachedStage", stage,
          "must be one of the stages " + probabilities.stages().ids());
    }
    if (!deal.isOpen() || deal.budget().isEmpty()) {
      return;
    }
    OptionalDouble p = probabilities.probability(stage);
    if (p.isEmpty()) {
      throw ValidationException.of(field + ".reachedStage", stage,
          "must have a defined probability to weigh an open deal (learned from no closed deal:"
              + " use smoothing)");
    }
    Money budget = deal.budget().get();
    if (!budget.currency().equals(currency)) {
      throw ValidationException.of(field + ".budget", budget, "must be in " + currency);
    }
    addMinor(budget.minorUnits(), p.getAsDouble());
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

  /** A copy of the budgets in minor units, in insertion order. */
  long[] budgetsMinor() {
    return Arrays.copyOf(budgets, size);
  }

  /** A copy of the win probabilities, in insertion order. */
  double[] winProbabilities() {
    return Arrays.copyOf(probabilities, size);
  }

  /**
   * {@code Σ budget_i × p_i} in major units, exact: each probability at its shortest decimal form
   * ({@link BigDecimal#valueOf(double)}, so 0.1 is one tenth), the products summed in {@code
   * BigDecimal}, never through {@code double}. The forecaster rounds it once, half-even, to the
   * minor unit as the distribution's {@link RevenueDistribution#expectedValue()}: the same rule,
   * and on the same deals the same amount, as the funnel's {@code WeightedPipeline.weightedTotal()}.
   */
  BigDecimal expectedExact() {
    int digits = minorDigits();
    // exact, so it may be summed in any order: budgets are first added up per distinct
    // probability (a stage-weighted pipeline has a handful), each group then multiplied once
    Map<Long, long[]> byProbability = new HashMap<>();
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < size; i++) {
      if (budgets[i] != 0 && probabilities[i] != 0) {
        long[] sum = byProbability.computeIfAbsent(Double.doubleToLongBits(probabilities[i]), k -> new long[1]);
        if (Checks.sumOverflows(sum[0], budgets[i])) {
          s = s.add(product(sum[0], probabilities[i], digits));
          sum[0] = 0;
        }
        sum[0] += budgets[i];
      }
    }
    for (Map.Entry<Long, long[]> e : byProbability.entrySet()) {
      s = s.add(product(e.getValue()[0], Double.longBitsToDouble(e.getKey()), digits));
    }
    return s;
  }

  private static BigDecimal product(long budgetMinor, double probability, int digits) {
    return BigDecimal.valueOf(budgetMinor, digits).multiply(BigDecimal.valueOf(probability));
  }

  /** {@link #expectedExact()} rounded once, half-even, to the minor unit. */
  Money expected() {
    return expected(expectedExact());
  }

  /** An exact expectation rounded once, half-even, to the minor unit. */
  Money expected(BigDecimal exact) {
    return Money.of(exact, currency, Money.ROUNDING);
  }

  /** {@link #expectedExact()} in minor units as the nearest double (fractions kept). */
  double expectedMinor() {
    return expectedMinor(expectedExact());
  }

  /** An exact expectation in minor units as the nearest double (fractions kept). */
  double expectedMinor(BigDecimal exact) {
    return exact.movePointRight(minorDigits()).doubleValue();
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
