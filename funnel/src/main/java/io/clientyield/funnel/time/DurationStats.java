package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Summary of durations in working days: count, nearest-rank median and 90th percentile (see
 * {@link WorkingDayHistogram}), mean and maximum. Every statistic is empty when the count is 0.
 *
 * <p>JSON form: {@code {"count":5,"median":3,"p90":10,"mean":4.0,"max":10}}. Immutable and
 * thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDurationStats.class)
@JsonDeserialize(as = ImmutableDurationStats.class)
@JsonPropertyOrder({"count", "median", "p90", "mean", "max"})
public abstract class DurationStats {

  DurationStats() {}

  /**
   * Summarises a histogram.
   *
   * @param histogram the durations
   * @return the summary
   */
  public static DurationStats of(WorkingDayHistogram histogram) {
    Checks.notNull("histogram", histogram);
    return ImmutableDurationStats.builder()
        .count(histogram.count())
        .median(histogram.median())
        .p90(histogram.p90())
        .mean(histogram.mean())
        .max(histogram.max())
        .build();
  }

  /**
   * Returns the number of durations.
   *
   * @return the count
   */
  public abstract long count();

  /**
   * Returns the nearest-rank median in working days.
   *
   * @return the median, empty if the count is 0
   */
  public abstract OptionalLong median();

  /**
   * Returns the nearest-rank 90th percentile in working days.
   *
   * @return the P90, empty if the count is 0
   */
  public abstract OptionalLong p90();

  /**
   * Returns the mean in working days.
   *
   * @return the mean, empty if the count is 0
   */
  public abstract OptionalDouble mean();

  /**
   * Returns the longest duration in working days.
   *
   * @return the maximum, empty if the count is 0
   */
  public abstract OptionalLong max();

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("count", count()));
    boolean empty = count() == 0;
    if (median().isPresent() == empty || p90().isPresent() == empty || mean().isPresent() == empty
        || max().isPresent() == empty) {
      c.add("count", count(), "statistics must be present exactly when count > 0");
    } else if (!empty) {
      if (median().getAsLong() < 0 || median().getAsLong() > p90().getAsLong()
          || p90().getAsLong() > max().getAsLong()) {
        c.add("median", median().getAsLong(), "must satisfy 0 <= median <= p90 ("
            + p90().getAsLong() + ") <= max (" + max().getAsLong() + ")");
      }
      c.check(() -> Checks.inRange("mean", mean().getAsDouble(), 0, max().getAsLong()));
    }
    c.throwIfAny();
  }
}
