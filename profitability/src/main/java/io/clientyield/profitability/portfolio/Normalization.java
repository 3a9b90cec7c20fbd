package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;

/**
 * How a criterion's raw values become [0, 1] (before turning around lower-is-better ones).
 *
 * <ul>
 *   <li>{@code MIN_MAX}: (v − min) / (max − min) over the clients having a value. Degenerate
 *       range: when all values are equal (max = min, including a single client) every client gets
 *       0.5, the middle, so the criterion does not move anyone.
 *   <li>{@code PERCENTILE_RANK}: (number below + (number equal − 1) / 2) / (n − 1); 0.5 when n =
 *       1, and 0.5 for everyone when all values are equal.
 *   <li>{@code FIXED_BOUNDS}: (v − lo) / (hi − lo), clamped to [0, 1]; does not depend on the
 *       other clients. lo &lt; hi is required, so the range is never degenerate.
 * </ul>
 *
 * <p>Every result is a finite number in [0, 1], never NaN: inputs must be finite (a NaN or
 * infinite bound or value is a {@link ValidationException}), and differences that would overflow
 * a double (values near ±{@link Double#MAX_VALUE}) are computed on halved values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the method
 * @param lo lower bound (FIXED_BOUNDS only; 0 otherwise)
 * @param hi upper bound (FIXED_BOUNDS only; 0 otherwise)
 */
public record Normalization(
    @JsonProperty("kind") Kind kind, @JsonProperty("lo") double lo, @JsonProperty("hi") double hi) {

  /** Normalization methods. */
  public enum Kind {
    /** Min-max over the clients. */
    MIN_MAX,
    /** Percentile rank among the clients. */
    PERCENTILE_RANK,
    /** Fixed bounds, clamped. */
    FIXED_BOUNDS
  }

  /**
   * Validates: finite bounds with lo &lt; hi for FIXED_BOUNDS, zeros otherwise.
   */
  public Normalization {
    Checks.notNull("kind", kind);
    Checks.finite("lo", lo);
    Checks.finite("hi", hi);
    if (kind == Kind.FIXED_BOUNDS && !(lo < hi)) {
      throw ValidationException.of("hi", hi, "must be > lo (" + lo + ")");
    }
    if (kind != Kind.FIXED_BOUNDS && (lo != 0 || hi != 0)) {
      throw ValidationException.of("lo/hi", lo + "/" + hi, "must be 0 unless FIXED_BOUNDS");
    }
  }

  /**
   * Min-max over the clients.
   *
   * @return the normalization
   */
  public static Normalization minMax() {
    return new Normalization(Kind.MIN_MAX, 0, 0);
  }

  /**
   * Percentile rank among the clients.
   *
   * @return the normalization
   */
  public static Normalization percentileRank() {
    return new Normalization(Kind.PERCENTILE_RANK, 0, 0);
  }

  /**
   * Fixed bounds, clamped.
   *
   * @param lo the value mapped to 0
   * @param hi the value mapped to 1
   * @return the normalization
   */
  public static Normalization fixedBounds(double lo, double hi) {
    return new Normalization(Kind.FIXED_BOUNDS, lo, hi);
  }

  /**
   * Normalizes one value against the values of all clients having one.
   *
   * @param v the value
   * @param all all present values (including v), sorted ascending as by {@link
   *     java.util.Arrays#sort(double[])}
   * @return the normalized value in [0, 1]
   * @throws ValidationException if v or a value is NaN or infinite
   */
  double apply(double v, double[] all) {
    Checks.finite("value", v);
    // sorted ascending (Arrays.sort puts NaN last): the ends are finite only if all values are
    Checks.finite("values[0]", all[0]);
    Checks.finite("values[" + (all.length - 1) + "]", all[all.length - 1]);
    switch (kind) {
      case FIXED_BOUNDS:
        return Math.max(0, Math.min(1, fraction(v, lo, hi)));
      case MIN_MAX:
        {
          double min = all[0];
          double max = all[all.length - 1];
          return max == min ? 0.5 : Math.max(0, Math.min(1, fraction(v, min, max)));
        }
      default:
        {
          if (all.length == 1) {
            return 0.5;
          }
          int below = 0;
          int equal = 0;
          for (double a : all) {
            if (a < v) {
              below++;
            } else if (a == v) {
              equal++;
            }
          }
          return (below + (equal - 1) / 2.0) / (all.length - 1);
        }
    }
  }

  /**
   * (v − lo) / (hi − lo) for finite lo &lt; hi, without overflow: when a difference exceeds the
   * double range both are taken on halved values (hi/2 − lo/2 is then far from zero).
   */
  private static double fraction(double v, double lo, double hi) {
    double span = hi - lo;
    double offset = v - lo;
    if (Double.isInfinite(span) || Double.isInfinite(offset)) {
      span = hi / 2 - lo / 2;
      offset = v / 2 - lo / 2;
    }
    return offset / span;
  }
}
