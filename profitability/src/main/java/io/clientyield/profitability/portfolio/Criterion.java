package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;

/**
 * One weighted criterion of a matrix axis, e.g. margin or tenure.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the key of the value in {@link ClientFacts#values()}
 * @param higherIsBetter true if a higher raw value is better, false if lower is better
 * @param weight non-negative weight (the axis' weights must sum to &gt; 0)
 * @param normalization how raw values map into [0, 1]
 */
public record Criterion(
    @JsonProperty("name") String name,
    @JsonProperty("higherIsBetter") boolean higherIsBetter,
    @JsonProperty("weight") double weight,
    @JsonProperty("normalization") Normalization normalization) {

  /**
   * Validates name, weight (finite, &gt;= 0) and normalization.
   */
  public Criterion {
    Checks.notBlank("name", name);
    Checks.finite("weight", weight);
    Checks.nonNegative("weight", weight);
    Checks.notNull("normalization", normalization);
  }
}
