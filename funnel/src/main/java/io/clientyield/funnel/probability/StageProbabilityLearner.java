package io.clientyield.funnel.probability;

import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.core.Accumulator;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.core.internal.StateCodec;
import io.clientyield.funnel.internal.FunnelSinks;
import io.clientyield.funnel.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collector;

/**
 * Learns stage win probabilities from closed deals:
 * <pre>
 *   P(win | reached s) = (won among closed deals that reached s + α) / (closed deals that reached s + α + β)
 * </pre>
 * A deal reached every stage up to and including its {@link Deal#reachedStage()}. Resolved deals
 * only (DOMAIN 2.1, 2.4): an open deal's outcome is unknown, so it is never counted as a loss; it
 * is reported beside the sample as in progress ({@link StageProbability#inProgress()}, the open
 * deals that reached the stage), and adding open deals leaves every probability unchanged.
 * Example: of 4 closed deals that reached "proposal", 1 was won, and 3 more that reached it are
 * open: unsmoothed 1/4 = 0.25 (not 1/7), Laplace (1 + 1) / (4 + 2) = 0.3333, in progress 3.
 *
 * <p>An accumulator: {@code new StageProbabilityLearner(stages)} is the identity, {@link #add}
 * counts one deal (two {@code long} counters, no allocation), {@link #merge} is associative and
 * commutative and equals learning from the concatenated deals; {@link #result(Smoothing)} is an
 * immutable {@link StageProbabilities}. The library's event folders feed it through an internal
 * primitive path (group, reason and budget are ignored).
 *
 * <p>Smoothing is explicit in the result: {@link #result()} smooths with Laplace
 * ({@code α = β = 1}), so 0 won of 3 closed reads 0.2, and every entry reports its
 * {@link StageProbability#raw() raw} share (0.0) beside the smoothed one with
 * {@link StageProbability#basis() basis} {@code SMOOTHED}; {@code result(Smoothing.NONE)} uses
 * the raw shares.
 *
 * <p>Overflow: a closed-deal count that would not fit in a long is a {@link ValidationException}
 * naming it, checked before anything changes (the total bounds every per-stage count).
 *
 * <p>Mutable and not thread-safe: one per thread, then merge.
 */
public final class StageProbabilityLearner
    implements Accumulator<Deal, StageProbabilityLearner, StageProbabilities> {
  static {
    FunnelSinks.register(StageProbabilityLearner.class, a -> a::deal);
  }

  private static final int KINDS = Outcome.Kind.values().length;
  private static final int OPEN = DealSink.OPEN;

  private final Stages stages;
  /** Closed deals whose furthest stage is index i. */
  private final long[] closedAt;
  /** Won deals whose furthest stage is index i. */
  private final long[] wonAt;
  /** Open deals whose furthest stage is index i. */
  private final long[] openAt;
  /** Closed deals over all stages. */
  private long closedTotal;
  /** Open deals over all stages. */
  private long openTotal;

  /**
   * Creates an empty learner (the identity).
   *
   * @param stages the funnel's stages
   */
  public StageProbabilityLearner(Stages stages) {
    this.stages = Checks.notNull("stages", stages);
    this.closedAt = new long[stages.size()];
    this.wonAt = new long[stages.size()];
    this.openAt = new long[stages.size()];
  }

  /**
   * A collector learning a Laplace-smoothed {@link StageProbabilities} table from deals.
   *
   * @param stages the funnel's stages
   * @return the collector
   */
  public static Collector<Deal, ?, StageProbabilities> collector(Stages stages) {
    Checks.notNull("stages", stages);
    return Accumulator.collector(() -> new StageProbabilityLearner(stages));
  }

  /**
   * A collector learning a {@link StageProbabilities} table with the given smoothing.
   *
   * @param stages the funnel's stages
   * @param smoothing the additive smoothing ({@link Smoothing#NONE} for raw shares)
   * @return the collector
   */
  public static Collector<Deal, ?, StageProbabilities> collector(Stages stages, Smoothing smoothing) {
    Checks.notNull("stages", stages);
    Checks.notNull("smoothing", smoothing);
    return Collector.of(() -> new StageProbabilityLearner(stages), StageProbabilityLearner::add,
        StageProbabilityLearner::merge, l -> l.result(smoothing));
  }

  /**
   * Returns the stages.
   *
   * @return the stages
   */
  public Stages stages() {
    return stages;
  }

  /**
   * Counts one deal; an open deal is counted as in progress only (never as a loss).
   *
   * @param deal the deal
   * @return this learner
   * @throws ValidationException if the deal's reached stage is not one of the stages, or the
   *     closed-deal count would overflow a long (nothing is counted)
   */
  @Override
  public StageProbabilityLearner add(Deal deal) {
    Checks.notNull("deal", deal);
    int stage = stages.indexOf("deal.reachedStage", deal.reachedStage());
    if (deal.outcome().isPresent()) {
      count(stage, deal.outcome().get().isWon());
    } else {
      countOpen(stage);
    }
    return this;
  }

  /**
   * Counts one deal given in primitive form (the internal DealSink codes); an open deal is
   * counted as in progress only; ignores {@code group}, {@code reason} and {@code budgetMinor}. Throws a
   * ValidationException if the stage index or the outcome code is out of range.
   */
  private void deal(int group, int reachedStage, int outcome, int reason, long budgetMinor) {
    Checks.inRange("reachedStage", reachedStage, 0, stages.size() - 1);
    Checks.inRange("outcome", outcome, OPEN, KINDS - 1);
    if (outcome != OPEN) {
      count(reachedStage, outcome == Outcome.Kind.WON.ordinal());
    } else {
      countOpen(reachedStage);
    }
  }

  private void countOpen(int stage) {
    openTotal = Checks.addExact("openDeals", openTotal, 1);
    openAt[stage]++;
  }

  private void count(int stage, boolean won) {
    closedTotal = Checks.addExact("closedDeals", closedTotal, 1);
    closedAt[stage]++;
    if (won) {
      wonAt[stage]++;
    }
  }

  /**
   * Adds another learner's counts into this one.
   *
   * @param other a learner over the same stages
   * @return this learner
   * @throws ValidationException if the stages differ, or naming the closed-deal count that
   *     would overflow a long (nothing is changed)
   */
  @Override
  public StageProbabilityLearner merge(StageProbabilityLearner other) {
    Checks.notNull("other", other);
    if (!other.stages.equals(stages)) {
      throw ValidationException.of("other.stages", other.stages, "must equal " + stages);
    }
    long total = Checks.addExact("closedDeals", closedTotal, other.closedTotal);
    long open = Checks.addExact("openDeals", openTotal, other.openTotal);
    for (int i = 0; i < closedAt.length; i++) {
      closedAt[i] += other.closedAt[i]; // bounded by the totals
      wonAt[i] += other.wonAt[i];
      openAt[i] += other.openAt[i];
    }
    closedTotal = total;
    openTotal = open;
    return this;
  }

  /**
   * Returns the closed deals counted so far.
   *
   * @return the count
   */
  public long closedDeals() {
    return closedTotal;
  }

  /**
   * Returns the open deals counted so far (in progress, never losses).
   *
   * @return the count
   */
  public long openDeals() {
    return openTotal;
  }

  /**
   * Returns, per stage, the open deals that reached it (their furthest stage is this one or a
   * later one): in progress, left out of the sample.
   *
   * @return one count per stage, in stage order
   */
  public List<Long> inProgress() {
    Long[] out = new Long[stages.size()];
    long open = 0;
    for (int i = stages.size() - 1; i >= 0; i--) {
      open += openAt[i];
      out[i] = open;
    }
    return List.of(out);
  }

  /**
   * Returns, per stage, won among the closed deals that reached it out of those closed deals.
   *
   * @return one proportion per stage, in stage order
   */
  public List<Proportion> samples() {
    Proportion[] out = new Proportion[stages.size()];
    long closed = 0;
    long won = 0;
    for (int i = stages.size() - 1; i >= 0; i--) {
      closed += closedAt[i];
      won += wonAt[i];
      out[i] = Proportion.of(won, closed);
    }
    return List.of(out);
  }

  /**
   * Returns the learned table with Laplace smoothing ({@code α = β = 1}): each entry's
   * probability is the smoothed share (basis {@code SMOOTHED}) and its raw share is reported
   * beside it.
   *
   * @return the table
   */
  @Override
  public StageProbabilities result() {
    return result(Smoothing.LAPLACE);
  }

  /**
   * Returns the learned table.
   *
   * @param smoothing the additive smoothing; with {@link Smoothing#NONE} a stage no closed deal
   *     reached has an empty probability
   * @return the table
   */
  public StageProbabilities result(Smoothing smoothing) {
    Checks.notNull("smoothing", smoothing);
    List<Proportion> samples = samples();
    List<Long> inProgress = inProgress();
    List<StageProbability> entries = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      entries.add(stageProbability(stages.id(i), samples.get(i), inProgress.get(i), smoothing));
    }
    return StageProbabilities.of(stages, entries);
  }

  /**
   * Computes one learned stage probability {@code (won + α) / (closed + α + β)} from its sample;
   * its basis is {@link StageProbability.Basis#RAW} with {@link Smoothing#NONE}, else
   * {@link StageProbability.Basis#SMOOTHED}, and the raw share and the Wilson interval of the
   * sample are reported beside it.
   *
   * @param stage the stage id
   * @param sample won among the closed deals that reached the stage, out of those deals
   * @param inProgress the open deals that reached the stage, {@code >= 0} (reported only)
   * @param smoothing the additive smoothing
   * @return the stage probability
   * @throws ValidationException if an argument is null, the stage is blank or {@code inProgress}
   *     is negative
   */
  public static StageProbability stageProbability(String stage, Proportion sample, long inProgress,
      Smoothing smoothing) {
    Checks.notNull("sample", sample);
    Checks.notNull("smoothing", smoothing);
    return new StageProbability(stage, smoothing.apply(sample.successes(), sample.trials()),
        StageProbability.ProbabilitySource.LEARNED, Optional.of(sample), OptionalLong.of(inProgress),
        Optional.of(smoothing), sample.wilson95(), StageProbability.rawShare(sample),
        StageProbability.basisOf(smoothing));
  }

  @Override
  public String toString() {
    return "StageProbabilityLearner" + samples() + " in progress " + inProgress();
  }

  /** The format tag of this learner's state. */
  private static final int STATE_TAG = 0x50;

  /**
   * Encodes the state compactly (a versioned binary form of the counters, for distributed
   * engines that ship partial states): {@link #decode} with the same stages gives a learner with
   * the same result that merges like this one.
   *
   * @return the state's bytes
   */
  public byte[] encode() {
    StateCodec.Writer w = StateCodec.writer(STATE_TAG);
    w.count(stages.size()); // the ids, so that a state of another funnel is never merged by position
    for (String id : stages.ids()) {
      w.string(id);
    }
    for (int i = 0; i < closedAt.length; i++) {
      w.count(closedAt[i]).count(wonAt[i]).count(openAt[i]);
    }
    return w.bytes();
  }

  /**
   * Decodes a state written by {@link #encode}.
   *
   * @param stages the funnel's stages (as given to the encoded learner)
   * @param state the bytes
   * @return a learner holding the encoded counts
   * @throws ValidationException if the bytes are malformed, of another accumulator or version,
   *     of other stages (ids and order), have more won than closed deals at a stage, or a total
   *     beyond a long
   */
  public static StageProbabilityLearner decode(Stages stages, byte[] state) {
    Checks.notNull("stages", stages);
    StateCodec.Reader r = StateCodec.reader(state, STATE_TAG, "state");
    r.stageIds(stages.ids());
    int n = stages.size();
    StageProbabilityLearner l = new StageProbabilityLearner(stages);
    for (int i = 0; i < n; i++) {
      long closed = r.count("closedAt[" + i + "]");
      long won = r.count("wonAt[" + i + "]");
      long open = r.count("openAt[" + i + "]");
      if (won > closed) {
        throw r.invalid("wonAt[" + i + "]", won, "must be <= closedAt[" + i + "] (" + closed + ")");
      }
      l.closedTotal = Checks.addExact("closedDeals", l.closedTotal, closed);
      l.openTotal = Checks.addExact("openDeals", l.openTotal, open);
      l.closedAt[i] = closed;
      l.wonAt[i] = won;
      l.openAt[i] = open;
    }
    r.end();
    return l;
  }
}
