package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;

/**
 * Why a score is what it is: one criterion's raw value, normalized value (after turning around
 * lower-is-better ones) and weighted contribution = weight × normalized / Σ weights of the present
 * criteria. The contributions of an axis sum to its score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param criterion the criterion name
 * @param raw the raw value
 * @param normalized in [0, 1]
 * @param contribution in [0, 1]
 */
public record Contribution(
    @JsonProperty("criterion") String criterion,
    @JsonProperty("raw") double raw,
    @JsonProperty("normalized") double normalized,
    @JsonProperty("contribution") double contribution) {

  /**
   * Validates ranges.
   */
  public Contribution {
    Checks.notBlank("criterion", criterion);
    Checks.finite("raw", raw);
    Checks.unitInterval("normalized", normalized);
    Checks.unitInterval("contribution", contribution);
  }
}
