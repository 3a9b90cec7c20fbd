package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One channel of a {@link ChannelComparison}: its metrics (computed with its own inputs and, where
 * it lacked them, the comparison's defaults, listed in {@link #assumed()}) and its rank by each
 * {@link ChannelMetric}. Ranks are competition ranks (1 is best; equal values share a rank, the
 * next rank skips); a rank is empty when the metric is undefined for the channel.
 *
 * <p>JSON form: {@code {"name":"site","metrics":{...},"assumed":["CR"],"costPerLeadRank":2,
 * "costPerContractRank":2,"romiRank":2}}, empty ranks omitted. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableChannelRow.class)
@JsonDeserialize(as = ImmutableChannelRow.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"name", "metrics", "assumed", "costPerLeadRank", "costPerContractRank",
    "romiRank"})
public abstract class ChannelRow {

  ChannelRow() {}

  static ImmutableChannelRow.Builder builder() {
    return ImmutableChannelRow.builder();
  }

  /**
   * Returns the channel's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the channel's metrics, with defaults filled in where the channel lacked an input.
   *
   * @return the metrics
   */
  public abstract LeadMetrics metrics();

  /**
   * Returns the inputs taken from the comparison's defaults.
   *
   * @return the assumptions, empty when the channel knew everything it needed
   */
  public abstract Set<Assumption> assumed();

  /**
   * Returns the rank by CPL (lowest first).
   *
   * @return the rank from 1, empty when the CPL is undefined
   */
  public abstract OptionalInt costPerLeadRank();

  /**
   * Returns the rank by CAC (lowest first).
   *
   * @return the rank from 1, empty when the CAC is undefined
   */
  public abstract OptionalInt costPerContractRank();

  /**
   * Returns the rank by ROMI (highest first).
   *
   * @return the rank from 1, empty when the ROMI is undefined
   */
  public abstract OptionalInt romiRank();

  /**
   * Returns the rank by a metric.
   *
   * @param metric the metric
   * @return the rank from 1, empty when the metric is undefined for this channel
   * @throws io.clientyield.core.ValidationException if the metric is null
   */
  public OptionalInt rank(ChannelMetric metric) {
    switch (Checks.notNull("metric", metric)) {
      case COST_PER_LEAD:
        return costPerLeadRank();
      case COST_PER_CONTRACT:
        return costPerContractRank();
      default:
        return romiRank();
    }
  }

  @Value.Check
  void check() {
    Checks.Collector v = Checks.collector();
    v.check(() -> Checks.notBlank("name", name()));
    costPerLeadRank().ifPresent(r -> v.check(() -> Checks.positive("costPerLeadRank", (long) r)));
    costPerContractRank().ifPresent(
        r -> v.check(() -> Checks.positive("costPerContractRank", (long) r)));
    romiRank().ifPresent(r -> v.check(() -> Checks.positive("romiRank", (long) r)));
    v.throwIfAny();
  }
}
