package io.clientyield.funnel;

import io.clientyield.core.Accumulator;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.internal.FunnelSinks;
import io.clientyield.core.internal.StateCodec;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collector;

/**
 * Accumulates deals into a {@link StageFunnel}: one deal at a time, mergeable.
 *
 * <p>An accumulator: {@code new StageFunnelAccumulator(stages, currency)} is the identity,
 * {@link #add(Deal)} counts one deal, {@link #merge} is associative and commutative (the result
 * of merging equals accumulating the concatenation, in any order), {@link #result()} returns an
 * immutable snapshot. The per-deal work is a few array increments; only a reason never seen
 * before allocates (it is interned once).
 *
 * <p>{@link #add(Deal)} resolves the reached stage by id and interns the outcome's reason. The
 * library's event folders feed the same counters through an internal primitive path whose reason
 * codes index into {@link #reasons()} (the list given at construction, plus any reasons interned
 * by {@code add}).
 *
 * <pre>{@code
 * StageFunnelAccumulator acc = new StageFunnelAccumulator(
 *     Stages.of("contact", "presentation", "proposal"), Money.currency("EUR"));
 * deals.forEach(acc::add);
 * StageFunnel funnel = acc.result();
 * funnel.weakestByLoss();   // presentation -> proposal in the DOMAIN 2.1 example
 * StageFunnel same = deals.parallelStream().collect(StageFunnelAccumulator.collector(stages, eur));
 * }</pre>
 *
 * <p>Mutable and not thread-safe: use one per thread and merge.
 */
public final class StageFunnelAccumulator
    implements Accumulator<Deal, StageFunnelAccumulator, StageFunnel> {
  static {
    FunnelSinks.register(StageFunnelAccumulator.class, a -> a::deal);
  }

  private final FunnelCounts counts;

  /**
   * A collector folding deals into a {@link StageFunnel}, for loops or parallel streams.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @return the collector
   */
  public static Collector<Deal, ?, StageFunnel> collector(Stages stages, Currency currency) {
    Checks.notNull("stages", stages);
    Checks.notNull("currency", currency);
    return Accumulator.collector(() -> new StageFunnelAccumulator(stages, currency));
  }

  /**
   * Creates an empty accumulator (the identity).
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   */
  public StageFunnelAccumulator(Stages stages, Currency currency) {
    this(stages, currency, List.of());
  }

  /**
   * Creates an empty accumulator with known reasons, so that primitive callers can pass reason
   * indices into this list.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param reasons the reason codes, non-blank and unique
   * @throws io.clientyield.core.ValidationException if a reason is blank or repeated, or the
   *     stages exceed the cap of one accumulator
   */
  public StageFunnelAccumulator(Stages stages, Currency currency, List<String> reasons) {
    this.counts = new FunnelCounts(stages, currency, reasons, 1);
  }

  /**
   * Adds one deal.
   *
   * @param deal the deal
   * @return this accumulator
   * @throws io.clientyield.core.ValidationException naming the deal if its reached stage is not
   *     one of the stages or its budget is in another currency or negative, or naming the count
   *     or budget total that would overflow a long (nothing is counted, no reason interned)
   */
  @Override
  public StageFunnelAccumulator add(Deal deal) {
    counts.add(() -> 0, deal);
    return this;
  }

  /**
   * Adds one deal in primitive form (the internal DealSink codes); the group is ignored but must
   * be {@code >= 0}. Throws a ValidationException if a code is out of range or a count or budget
   * total would overflow a long (nothing counted).
   */
  private void deal(int group, int reachedStage, int outcome, int reason, long budgetMinor) {
    counts.check(group, reachedStage, outcome, reason, budgetMinor);
    counts.checkRoom(budgetMinor);
    counts.count(0, reachedStage, outcome, reason, budgetMinor);
  }

  /**
   * Adds another accumulator's deals into this one (reasons are matched by name).
   *
   * @param other an accumulator with the same stages and currency
   * @return this accumulator
   * @throws io.clientyield.core.ValidationException if the stages or currency differ, or naming
   *     the count or budget total that would overflow a long (nothing is changed)
   */
  @Override
  public StageFunnelAccumulator merge(StageFunnelAccumulator other) {
    Checks.notNull("other", other);
    counts.mergeFrom(other.counts, new int[] {0});
    return this;
  }

  /**
   * Returns the known reasons, in index order (the reason codes of the primitive path).
   *
   * @return a copy of the reasons
   */
  public List<String> reasons() {
    return counts.reasons();
  }

  /**
   * Returns the funnel of the deals added so far.
   *
   * @return an immutable snapshot
   */
  @Override
  public StageFunnel result() {
    return counts.funnel(0);
  }

  /** The format tag of this accumulator's state. */
  private static final int STATE_TAG = 0x46;

  private StageFunnelAccumulator(FunnelCounts counts) {
    this.counts = counts;
  }

  /**
   * Encodes the state compactly (a versioned binary form of the counters, for distributed
   * engines that ship partial states): {@link #decode} with the same stages and currency gives
   * an accumulator with the same result that merges like this one.
   *
   * @return the state's bytes
   */
  public byte[] encode() {
    StateCodec.Writer w = StateCodec.writer(STATE_TAG);
    counts.encode(w, 1);
    return w.bytes();
  }

  /**
   * Decodes a state written by {@link #encode}.
   *
   * @param stages the funnel's stages (as given to the encoded accumulator)
   * @param currency the currency of every budget (as given to the encoded accumulator)
   * @param state the bytes
   * @return an accumulator holding the encoded counts
   * @throws io.clientyield.core.ValidationException if the bytes are malformed, of another
   *     accumulator or version, or were encoded with other stages or another currency
   */
  public static StageFunnelAccumulator decode(Stages stages, Currency currency, byte[] state) {
    Checks.notNull("stages", stages);
    Checks.notNull("currency", currency);
    StateCodec.Reader r = StateCodec.reader(state, STATE_TAG, "state");
    int[] groups = new int[1];
    FunnelCounts counts = FunnelCounts.decode(r, stages, currency, groups);
    if (groups[0] != 1) {
      throw r.invalid("groups", groups[0], "must be 1 (one funnel)");
    }
    r.end();
    return new StageFunnelAccumulator(counts);
  }
}
