package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.ValidationException;

/**
 * A maximum-likelihood fit of the {@link BgNbdModel}: the four parameters with standard errors,
 * the maximal log-likelihood and how much data and work it took.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r the estimate of r
 * @param alpha the estimate of α (time units)
 * @param a the estimate of a
 * @param b the estimate of b
 * @param logLikelihood the maximal log-likelihood (the sum over clients), finite
 * @param clients the number of clients fitted, &ge; 1
 * @param evaluations log-likelihood evaluations of the optimiser, &ge; 0
 */
public record BgNbdFit(
    @JsonProperty("r") Estimate r,
    @JsonProperty("alpha") Estimate alpha,
    @JsonProperty("a") Estimate a,
    @JsonProperty("b") Estimate b,
    @JsonProperty("logLikelihood") double logLikelihood,
    @JsonProperty("clients") long clients,
    @JsonProperty("evaluations") long evaluations) {

  /**
   * Validates the parts; the four values must make a valid model.
   *
   * @param r the estimate of r
   * @param alpha the estimate of α
   * @param a the estimate of a
   * @param b the estimate of b
   * @param logLikelihood the maximal log-likelihood, finite
   * @param clients clients fitted, &ge; 1
   * @param evaluations optimiser evaluations, &ge; 0
   * @throws ValidationException naming every bad part
   */
  @JsonCreator
  public BgNbdFit {
    Checks.notNull("r", r);
    Checks.notNull("alpha", alpha);
    Checks.notNull("a", a);
    Checks.notNull("b", b);
    Checks.finite("logLikelihood", logLikelihood);
    Checks.positive("clients", clients);
    Checks.nonNegative("evaluations", evaluations);
    BgNbdModel.of(r.value(), alpha.value(), a.value(), b.value());
  }

  /**
   * The fitted model.
   *
   * @return the model with the estimated parameters
   */
  public BgNbdModel model() {
    return BgNbdModel.of(r.value(), alpha.value(), a.value(), b.value());
  }
}
