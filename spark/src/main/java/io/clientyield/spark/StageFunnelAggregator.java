package io.clientyield.spark;

import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.StageFunnelAccumulator;
import io.clientyield.funnel.Stages;
import java.util.Currency;
import java.util.List;

/**
 * {@link StageFunnelAccumulator} as a Spark aggregator: the {@link StageFunnel} of the rows.
 *
 * <pre>{@code
 * StageFunnelAggregator agg = StageFunnelAggregator.of(stages, usd, rows);
 * StageFunnel funnel = agg.read(deals.select(agg.toColumn()).first());
 * }</pre>
 */
public final class StageFunnelAggregator extends AccumulatorAggregator<Deal, StageFunnelAccumulator, StageFunnel> {
  private static final long serialVersionUID = 1L;

  private final List<String> stageIds;
  private final String currencyCode;
  private transient Stages stages;

  private StageFunnelAggregator(Stages stages, Currency currency, DealRows rows) {
    super(rows, StageFunnel.class);
    this.stageIds = List.copyOf(stages.ids());
    this.currencyCode = currency.getCurrencyCode();
    this.stages = stages;
  }

  /**
   * The funnel over rows in the library's column names ({@link DealRows#standard()}).
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @return the aggregator
   */
  public static StageFunnelAggregator of(Stages stages, Currency currency) {
    return of(stages, currency, DealRows.standard());
  }

  /**
   * The funnel over rows mapped by {@code rows}.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param rows the mapping of rows to deals
   * @return the aggregator
   */
  public static StageFunnelAggregator of(Stages stages, Currency currency, DealRows rows) {
    return new StageFunnelAggregator(stages, currency, rows);
  }

  private Stages stages() {
    if (stages == null) {
      stages = Stages.of(stageIds);
    }
    return stages;
  }

  @Override
  protected StageFunnelAccumulator newAccumulator() {
    return new StageFunnelAccumulator(stages(), Currency.getInstance(currencyCode));
  }

  @Override
  protected byte[] encode(StageFunnelAccumulator accumulator) {
    return accumulator.encode();
  }

  @Override
  protected StageFunnelAccumulator decode(byte[] state) {
    return StageFunnelAccumulator.decode(stages(), Currency.getInstance(currencyCode), state);
  }
}
