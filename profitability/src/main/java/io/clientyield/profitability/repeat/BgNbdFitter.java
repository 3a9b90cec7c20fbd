package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import org.hipparchus.special.Gamma;

/**
 * Fits the {@link BgNbdModel} by maximum likelihood (see the package documentation for the
 * likelihood, the optimiser, its start values and tolerances, and the standard errors).
 *
 * <p>Example: the 2 357 clients of the CDNOW 1/10 sample (weeks, calibration weeks 1–39) give
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426 and a log-likelihood of −9 582.4, as published.
 *
 * <p>Deterministic: the same clients (in any order) give the same fit. Stateless and thread-safe.
 */
public final class BgNbdFitter {

  /** The fitter. */
  public static final BgNbdFitter DEFAULT = new BgNbdFitter();

  private BgNbdFitter() {}

  /**
   * Fits the model to summaries.
   *
   * @param summaries the clients, at least one, no null element
   * @return the fit
   * @throws ValidationException if the list is empty or holds a null, or if the data do not
   *     identify the model (the likelihood has no finite maximum, e.g. nobody made a repeat
   *     purchase)
   */
  public BgNbdFit fit(List<RepeatSummary> summaries) {
    List<RepeatSummary> list = Checks.elementsNotNull("summaries", summaries);
    Checks.notEmpty("summaries", list);
    int n = list.size();
    long[] x = new long[n];
    double[] tx = new double[n];
    double[] bigT = new double[n];
    for (int i = 0; i < n; i++) {
      RepeatSummary s = list.get(i);
      x[i] = s.repeatPurchases();
      tx[i] = s.lastPurchaseTime();
      bigT[i] = s.observationTime();
    }
    return fitUnchecked(x, tx, bigT);
  }

  /**
   * Fits the model to columns of (x, t_x, T), one row per client.
   *
   * @param x repeat purchases, &ge; 0
   * @param tx times of the last purchase, 0 when x = 0
   * @param observationTimes T, &ge; t_x
   * @return the fit
   * @throws ValidationException naming each bad row ({@code clients[3].tx}), if the columns differ
   *     in length or are empty, or if the data do not identify the model
   */
  public BgNbdFit fit(long[] x, double[] tx, double[] observationTimes) {
    Checks.notNull("x", x);
    Checks.notNull("tx", tx);
    Checks.notNull("observationTimes", observationTimes);
    if (tx.length != x.length || observationTimes.length != x.length) {
      throw ValidationException.of("columns", x.length + "/" + tx.length + "/" + observationTimes.length,
          "must have equal lengths");
    }
    if (x.length == 0) {
      throw ValidationException.of("x", "[]", "must not be empty");
    }
    Checks.Collector c = Checks.collector();
    for (int i = 0; i < x.length; i++) {
      final int row = i;
      c.check(() -> {
        try {
          BgNbdModel.check(x[row], tx[row], observationTimes[row]);
        } catch (ValidationException e) {
          Checks.Collector named = Checks.collector();
          e.violations().forEach(v -> named.add("clients[" + row + "]." + v.field(), v.rejectedValue(), v.rule()));
          named.throwIfAny();
        }
      });
    }
    c.throwIfAny();
    return fitUnchecked(x, tx, observationTimes);
  }

  private static BgNbdFit fitUnchecked(long[] x, double[] tx, double[] bigT) {
    Data d = Data.of(x, tx, bigT);
    MaximumLikelihood.Result m = MaximumLikelihood.maximize(4, d::logLikelihood);
    double[] p = m.parameters();
    for (double v : p) {
      if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
        throw ValidationException.of("summaries", x.length + " clients",
            "do not identify the BG/NBD model: the likelihood has no finite maximum (e.g. no repeat purchases)");
      }
    }
    OptionalDouble[] se = m.standardErrors();
    return new BgNbdFit(new Estimate(p[0], se[0]), new Estimate(p[1], se[1]), new Estimate(p[2], se[2]),
        new Estimate(p[3], se[3]), m.logLikelihood(), x.length, m.evaluations());
  }

  /**
   * The clients grouped by equal (x, t_x, T), in a fixed order, with indices into the distinct x,
   * t_x and T values, so that an evaluation takes each log-gamma and logarithm once per distinct
   * value and only an exponential and a log1p per group.
   */
  private static final class Data {
    long[] distinctX;
    double[] distinctTx;
    double[] distinctT;
    int[] xIndex;
    int[] txIndex;
    int[] bigTIndex;
    double[] weight;

    static Data of(long[] x, double[] tx, double[] bigT) {
      Integer[] order = new Integer[x.length];
      for (int i = 0; i < x.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingLong(i -> x[i])
          .thenComparingDouble(i -> tx[i]).thenComparingDouble(i -> bigT[i]));
      Data d = new Data();
      d.distinctX = LongStream.of(x).sorted().distinct().toArray();
      d.distinctTx = DoubleStream.of(tx).sorted().distinct().toArray();
      d.distinctT = DoubleStream.of(bigT).sorted().distinct().toArray();
      int[] xi = new int[x.length];
      int[] txi = new int[x.length];
      int[] ti = new int[x.length];
      double[] w = new double[x.length];
      int groups = 0;
      long lastX = -1;
      double lastTx = Double.NaN;
      double lastT = Double.NaN;
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        if (groups > 0 && lastX == x[i] && lastTx == tx[i] && lastT == bigT[i]) {
          w[groups - 1]++;
          continue;
        }
        lastX = x[i];
        lastTx = tx[i];
        lastT = bigT[i];
        xi[groups] = Arrays.binarySearch(d.distinctX, x[i]);
        txi[groups] = Arrays.binarySearch(d.distinctTx, tx[i]);
        ti[groups] = Arrays.binarySearch(d.distinctT, bigT[i]);
        w[groups] = 1;
        groups++;
      }
      d.xIndex = Arrays.copyOf(xi, groups);
      d.txIndex = Arrays.copyOf(txi, groups);
      d.bigTIndex = Arrays.copyOf(ti, groups);
      d.weight = Arrays.copyOf(w, groups);
      return d;
    }

    double logLikelihood(double[] logTheta) {
      double r = Math.exp(logTheta[0]);
      double alpha = Math.exp(logTheta[1]);
      double a = Math.exp(logTheta[2]);
      double b = Math.exp(logTheta[3]);
      int nx = distinctX.length;
      double[] common = new double[nx];
      double[] dropout = new double[nx];
      double[] rx = new double[nx];
      double base = -Gamma.logGamma(r) + r * Math.log(alpha) + Gamma.logGamma(a + b) - Gamma.logGamma(b);
      double logA = Math.log(a);
      for (int k = 0; k < nx; k++) {
        long xv = distinctX[k];
        rx[k] = r + xv;
        common[k] = base + Gamma.logGamma(r + xv) + Gamma.logGamma(b + xv) - Gamma.logGamma(a + b + xv);
        dropout[k] = xv == 0 ? 0 : logA - Math.log(b + xv - 1);
      }
      double[] logAlphaTx = logs(alpha, distinctTx);
      double[] logAlphaT = logs(alpha, distinctT);
      double sum = 0;
      for (int g = 0; g < weight.length; g++) {
        int k = xIndex[g];
        double atT = -rx[k] * logAlphaT[bigTIndex[g]];
        double ll = distinctX[k] == 0 ? atT
            : BgNbdModel.logSumExp(atT, dropout[k] - rx[k] * logAlphaTx[txIndex[g]]);
        sum += weight[g] * (common[k] + ll);
      }
      return sum;
    }

    private static double[] logs(double alpha, double[] times) {
      double[] out = new double[times.length];
      for (int i = 0; i < times.length; i++) {
        out[i] = Math.log(alpha + times[i]);
      }
      return out;
    }
  }

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
}
