/**
 * The library's accumulators on Apache Spark: typed {@code Aggregator}s whose {@code reduce} is
 * the accumulator's {@code add}, {@code merge} its {@code merge} and {@code finish} its
 * {@code result}, with partial states shipped in each accumulator's compact binary form (never
 * Java serialization of the accumulator), and {@link io.clientyield.spark.DealRows}, the mapping
 * of a {@code Dataset<Row>} to the library's {@link io.clientyield.funnel.Deal}.
 *
 * <p>An aggregator's column holds the result as the library's JSON document (the same JSON as
 * {@code ClientyieldJson.write(result)}); {@code aggregator.read(json)} returns the library's
 * value. Spark is provided by the user's cluster.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.spark;
