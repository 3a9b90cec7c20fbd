package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Prospects needed to replace a lost budget, or an explicit empty with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param prospects the whole number of prospects (rounded up)
 * @param exact the exact quotient {@code lost / (average × conversion)} (an expected count)
 * @param reason why the answer is empty
 */
public record ProspectsNeeded(
    @JsonProperty("prospects") Optional<Long> prospects,
    @JsonProperty("exact") OptionalDouble exact,
    @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

  /**
   * Creates the answer.
   *
   * @param prospects the whole number of prospects (rounded up)
   * @param exact the exact quotient {@code lost / (average × conversion)} (an expected count)
   * @param reason why the answer is empty
   * @throws ValidationException unless exactly one of prospects and reason is present, or if
   *     prospects is negative or the exact quotient is NaN, infinite or negative
   */
  public ProspectsNeeded {
    prospects = prospects == null ? Optional.empty() : prospects;
    exact = exact == null ? OptionalDouble.empty() : exact;
    reason = reason == null ? Optional.empty() : reason;
    Checks.Collector c = Checks.collector();
    Optional<Long> count = prospects;
    OptionalDouble quotient = exact;
    if (count.isPresent()) {
      c.check(() -> Checks.nonNegative("prospects", count.get()));
    }
    if (quotient.isPresent()) {
      c.check(() -> Checks.nonNegative("exact", quotient.getAsDouble()));
    }
    c.throwIfAny();
    if (prospects.isPresent() == reason.isPresent()) {
      throw ValidationException.of("reason", reason.orElse(null),
          "must be present exactly when prospects is empty");
    }
  }

  @JsonCreator
  static ProspectsNeeded fromJson(
      @JsonProperty("prospects") Optional<Long> prospects,
      @JsonProperty("exact") OptionalDouble exact,
      @JsonProperty("reason") Optional<String> reason) {
    return new ProspectsNeeded(prospects, exact, reason);
  }
}
