package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.OptionalDouble;

/**
 * A fitted parameter with its standard error (from the numerical Hessian, see the package
 * documentation).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the maximum-likelihood estimate, finite
 * @param standardError its asymptotic standard error, finite and &ge; 0; empty when the Hessian
 *     is not positive definite
 */
public record Estimate(
    @JsonProperty("value") double value,
    @JsonProperty("standardError") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        OptionalDouble standardError) {

  /**
   * Validates: a finite value, a finite non-negative standard error.
   *
   * @param value the estimate
   * @param standardError its standard error, or empty
   * @throws ValidationException otherwise
   */
  @JsonCreator
  public Estimate {
    Checks.finite("value", value);
    standardError = standardError == null ? OptionalDouble.empty() : standardError;
    if (standardError.isPresent()) {
      Checks.nonNegative("standardError", standardError.getAsDouble());
    }
  }

  /**
   * The approximate 95 % interval half-width, 1.96 × the standard error.
   *
   * @return it, or empty without a standard error
   */
  public OptionalDouble halfWidth95() {
    return standardError.isPresent() ? OptionalDouble.of(1.96 * standardError.getAsDouble())
        : OptionalDouble.empty();
  }
}
