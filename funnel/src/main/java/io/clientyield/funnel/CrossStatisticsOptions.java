package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import org.immutables.value.Value;

/**
 * Settings of {@link CrossStatisticsAccumulator#result(CrossStatisticsOptions)}: the
 * false-discovery rate for flagging weak cells (default 0.05) and the minimum number of trials
 * (deals that entered the stage) a cell needs to be tested at all (default 30). Cells below the
 * minimum are never flagged and are not part of the Benjamini–Hochberg family.
 *
 * <p>JSON form: {@code {"falseDiscoveryRate":0.05,"minTrials":30}}. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCrossStatisticsOptions.class)
@JsonDeserialize(as = ImmutableCrossStatisticsOptions.class)
@JsonPropertyOrder({"falseDiscoveryRate", "minTrials"})
public abstract class CrossStatisticsOptions {
  /** The default options: FDR 0.05, at least 30 trials. */
  public static final CrossStatisticsOptions DEFAULT = builder().build();

  CrossStatisticsOptions() {}

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns options with the given settings.
   *
   * @param falseDiscoveryRate the FDR in {@code (0, 1)}
   * @param minTrials the minimum trials, {@code >= 1}
   * @return the options
   */
  public static CrossStatisticsOptions of(double falseDiscoveryRate, long minTrials) {
    return builder().falseDiscoveryRate(falseDiscoveryRate).minTrials(minTrials).build();
  }

  /** Builds {@link CrossStatisticsOptions}. */
  public static final class Builder extends ImmutableCrossStatisticsOptions.Builder {
    Builder() {}
  }

  /**
   * Returns the false-discovery rate controlled across all tested cells, in {@code (0, 1)}.
   *
   * @return the rate (0.05 means 5 %)
   */
  @Value.Default
  public double falseDiscoveryRate() {
    return 0.05;
  }

  /**
   * Returns the minimum number of trials (entered deals) for a cell to be tested.
   *
   * @return the minimum, {@code >= 1}
   */
  @Value.Default
  public long minTrials() {
    return 30;
  }

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    if (!(falseDiscoveryRate() > 0 && falseDiscoveryRate() < 1)) {
      c.add("falseDiscoveryRate", falseDiscoveryRate(), "must be within (0, 1)");
    }
    if (minTrials() < 1) {
      c.add("minTrials", minTrials(), "must be >= 1");
    }
    c.throwIfAny();
  }
}
