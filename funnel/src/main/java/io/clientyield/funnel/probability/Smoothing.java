package io.clientyield.funnel.probability;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * Additive smoothing of a learned proportion: {@code (successes + α) / (trials + α + β)}.
 *
 * <p>{@link #LAPLACE} ({@code α = β = 1}) is the default: a stage without closed deals gets
 * 0.5 instead of an undefined value, and 0 of 3 gives 0.2 rather than a hard 0. {@link #NONE}
 * ({@code α = β = 0}) gives the raw share, and an explicit empty value for a stage without
 * closed deals. JSON form: {@code {"alpha":1.0,"beta":1.0}}. Immutable and thread-safe.
 *
 * @param alpha pseudo-successes added, finite and {@code >= 0}
 * @param beta pseudo-failures added, finite and {@code >= 0}
 */
public record Smoothing(@JsonProperty("alpha") double alpha, @JsonProperty("beta") double beta) {

  /** Laplace smoothing, {@code α = β = 1}. */
  public static final Smoothing LAPLACE = new Smoothing(1, 1);
  /** No smoothing, {@code α = β = 0}: the raw share. */
  public static final Smoothing NONE = new Smoothing(0, 0);

  /** Validates the components (see the record description). */
  @JsonCreator
  public Smoothing {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("alpha", alpha));
    c.check(() -> Checks.nonNegative("beta", beta));
    c.throwIfAny();
  }

  /**
   * Creates the smoothing.
   *
   * @param alpha pseudo-successes, {@code >= 0}
   * @param beta pseudo-failures, {@code >= 0}
   * @return the smoothing
   */
  public static Smoothing of(double alpha, double beta) {
    return new Smoothing(alpha, beta);
  }

  /**
   * Returns the smoothed share {@code (successes + α) / (trials + α + β)} in {@code [0, 1]}, or
   * empty when the denominator is zero (no trials and no smoothing). When {@code α + β} exceeds
   * the double range the ratio is taken on halved terms, so it stays the weighted mean of the
   * prior {@code α / (α + β)} and the sample share (e.g. {@code α = β = 10^308} gives 0.5).
   *
   * @param successes the successes, {@code 0 <= successes <= trials}
   * @param trials the trials
   * @return the smoothed share, or empty if undefined
   */
  public OptionalDouble apply(long successes, long trials) {
    double denominator = trials + alpha + beta;
    if (denominator == 0) {
      return OptionalDouble.empty();
    }
    if (Double.isInfinite(denominator)) {
      // α + β overflows a double (both finite, their sum is not): the same ratio on halved terms,
      // whose sum is finite; dividing by infinity would give 0 whatever α and β
      return OptionalDouble.of(Math.min(1.0,
          (successes / 2.0 + alpha / 2) / (trials / 2.0 + alpha / 2 + beta / 2)));
    }
    return OptionalDouble.of(Math.min(1.0, (successes + alpha) / denominator));
  }
}
