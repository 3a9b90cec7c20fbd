package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005, "Counting your customers the
 * easy way"): while alive a client buys at rate λ ~ Gamma(r, α) and after each purchase drops out
 * with probability p ~ Beta(a, b). Formulas, the ₂F₁ series and its convergence bound are in the
 * {@linkplain io.clientyield.profitability.repeat package documentation}.
 *
 * <p>Times (t, t_x, T) and α are in the time unit of the data the model was fitted on (weeks by
 * default). Expected purchase counts are fractional ({@code double}). Every method returns a
 * finite value or throws {@link ValidationException} for bad input; none returns NaN.
 *
 * <p>Example (the CDNOW sample, weeks): r = 0.243, α = 4.414, a = 0.793, b = 2.426; a client with
 * x = 2, t_x = 30.43, T = 38.86 is alive with probability 0.727 and is expected to make 1.226
 * purchases in the next 39 weeks (the paper's worked example).
 *
 * <p>Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate distribution, &gt; 0
 * @param alpha rate (scale in time units) of the purchase-rate distribution, &gt; 0
 * @param a first shape of the dropout-probability distribution, &gt; 0
 * @param b second shape of the dropout-probability distribution, &gt; 0
 */
public record BgNbdModel(
    @JsonProperty("r") double r,
    @JsonProperty("alpha") double alpha,
    @JsonProperty("a") double a,
    @JsonProperty("b") double b) {

  /** The largest z = t/(A+t) the ₂F₁ series is summed for (t &le; 9 999 A). */
  static final double MAX_Z = 0.9999;
  private static final double SERIES_EPSILON = 1e-15;

  /**
   * Validates the parameters: each finite and &gt; 0.
   *
   * @param r shape of the purchase-rate distribution
   * @param alpha rate of the purchase-rate distribution
   * @param a first shape of the dropout distribution
   * @param b second shape of the dropout distribution
   * @throws ValidationException naming every bad parameter
   */
  @JsonCreator
  public BgNbdModel {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.positive("r", r));
    c.check(() -> Checks.positive("alpha", alpha));
    c.check(() -> Checks.positive("a", a));
    c.check(() -> Checks.positive("b", b));
    c.throwIfAny();
  }

  /**
   * Creates the model.
   *
   * @param r shape of the purchase-rate distribution, &gt; 0
   * @param alpha rate of the purchase-rate distribution, &gt; 0
   * @param a first shape of the dropout distribution, &gt; 0
   * @param b second shape of the dropout distribution, &gt; 0
   * @return the model
   * @throws ValidationException naming every bad parameter
   */
  public static BgNbdModel of(double r, double alpha, double a, double b) {
    return new BgNbdModel(r, alpha, a, b);
  }

  /**
   * The log-likelihood of one client's history (see the package documentation).
   *
   * @param x repeat purchases, &ge; 0
   * @param tx time of the last purchase, 0 when x = 0
   * @param observationTime T, &ge; t_x
   * @return the log-likelihood, finite and &le; 0 for valid input
   * @throws ValidationException for bad input
   */
  public double logLikelihood(long x, double tx, double observationTime) {
    check(x, tx, observationTime);
    return logLikelihood(r, alpha, a, b, x, tx, observationTime);
  }

  /**
   * The log-likelihood of a summary.
   *
   * @param s the summary
   * @return the log-likelihood
   */
  public double logLikelihood(RepeatSummary s) {
    return logLikelihood(r, alpha, a, b, s.repeatPurchases(), s.lastPurchaseTime(), s.observationTime());
  }

  static double logLikelihood(double r, double alpha, double a, double b, long x, double tx, double bigT) {
    double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
        + Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
    double atT = -(r + x) * Math.log(alpha + bigT);
    if (x == 0) {
      return common + atT;
    }
    double atTx = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    return common + logSumExp(atT, atTx);
  }

  static double logSumExp(double u, double v) {
    double m = Math.max(u, v);
    return m + Math.log1p(Math.exp(Math.min(u, v) - m));
  }

  /**
   * P(alive | x, t_x, T) = 1 / (1 + [x &gt; 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
   *
   * @param x repeat purchases, &ge; 0
   * @param tx time of the last purchase, 0 when x = 0
   * @param observationTime T, &ge; t_x
   * @return the probability in [0, 1]; 1 when x = 0
   * @throws ValidationException for bad input
   */
  public double probabilityAlive(long x, double tx, double observationTime) {
    check(x, tx, observationTime);
    return probabilityAliveUnchecked(x, tx, observationTime);
  }

  /**
   * P(alive) of a summary.
   *
   * @param s the summary
   * @return the probability in [0, 1]
   */
  public double probabilityAlive(RepeatSummary s) {
    return probabilityAliveUnchecked(s.repeatPurchases(), s.lastPurchaseTime(), s.observationTime());
  }

  double probabilityAliveUnchecked(long x, double tx, double bigT) {
    if (x == 0) {
      return 1;
    }
    double logOdds = Math.log(a) - Math.log(b + x - 1)
        + (r + x) * (Math.log(alpha + bigT) - Math.log(alpha + tx));
    // exp overflows to +infinity for huge odds: 1 / (1 + inf) = 0, never NaN
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * E[Y(t) | x, t_x, T]: the expected number of purchases in the next t time units.
   *
   * @param t the horizon, finite, &ge; 0 and &le; 9 999 (α + T)
   * @param x repeat purchases, &ge; 0
   * @param tx time of the last purchase, 0 when x = 0
   * @param observationTime T, &ge; t_x
   * @return the expected purchases (fractional), &ge; 0, non-decreasing in t
   * @throws ValidationException for bad input
   */
  public double expectedPurchases(double t, long x, double tx, double observationTime) {
    check(x, tx, observationTime);
    checkHorizon(t, observationTime);
    return expectedPurchasesUnchecked(t, x, tx, observationTime);
  }

  /**
   * E[Y(t)] of a summary.
   *
   * @param t the horizon, finite, &ge; 0 and &le; 9 999 (α + T)
   * @param s the summary
   * @return the expected purchases (fractional), &ge; 0
   * @throws ValidationException if t is bad
   */
  public double expectedPurchases(double t, RepeatSummary s) {
    checkHorizon(t, s.observationTime());
    return expectedPurchasesUnchecked(t, s.repeatPurchases(), s.lastPurchaseTime(), s.observationTime());
  }

  double expectedPurchasesUnchecked(double t, long x, double tx, double bigT) {
    double alive = probabilityAliveUnchecked(x, tx, bigT);
    return alive == 0 ? 0 : alive * aliveMean(a, b + x, r + x, alpha + bigT, t);
  }

  /**
   * E[X(t)]: the expected repeat purchases of a new client by time t since the first purchase
   * (the population curve of the tracking plot).
   *
   * @param t time since the first purchase, finite, &ge; 0 and &le; 9 999 α
   * @return the expected repeat purchases (fractional), &ge; 0, non-decreasing in t
   * @throws ValidationException if t is bad
   */
  public double expectedRepeatPurchases(double t) {
    checkHorizon(t, 0);
    return aliveMean(a, b, r, alpha, t);
  }

  /**
   * P(Y(t) = k | x, t_x, T): the probability of exactly k purchases in the next t time units.
   *
   * @param k the number of purchases, &ge; 0
   * @param t the horizon, finite and &ge; 0
   * @param x repeat purchases, &ge; 0
   * @param tx time of the last purchase, 0 when x = 0
   * @param observationTime T, &ge; t_x
   * @return the probability in [0, 1]; over k = 0, 1, ... they sum to 1
   * @throws ValidationException for bad input
   */
  public double probabilityOfPurchases(long k, double t, long x, double tx, double observationTime) {
    check(x, tx, observationTime);
    Checks.nonNegative("k", k);
    Checks.nonNegative("t", t);
    double alive = probabilityAliveUnchecked(x, tx, observationTime);
    double bigA = alpha + observationTime;
    double bigR = r + x;
    double bigB = b + x;
    double logQ = Math.log(bigA) - Math.log(bigA + t); // ln(A/(A+t))
    double given;
    if (k == 0) {
      given = Math.exp(bigR * logQ);
    } else {
      double z = t / (bigA + t);
      double lnB = Beta.logBeta(a, bigB);
      double tail = z == 0 ? 0 : Beta.regularizedBeta(z, k, bigR);
      double dropped = Math.exp(Beta.logBeta(a + 1, bigB + k - 1) - lnB) * tail;
      double lnNb = Gamma.logGamma(bigR + k) - Gamma.logGamma(bigR) - Gamma.logGamma(k + 1.0)
          + bigR * logQ + (z == 0 ? Double.NEGATIVE_INFINITY : k * Math.log(z));
      double stayed = Math.exp(Beta.logBeta(a, bigB + k) - lnB + lnNb);
      given = dropped + stayed;
    }
    double p = alive * given + (k == 0 ? 1 - alive : 0);
    if (Double.isNaN(p)) {
      throw ValidationException.of("k", k, "is beyond the numerical range of the incomplete beta function");
    }
    return Math.max(0, Math.min(1, p));
  }

  /**
   * G(a, B, R, A, t) = E over p ~ Beta(a, B) of (1/p)(1 − (A/(A+pt))^R): the expected purchases
   * in t of a client known to be alive, by the Euler-transformed ₂F₁ series of the package
   * documentation.
   */
  static double aliveMean(double a, double bigB, double bigR, double bigA, double t) {
    if (t == 0) {
      return 0;
    }
    double logOneMinusZ = Math.log(bigA) - Math.log(bigA + t);
    double z = t / (bigA + t);
    double c = a + bigB - 1;
    double am1 = a - 1;
    // (1 − (1−z)^(a−1)) / (a−1), −ln(1−z) at a = 1
    double ratio = am1 == 0 ? -logOneMinusZ : -Math.expm1(am1 * logOneMinusZ) / am1;
    double term = (c - bigR) * z;
    double sum = term;
    double start = bigR - c; // terms have one sign once n > R − c
    double extra = Math.max(0, a - 2);
    for (int n = 1; ; n++) {
      term *= (c - bigR + n) * (a + n - 1) * z / ((c + n) * (n + 1));
      sum += term;
      if (n + 1 > start) {
        double rho = extra == 0 ? z : z * (1 + extra / (n + 2));
        if (rho < 1 && Math.abs(term) * rho <= SERIES_EPSILON * Math.abs(sum) * (1 - rho)) {
          break;
        }
      }
      if (n > 50_000_000) {
        throw ValidationException.of("t", t, "is too long a horizon for the series (z = " + z + ")");
      }
    }
    double g = c * ratio - Math.exp(am1 * logOneMinusZ) * sum;
    return Math.max(0, g);
  }

  private void checkHorizon(double t, double bigT) {
    Checks.nonNegative("t", t);
    double limit = (alpha + bigT) * (MAX_Z / (1 - MAX_Z));
    if (t > limit) {
      throw ValidationException.of("t", t, "must be <= 9999 (alpha + T) = " + Checks.render(limit)
          + " (the series' convergence bound)");
    }
  }

  static void check(long x, double tx, double bigT) {
    if (x >= 0 && tx >= 0 && bigT < Double.POSITIVE_INFINITY && tx <= bigT && (x > 0 || tx == 0)) {
      return; // the common, valid case allocates nothing
    }
    Checks.Collector c = Checks.collector();
    if (x < 0) {
      c.add("x", x, "must be >= 0");
    }
    if (!(tx >= 0 && tx < Double.POSITIVE_INFINITY)) {
      c.add("tx", tx, "must be finite and >= 0");
    }
    if (!(bigT >= 0 && bigT < Double.POSITIVE_INFINITY)) {
      c.add("T", bigT, "must be finite and >= 0");
    } else if (tx > bigT) {
      c.add("tx", tx, "must be <= T (" + Checks.render(bigT) + ")");
    }
    if (x == 0 && tx != 0) {
      c.add("tx", tx, "must be 0 when x = 0");
    }
    c.throwIfAny();
  }
}
