package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.hipparchus.special.Gamma;

/**
 * Fits the {@link GammaGammaModel} by maximum likelihood on the clients with at least one repeat
 * purchase and a positive mean repeat spend (the others carry no information on spend per
 * purchase), and reports the frequency-spend correlation the model assumes to be about zero.
 * Optimiser, start values, tolerances and standard errors: see the package documentation.
 *
 * <p>Example: the 946 repeat clients of the CDNOW 1/10 sample give p = 6.25, q = 3.74,
 * γ = 15.44, as published, and a correlation of x and z̄ of about 0.11.
 *
 * <p>Deterministic. Stateless and thread-safe.
 */
public final class GammaGammaFitter {

  /** The fitter. */
  public static final GammaGammaFitter DEFAULT = new GammaGammaFitter();

  private GammaGammaFitter() {}

  /**
   * Fits the model to the summaries with x &gt; 0 and a positive repeat spend.
   *
   * @param summaries the clients, no null element
   * @return the fit
   * @throws ValidationException if no client has x &gt; 0 and a positive spend, or the data do not
   *     identify the model
   */
  public GammaGammaFit fit(List<RepeatSummary> summaries) {
    List<RepeatSummary> list = Checks.elementsNotNull("summaries", summaries);
    long[] x = new long[list.size()];
    double[] mean = new double[list.size()];
    int n = 0;
    for (RepeatSummary s : list) {
      if (s.repeatPurchases() > 0 && s.repeatSpend().signum() > 0) {
        x[n] = s.repeatPurchases();
        mean[n++] = s.meanRepeatSpendValue();
      }
    }
    return fitUnchecked(Arrays.copyOf(x, n), Arrays.copyOf(mean, n));
  }

  /**
   * Fits the model to columns of (x, z̄), one row per repeat client.
   *
   * @param x repeat purchases, &ge; 1
   * @param meanSpend mean spend of the repeat purchases in major units, finite and &gt; 0
   * @return the fit
   * @throws ValidationException naming each bad row ({@code clients[3].meanSpend}), if the columns
   *     differ in length or are empty, or the data do not identify the model
   */
  public GammaGammaFit fit(long[] x, double[] meanSpend) {
    Checks.notNull("x", x);
    Checks.notNull("meanSpend", meanSpend);
    if (x.length != meanSpend.length) {
      throw ValidationException.of("columns", x.length + "/" + meanSpend.length, "must have equal lengths");
    }
    Checks.Collector c = Checks.collector();
    for (int i = 0; i < x.length; i++) {
      if (x[i] < 1) {
        c.add("clients[" + i + "].x", x[i], "must be >= 1");
      }
      if (!(meanSpend[i] > 0 && meanSpend[i] < Double.POSITIVE_INFINITY)) {
        c.add("clients[" + i + "].meanSpend", meanSpend[i], "must be finite and > 0");
      }
    }
    c.throwIfAny();
    return fitUnchecked(x.clone(), meanSpend.clone());
  }

  private static GammaGammaFit fitUnchecked(long[] x, double[] z) {
    int n = x.length;
    if (n == 0) {
      throw ValidationException.of("summaries", "0 repeat clients with a positive spend",
          "must hold at least one client with x > 0 and a positive spend");
    }
    // per distinct x: log-gamma terms once; per client: one logarithm per evaluation
    long[] distinct = LongStream.of(x).sorted().distinct().toArray();
    int[] xi = new int[n];
    double[] logZ = new double[n];
    for (int i = 0; i < n; i++) {
      xi[i] = Arrays.binarySearch(distinct, x[i]);
      logZ[i] = Math.log(z[i]);
    }
    int nx = distinct.length;
    MaximumLikelihood.Result m = MaximumLikelihood.maximize(3, theta -> {
      double p = Math.exp(theta[0]);
      double q = Math.exp(theta[1]);
      double gamma = Math.exp(theta[2]);
      double constant = -Gamma.logGamma(q) + q * Math.log(gamma);
      double[] perX = new double[nx];
      double[] px = new double[nx];
      for (int k = 0; k < nx; k++) {
        px[k] = p * distinct[k];
        perX[k] = Gamma.logGamma(px[k] + q) - Gamma.logGamma(px[k]) + constant + px[k] * Math.log(distinct[k]);
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        int k = xi[i];
        sum += perX[k] + (px[k] - 1) * logZ[i] - (px[k] + q) * Math.log(gamma + x[i] * z[i]);
      }
      return sum;
    });
    double[] p = m.parameters();
    for (double v : p) {
      if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
        throw ValidationException.of("summaries", n + " repeat clients",
            "do not identify the Gamma-Gamma model: the likelihood has no finite maximum");
      }
    }
    OptionalDouble[] se = m.standardErrors();
    return new GammaGammaFit(new Estimate(p[0], se[0]), new Estimate(p[1], se[1]), new Estimate(p[2], se[2]),
        m.logLikelihood(), n, correlation(x, z), m.evaluations());
  }

  /** Pearson correlation of x and z, empty when either does not vary. */
  static OptionalDouble correlation(long[] x, double[] z) {
    int n = x.length;
    double mx = 0;
    double mz = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      mz += z[i];
    }
    mx /= n;
    mz /= n;
    double sxx = 0;
    double szz = 0;
    double sxz = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dz = z[i] - mz;
      sxx += dx * dx;
      szz += dz * dz;
      sxz += dx * dz;
    }
    if (!(sxx > 0 && szz > 0)) {
      return OptionalDouble.empty();
    }
    double rho = sxz / Math.sqrt(sxx * szz);
    return Double.isFinite(rho) ? OptionalDouble.of(Math.max(-1, Math.min(1, rho))) : OptionalDouble.empty();
  }

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
}
