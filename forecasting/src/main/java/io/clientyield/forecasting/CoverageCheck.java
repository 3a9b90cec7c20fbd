package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Plan coverage against the coverage the measured planning error requires.
 *
 * <p>Immutable and thread-safe.
 *
 * @param coverage weighted pipeline / target (1.2 = 120 %); empty when the target is 0
 * @param required the required coverage {@code 1 / r}; empty when undefined
 * @param alert true when coverage is below the required coverage, or the requirement is undefined
 * @param reason the explanation of an alert or of an empty value
 */
public record CoverageCheck(
    @JsonProperty("coverage") OptionalDouble coverage,
    @JsonProperty("required") OptionalDouble required,
    @JsonProperty("alert") boolean alert,
    @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

  /**
   * Creates the check (absent values become empty).
   *
   * @param coverage weighted pipeline / target (1.2 = 120 %); empty when the target is 0
   * @param required the required coverage {@code 1 / r}; empty when undefined
   * @param alert true when coverage is below the required coverage, or the requirement is undefined
   * @param reason the explanation of an alert or of an empty value
   */
  public CoverageCheck {
    coverage = coverage == null ? OptionalDouble.empty() : coverage;
    required = required == null ? OptionalDouble.empty() : required;
    reason = reason == null ? Optional.empty() : reason;
  }

  @JsonCreator
  static CoverageCheck fromJson(
      @JsonProperty("coverage") OptionalDouble coverage,
      @JsonProperty("required") OptionalDouble required,
      @JsonProperty("alert") boolean alert,
      @JsonProperty("reason") Optional<String> reason) {
    return new CoverageCheck(coverage, required, alert, reason);
  }
}
