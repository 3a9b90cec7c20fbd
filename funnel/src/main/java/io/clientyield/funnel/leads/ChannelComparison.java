package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several channels side by side, ranked by CPL, CAC and ROMI (DOMAIN 3), computed by
 * {@link LeadEconomics#compareChannels}.
 *
 * <p><b>Lead maturity.</b> Leads from different channels convert differently: a referral lead
 * signs far more often than a cold-call lead, so the cheapest leads are not the cheapest
 * contracts. CAC and ROMI therefore use each channel's <em>own</em> Cr (given, or derived from
 * its leads and contracts). Only a channel whose Cr is unknown falls back to
 * {@link Defaults#cr()}; the same holds for the average check and the gross margin, and the row
 * lists every fallback in {@link Row#assumed()}.
 *
 * <p><b>Ranking.</b> Ranks are computed from the exact ratios (spend / leads, spend / contracts,
 * revenue × margin / spend), not from rounded money, so scaling every channel's spend by the same
 * factor never changes a rank. Equal values share a rank (competition ranking 1, 1, 3); a
 * channel whose metric is undefined (no spend, no leads…) has no rank and is left out of
 * {@link #ranking(Metric)}.
 *
 * <p>JSON form: {@code {"defaults":{...},"rows":[{"name":...,"metrics":{...},"assumed":[...],
 * "costPerLeadRank":1,...},...]}}. Immutable and thread-safe.
 *
 * @param defaults the fallbacks the comparison used
 * @param rows one row per channel, in input order, names unique
 */
@JsonPropertyOrder({"defaults", "rows"})
public record ChannelComparison(Defaults defaults, List<Row> rows) {

  /** Validates that both are present and the row names are unique. */
  @JsonCreator
  public ChannelComparison {
    Checks.Collector v = Checks.collector();
    if (defaults == null) {
      v.add("defaults", null, "must not be null");
    }
    if (rows == null) {
      v.add("rows", null, "must not be null");
    } else if (v.elementsNotNull("rows", rows)) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < rows.size(); i++) {
        if (!seen.add(rows.get(i).name())) {
          v.add("rows[" + i + "].name", rows.get(i).name(), "must be unique");
        }
      }
      // one currency across the defaults and every row
      List<Object> amounts = new java.util.ArrayList<>();
      if (defaults != null) {
        amounts.add("defaults.averageCheck");
        amounts.add(defaults.averageCheck());
      }
      for (int i = 0; i < rows.size(); i++) {
        amounts.add("rows[" + i + "].metrics");
        amounts.add(rows.get(i).metrics() == null ? null : rows.get(i).metrics().anyAmount());
      }
      v.oneCurrency(amounts.toArray());
    }
    v.throwIfAny();
    rows = List.copyOf(rows);
  }

  /**
   * Returns the row of a channel.
   *
   * @param name the channel's name
   * @return the row, empty if no channel has that name
   */
  public Optional<Row> row(String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * Returns the channels ranked by a metric, best first; equal ranks keep input order, and
   * channels whose metric is undefined are left out.
   *
   * @param metric the metric
   * @return the channel names
   * @throws ValidationException if the metric is null
   */
  public List<String> ranking(Metric metric) {
    Checks.notNull("metric", metric);
    return rows.stream().filter(r -> r.rank(metric).isPresent())
        .sorted(Comparator.comparingInt(r -> r.rank(metric).getAsInt()))
        .map(Row::name)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * One acquisition channel (site, cold calls, mailings, exhibitions, referrals…) with its lead
   * economics for the period being compared.
   *
   * <p>JSON form: {@code {"name":"referrals","economics":{"inputs":{...},...}}}. Immutable and
   * thread-safe.
   *
   * @param name the channel's name, unique within a comparison, non-blank, at most
   *     {@link #MAX_NAME_LENGTH} characters
   * @param economics the channel's lead-economics inputs
   */
  @JsonPropertyOrder({"name", "economics"})
  public record Channel(String name, LeadInputs economics) {

    /** The longest channel name accepted: 256 characters. */
    public static final int MAX_NAME_LENGTH = 256;

    /** Validates the name and that the inputs are present. */
    @JsonCreator
    public Channel {
      Checks.Collector v = Checks.collector();
      String n = name;
      v.check(() -> Checks.notBlank("name", n));
      if (name != null && name.length() > MAX_NAME_LENGTH) {
        v.add("name", name, "must have at most " + MAX_NAME_LENGTH + " characters");
      }
      if (economics == null) {
        v.add("economics", null, "must not be null");
      }
      v.throwIfAny();
    }

    /**
     * Creates a channel.
     *
     * @param name the channel's name
     * @param economics its lead-economics inputs
     * @return the channel
     * @throws ValidationException if the name is blank or too long, or the inputs are null
     */
    public static Channel of(String name, LeadInputs economics) {
      return new Channel(name, economics);
    }
  }

  /**
   * Fallback inputs for channels that do not know them: a Cr (e.g. the company-wide
   * lead-to-contract conversion), an average check and a gross margin. A channel's own value
   * always wins; a fallback is used only when the channel's value is neither given nor
   * derivable, and the row then lists it in {@link Row#assumed()}.
   *
   * <p>JSON form: {@code {"cr":0.05,"averageCheck":{...},"grossMargin":0.5}}, absent values
   * omitted. Immutable and thread-safe.
   *
   * @param cr the fallback Cr in [0, 1]
   * @param averageCheck the fallback average check, &gt;= 0
   * @param grossMargin the fallback gross margin in [0, 1]
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  @JsonPropertyOrder({"cr", "averageCheck", "grossMargin"})
  public record Defaults(OptionalDouble cr, Optional<Money> averageCheck,
      OptionalDouble grossMargin) {

    /** Validates the ranges (absent optionals may be null). */
    @JsonCreator
    public Defaults {
      cr = cr == null ? OptionalDouble.empty() : cr;
      averageCheck = averageCheck == null ? Optional.empty() : averageCheck;
      grossMargin = grossMargin == null ? OptionalDouble.empty() : grossMargin;
      Checks.Collector v = Checks.collector();
      cr.ifPresent(x -> v.check(() -> Checks.unitInterval("cr", x)));
      grossMargin.ifPresent(x -> v.check(() -> Checks.unitInterval("grossMargin", x)));
      averageCheck.filter(Money::isNegative)
          .ifPresent(m -> v.add("averageCheck", m, "must be >= 0"));
      v.throwIfAny();
    }

    /**
     * Returns defaults with no fallback at all.
     *
     * @return the empty defaults
     */
    public static Defaults none() {
      return new Defaults(OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty());
    }

    /**
     * Returns a builder with no fallback set.
     *
     * @return a new builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Defaults}; every attribute is optional. Not thread-safe. */
    public static final class Builder {
      private OptionalDouble cr = OptionalDouble.empty();
      private Optional<Money> averageCheck = Optional.empty();
      private OptionalDouble grossMargin = OptionalDouble.empty();

      private Builder() {}

      /**
       * Sets the fallback Cr.
       *
       * @param cr the Cr in [0, 1]
       * @return this builder
       */
      public Builder cr(double cr) {
        this.cr = OptionalDouble.of(cr);
        return this;
      }

      /**
       * Sets the fallback average check.
       *
       * @param averageCheck the check, &gt;= 0
       * @return this builder
       * @throws ValidationException if null
       */
      public Builder averageCheck(Money averageCheck) {
        this.averageCheck = Optional.of(Checks.notNull("averageCheck", averageCheck));
        return this;
      }

      /**
       * Sets the fallback gross margin.
       *
       * @param grossMargin the margin in [0, 1]
       * @return this builder
       */
      public Builder grossMargin(double grossMargin) {
        this.grossMargin = OptionalDouble.of(grossMargin);
        return this;
      }

      /**
       * Builds the defaults.
       *
       * @return the defaults
       * @throws ValidationException listing every value out of range
       */
      public Defaults build() {
        return new Defaults(cr, averageCheck, grossMargin);
      }
    }
  }

  /** A metric by which channels are ranked. JSON form: the constant name. */
  public enum Metric {
    /** CPL = spend / leads; lower is better. */
    COST_PER_LEAD(false),
    /** CAC = spend / contracts; lower is better. */
    COST_PER_CONTRACT(false),
    /** ROMI = (revenue × gross margin − spend) / spend; higher is better. */
    ROMI(true);

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
      this.higherIsBetter = higherIsBetter;
    }

    /**
     * Returns whether a higher value ranks first.
     *
     * @return true for ROMI, false for the costs
     */
    public boolean higherIsBetter() {
      return higherIsBetter;
    }
  }

  /**
   * An input of a channel that the comparison took from its {@link Defaults} because the channel
   * did not know it. JSON form: the constant name.
   */
  public enum Assumption {
    /** The lead-to-contract conversion Cr (the channel's lead maturity was unknown). */
    CR,
    /** The average check. */
    AVERAGE_CHECK,
    /** The gross margin. */
    GROSS_MARGIN
  }

  /**
   * One channel of a comparison: its metrics (computed with its own inputs and, where it lacked
   * them, the comparison's defaults, listed in {@link #assumed()}) and its rank by each
   * {@link Metric}. Ranks are competition ranks (1 is best; equal values share a rank, the next
   * rank skips); a rank is empty when the metric is undefined for the channel.
   *
   * <p>JSON form: {@code {"name":"site","metrics":{...},"assumed":["CR"],"costPerLeadRank":2,
   * "costPerContractRank":2,"romiRank":2}}, empty ranks omitted. Immutable and thread-safe.
   *
   * @param name the channel's name
   * @param metrics the channel's metrics, with defaults filled in where it lacked an input
   * @param assumed the inputs taken from the defaults; empty when the channel knew everything
   * @param costPerLeadRank the rank by CPL (lowest first), from 1; empty when the CPL is undefined
   * @param costPerContractRank the rank by CAC (lowest first), from 1; empty when the CAC is
   *     undefined
   * @param romiRank the rank by ROMI (highest first), from 1; empty when the ROMI is undefined
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  @JsonPropertyOrder({"name", "metrics", "assumed", "costPerLeadRank", "costPerContractRank",
      "romiRank"})
  public record Row(String name, LeadMetrics metrics, Set<Assumption> assumed,
      OptionalInt costPerLeadRank, OptionalInt costPerContractRank, OptionalInt romiRank) {

    /** Validates the name, metrics, assumptions and that every rank is at least 1. */
    @JsonCreator
    public Row {
      costPerLeadRank = costPerLeadRank == null ? OptionalInt.empty() : costPerLeadRank;
      costPerContractRank = costPerContractRank == null ? OptionalInt.empty()
          : costPerContractRank;
      romiRank = romiRank == null ? OptionalInt.empty() : romiRank;
      Checks.Collector v = Checks.collector();
      String n = name;
      v.check(() -> Checks.notBlank("name", n));
      if (metrics == null) {
        v.add("metrics", null, "must not be null");
      }
      if (assumed == null) {
        v.add("assumed", null, "must not be null");
      } else {
        v.elementsNotNull("assumed", assumed);
      }
      costPerLeadRank.ifPresent(r -> v.check(() -> Checks.positive("costPerLeadRank", (long) r)));
      costPerContractRank.ifPresent(
          r -> v.check(() -> Checks.positive("costPerContractRank", (long) r)));
      romiRank.ifPresent(r -> v.check(() -> Checks.positive("romiRank", (long) r)));
      v.throwIfAny();
      Set<Assumption> a = EnumSet.noneOf(Assumption.class);
      a.addAll(assumed);
      assumed = Collections.unmodifiableSet(a);
    }

    /**
     * Returns the rank by a metric.
     *
     * @param metric the metric
     * @return the rank from 1, empty when the metric is undefined for this channel
     * @throws ValidationException if the metric is null
     */
    public OptionalInt rank(Metric metric) {
      switch (Checks.notNull("metric", metric)) {
        case COST_PER_LEAD:
          return costPerLeadRank;
        case COST_PER_CONTRACT:
          return costPerContractRank;
        default:
          return romiRank;
      }
    }
  }
}
