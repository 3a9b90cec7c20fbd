package io.clientyield.funnel.probability;

import io.clientyield.funnel.probability.WeightedPipeline.StagePipeline;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.core.Accumulator;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.core.internal.StateCodec;
import io.clientyield.funnel.internal.FunnelSinks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collector;

/**
 * Accumulates the {@link WeightedPipeline} of open deals one at a time: per stage the number of
 * open deals, those without budget, and the exact budget sum in minor units (no allocation per
 * deal). Closed deals are ignored.
 *
 * <p>An accumulator: a new instance is the identity, {@link #merge} is associative and
 * commutative and equals accumulating the concatenated deals; {@link #result()} applies the
 * probabilities and rounds (see {@link WeightedPipeline}). The library's event folders feed it
 * through an internal primitive path ({@code group} and {@code reason} ignored).
 *
 * <p>Overflow: the open-deal count and the budget sums (per stage and in total) are checked
 * before anything changes; a count or sum that would not fit in a long is a
 * {@link ValidationException} naming it, and the accumulator is unchanged.
 *
 * <p>Mutable and not thread-safe: one per thread, then merge.
 */
public final class WeightedPipelineAccumulator
    implements Accumulator<Deal, WeightedPipelineAccumulator, WeightedPipeline> {
  static {
    FunnelSinks.register(WeightedPipelineAccumulator.class, a -> a::deal);
  }

  private static final int KINDS = Outcome.Kind.values().length;
  private static final long NO_BUDGET = DealSink.NO_BUDGET;
  private static final int OPEN = DealSink.OPEN;

  private final StageProbabilities probabilities;
  private final Currency currency;
  private final long[] open;
  private final long[] withoutBudget;
  private final long[] budgetMinor;
  /** Open deals over all stages (bounds every per-stage count). */
  private long openTotal;
  /** Budget over all stages in minor units (every budget is >= 0, so it bounds every stage's). */
  private long budgetTotal;

  /**
   * Creates an empty accumulator (the identity).
   *
   * @param probabilities the stage probabilities; every stage's probability must be defined
   * @param currency the currency of every budget
   * @throws ValidationException naming every stage whose probability is undefined
   */
  public WeightedPipelineAccumulator(StageProbabilities probabilities, Currency currency) {
    Checks.notNull("probabilities", probabilities);
    Checks.notNull("currency", currency);
    Checks.Collector c = Checks.collector();
    for (StageProbability e : probabilities.entries()) {
      if (e.probability().isEmpty()) {
        c.add("probabilities[" + e.stage() + "]", "empty",
            "must be defined to weigh the pipeline (learned from no closed deals: use smoothing)");
      }
    }
    c.throwIfAny();
    this.probabilities = probabilities;
    this.currency = currency;
    int n = probabilities.stages().size();
    this.open = new long[n];
    this.withoutBudget = new long[n];
    this.budgetMinor = new long[n];
  }

  /**
   * Computes the weighted pipeline of some deals in one call (a loop over a new accumulator).
   *
   * @param deals the deals (closed ones are ignored)
   * @param probabilities the stage probabilities, each defined
   * @param currency the currency of every budget
   * @return the weighted pipeline
   * @throws io.clientyield.core.ValidationException if a stage probability is undefined, a deal is
   *     null ({@code deals[i]}), a deal's stage is unknown or a budget has another currency
   */
  public static WeightedPipeline weightedPipeline(
      Iterable<Deal> deals, StageProbabilities probabilities, Currency currency) {
    Checks.notNull("deals", deals);
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(probabilities, currency);
    int i = 0;
    for (Deal d : deals) {
      acc.add(Checks.notNull("deals", i++, d));
    }
    return acc.result();
  }

  /**
   * A collector folding deals into a {@link WeightedPipeline}, for loops or parallel streams.
   *
   * @param probabilities the stage probabilities; every stage's probability must be defined
   * @param currency the currency of every budget
   * @return the collector
   * @throws ValidationException naming every stage whose probability is undefined
   */
  public static Collector<Deal, ?, WeightedPipeline> collector(
      StageProbabilities probabilities, Currency currency) {
    new WeightedPipelineAccumulator(probabilities, currency); // validates the settings now
    return Accumulator.collector(() -> new WeightedPipelineAccumulator(probabilities, currency));
  }

  /**
   * Adds one deal; a closed deal is ignored.
   *
   * @param deal the deal
   * @return this accumulator
   * @throws ValidationException if the deal's stage is unknown or its budget has another
   *     currency, or naming the open-deal count or budget sum that would overflow a long (nothing
   *     is counted)
   */
  @Override
  public WeightedPipelineAccumulator add(Deal deal) {
    Checks.notNull("deal", deal);
    int stage = probabilities.stages().indexOf("deal.reachedStage", deal.reachedStage());
    if (!deal.isOpen()) {
      return this;
    }
    if (deal.budget().isPresent()) {
      Money budget = deal.budget().get();
      if (!budget.currency().equals(currency)) {
        throw ValidationException.of("deal.budget.currency", budget.currency().getCurrencyCode(),
            "must equal " + currency.getCurrencyCode() + " (deal " + deal.id() + ")");
      }
      count(stage, budget.minorUnits());
    } else {
      count(stage, NO_BUDGET);
    }
    return this;
  }

  /**
   * Adds one deal in primitive form (the internal DealSink codes); a closed deal is ignored.
   * Throws a ValidationException if the stage index or outcome code is out of range, the budget
   * is negative (other than NO_BUDGET), or naming the open-deal count or budget sum that would
   * overflow a long (nothing is counted).
   */
  private void deal(int group, int reachedStage, int outcome, int reason, long budgetMinor) {
    Checks.inRange("reachedStage", reachedStage, 0, open.length - 1);
    Checks.inRange("outcome", outcome, OPEN, KINDS - 1);
    if (budgetMinor < 0 && budgetMinor != NO_BUDGET) {
      throw ValidationException.of("budgetMinor", budgetMinor, "must be >= 0 or DealSink.NO_BUDGET");
    }
    if (outcome == OPEN) {
      count(reachedStage, budgetMinor);
    }
  }

  private void count(int stage, long minor) {
    long total = Checks.addExact("openDeals", openTotal, 1);
    if (minor == NO_BUDGET) {
      withoutBudget[stage]++;
    } else {
      budgetTotal = Checks.addExact("totalBudget (minor units)", budgetTotal, minor);
      budgetMinor[stage] += minor; // bounded by budgetTotal
    }
    open[stage]++;
    openTotal = total;
  }

  /**
   * Adds another accumulator's counts into this one.
   *
   * @param other an accumulator with equal probabilities and currency
   * @return this accumulator
   * @throws ValidationException if the probabilities or the currency differ, or naming the
   *     open-deal count or budget sum that would overflow a long (nothing is changed)
   */
  @Override
  public WeightedPipelineAccumulator merge(WeightedPipelineAccumulator other) {
    Checks.notNull("other", other);
    Checks.Collector c = Checks.collector();
    if (!other.currency.equals(currency)) {
      c.add("other.currency", other.currency, "must equal " + currency);
    }
    if (!other.probabilities.equals(probabilities)) {
      c.add("other.probabilities", other.probabilities.stages(), "must equal this accumulator's probabilities");
    }
    c.throwIfAny();
    long total = Checks.addExact("openDeals", openTotal, other.openTotal);
    long budget = Checks.addExact("totalBudget (minor units)", budgetTotal, other.budgetTotal);
    for (int i = 0; i < open.length; i++) {
      budgetMinor[i] += other.budgetMinor[i]; // bounded by budgetTotal
      open[i] += other.open[i]; // bounded by openTotal
      withoutBudget[i] += other.withoutBudget[i];
    }
    openTotal = total;
    budgetTotal = budget;
    return this;
  }

  /**
   * Returns the weighted pipeline of the deals added so far.
   *
   * @return the result
   */
  @Override
  public WeightedPipeline result() {
    List<StagePipeline> rows = new ArrayList<>(open.length);
    BigDecimal exactTotal = BigDecimal.ZERO;
    long without = 0;
    for (int i = 0; i < open.length; i++) {
      double p = probabilities.probability(i).getAsDouble();
      Money budget = Money.ofMinor(budgetMinor[i], currency);
      BigDecimal exact = budget.amount().multiply(BigDecimal.valueOf(p));
      exactTotal = exactTotal.add(exact);
      without += withoutBudget[i];
      rows.add(new StagePipeline(probabilities.stages().id(i), p, open[i], withoutBudget[i], budget,
          Money.of(exact, currency, Money.ROUNDING)));
    }
    return new WeightedPipeline(rows, openTotal, without, Money.ofMinor(budgetTotal, currency),
        Money.of(exactTotal, currency, Money.ROUNDING));
  }

  /** The format tag of this accumulator's state. */
  private static final int STATE_TAG = 0x57;

  /**
   * Encodes the state compactly (a versioned binary form of the counters, for distributed
   * engines that ship partial states): {@link #decode} with the same probabilities and currency
   * gives an accumulator with the same result that merges like this one.
   *
   * @return the state's bytes
   */
  public byte[] encode() {
    StateCodec.Writer w = StateCodec.writer(STATE_TAG);
    w.string(currency.getCurrencyCode());
    w.count(open.length); // the ids, so that a state of another funnel is never merged by position
    for (String id : probabilities.stages().ids()) {
      w.string(id);
    }
    for (int i = 0; i < open.length; i++) {
      w.count(open[i]).count(withoutBudget[i]).count(budgetMinor[i]);
    }
    return w.bytes();
  }

  /**
   * Decodes a state written by {@link #encode}.
   *
   * @param probabilities the stage probabilities (as given to the encoded accumulator)
   * @param currency the currency of every budget (as given to the encoded accumulator)
   * @param state the bytes
   * @return an accumulator holding the encoded counts
   * @throws ValidationException if the bytes are malformed, of another accumulator or version,
   *     of another currency or other stages (ids and order), count more deals without budget
   *     than open deals, or have a total beyond a long
   */
  public static WeightedPipelineAccumulator decode(StageProbabilities probabilities,
      Currency currency, byte[] state) {
    WeightedPipelineAccumulator a = new WeightedPipelineAccumulator(probabilities, currency);
    StateCodec.Reader r = StateCodec.reader(state, STATE_TAG, "state");
    String code = r.string("currency");
    if (!code.equals(currency.getCurrencyCode())) {
      throw r.invalid("currency", code, "must equal the accumulator's currency " + currency.getCurrencyCode());
    }
    r.stageIds(probabilities.stages().ids());
    int n = a.open.length;
    for (int i = 0; i < n; i++) {
      long open = r.count("open[" + i + "]");
      long without = r.count("withoutBudget[" + i + "]");
      long budget = r.count("budgetMinor[" + i + "]");
      if (without > open) {
        throw r.invalid("withoutBudget[" + i + "]", without, "must be <= open[" + i + "] (" + open + ")");
      }
      a.openTotal = Checks.addExact("openDeals", a.openTotal, open);
      a.budgetTotal = Checks.addExact("totalBudget (minor units)", a.budgetTotal, budget);
      a.open[i] = open;
      a.withoutBudget[i] = without;
      a.budgetMinor[i] = budget;
    }
    r.end();
    return a;
  }
}
