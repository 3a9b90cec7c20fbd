/**
 * JMH benchmarks measuring the library against DuckDB (in-process, JDBC) on the same funnel
 * work, with the deterministic synthetic data both are fed. Not deployed; see the README's
 * benchmark section for the run command and figures.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.benchmarks;
