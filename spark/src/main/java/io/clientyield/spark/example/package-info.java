/**
 * A {@code spark-submit}-ready job over the "CRM Sales Opportunities" export: the funnel, the
 * cross statistics per sales agent, the learned stage probabilities and the weighted pipeline,
 * computed by the library's aggregators on Spark.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.spark.example;
