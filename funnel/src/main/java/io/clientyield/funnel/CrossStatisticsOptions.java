package io.clientyield.funnel;

import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;

/**
 * Settings of {@link CrossStatisticsAccumulator#result(CrossStatisticsOptions)}: the
 * false-discovery rate for flagging weak cells (default 0.05) and the minimum number of trials
 * (resolved deals: passed or dropped out at the stage; open deals are not trials) a cell needs to
 * be tested at all (default 30). Cells below the minimum are never flagged and are not part of
 * the Benjamini–Hochberg family.
 *
 * <p>JSON form: {@code {"falseDiscoveryRate":0.05,"minTrials":30}}. Immutable and thread-safe.
 *
 * @param falseDiscoveryRate the false-discovery rate controlled across all tested cells, in
 *     {@code (0, 1)} (0.05 means 5 %)
 * @param minTrials the minimum number of trials (resolved deals at the stage) for a cell to be
 *     tested, {@code >= 1}
 */
@JsonPropertyOrder({"falseDiscoveryRate", "minTrials"})
public record CrossStatisticsOptions(
    @JsonProperty("falseDiscoveryRate") double falseDiscoveryRate,
    @JsonProperty("minTrials") long minTrials) {

  /** The default options: FDR 0.05, at least 30 trials. */
  public static final CrossStatisticsOptions DEFAULT = new CrossStatisticsOptions(0.05, 30);

  /** Validates the rate and the minimum, reporting every violation at once. */
  @JsonCreator
  public CrossStatisticsOptions {
    Checks.Collector c = Checks.collector();
    if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
      c.add("falseDiscoveryRate", falseDiscoveryRate, "must be within (0, 1)");
    }
    if (minTrials < 1) {
      c.add("minTrials", minTrials, "must be >= 1");
    }
    c.throwIfAny();
  }

  /**
   * Returns options with the given settings.
   *
   * @param falseDiscoveryRate the FDR in {@code (0, 1)}
   * @param minTrials the minimum trials, {@code >= 1}
   * @return the options
   */
  public static CrossStatisticsOptions of(double falseDiscoveryRate, long minTrials) {
    return new CrossStatisticsOptions(falseDiscoveryRate, minTrials);
  }

  /**
   * The one-sided test a {@link StageCell} was tested with ("this cell converts lower than the
   * rest of the team"): Fisher's exact test when an expected count of the 2×2 table is below 5,
   * else the two-proportion z test with pooled variance.
   */
  public enum ConversionTestMethod {
    /** Fisher's exact test (hypergeometric lower tail). */
    FISHER_EXACT,
    /** The two-proportion z test with pooled variance. */
    NORMAL_Z
  }
}
