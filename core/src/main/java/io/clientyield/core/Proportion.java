package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Successes out of trials, e.g. 3 contracts of 100 worked clients: a conversion that remembers
 * its sample size.
 *
 * <p>The value {@code successes / trials} is undefined when there are no trials, so
 * {@link #value()} is an explicit empty then, never NaN. {@link #wilson(double)} gives the
 * Wilson score interval, which stays inside {@code [0, 1]} and behaves well for small samples:
 * with {@code p = s/n} and {@code z} the two-sided normal quantile,
 * <pre>
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
 * </pre>
 * For 3 of 100 at 95 % ({@code z = 1.959964}) the interval is [0.0103, 0.0845].
 *
 * <p>JSON form: {@code {"successes":3,"trials":100}}. Immutable and thread-safe.
 */
@JsonPropertyOrder({"successes", "trials"})
public final class Proportion {
  /** No trials: the identity of {@link #merge}. */
  public static final Proportion EMPTY = new Proportion(0, 0);

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
  private static final double Z_95 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);

  private final long successes;
  private final long trials;

  private Proportion(long successes, long trials) {
    this.successes = successes;
    this.trials = trials;
  }

  /**
   * Creates a proportion.
   *
   * @param successes the successes, {@code 0 <= successes <= trials}
   * @param trials the trials, {@code >= 0}
   * @return the proportion
   * @throws ValidationException if a count is negative or successes exceed trials
   */
  @JsonCreator
  public static Proportion of(
      @JsonProperty(value = "successes", required = true) long successes,
      @JsonProperty(value = "trials", required = true) long trials) {
    Checks.nonNegative("trials", trials);
    Checks.nonNegative("successes", successes);
    if (successes > trials) {
      throw ValidationException.of("successes", successes, "must be <= trials (" + trials + ")");
    }
    return new Proportion(successes, trials);
  }

  /**
   * Returns the number of successes.
   *
   * @return the successes
   */
  @JsonProperty("successes")
  public long successes() {
    return successes;
  }

  /**
   * Returns the number of trials.
   *
   * @return the trials
   */
  @JsonProperty("trials")
  public long trials() {
    return trials;
  }

  /**
   * Returns the failures, {@code trials - successes}.
   *
   * @return the failures
   */
  public long failures() {
    return trials - successes;
  }

  /**
   * Returns {@code successes / trials} in {@code [0, 1]}, or empty when there are no trials.
   *
   * @return the value, or empty if undefined
   */
  public OptionalDouble value() {
    return trials == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) successes / trials);
  }

  /**
   * Returns the 95 % Wilson score interval, or empty when there are no trials.
   *
   * @return the interval, or empty if undefined
   */
  public Optional<ConfidenceInterval> wilson95() {
    return wilsonAtZ(Z_95);
  }

  /**
   * Returns the Wilson score interval at the given two-sided confidence, or empty when there
   * are no trials.
   *
   * @param confidence the confidence level, in {@code (0, 1)}, e.g. 0.95
   * @return the interval, or empty if undefined
   * @throws ValidationException if the confidence is not in {@code (0, 1)}
   */
  public Optional<ConfidenceInterval> wilson(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw ValidationException.of("confidence", confidence, "must be within (0, 1)");
    }
    return wilsonAtZ(zFor(confidence));
  }

  /**
   * Returns the two-sided standard normal quantile for a confidence: 1.959964 for 0.95.
   *
   * @param confidence the confidence level in {@code (0, 1)}
   * @return {@code z} with {@code P(|Z| <= z) = confidence}
   */
  public static double zFor(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw ValidationException.of("confidence", confidence, "must be within (0, 1)");
    }
    if (confidence == 0.95) {
      return Z_95;
    }
    double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
    if (!Double.isFinite(z)) {
      // 0.5 + confidence / 2 rounds to 1 for confidences within about 1e-16 of 1
      throw ValidationException.of("confidence", confidence,
          "is too close to 1 for a finite normal quantile (at most 1 - 1e-15)");
    }
    return z;
  }

  private Optional<ConfidenceInterval> wilsonAtZ(double z) {
    if (trials == 0) {
      return Optional.empty();
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    // rounding may put a bound a hair past p; the interval always contains the estimate
    return Optional.of(new ConfidenceInterval(Math.min(lower, p), Math.max(upper, p)));
  }

  /**
   * Adds successes and trials: merging two proportions equals counting the concatenated samples.
   *
   * @param other another proportion
   * @return the combined proportion
   * @throws ValidationException if a sum exceeds {@link Long#MAX_VALUE}
   */
  public Proportion merge(Proportion other) {
    Checks.notNull("other", other);
    return new Proportion(Checks.addExact("successes", successes, other.successes),
        Checks.addExact("trials", trials, other.trials));
  }

  /**
   * Returns this proportion with one more trial.
   *
   * @param success whether the trial succeeded
   * @return the updated proportion
   * @throws ValidationException if the trials would exceed {@link Long#MAX_VALUE}
   */
  public Proportion plusTrial(boolean success) {
    long n = Checks.addExact("trials", trials, 1);
    return new Proportion(success ? successes + 1 : successes, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Proportion
        && ((Proportion) o).successes == successes
        && ((Proportion) o).trials == trials;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(successes) * 31 + Long.hashCode(trials);
  }

  /** Returns e.g. {@code 3/100}. */
  @Override
  public String toString() {
    return successes + "/" + trials;
  }
}
