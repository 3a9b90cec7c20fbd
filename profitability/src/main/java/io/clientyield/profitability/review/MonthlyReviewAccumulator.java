package io.clientyield.profitability.review;

import io.clientyield.core.Accumulator;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.profitability.pricing.Margins;
import io.clientyield.profitability.review.MonthlyReview.GroupTotals;
import io.clientyield.profitability.review.MonthlyReview.MarginDistribution;
import io.clientyield.profitability.review.MonthlyReview.PmKpi;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * Accumulates completed projects into a {@link MonthlyReview}.
 *
 * <p>Money totals are long minor units; margins and distances to target are kept in primitive
 * arrays and sorted before quantiles and sums are taken, so merge equals accumulating the
 * concatenation exactly, whatever the order.
 *
 * <p>Example: margins 0.10, 0.20, 0.30, 0.40 give min 0.10, q1 0.175, median 0.25, q3 0.325, max
 * 0.40; with the standard at the 75th percentile the suggested standard is 0.325.
 *
 * <p>Totals that would not fit in a long are a {@link ValidationException} naming the group and
 * field ({@code byPm[anna].revenue}); the rejected add or merge leaves the accumulator unchanged.
 *
 * <p>Mutable, not thread-safe; use one per thread and merge.
 */
public final class MonthlyReviewAccumulator
    implements Accumulator<CompletedProject, MonthlyReviewAccumulator, MonthlyReview> {

  private final Currency currency;
  private final double standardPercentile;
  private final Map<YearMonth, long[]> byMonth = new TreeMap<>();
  private final Map<ManagerId, long[]> byPm = new TreeMap<>();
  private final Map<ClientId, long[]> byClient = new TreeMap<>();
  private final Map<ManagerId, long[]> kpiCounts = new TreeMap<>();
  private final Map<ManagerId, DoubleList> kpiDistances = new TreeMap<>();
  private final DoubleList margins = new DoubleList();

  /**
   * An empty review whose suggested standard is the median of margins.
   *
   * @param currency currency of every project
   */
  public MonthlyReviewAccumulator(Currency currency) {
    this(currency, 0.5);
  }

  /**
   * An empty review.
   *
   * @param currency currency of every project
   * @param standardPercentile the percentile of historical margins suggested as the standard, in
   *     [0, 1] (0.5 = median)
   */
  public MonthlyReviewAccumulator(Currency currency, double standardPercentile) {
    this.currency = Checks.notNull("currency", currency);
    this.standardPercentile = Checks.unitInterval("standardPercentile", standardPercentile);
  }

  /**
   * A collector of completed projects into a review.
   *
   * @param currency currency of every project
   * @param standardPercentile the percentile of historical margins suggested as the standard, in
   *     [0, 1] (0.5 = median)
   * @return the collector
   */
  public static Collector<CompletedProject, ?, MonthlyReview> collector(
      Currency currency, double standardPercentile) {
    new MonthlyReviewAccumulator(currency, standardPercentile); // validate the configuration now
    return Accumulator.collector(() -> new MonthlyReviewAccumulator(currency, standardPercentile));
  }

  /**
   * Adds a completed project.
   *
   * @param p the project, in this review's currency
   * @return this
   */
  @Override
  public MonthlyReviewAccumulator add(CompletedProject p) {
    Checks.notNull("project", p);
    if (!p.actual().revenue().currency().equals(currency)) {
      throw ValidationException.of("project.actual.revenue", p.actual().revenue(),
          "must be in this review's currency " + currency + ": cannot mix " + currency + " and "
              + p.actual().revenue().currency());
    }
    long rev = p.actual().revenue().minorUnits();
    long cost = p.actual().cost().minorUnits();
    long plan = p.plannedProfit().minorUnits();
    OptionalDouble m = p.actual().margin();
    double distance = m.isPresent() ? m.getAsDouble() - p.targetMargin() : Double.NaN;
    if (m.isPresent() && !Double.isFinite(distance)) {
      throw ValidationException.of("project.targetMargin", p.targetMargin(),
          "must leave a finite distance to the margin " + m.getAsDouble());
    }
    boolean hit = m.isPresent() && distance >= 0;
    YearMonth month = p.month();
    // every sum checked first: an add that overflows changes nothing
    checkTotals("byMonth", byMonth, month, rev, cost, plan);
    ManagerId pm = p.pm();
    ClientId client = p.client();
    checkTotals("byPm", byPm, pm, rev, cost, plan);
    checkTotals("byClient", byClient, client, rev, cost, plan);
    long[] k = kpiCounts.get(pm);
    if (k != null) {
      Checks.addExact("kpis", pm, hit ? ".hits" : ".misses", k[hit ? 0 : 1], 1);
    }
    addTotals(byMonth, month, rev, cost, plan);
    addTotals(byPm, pm, rev, cost, plan);
    addTotals(byClient, client, rev, cost, plan);
    kpiCounts.computeIfAbsent(pm, x -> new long[2])[hit ? 0 : 1]++;
    DoubleList d = kpiDistances.computeIfAbsent(pm, x -> new DoubleList());
    if (m.isPresent()) {
      margins.add(m.getAsDouble());
      d.add(distance);
    }
    return this;
  }

  /**
   * Merges another review with the same currency and percentile.
   *
   * @param other the other accumulator
   * @return this
   */
  @Override
  public MonthlyReviewAccumulator merge(MonthlyReviewAccumulator other) {
    Checks.notNull("other", other);
    if (!other.currency.equals(currency)) {
      throw ValidationException.of("other.currency", other.currency, "must be " + currency);
    }
    if (other.standardPercentile != standardPercentile) {
      throw ValidationException.of(
          "other.standardPercentile", other.standardPercentile, "must be " + standardPercentile);
    }
    // every new value first: a merge that overflows changes nothing
    Map<YearMonth, long[]> months = staged("byMonth", TOTALS, byMonth, other.byMonth);
    Map<ManagerId, long[]> pms = staged("byPm", TOTALS, byPm, other.byPm);
    Map<ClientId, long[]> clients = staged("byClient", TOTALS, byClient, other.byClient);
    Map<ManagerId, long[]> counts = staged("kpis", KPI_COUNTS, kpiCounts, other.kpiCounts);
    byMonth.putAll(months);
    byPm.putAll(pms);
    byClient.putAll(clients);
    kpiCounts.putAll(counts);
    for (Map.Entry<ManagerId, DoubleList> e : other.kpiDistances.entrySet()) {
      kpiDistances.computeIfAbsent(e.getKey(), x -> new DoubleList()).addAll(e.getValue());
    }
    margins.addAll(other.margins);
    return this;
  }

  /**
   * The review so far.
   *
   * @return an immutable review
   */
  @Override
  public MonthlyReview result() {
    Optional<MarginDistribution> dist = Optional.empty();
    if (margins.size > 0) {
      double[] s = margins.sorted();
      dist =
          Optional.of(
              new MarginDistribution(
                  s.length,
                  s[0],
                  MarginDistribution.quantile(s, 0.25),
                  MarginDistribution.quantile(s, 0.5),
                  MarginDistribution.quantile(s, 0.75),
                  s[s.length - 1],
                  MarginDistribution.quantile(s, standardPercentile)));
    }
    List<PmKpi> kpis = new ArrayList<>();
    for (Map.Entry<ManagerId, long[]> e : kpiCounts.entrySet()) {
      double[] d = kpiDistances.get(e.getKey()).sorted();
      double shortfall = 0;
      double distance = 0;
      for (double x : d) {
        distance += x;
        if (x < 0) {
          shortfall -= x;
        }
      }
      long[] t = byPm.get(e.getKey());
      kpis.add(
          new PmKpi(
              e.getKey(),
              e.getValue()[0],
              e.getValue()[1],
              shortfall,
              distance,
              Money.ofMinor(t[1], currency).minus(Money.ofMinor(t[2], currency)),
              Money.ofMinor(t[3], currency)));
    }
    return new MonthlyReview(totals(byMonth), totals(byPm), totals(byClient), dist, kpis);
  }

  private <K> List<GroupTotals<K>> totals(Map<K, long[]> m) {
    List<GroupTotals<K>> out = new ArrayList<>(m.size());
    for (Map.Entry<K, long[]> e : m.entrySet()) {
      long[] c = e.getValue();
      out.add(
          new GroupTotals<>(
              e.getKey(),
              c[0],
              Margins.profitAndLoss(Money.ofMinor(c[1], currency), Money.ofMinor(c[2], currency)),
              Money.ofMinor(c[3], currency)));
    }
    return out;
  }

  private static final String[] TOTALS = {".projects", ".revenue", ".cost", ".plannedProfit"};
  private static final String[] KPI_COUNTS = {".hits", ".misses"};

  /** Checks that adding one project to the group's totals fits, without changing anything. */
  private static <K> void checkTotals(
      String group, Map<K, long[]> m, K key, long rev, long cost, long plan) {
    long[] c = m.get(key);
    if (c == null) {
      return; // a new group holds exactly this project
    }
    Checks.addExact(group, key, ".projects", c[0], 1);
    Checks.addExact(group, key, ".revenue", c[1], rev);
    Checks.addExact(group, key, ".cost", c[2], cost);
    Checks.addExact(group, key, ".plannedProfit", c[3], plan);
  }

  /** Adds one project to the group's totals; {@link #checkTotals} has shown that it fits. */
  private static <K> void addTotals(Map<K, long[]> m, K key, long rev, long cost, long plan) {
    long[] c = m.computeIfAbsent(key, x -> new long[4]);
    c[0]++;
    c[1] += rev;
    c[2] += cost;
    c[3] += plan;
  }

  /** The merged cells of every key of {@code from}, computed exactly without changing either. */
  private static <K> Map<K, long[]> staged(
      String group, String[] fields, Map<K, long[]> into, Map<K, long[]> from) {
    Map<K, long[]> out = new TreeMap<>();
    for (Map.Entry<K, long[]> e : from.entrySet()) {
      long[] src = e.getValue();
      long[] c = into.getOrDefault(e.getKey(), new long[src.length]);
      long[] n = new long[src.length];
      for (int i = 0; i < src.length; i++) {
        n[i] = Checks.addExact(group, e.getKey(), fields[i], c[i], src[i]);
      }
      out.put(e.getKey(), n);
    }
    return out;
  }

  /** A growable primitive double list. */
  private static final class DoubleList {
    private double[] values = new double[8];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    void addAll(DoubleList o) {
      int n = o.size; // read first: o may be this list (an accumulator merged with itself)
      if (size + n > values.length) {
        values = Arrays.copyOf(values, Math.max(size + n, values.length * 2));
      }
      System.arraycopy(o.values, 0, values, size, n);
      size += n;
    }

    double[] sorted() {
      double[] s = Arrays.copyOf(values, size);
      Arrays.sort(s);
      return s;
    }
  }
}
