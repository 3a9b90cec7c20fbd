package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Plan coverage against the coverage the measured planning error requires.
 *
 * <p>Never NaN or infinite: an undefined value is empty (see {@link Replenishment}).
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
   * @throws ValidationException if the coverage is present and NaN, infinite or negative, or the
   *     required coverage is present and NaN, infinite or not positive
   */
  public CoverageCheck {
    coverage = coverage == null ? OptionalDouble.empty() : coverage;
    required = required == null ? OptionalDouble.empty() : required;
    reason = reason == null ? Optional.empty() : reason;
    Checks.Collector c = Checks.collector();
    OptionalDouble cov = coverage;
    OptionalDouble req = required;
    if (cov.isPresent()) {
      c.check(() -> Checks.nonNegative("coverage", cov.getAsDouble()));
    }
    if (req.isPresent()) {
      c.check(() -> Checks.positive("required", req.getAsDouble()));
    }
    c.throwIfAny();
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
