package io.clientyield.spark;

import io.clientyield.core.CampaignId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.CrossStatisticsOptions;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/**
 * {@link CrossStatisticsAccumulator} as a Spark aggregator: the funnel per manager, campaign or
 * deal attribute, compared with the team ({@link CrossStatistics}, default options).
 *
 * <pre>{@code
 * CrossStatisticsAggregator agg = CrossStatisticsAggregator.byManager(stages, eur);
 * CrossStatistics stats = agg.read(deals.select(agg.toColumn()).first());
 * }</pre>
 */
public final class CrossStatisticsAggregator
    extends AccumulatorAggregator<Deal, CrossStatisticsAccumulator<Object>, CrossStatistics> {
  private static final long serialVersionUID = 1L;

  /** How deals are grouped; serializable, unlike a key function. */
  private enum Grouping { MANAGER, CAMPAIGN, ATTRIBUTE }

  private final List<String> stageIds;
  private final String currencyCode;
  private final Grouping grouping;
  private final String attribute;
  private transient Stages stages;

  private CrossStatisticsAggregator(Stages stages, Currency currency, DealRows rows,
      Grouping grouping, String attribute) {
    super(rows, CrossStatistics.class);
    this.stageIds = List.copyOf(stages.ids());
    this.currencyCode = currency.getCurrencyCode();
    this.grouping = grouping;
    this.attribute = attribute;
    this.stages = stages;
  }

  /**
   * Groups by manager, over rows in the library's column names ({@link DealRows#standard()}).
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @return the aggregator
   */
  public static CrossStatisticsAggregator byManager(Stages stages, Currency currency) {
    return byManager(stages, currency, DealRows.standard());
  }

  /**
   * Groups by manager (the rows' manager column must be mapped).
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param rows the mapping of rows to deals
   * @return the aggregator
   */
  public static CrossStatisticsAggregator byManager(Stages stages, Currency currency, DealRows rows) {
    return new CrossStatisticsAggregator(stages, currency, rows, Grouping.MANAGER, "");
  }

  /**
   * Groups by campaign (the rows' campaign column must be mapped).
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param rows the mapping of rows to deals
   * @return the aggregator
   */
  public static CrossStatisticsAggregator byCampaign(Stages stages, Currency currency, DealRows rows) {
    return new CrossStatisticsAggregator(stages, currency, rows, Grouping.CAMPAIGN, "");
  }

  /**
   * Groups by a deal attribute mapped by {@code rows}, such as {@code office}.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param rows the mapping of rows to deals
   * @param name the attribute name
   * @return the aggregator
   */
  public static CrossStatisticsAggregator byAttribute(Stages stages, Currency currency, DealRows rows,
      String name) {
    if (name == null || name.isBlank()) {
      throw ValidationException.of("name", name, "must be a non-blank attribute name");
    }
    return new CrossStatisticsAggregator(stages, currency, rows, Grouping.ATTRIBUTE, name);
  }

  private Stages stages() {
    if (stages == null) {
      stages = Stages.of(stageIds);
    }
    return stages;
  }

  private Function<Deal, Object> keyFunction() {
    return switch (grouping) {
      case MANAGER -> d -> d.manager().orElse(null);
      case CAMPAIGN -> d -> d.campaign().orElse(null);
      case ATTRIBUTE -> {
        String name = attribute;
        yield d -> d.attributes().get(name);
      }
    };
  }

  private Function<String, Object> keyParser() {
    return switch (grouping) {
      case MANAGER -> ManagerId::of;
      case CAMPAIGN -> CampaignId::of;
      case ATTRIBUTE -> s -> s;
    };
  }

  @Override
  protected CrossStatisticsAccumulator<Object> newAccumulator() {
    return CrossStatisticsAccumulator.by(stages(), Currency.getInstance(currencyCode), keyFunction());
  }

  @Override
  protected byte[] encode(CrossStatisticsAccumulator<Object> accumulator) {
    return accumulator.encode();
  }

  @Override
  protected CrossStatisticsAccumulator<Object> decode(byte[] state) {
    return CrossStatisticsAccumulator.decode(stages(), Currency.getInstance(currencyCode),
        keyFunction(), keyParser(), state);
  }

  /**
   * The statistics with the default options ({@link CrossStatisticsOptions#DEFAULT}).
   *
   * @return the options this aggregator's results use
   */
  public CrossStatisticsOptions options() {
    return CrossStatisticsOptions.DEFAULT;
  }
}
