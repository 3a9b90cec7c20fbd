package io.clientyield.forecasting;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.Money;
import java.util.Currency;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/** Generators of the forecasting module's domain (open pipelines, ratios, plan series). */
final class ForecastGenerators {
  static final Currency EUR = Currency.getInstance("EUR");

  private ForecastGenerators() {}

  /** Open deals: budgets and win probabilities, drawn from a seed. */
  record Deals(long[] budgetsMinor, double[] probabilities) {
    OpenPipeline pipeline() {
      OpenPipeline p = new OpenPipeline(EUR);
      for (int i = 0; i < budgetsMinor.length; i++) {
        p.add(Money.ofMinor(budgetsMinor[i], EUR), probabilities[i]);
      }
      return p;
    }

    int size() {
      return budgetsMinor.length;
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(budgetsMinor) + " " + java.util.Arrays.toString(probabilities);
    }
  }

  /** Between {@code min} and {@code max} deals with budgets of 0..maxBudgetMinor, p in [0, 1]. */
  static Gen<Deals> deals(int min, int max, long maxBudgetMinor) {
    return integers().between(min, max).zip(longs().all(), (n, seed) -> {
      SplittableRandom r = new SplittableRandom(seed);
      long[] b = new long[n];
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = r.nextLong(maxBudgetMinor + 1);
        int kind = r.nextInt(10);
        p[i] = kind == 0 ? 0 : kind == 1 ? 1 : r.nextDouble();
      }
      return new Deals(b, p);
    });
  }

  /** Win probabilities only. */
  static Gen<double[]> probabilities(int min, int max) {
    return deals(min, max, 0).map(Deals::probabilities);
  }

  /** A target amount in minor units. */
  static Gen<Long> targetsMinor(long max) {
    return longs().between(0, max);
  }

  /** A realization ratio in (0, 2]. */
  static Gen<Double> ratios() {
    return integers().between(1, 2000).map(i -> i / 1000.0);
  }

  /** Planned deals over six months, three planners, with random refinements and outcomes. */
  static Gen<java.util.List<PlannedDeal>> plannedDeals(int max) {
    return integers().between(0, max).zip(longs().all(), (n, seed) -> {
      SplittableRandom r = new SplittableRandom(seed);
      java.util.List<PlannedDeal> out = new java.util.ArrayList<>();
      java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
      for (int i = 0; i < n; i++) {
        io.clientyield.core.ManagerId planner = io.clientyield.core.ManagerId.of("p" + r.nextInt(3));
        PlannedDeal d = PlannedDeal.plan(io.clientyield.core.ClientId.of("c" + i),
            io.clientyield.core.ReportingPeriod.month(2026, 1 + r.nextInt(6)), planner,
            io.clientyield.core.ManagerId.of("m" + r.nextInt(2)), t,
            Money.ofMinor(r.nextLong(0, 1_000_000_000L), EUR));
        int refinements = r.nextInt(3);
        for (int k = 0; k < refinements; k++) {
          d = d.refine(t.plusSeconds(k + 1), Money.ofMinor(r.nextLong(0, 1_000_000_000L), EUR));
        }
        if (r.nextBoolean()) {
          d = d.contract(t.plusSeconds(10), Money.ofMinor(r.nextLong(0, 1_000_000_000L), EUR));
        }
        if (r.nextBoolean()) {
          d = d.execute(t.plusSeconds(20), Money.ofMinor(r.nextLong(0, 1_000_000_000L), EUR));
        }
        out.add(d);
      }
      return out;
    });
  }

  /** Positive money in EUR up to 10^12 minor units. */
  static Gen<Money> positiveMoney() {
    return longs().between(1, 1_000_000_000_000L).map(m -> Money.ofMinor(m, EUR));
  }

  /**
   * ReportingPeriod totals over {@code 0..max} consecutive months: plan and executed each in {@code
   * 0..maxMinor} minor units (one in eight executed totals is 0, one in eight equals the plan),
   * refined and actual between them.
   */
  static Gen<java.util.List<PeriodTotals>> periodSeries(int max, long maxMinor) {
    return integers().between(0, max).zip(longs().all(), (n, seed) -> {
      SplittableRandom r = new SplittableRandom(seed);
      java.util.List<PeriodTotals> out = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        long plan = r.nextLong(maxMinor + 1);
        int kind = r.nextInt(8);
        long executed = kind == 0 ? 0 : kind == 1 ? plan : r.nextLong(maxMinor + 1);
        long refined = Math.min(plan, executed) + r.nextLong(Math.abs(plan - executed) + 1);
        out.add(new PeriodTotals(io.clientyield.core.ReportingPeriod.month(2020 + i / 12, 1 + i % 12),
            1 + r.nextInt(50), Money.ofMinor(plan, EUR), Money.ofMinor(refined, EUR),
            Money.ofMinor(refined, EUR), Money.ofMinor(executed, EUR)));
      }
      return out;
    });
  }

  /**
   * Per-period ratios: {@code min..max} of them in {@code [0, 3]}, on a 1/1000 grid (one in
   * four repeats the previous ratio).
   */
  static Gen<double[]> ratioSeries(int min, int max) {
    return integers().between(min, max).zip(longs().all(), (n, seed) -> {
      SplittableRandom r = new SplittableRandom(seed);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = i > 0 && r.nextInt(4) == 0 ? out[i - 1] : r.nextInt(3001) / 1000.0;
      }
      return out;
    });
  }

  /** An EWMA weight in {@code (0, 1]}: 0.001..1 in steps of 0.001. */
  static Gen<Double> alphas() {
    return integers().between(1, 1000).map(i -> i / 1000.0);
  }

  /** Non-negative money in EUR up to {@code max} minor units. */
  static Gen<Money> nonNegativeMoney(long max) {
    return longs().between(0, max).map(m -> Money.ofMinor(m, EUR));
  }

  /** Conversions: 0..1 000 trials, one in ten with no successes. */
  static Gen<io.clientyield.core.Proportion> conversions() {
    return longs().between(0, 1_000).zip(longs().all(), (t, seed) -> {
      SplittableRandom r = new SplittableRandom(seed);
      long s = r.nextInt(10) == 0 ? 0 : r.nextLong(t + 1);
      return io.clientyield.core.Proportion.of(s, t);
    });
  }

  /**
   * Realization ratios for coverage checks: {@code (0, 2]} on a 1/1000 grid, with 0 and a
   * subnormal ratio (whose reciprocal overflows) mixed in.
   */
  static Gen<Double> coverageRatios() {
    return integers().between(0, 2001).map(i -> i == 2001 ? 1e-310 : i / 1000.0);
  }
}
