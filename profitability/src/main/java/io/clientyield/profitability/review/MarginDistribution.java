package io.clientyield.profitability.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;

/**
 * Distribution of project margins: min, quartiles (linear interpolation), max, and the suggested
 * standard (the configured percentile).
 *
 * <p>Immutable and thread-safe.
 *
 * @param count number of projects with a defined margin, &gt; 0
 * @param min smallest margin
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 * @param max largest margin
 * @param suggestedStandard the configured percentile of the margins
 */
public record MarginDistribution(
    @JsonProperty("count") long count,
    @JsonProperty("min") double min,
    @JsonProperty("q1") double q1,
    @JsonProperty("median") double median,
    @JsonProperty("q3") double q3,
    @JsonProperty("max") double max,
    @JsonProperty("suggestedStandard") double suggestedStandard) {

  /**
   * Validates order and finiteness.
   */
  public MarginDistribution {
    Checks.positive("count", count);
    Checks.finite("min", min);
    Checks.finite("max", max);
    Checks.inRange("q1", q1, min, max);
    Checks.inRange("median", median, min, max);
    Checks.inRange("q3", q3, min, max);
    Checks.inRange("suggestedStandard", suggestedStandard, min, max);
  }

  /**
   * Quantile of sorted values by linear interpolation at position p &times; (n &minus; 1).
   *
   * @param sorted ascending values, not empty
   * @param p the probability in [0, 1]
   * @return the quantile
   */
  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
