package io.clientyield.funnel.internal;

import io.clientyield.funnel.survival.TimeToOutcome.AgeQuantile;
import io.clientyield.funnel.survival.TimeToOutcome.StageSurvival;
import io.clientyield.funnel.survival.TimeToOutcome.SurvivalPoint;
import io.clientyield.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one home of the Kaplan–Meier and Aalen–Johansen estimators (formulas: the package
 * documentation of {@code io.clientyield.funnel.survival}), over sparse counts by age: parallel
 * arrays of distinct ages in ascending order and, per age, the wins, losses and censorings. Used
 * by {@code TimeToOutcomeAccumulator} (time to outcome by age in stage) and by
 * {@code TimeInStageAccumulator} (stays and cycles with open deals censored at the as-of date).
 * Stateless and thread-safe.
 */
public final class SurvivalEstimator {
  /** The 0.975 quantile of the standard normal distribution (95 % two-sided intervals). */
  public static final double Z95 = 1.959963984540054;
  /** The levels of the reported percentiles of time to close. */
  static final double[] LEVELS = {0.25, 0.5, 0.75, 0.9};

  private SurvivalEstimator() {}

  /**
   * Kaplan–Meier percentiles 25, 50, 75 and 90 of time to an event (single cause), with their
   * Brookmeyer–Crowley 95 % intervals; censored observations are still open at their age.
   *
   * @param ages the distinct ages with a count, ascending
   * @param events the events at each age
   * @param censored the censorings at each age
   * @return the four percentiles, in level order
   */
  public static List<AgeQuantile> timeToEvent(long[] ages, long[] events, long[] censored) {
    Checks.notNull("ages", ages);
    return estimate("event", Optional.empty(), ages, events, new long[ages.length], censored).timeToClose();
  }

  /**
   * The Kaplan–Meier and Aalen–Johansen estimate of one stage (see the survival package docs).
   *
   * @param stage the stage id
   * @param group the group, empty for the pool
   * @param ages the distinct ages with a count, ascending
   * @param wonAt the wins at each age
   * @param lostAt the losses at each age
   * @param censoredAt the censorings at each age
   * @return the estimate
   */
  public static StageSurvival estimate(String stage, Optional<String> group, long[] ages, long[] wonAt,
      long[] lostAt, long[] censoredAt) {
    Checks.notNull("stage", stage);
    Checks.notNull("group", group);
    Checks.notNull("ages", ages);
    Checks.notNull("wonAt", wonAt);
    Checks.notNull("lostAt", lostAt);
    Checks.notNull("censoredAt", censoredAt);
    if (wonAt.length != ages.length || lostAt.length != ages.length || censoredAt.length != ages.length) {
      throw io.clientyield.core.ValidationException.of("ages", ages.length,
          "must have as many entries as wonAt, lostAt and censoredAt");
    }
    long total = 0;
    long won = 0;
    long lost = 0;
    long censored = 0;
    for (int j = 0; j < ages.length; j++) {
      won += wonAt[j];
      lost += lostAt[j];
      censored += censoredAt[j];
    }
    total = won + lost + censored;
    List<SurvivalPoint> points = new ArrayList<>();
    long atRisk = total;
    double s = 1.0;
    double greenwood = 0.0;
    double fWon = 0.0;
    double fLost = 0.0;
    // running sums of the delta-method variance, per cause: A = Σ a_j, B = Σ F_j a_j,
    // C = Σ F_j² a_j (shared a_j), D = Σ S_{j-1} c_kj, E = Σ F_kj S_{j-1} c_kj, G = Σ S_{j-1}² b_kj
    double a = 0.0;
    double[] b = new double[2];
    double[] cc = new double[2];
    double[] d = new double[2];
    double[] e = new double[2];
    double[] g = new double[2];
    for (int j = 0; j < ages.length; j++) {
      long t = ages[j];
      long w = wonAt[j];
      long l = lostAt[j];
      long c = censoredAt[j];
      if (w + l + c == 0) {
        continue;
      }
      long events = w + l;
      double n = atRisk;
      double sBefore = s;
      if (events > 0) {
        fWon += sBefore * w / n;
        fLost += sBefore * l / n;
        s = sBefore * (1.0 - events / n);
        if (events < atRisk) {
          double aj = events / (n * (n - events));
          greenwood += aj;
          a += aj;
          double[] f = {fWon, fLost};
          for (int k = 0; k < 2; k++) {
            b[k] += f[k] * aj;
            cc[k] += f[k] * f[k] * aj;
          }
        } else {
          s = 0.0;
        }
        long[] dk = {w, l};
        double[] f = {fWon, fLost};
        for (int k = 0; k < 2; k++) {
          double ck = dk[k] / (n * n);
          d[k] += sBefore * ck;
          e[k] += f[k] * sBefore * ck;
          g[k] += sBefore * sBefore * dk[k] * (n - dk[k]) / (n * n * n);
        }
      }
      double[] f = {fWon, fLost};
      double[][] ci = new double[2][];
      for (int k = 0; k < 2; k++) {
        double var = f[k] * f[k] * a - 2 * f[k] * b[k] + cc[k] + g[k] - 2 * (f[k] * d[k] - e[k]);
        ci[k] = logLog(f[k], Math.sqrt(Math.max(0.0, var)));
      }
      double[] sci = survivalInterval(s, greenwood);
      points.add(new SurvivalPoint(t, atRisk, w, l, c, clamp(s), sci[0], sci[1],
          clamp(fWon), ci[0][0], ci[0][1], clamp(fLost), ci[1][0], ci[1][1]));
      atRisk -= w + l + c;
    }
    List<AgeQuantile> quantiles = new ArrayList<>();
    for (double q : LEVELS) {
      quantiles.add(quantile(points, q));
    }
    return new StageSurvival(stage, group, total, won, lost, censored, points, quantiles,
        clamp(fWon));
  }

  private static double clamp(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }

  /** Log(-log) interval of S with Greenwood sum v: S^exp(±z sqrt(v)/|log S|). */
  private static double[] survivalInterval(double s, double v) {
    if (s <= 0.0 || s >= 1.0 || v <= 0.0) {
      return new double[] {clamp(s), clamp(s)};
    }
    double se = Math.sqrt(v) / Math.abs(Math.log(s));
    return new double[] {clamp(Math.pow(s, Math.exp(Z95 * se))), clamp(Math.pow(s, Math.exp(-Z95 * se)))};
  }

  /** Log(-log) interval of a probability p with standard error se. */
  private static double[] logLog(double p, double se) {
    if (p <= 0.0 || p >= 1.0 || se <= 0.0) {
      return new double[] {clamp(p), clamp(p)};
    }
    double k = Z95 * se / (p * Math.abs(Math.log(p)));
    return new double[] {clamp(Math.pow(p, Math.exp(k))), clamp(Math.pow(p, Math.exp(-k)))};
  }

  private static AgeQuantile quantile(List<SurvivalPoint> points, double q) {
    double target = 1.0 - q;
    OptionalLong age = OptionalLong.empty();
    OptionalLong lower = OptionalLong.empty();
    OptionalLong upper = OptionalLong.empty();
    final double eps = 1e-12;
    for (SurvivalPoint p : points) {
      if (age.isEmpty() && p.survival() <= target + eps) {
        age = OptionalLong.of(p.age());
      }
      if (lower.isEmpty() && p.survivalLower() <= target + eps) {
        lower = OptionalLong.of(p.age());
      }
      if (upper.isEmpty() && p.survivalUpper() <= target + eps) {
        upper = OptionalLong.of(p.age());
      }
    }
    return new AgeQuantile(q, age, lower, upper);
  }
}
