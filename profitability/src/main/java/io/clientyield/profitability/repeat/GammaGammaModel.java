package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.OptionalDouble;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV"; Fader
 * and Hardie's note on the Gamma-Gamma model): a client's purchase amounts are Gamma(p, ν), and ν
 * is Gamma(q, γ) across clients, independently of how often they buy.
 *
 * <p>Spend is a {@code double} in the currency's major units (a statistical model, not
 * bookkeeping; see the package documentation). Example (the CDNOW sample): p = 6.25, q = 3.74,
 * γ = 15.44; the population mean spend per purchase is pγ/(q−1) ≈ 35.2; a client with x = 2 and
 * z̄ = 22.35 is expected to spend p(γ + x z̄)/(px + q − 1) ≈ 25.1 per purchase.
 *
 * <p>Immutable and thread-safe.
 *
 * @param p shape of the spend per purchase, &gt; 0
 * @param q shape of the clients' spend-rate distribution, &gt; 0
 * @param gamma rate (in money units) of the clients' spend-rate distribution, &gt; 0
 */
public record GammaGammaModel(
    @JsonProperty("p") double p,
    @JsonProperty("q") double q,
    @JsonProperty("gamma") double gamma) {

  /**
   * Validates the parameters: each finite and &gt; 0.
   *
   * @param p shape of the spend per purchase
   * @param q shape of the spend-rate distribution
   * @param gamma rate of the spend-rate distribution
   * @throws ValidationException naming every bad parameter
   */
  @JsonCreator
  public GammaGammaModel {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.positive("p", p));
    c.check(() -> Checks.positive("q", q));
    c.check(() -> Checks.positive("gamma", gamma));
    c.throwIfAny();
  }

  /**
   * Creates the model.
   *
   * @param p shape of the spend per purchase, &gt; 0
   * @param q shape of the spend-rate distribution, &gt; 0
   * @param gamma rate of the spend-rate distribution, &gt; 0
   * @return the model
   * @throws ValidationException naming every bad parameter
   */
  public static GammaGammaModel of(double p, double q, double gamma) {
    return new GammaGammaModel(p, q, gamma);
  }

  /**
   * The log-likelihood of one client's mean spend z̄ over x repeat purchases.
   *
   * @param x repeat purchases, &ge; 1
   * @param meanSpend z̄, finite and &gt; 0
   * @return the log-likelihood, finite
   * @throws ValidationException for bad input
   */
  public double logLikelihood(long x, double meanSpend) {
    Checks.positive("x", x);
    Checks.positive("meanSpend", meanSpend);
    return logLikelihood(p, q, gamma, x, Math.log(meanSpend), meanSpend);
  }

  static double logLikelihood(double p, double q, double gamma, long x, double logZ, double z) {
    double px = p * x;
    return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
        + (px - 1) * logZ + px * Math.log(x) - (px + q) * Math.log(gamma + x * z);
  }

  /**
   * E[Z | x, z̄] = p(γ + x z̄)/(px + q − 1): the expected spend of a client's next purchase.
   *
   * @param x repeat purchases, &ge; 0 (0: a client with no repeat purchase yet)
   * @param meanSpend z̄, finite and &ge; 0 (ignored when x = 0)
   * @return the expected spend in major units, or empty when px + q &le; 1 (the mean is infinite)
   * @throws ValidationException for bad input
   */
  public OptionalDouble expectedSpend(long x, double meanSpend) {
    Checks.nonNegative("x", x);
    Checks.nonNegative("meanSpend", meanSpend);
    double px = p * x;
    double denominator = px + q - 1;
    if (!(denominator > 0)) {
      return OptionalDouble.empty();
    }
    double v = p * (gamma + x * meanSpend) / denominator;
    return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
  }

  /**
   * E[Z | summary], with z̄ = repeat spend / x.
   *
   * @param s the summary
   * @return the expected spend in major units, or empty when px + q &le; 1
   */
  public OptionalDouble expectedSpend(RepeatSummary s) {
    return expectedSpend(s.repeatPurchases(), s.meanRepeatSpendValue());
  }

  /**
   * The population mean spend per purchase pγ/(q−1).
   *
   * @return it, or empty when q &le; 1 (infinite)
   */
  public OptionalDouble populationMeanSpend() {
    return expectedSpend(0, 0);
  }
}
