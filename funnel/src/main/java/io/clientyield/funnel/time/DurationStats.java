package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Summary of durations in working days: count, nearest-rank median and 90th percentile , mean and maximum. Every statistic is empty when the count is 0.
 *
 * <p>JSON form: {@code {"count":5,"median":3,"p90":10,"mean":4.0,"max":10}}. Immutable and
 * thread-safe.
 *
 * @param count the number of durations
 * @param median the nearest-rank median in working days
 * @param p90 the nearest-rank 90th percentile in working days
 * @param mean the mean in working days
 * @param max the longest duration in working days
 */
@JsonPropertyOrder({"count", "median", "p90", "mean", "max"})
public record DurationStats(
    @JsonProperty("count") long count,
    @JsonProperty("median") OptionalLong median,
    @JsonProperty("p90") OptionalLong p90,
    @JsonProperty("mean") OptionalDouble mean,
    @JsonProperty("max") OptionalLong max) {

  /** Validates the components, reporting every violation at once. */
  @JsonCreator
  public DurationStats {
    median = median == null ? OptionalLong.empty() : median;
    p90 = p90 == null ? OptionalLong.empty() : p90;
    mean = mean == null ? OptionalDouble.empty() : mean;
    max = max == null ? OptionalLong.empty() : max;
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("count", count));
    boolean empty = count == 0;
    if (median.isPresent() == empty || p90.isPresent() == empty || mean.isPresent() == empty
        || max.isPresent() == empty) {
      c.add("count", count, "statistics must be present exactly when count > 0");
    } else if (!empty) {
      if (median.getAsLong() < 0 || median.getAsLong() > p90.getAsLong()
          || p90.getAsLong() > max.getAsLong()) {
        c.add("median", median.getAsLong(), "must satisfy 0 <= median <= p90 ("
            + p90.getAsLong() + ") <= max (" + max.getAsLong() + ")");
      }
      double m = mean.getAsDouble();
      long top = max.getAsLong();
      c.check(() -> Checks.inRange("mean", m, 0, top));
    }
    c.throwIfAny();
  }
}
