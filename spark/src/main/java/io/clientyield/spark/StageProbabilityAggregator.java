package io.clientyield.spark;

import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import java.util.List;

/**
 * {@link StageProbabilityLearner} as a Spark aggregator: the Laplace-smoothed
 * {@link StageProbabilities} learned from the closed deals of the rows.
 */
public final class StageProbabilityAggregator
    extends AccumulatorAggregator<Deal, StageProbabilityLearner, StageProbabilities> {
  private static final long serialVersionUID = 1L;

  private final List<String> stageIds;
  private transient Stages stages;

  private StageProbabilityAggregator(Stages stages, DealRows rows) {
    super(rows, StageProbabilities.class);
    this.stageIds = List.copyOf(stages.ids());
    this.stages = stages;
  }

  /**
   * Learns the stage probabilities of rows mapped by {@code rows}.
   *
   * @param stages the funnel's stages
   * @param rows the mapping of rows to deals
   * @return the aggregator
   */
  public static StageProbabilityAggregator of(Stages stages, DealRows rows) {
    return new StageProbabilityAggregator(stages, rows);
  }

  private Stages stages() {
    if (stages == null) {
      stages = Stages.of(stageIds);
    }
    return stages;
  }

  @Override
  protected StageProbabilityLearner newAccumulator() {
    return new StageProbabilityLearner(stages());
  }

  @Override
  protected byte[] encode(StageProbabilityLearner accumulator) {
    return accumulator.encode();
  }

  @Override
  protected StageProbabilityLearner decode(byte[] state) {
    return StageProbabilityLearner.decode(stages(), state);
  }
}
