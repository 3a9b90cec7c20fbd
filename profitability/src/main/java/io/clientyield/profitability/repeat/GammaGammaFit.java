package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.ValidationException;
import java.util.OptionalDouble;

/**
 * A maximum-likelihood fit of the {@link GammaGammaModel} on the repeat clients with a positive
 * mean spend, with the independence check the model rests on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param p the estimate of p
 * @param q the estimate of q
 * @param gamma the estimate of γ (money units)
 * @param logLikelihood the maximal log-likelihood, finite
 * @param clients the number of clients fitted (x &gt; 0 and mean spend &gt; 0), &ge; 1
 * @param frequencySpendCorrelation the Pearson correlation of x and z̄ over those clients, in
 *     [−1, 1]; near 0 supports the model's independence assumption; empty when x or z̄ does not
 *     vary
 * @param evaluations log-likelihood evaluations of the optimiser, &ge; 0
 */
public record GammaGammaFit(
    @JsonProperty("p") Estimate p,
    @JsonProperty("q") Estimate q,
    @JsonProperty("gamma") Estimate gamma,
    @JsonProperty("logLikelihood") double logLikelihood,
    @JsonProperty("clients") long clients,
    @JsonProperty("frequencySpendCorrelation") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        OptionalDouble frequencySpendCorrelation,
    @JsonProperty("evaluations") long evaluations) {

  /**
   * Validates the parts; the three values must make a valid model.
   *
   * @param p the estimate of p
   * @param q the estimate of q
   * @param gamma the estimate of γ
   * @param logLikelihood the maximal log-likelihood, finite
   * @param clients clients fitted, &ge; 1
   * @param frequencySpendCorrelation in [−1, 1], or empty
   * @param evaluations optimiser evaluations, &ge; 0
   * @throws ValidationException naming every bad part
   */
  @JsonCreator
  public GammaGammaFit {
    Checks.notNull("p", p);
    Checks.notNull("q", q);
    Checks.notNull("gamma", gamma);
    Checks.finite("logLikelihood", logLikelihood);
    Checks.positive("clients", clients);
    Checks.nonNegative("evaluations", evaluations);
    frequencySpendCorrelation = frequencySpendCorrelation == null ? OptionalDouble.empty() : frequencySpendCorrelation;
    if (frequencySpendCorrelation.isPresent()) {
      Checks.inRange("frequencySpendCorrelation", frequencySpendCorrelation.getAsDouble(), -1, 1);
    }
    GammaGammaModel.of(p.value(), q.value(), gamma.value());
  }

  /**
   * The fitted model.
   *
   * @return the model with the estimated parameters
   */
  public GammaGammaModel model() {
    return GammaGammaModel.of(p.value(), q.value(), gamma.value());
  }
}
