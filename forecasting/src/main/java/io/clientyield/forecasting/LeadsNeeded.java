package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Optional;

/**
 * How many additional leads of average quality are needed to reach a target with a chosen
 * confidence, or an explicit empty with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param leads the smallest number of additional leads, or empty if none up to the search limit
 *     suffices
 * @param probabilityOfReaching {@code P(X ≥ target)} with that many leads (with the limit when
 *     empty), in {@code [0, 1]}
 * @param reason why the answer is empty; absent when a number was found
 */
public record LeadsNeeded(
    @JsonProperty("leads") Optional<Long> leads,
    @JsonProperty("probabilityOfReaching") double probabilityOfReaching,
    @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

  /**
   * Creates the answer.
   *
   * @param leads the smallest number of additional leads, or empty if none up to the search limit
   *     suffices
   * @param probabilityOfReaching {@code P(X ≥ target)} with that many leads (with the limit when
   *     empty), in {@code [0, 1]}
   * @param reason why the answer is empty; absent when a number was found
   * @throws ValidationException if exactly one of leads and reason is not present, or the
   *     probability is outside {@code [0, 1]}
   */
  public LeadsNeeded {
    leads = leads == null ? Optional.empty() : leads;
    reason = reason == null ? Optional.empty() : reason;
    Checks.unitInterval("probabilityOfReaching", probabilityOfReaching);
    if (leads.isPresent() == reason.isPresent()) {
      throw ValidationException.of("reason", reason.orElse(null),
          "must be present exactly when leads is empty");
    }
    if (leads.isPresent() && leads.get() < 0) {
      throw ValidationException.of("leads", leads.get(), "must be >= 0");
    }
  }

  @JsonCreator
  static LeadsNeeded fromJson(
      @JsonProperty("leads") Optional<Long> leads,
      @JsonProperty("probabilityOfReaching") double probabilityOfReaching,
      @JsonProperty("reason") Optional<String> reason) {
    return new LeadsNeeded(leads, probabilityOfReaching, reason);
  }
}
