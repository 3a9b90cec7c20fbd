package io.clientyield.spark;

import io.clientyield.funnel.Deal;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import java.util.Currency;

/**
 * {@link WeightedPipelineAccumulator} as a Spark aggregator: the open deals of the rows
 * weighted by stage probabilities ({@link WeightedPipeline}).
 */
public final class WeightedPipelineAggregator
    extends AccumulatorAggregator<Deal, WeightedPipelineAccumulator, WeightedPipeline> {
  private static final long serialVersionUID = 1L;

  /** The probabilities as the library's JSON (serializable, read once per executor). */
  private final String probabilitiesJson;
  private final String currencyCode;
  private transient StageProbabilities probabilities;

  private WeightedPipelineAggregator(StageProbabilities probabilities, Currency currency, DealRows rows) {
    super(rows, WeightedPipeline.class);
    new WeightedPipelineAccumulator(probabilities, currency); // validates the settings now
    this.probabilitiesJson = ClientyieldJson.write(probabilities);
    this.currencyCode = currency.getCurrencyCode();
    this.probabilities = probabilities;
  }

  /**
   * Weighs the open deals of rows mapped by {@code rows}.
   *
   * @param probabilities the stage probabilities; every stage's probability must be defined
   * @param currency the currency of every budget
   * @param rows the mapping of rows to deals
   * @return the aggregator
   * @throws io.clientyield.core.ValidationException naming every stage whose probability is
   *     undefined
   */
  public static WeightedPipelineAggregator of(StageProbabilities probabilities, Currency currency,
      DealRows rows) {
    return new WeightedPipelineAggregator(probabilities, currency, rows);
  }

  private StageProbabilities probabilities() {
    if (probabilities == null) {
      probabilities = ClientyieldJson.read(probabilitiesJson, StageProbabilities.class);
    }
    return probabilities;
  }

  @Override
  protected WeightedPipelineAccumulator newAccumulator() {
    return new WeightedPipelineAccumulator(probabilities(), Currency.getInstance(currencyCode));
  }

  @Override
  protected byte[] encode(WeightedPipelineAccumulator accumulator) {
    return accumulator.encode();
  }

  @Override
  protected WeightedPipelineAccumulator decode(byte[] state) {
    return WeightedPipelineAccumulator.decode(probabilities(), Currency.getInstance(currencyCode), state);
  }
}
