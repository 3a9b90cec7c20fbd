/**
 * The library's accumulators on Apache Spark: typed {@code Aggregator}s whose {@code reduce} is
 * the accumulator's {@code add}, {@code merge} its {@code merge} and {@code finish} its
 * {@code result}, with partial states shipped in each accumulator's compact binary form (never
 * Java serialization of the accumulator).
 *
 * <p>Over deals: {@link io.clientyield.spark.StageFunnelAggregator},
 * {@link io.clientyield.spark.CrossStatisticsAggregator},
 * {@link io.clientyield.spark.StageProbabilityAggregator},
 * {@link io.clientyield.spark.WeightedPipelineAggregator},
 * {@link io.clientyield.spark.TimeInStageAggregator} and
 * {@link io.clientyield.spark.TimeToOutcomeAggregator}, with rows mapped to the library's
 * {@link io.clientyield.funnel.Deal} by {@link io.clientyield.spark.DealRows}. Over purchases:
 * {@link io.clientyield.spark.RepeatSummaryAggregator}, the repeat-client summary, with rows
 * mapped by {@link io.clientyield.spark.PurchaseRows}. Both mappings are
 * {@link io.clientyield.spark.RowMapping}s: they name the row and column of a value that does
 * not fit, and count the rows they set aside.
 *
 * <p>An aggregator's column holds the result as the library's JSON document (the same JSON as
 * {@code ClientyieldJson.write(result)}); {@code aggregator.read(json)} returns the library's
 * value. Spark is provided by the user's cluster.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.spark;
