package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.leads.LeadTargets;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * The probabilistic pipeline: from open deals with win probabilities to the distribution of won
 * revenue and won-deal counts, and the leads needed to reach a target with a chosen confidence.
 *
 * <p>Deals are independent Bernoulli trials: deal i is won with probability {@code p_i} and then
 * brings its budget {@code b_i}. Won revenue {@code X = Σ b_i W_i}, {@code E[X] = Σ b_i p_i}
 * (the weighted pipeline).
 *
 * <ul>
 *   <li>{@link #counts}: exact Poisson-binomial by dynamic programming, O(n²).
 *   <li>{@link #onGrid}: exact convolution with every budget rounded half-up to a multiple of
 *       {@code step}; each outcome is off by at most {@code n × step / 2}.
 *   <li>{@link #monteCarlo}: {@code trials} seeded simulations ({@link SplittableRandom}); the
 *       same seed, trials and deal order give the same result.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PipelineForecaster {

  /** The largest grid (number of cells) {@link #onGrid} accepts. */
  public static final int MAX_GRID_CELLS = 4_000_000;

  /** The largest work ({@code deals × cells}) {@link #onGrid} accepts. */
  public static final long MAX_GRID_WORK = 2_000_000_000L;

  /**
   * The largest number of trials {@link #monteCarlo} accepts: 10 000 000 (one {@code long} per
   * trial, plus one {@code long} and one {@code double} per distinct sum: at most 240 MB, within
   * the default heap of a 1 GB machine; the DKW bound is then 0.0005). Also bounded by {@link
   * #MAX_MONTE_CARLO_WORK}.
   */
  public static final int MAX_TRIALS = 10_000_000;

  /**
   * The largest work {@code deals × trials} {@link #monteCarlo} accepts: 2 × 10^9 draws (100 000
   * deals × 10 000 trials, 10^9 draws, take about 2 s; 10 000 deals × 10 000 000 trials, 10^11
   * draws, would take minutes and are rejected).
   */
  public static final long MAX_MONTE_CARLO_WORK = 2_000_000_000L;

  /**
   * The largest search limit {@code maxLeads} {@link #additionalLeads} accepts: 100 000 (each
   * probe sums up to {@code maxLeads + 1} binomial terms, about 2 log₂(maxLeads) probes).
   */
  public static final long MAX_LEADS = 100_000;

  /** The 99 % DKW constant: {@code ε = √(ln(2 / 0.01) / (2 × trials))}. */
  static final double DKW_LOG = Math.log(2 / 0.01);

  private PipelineForecaster() {}

  /**
   * Returns the exact distribution of the number of won deals.
   *
   * @param pipeline the open deals
   * @return the Poisson-binomial distribution
   * @throws ValidationException if the pipeline has more than {@link CountDistribution#MAX_DEALS}
   *     deals
   */
  public static CountDistribution counts(OpenPipeline pipeline) {
    Checks.notNull("pipeline", pipeline);
    return counts(pipeline.winProbabilities());
  }

  /**
   * The Poisson-binomial dynamic program over win probabilities (see {@link
   * CountDistribution}): O(n²) time, O(n) memory.
   */
  static CountDistribution counts(double[] winProbabilities) {
    Checks.notNull("winProbabilities", winProbabilities);
    int n = winProbabilities.length;
    if (n > CountDistribution.MAX_DEALS) {
      throw ValidationException.of("winProbabilities", n + " deals", "must have at most "
          + CountDistribution.MAX_DEALS + " entries (the exact count distribution is O(n²))");
    }
    for (int i = 0; i < n; i++) {
      double p = winProbabilities[i];
      if (!(p >= 0 && p <= 1)) {
        throw ValidationException.of("winProbabilities[" + i + "]", p, "must be within [0, 1]");
      }
    }
    double[] dp = new double[n + 1];
    dp[0] = 1;
    for (int i = 0; i < n; i++) {
      double p = winProbabilities[i];
      double q = 1 - p;
      for (int k = i + 1; k > 0; k--) {
        dp[k] = dp[k] * q + dp[k - 1] * p;
      }
      dp[0] *= q;
    }
    return new CountDistribution(new PrimitiveLists.OfDouble(dp));
  }

  /**
   * Returns the exact distribution of won revenue with budgets rounded to a grid.
   *
   * <p>Each budget becomes {@code g_i = round(b_i / step)} cells (half-up); the DP {@code
   * P_i(x) = P_{i-1}(x)(1 − p_i) + P_{i-1}(x − g_i) p_i} runs over {@code Σ g_i + 1} cells. The
   * error bound {@code n × step / 2} holds for every outcome, hence for the mean and every
   * quantile. Example: step EUR 1 000 over 200 deals → every number within EUR 100 000.
   *
   * @param pipeline the open deals
   * @param step the grid step, positive, in the pipeline's currency
   * @return the distribution (method GRID)
   * @throws ValidationException if the step is not positive, in another currency, so fine that
   *     the grid exceeds {@link #MAX_GRID_CELLS} cells or {@link #MAX_GRID_WORK}, or so coarse
   *     that the largest grid amount (cells × step) exceeds a long of minor units
   */
  public static RevenueDistribution onGrid(OpenPipeline pipeline, Money step) {
    Checks.notNull("pipeline", pipeline);
    Checks.notNull("step", step);
    if (!step.currency().equals(pipeline.currency())) {
      throw ValidationException.of("step", step, "must be in " + pipeline.currency());
    }
    if (step.signum() <= 0) {
      throw ValidationException.of("step", step, "must be > 0");
    }
    long s = step.minorUnits();
    long[] b = pipeline.budgetsMinor();
    double[] p = pipeline.winProbabilities();
    int n = b.length;
    int[] g = new int[n];
    long cells = 1;
    for (int i = 0; i < n; i++) {
      // round(b / s) half-up without the overflow of b + s / 2
      long gi = b[i] / s + (b[i] % s >= s - s / 2 ? 1 : 0);
      if (gi > MAX_GRID_CELLS - cells) { // cells + gi > MAX, without overflowing cells
        cells = MAX_GRID_CELLS + 1L;
      } else {
        cells += gi;
      }
      if (cells > MAX_GRID_CELLS) {
        throw ValidationException.of("step", step,
            "is too fine: the grid would exceed " + MAX_GRID_CELLS + " cells");
      }
      g[i] = (int) gi;
    }
    if (cells * (long) n > MAX_GRID_WORK) {
      throw ValidationException.of("step", step,
          "is too fine: deals × cells would exceed " + MAX_GRID_WORK);
    }
    double[] dp = new double[(int) cells];
    dp[0] = 1;
    int top = 0;
    for (int i = 0; i < n; i++) {
      double pi = p[i];
      double qi = 1 - pi;
      int gi = g[i];
      int newTop = top + gi;
      if (gi == 0) {
        continue;
      }
      for (int x = newTop; x >= 0; x--) {
        double stay = x <= top ? dp[x] * qi : 0;
        double move = x >= gi ? dp[x - gi] * pi : 0;
        dp[x] = stay + move;
      }
      top = newTop;
    }
    try {
      Math.multiplyExact((long) top, s); // the largest amount x × s below
    } catch (ArithmeticException e) {
      throw ValidationException.of("step", step, "is too coarse: the largest grid amount ("
          + top + " cells × step) exceeds a long of minor units (" + Long.MAX_VALUE + ")");
    }
    int nonZero = 0;
    for (int x = 0; x <= top; x++) {
      if (dp[x] > 0) {
        nonZero++;
      }
    }
    long[] values = new long[Math.max(1, nonZero)];
    double[] probs = new double[values.length];
    int k = 0;
    for (int x = 0; x <= top; x++) {
      if (dp[x] > 0) {
        values[k] = x * s;
        probs[k] = dp[x];
        k++;
      }
    }
    if (k == 0) {
      probs[0] = 1;
    }
    java.math.BigDecimal exact = pipeline.expectedExact();
    return new RevenueDistribution(pipeline.currency(), RevenueDistribution.Method.GRID,
        pipeline.expected(exact), pipeline.expectedMinor(exact), new PrimitiveLists.OfLong(values),
        new PrimitiveLists.OfDouble(probs), n * (s / 2.0), 0);
  }

  /**
   * Returns the empirical distribution of won revenue from seeded Monte Carlo trials.
   *
   * <p>Each trial draws every deal once (deals in insertion order, trials inner, one {@link
   * SplittableRandom} seeded with {@code seed}); a value seen in h of the trials has probability
   * {@code h / trials} (one division, so never above 1). The mean's standard error {@code sd / √trials}
   * is reported as {@link RevenueDistribution#meanErrorBound()}; the 99 % DKW bound {@code
   * √(ln 200 / (2 × trials))} on every CDF value as {@link RevenueDistribution#cdfErrorBound()}.
   * Cost: {@code deals × trials} branch-free draws (100 000 deals × 10 000 trials in about 2 s),
   * capped at {@link #MAX_MONTE_CARLO_WORK}.
   *
   * <p>Each trial's sum is a {@code long} of minor units; it is at most the total budget {@code
   * Σ b_i}, which is checked once up front, so the hot loop needs no overflow check.
   *
   * @param pipeline the open deals
   * @param trials the number of trials, {@code 1..}{@link #MAX_TRIALS}
   * @param seed the seed
   * @return the distribution (method MONTE_CARLO)
   * @throws ValidationException if trials is outside {@code [1, MAX_TRIALS]}, {@code deals ×
   *     trials} exceeds {@link #MAX_MONTE_CARLO_WORK} ({@code trials}, naming the product and the
   *     cap), or the pipeline's total budget (a trial's largest sum) does not fit in a long of
   *     minor units
   */
  public static RevenueDistribution monteCarlo(OpenPipeline pipeline, int trials, long seed) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("pipeline", pipeline));
    c.check(() -> Checks.inRange("trials", trials, 1, MAX_TRIALS));
    c.throwIfAny();
    long work = (long) pipeline.size() * trials; // < 2^31 × 2^24: no overflow
    if (work > MAX_MONTE_CARLO_WORK) {
      throw ValidationException.of("trials", trials, "must keep deals × trials ("
          + pipeline.size() + " × " + trials + " = " + work + ") at most MAX_MONTE_CARLO_WORK ("
          + MAX_MONTE_CARLO_WORK + "): use fewer trials or the grid (onGrid)");
    }
    long[] b = pipeline.budgetsMinor();
    long total = 0;
    for (int i = 0; i < b.length; i++) {
      if (Checks.sumOverflows(total, b[i])) {
        throw ValidationException.of("pipeline", pipeline.size() + " deals",
            "must have a total budget within a long of minor units (at most " + Long.MAX_VALUE
                + ") for the trial sums; the budgets of deals 0.." + i + " exceed it");
      }
      total += b[i];
    }
    double[] p = pipeline.winProbabilities();
    long[] sums = new long[trials];
    SplittableRandom rng = new SplittableRandom(seed);
    double twoTo53 = 0x1p53;
    for (int i = 0; i < b.length; i++) {
      long bi = b[i];
      long threshold = (long) (p[i] * twoTo53);
      if (threshold == 0 || bi == 0) {
        // never won (or nothing to win): draw anyway so results do not depend on the shortcut
        for (int t = 0; t < trials; t++) {
          rng.nextLong();
        }
        continue;
      }
      for (int t = 0; t < trials; t++) {
        long u = rng.nextLong() >>> 11;
        long mask = (u - threshold) >> 63;
        sums[t] += bi & mask;
      }
    }
    Arrays.sort(sums);
    double mean = 0;
    for (long v : sums) {
      mean += v;
    }
    mean /= trials;
    double ss = 0;
    for (long v : sums) {
      double d = v - mean;
      ss += d * d;
    }
    double sd = trials > 1 ? Math.sqrt(ss / (trials - 1)) : 0;
    int distinct = 1;
    for (int t = 1; t < trials; t++) {
      if (sums[t] != sums[t - 1]) {
        distinct++;
      }
    }
    // peak memory: the trials plus one long and one double per distinct sum (no hit counts)
    long[] values = new long[distinct];
    double[] probs = new double[distinct];
    int k = 0;
    long hits = 1;
    for (int t = 1; t <= trials; t++) {
      if (t < trials && sums[t] == sums[t - 1]) {
        hits++;
        continue;
      }
      // one division per value: adding 1 / trials up trials times drifts above 1 (nine trials of
      // one value gave 1.0000000000000002, which the JSON form rightly rejects); hits / trials is
      // correctly rounded and never above 1
      values[k] = sums[t - 1];
      probs[k] = (double) hits / trials;
      k++;
      hits = 1;
    }
    double eps = Math.sqrt(DKW_LOG / (2.0 * trials));
    java.math.BigDecimal exact = pipeline.expectedExact();
    return new RevenueDistribution(pipeline.currency(), RevenueDistribution.Method.MONTE_CARLO,
        pipeline.expected(exact), pipeline.expectedMinor(exact), new PrimitiveLists.OfLong(values),
        new PrimitiveLists.OfDouble(probs), sd / Math.sqrt(trials), Math.min(1, eps));
  }

  /**
   * Returns the smallest number k of additional leads of average quality (budget b, win
   * probability p, independent) such that {@code P(X + b·B_k ≥ target) ≥ confidence}, where
   * {@code B_k ~ Binomial(k, p)} and X follows the given distribution.
   *
   * <p>{@code P_k = Σ_j P(B_k = j) × P(X ≥ target − j b)}; {@code P_k} is non-decreasing in k
   * (adding a deal never lowers the probability of reaching a target), so k is found by
   * {@link LeadTargets#leadsNeeded(java.util.function.LongToDoubleFunction, double, long)} (the
   * one search for "how many more leads", exponential then binary) up to {@code maxLeads}. Empty
   * with a reason when even {@code maxLeads} leads do not suffice (for example {@code p = 0} or
   * {@code b = 0}).
   *
   * @param base the current distribution of won revenue
   * @param leadBudget the average lead's budget, {@code >= 0}, in the distribution's currency
   * @param leadWinProbability the average lead's win probability in {@code [0, 1]}
   * @param target the target, in the distribution's currency
   * @param confidence the required probability of reaching the target, in {@code (0, 1)}
   * @param maxLeads the search limit, {@code 0..}{@link #MAX_LEADS}
   * @return the number of leads or an explicit empty with the reason
   * @throws ValidationException on bad input (all violations together), including a {@code
   *     maxLeads} outside {@code [0, MAX_LEADS]}
   */
  public static LeadsNeeded additionalLeads(
      RevenueDistribution base,
      Money leadBudget,
      double leadWinProbability,
      Money target,
      double confidence,
      long maxLeads) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("base", base));
    c.check(() -> Checks.notNull("leadBudget", leadBudget));
    c.check(() -> Checks.notNull("target", target));
    c.check(() -> Checks.unitInterval("leadWinProbability", leadWinProbability));
    if (!(confidence > 0 && confidence < 1)) {
      c.add("confidence", confidence, "must be within (0, 1)");
    }
    c.check(() -> Checks.inRange("maxLeads", maxLeads, 0, MAX_LEADS));
    c.throwIfAny();
    if (!leadBudget.currency().equals(base.currency()) || leadBudget.isNegative()) {
      throw ValidationException.of("leadBudget", leadBudget,
          "must be >= 0 and in " + base.currency());
    }
    if (!target.currency().equals(base.currency())) {
      throw ValidationException.of("target", target, "must be in " + base.currency());
    }
    long[] values = base.rawValues();
    double[] probs = base.rawProbabilities();
    double[] suffix = new double[values.length + 1];
    for (int i = values.length - 1; i >= 0; i--) {
      suffix[i] = suffix[i + 1] + probs[i];
    }
    long b = leadBudget.minorUnits();
    long t = target.minorUnits();
    // the one home of "how many more leads reach a target": funnel's LeadTargets searches, this
    // class supplies the chance of reaching the target with k more leads
    LeadTargets.LeadsNeeded answer = LeadTargets.leadsNeeded(
        k -> reach(values, suffix, b, leadWinProbability, t, (int) k), confidence, maxLeads);
    double p = answer.probabilityOfReaching().orElseThrow(); // a confidence answer has it
    return answer.leads().isPresent()
        ? new LeadsNeeded(Optional.of(answer.leads().getAsLong()), p, Optional.empty())
        : new LeadsNeeded(Optional.empty(), p, answer.reason());
  }

  private static double reach(
      long[] values, double[] suffix, long b, double p, long target, int k) {
    if (k == 0 || p == 0 || b == 0) {
      return survival(values, suffix, target);
    }
    BinomialDistribution bin = new BinomialDistribution(k, p);
    double s = 0;
    for (int j = 0; j <= k; j++) {
      double pj = bin.probability(j);
      if (pj == 0) {
        continue;
      }
      s += pj * survival(values, suffix, remaining(target, j, b));
    }
    return Math.min(1, s);
  }

  /**
   * {@code target − j b}, saturated: when {@code j b} or the difference leaves the long range
   * the remainder is below every amount, so {@code Long.MIN_VALUE} (reached with certainty).
   */
  private static long remaining(long target, int j, long b) {
    try {
      return Math.subtractExact(target, Math.multiplyExact((long) j, b));
    } catch (ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }

  private static double survival(long[] values, double[] suffix, long t) {
    int i = Arrays.binarySearch(values, t);
    int from = i >= 0 ? i : -i - 1;
    return Math.min(1, suffix[from]);
  }

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
  @JsonPropertyOrder({"leads", "probabilityOfReaching", "reason"})
  public record LeadsNeeded(
      @JsonProperty("leads") Optional<Long> leads,
      @JsonProperty("probabilityOfReaching") double probabilityOfReaching,
      @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

    /**
     * Normalizes absent values to empty and validates: exactly one of leads and reason present;
     * leads {@code >= 0}; the probability within {@code [0, 1]}.
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
}
