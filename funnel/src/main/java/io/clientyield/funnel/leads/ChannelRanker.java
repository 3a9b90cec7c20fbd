package io.clientyield.funnel.leads;

import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.leads.ChannelComparison.Assumption;
import io.clientyield.funnel.leads.ChannelComparison.Channel;
import io.clientyield.funnel.leads.ChannelComparison.Defaults;
import io.clientyield.funnel.leads.ChannelComparison.Metric;
import io.clientyield.funnel.leads.ChannelComparison.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/** Computes {@link ChannelComparison}s (package-private; see {@link LeadEconomics#compareChannels}). */
final class ChannelRanker {

  private ChannelRanker() {}

  static ChannelComparison compare(List<Channel> channels, Defaults defaults) {
    Checks.notNull("channels", channels);
    Checks.notNull("defaults", defaults);
    Checks.Collector v = Checks.collector();
    List<LeadInputs> effective = new ArrayList<>();
    List<LeadSolver.Solution> solved = new ArrayList<>();
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
        LeadInputs e = withDefaults(c.economics(), defaults, a);
        LeadSolver.Solution s = LeadSolver.solve(e);
        Optional<Currency> cur = s.currency();
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
        solved.add(s);
        assumed.add(a);
      } catch (ValidationException e) {
        for (ValidationException.Violation x : e.violations()) {
          v.add(path + "." + x.field(), x.rejectedValue(), x.rule());
        }
      }
    }
    v.throwIfAny();
    int n = effective.size();
    int[][] ranks = new int[Metric.values().length][];
    for (Metric m : Metric.values()) {
      ranks[m.ordinal()] = ranks(solved, m);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Row(channels.get(i).name(),
          LeadEconomics.metrics(solved.get(i), effective.get(i).period()),
          assumed.get(i),
          rank(ranks[Metric.COST_PER_LEAD.ordinal()][i]),
          rank(ranks[Metric.COST_PER_CONTRACT.ordinal()][i]),
          rank(ranks[Metric.ROMI.ordinal()][i])));
    }
    return new ChannelComparison(defaults, rows);
  }

  private static OptionalInt rank(int r) {
    return r == 0 ? OptionalInt.empty() : OptionalInt.of(r);
  }

  private static LeadInputs withDefaults(LeadInputs e, Defaults d, Set<Assumption> assumed) {
    LeadInputs.Builder b = e.toBuilder();
    if (LeadSolver.solve(e).value(LeadQuantity.CR).isEmpty() && d.cr().isPresent()) {
      b.set(LeadQuantity.CR, d.cr().getAsDouble());
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

  private static Optional<Ratio> ratio(LeadSolver.Solution e, Metric m) {
    if (e.spend == null) {
      return Optional.empty();
    }
    BigDecimal spend = e.spend.amount();
    switch (m) {
      case COST_PER_LEAD:
        return perCount(spend, e.value(LeadQuantity.LEADS));
      case COST_PER_CONTRACT:
        return perCount(spend, e.value(LeadQuantity.CONTRACTS));
      default:
        return spend.signum() > 0
            ? e.grossExact().map(g -> new Ratio(g, spend)) : Optional.empty();
    }
  }

  private static Optional<Ratio> perCount(BigDecimal spend, OptionalDouble count) {
    return count.isPresent() && count.getAsDouble() > 0
        ? Optional.of(new Ratio(spend, LeadSolver.exact(count.getAsDouble())))
        : Optional.empty();
  }

  /** Competition ranks from 1, 0 for undefined. */
  private static int[] ranks(List<LeadSolver.Solution> solved, Metric m) {
    int n = solved.size();
    List<Optional<Ratio>> r = new ArrayList<>();
    for (LeadSolver.Solution s : solved) {
      r.add(ratio(s, m));
    }
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
}
