package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * Several channels side by side, ranked by CPL, CAC and ROMI (DOMAIN 3).
 *
 * <p><b>Lead maturity.</b> Leads from different channels convert differently: a referral lead
 * signs far more often than a cold-call lead, so the cheapest leads are not the cheapest
 * contracts. CAC and ROMI therefore use each channel's <em>own</em> Cr (given, or derived from
 * its leads and contracts). Only a channel whose Cr is unknown falls back to
 * {@link ChannelDefaults#cr()}; the same holds for the average check and the gross margin, and
 * the row lists every fallback in {@link ChannelRow#assumed()}.
 *
 * <p><b>Ranking.</b> Ranks are computed from the exact ratios (spend / leads, spend / contracts,
 * revenue × margin / spend), not from rounded money, so scaling every channel's spend by the same
 * factor never changes a rank. Equal values share a rank (competition ranking 1, 1, 3); a
 * channel whose metric is undefined (no spend, no leads…) has no rank and is left out of
 * {@link #ranking(ChannelMetric)}.
 *
 * <p>Example: cold calls 200 leads for EUR 2 000 at Cr 1 %, referrals 20 leads for EUR 1 000 at
 * Cr 25 %, check EUR 2 000: cold calls have the lower CPL (10 vs 50), referrals the lower CAC
 * (200 vs 1 000).
 *
 * <p>JSON form: {@code {"defaults":{...},"rows":[{"name":...,"metrics":{...},"assumed":[...],
 * "costPerLeadRank":1,...},...]}}. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableChannelComparison.class)
@JsonDeserialize(as = ImmutableChannelComparison.class)
@JsonPropertyOrder({"defaults", "rows"})
public abstract class ChannelComparison {

  ChannelComparison() {}

  /**
   * Compares channels without fallbacks: a channel that lacks an input has the metrics that need
   * it undefined.
   *
   * @param channels the channels, names unique, money in one currency
   * @return the comparison, rows in input order
   * @throws ValidationException if a channel is null, names repeat or currencies differ
   */
  public static ChannelComparison compare(List<Channel> channels) {
    return compare(channels, ChannelDefaults.none());
  }

  /**
   * Compares channels, filling a channel's missing Cr, average check or gross margin from the
   * defaults.
   *
   * @param channels the channels, names unique, money in one currency
   * @param defaults the fallbacks
   * @return the comparison, rows in input order
   * @throws ValidationException naming {@code channels[i]} if a channel is null, names repeat,
   *     currencies or stated periods differ, or a fallback contradicts a channel's inputs
   */
  public static ChannelComparison compare(List<Channel> channels, ChannelDefaults defaults) {
    Checks.notNull("channels", channels);
    Checks.notNull("defaults", defaults);
    Checks.Collector v = Checks.collector();
    List<LeadEconomics> effective = new ArrayList<>();
    List<Set<Assumption>> assumed = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Currency currency = null;
    String period = null;
    for (int i = 0; i < channels.size(); i++) {
      Channel c = channels.get(i);
      String path = "channels[" + i + "]";
      if (c == null) {
        v.add(path, null, "must not be null");
        continue;
      }
      if (!names.add(c.name())) {
        v.add(path + ".name", c.name(), "must be unique");
      }
      Set<Assumption> a = EnumSet.noneOf(Assumption.class);
      try {
        LeadEconomics e = withDefaults(c.economics(), defaults, a);
        Optional<Currency> cur = e.currencyIfAny();
        if (cur.isPresent()) {
          if (currency == null) {
            currency = cur.get();
          } else if (!currency.equals(cur.get())) {
            v.add(path + ".currency", cur.get().getCurrencyCode(), "must equal "
                + currency.getCurrencyCode() + ": channels are compared in one currency");
          }
        }
        if (e.period().isPresent()) {
          if (period == null) {
            period = e.period().get();
          } else if (!period.equals(e.period().get())) {
            v.add(path + ".period", e.period().get(), "must equal \"" + period
                + "\": channels are compared over one period (scale them with a PeriodScale)");
          }
        }
        effective.add(e);
        assumed.add(a);
      } catch (ValidationException e) {
        for (ValidationException.Violation x : e.violations()) {
          v.add(path + "." + x.field(), x.rejectedValue(), x.rule());
        }
      }
    }
    v.throwIfAny();
    int n = effective.size();
    int[][] ranks = new int[ChannelMetric.values().length][];
    for (ChannelMetric m : ChannelMetric.values()) {
      ranks[m.ordinal()] = ranks(effective, m);
    }
    ImmutableChannelComparison.Builder b = ImmutableChannelComparison.builder().defaults(defaults);
    for (int i = 0; i < n; i++) {
      b.addRow(ChannelRow.builder()
          .name(channels.get(i).name())
          .metrics(effective.get(i).metrics())
          .assumed(assumed.get(i))
          .costPerLeadRank(rank(ranks[ChannelMetric.COST_PER_LEAD.ordinal()][i]))
          .costPerContractRank(rank(ranks[ChannelMetric.COST_PER_CONTRACT.ordinal()][i]))
          .romiRank(rank(ranks[ChannelMetric.ROMI.ordinal()][i]))
          .build());
    }
    return b.build();
  }

  private static OptionalInt rank(int r) {
    return r == 0 ? OptionalInt.empty() : OptionalInt.of(r);
  }

  private static LeadEconomics withDefaults(LeadEconomics e, ChannelDefaults d,
      Set<Assumption> assumed) {
    LeadEconomics.Builder b = e.toBuilder();
    if (e.value(Field.CR).isEmpty() && d.cr().isPresent()) {
      b.set(Field.CR, d.cr().getAsDouble());
      assumed.add(Assumption.CR);
    }
    if (e.averageCheck().isEmpty() && d.averageCheck().isPresent()) {
      b.averageCheck(d.averageCheck().get());
      assumed.add(Assumption.AVERAGE_CHECK);
    }
    if (e.grossMargin().isEmpty() && d.grossMargin().isPresent()) {
      b.grossMargin(d.grossMargin().getAsDouble());
      assumed.add(Assumption.GROSS_MARGIN);
    }
    return assumed.isEmpty() ? e : b.build();
  }

  /** An exact ratio numerator / denominator with denominator &gt; 0. */
  private static final class Ratio {
    final BigDecimal num;
    final BigDecimal den;

    Ratio(BigDecimal num, BigDecimal den) {
      this.num = num;
      this.den = den;
    }

    int compareTo(Ratio o) {
      return num.multiply(o.den).compareTo(o.num.multiply(den));
    }
  }

  private static Optional<Ratio> ratio(LeadEconomics e, ChannelMetric m) {
    if (e.spend().isEmpty()) {
      return Optional.empty();
    }
    BigDecimal spend = e.spend().get().amount();
    switch (m) {
      case COST_PER_LEAD:
        return perCount(spend, e.value(Field.LEADS));
      case COST_PER_CONTRACT:
        return perCount(spend, e.value(Field.CONTRACTS));
      default:
        return spend.signum() > 0
            ? e.grossExact().map(g -> new Ratio(g, spend)) : Optional.empty();
    }
  }

  private static Optional<Ratio> perCount(BigDecimal spend, OptionalDouble count) {
    return count.isPresent() && count.getAsDouble() > 0
        ? Optional.of(new Ratio(spend, LeadEconomics.exact(count.getAsDouble())))
        : Optional.empty();
  }

  /** Competition ranks from 1, 0 for undefined. */
  private static int[] ranks(List<LeadEconomics> effective, ChannelMetric m) {
    int n = effective.size();
    List<Optional<Ratio>> r = effective.stream().map(e -> ratio(e, m))
        .collect(Collectors.toList());
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      if (r.get(i).isEmpty()) {
        continue;
      }
      int better = 0;
      for (int j = 0; j < n; j++) {
        if (r.get(j).isPresent()) {
          int c = r.get(j).get().compareTo(r.get(i).get());
          if (m.higherIsBetter() ? c > 0 : c < 0) {
            better++;
          }
        }
      }
      ranks[i] = better + 1;
    }
    return ranks;
  }

  /**
   * Returns the fallbacks the comparison used.
   *
   * @return the defaults
   */
  public abstract ChannelDefaults defaults();

  /**
   * Returns one row per channel, in input order.
   *
   * @return the rows
   */
  public abstract List<ChannelRow> rows();

  /**
   * Returns the row of a channel.
   *
   * @param name the channel's name
   * @return the row, empty if no channel has that name
   */
  public Optional<ChannelRow> row(String name) {
    return rows().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * Returns the channels ranked by a metric, best first; equal ranks keep input order, and
   * channels whose metric is undefined are left out.
   *
   * @param metric the metric
   * @return the channel names
   * @throws ValidationException if the metric is null
   */
  public List<String> ranking(ChannelMetric metric) {
    Checks.notNull("metric", metric);
    return rows().stream().filter(r -> r.rank(metric).isPresent())
        .sorted(Comparator.comparingInt(r -> r.rank(metric).getAsInt()))
        .map(ChannelRow::name)
        .collect(Collectors.toUnmodifiableList());
  }

  @Value.Check
  void check() {
    Set<String> seen = new HashSet<>();
    Checks.Collector v = Checks.collector();
    for (int i = 0; i < rows().size(); i++) {
      if (!seen.add(rows().get(i).name())) {
        v.add("rows[" + i + "].name", rows().get(i).name(), "must be unique");
      }
    }
    v.throwIfAny();
  }
}
