package io.clientyield.forecasting;

import io.clientyield.forecasting.PlannedDeal.BudgetVersion;
import io.clientyield.forecasting.PipelineForecaster.LeadsNeeded;
import static io.clientyield.forecasting.ForecastGenerators.EUR;
import static io.clientyield.forecasting.ForecastGenerators.deals;
import static io.clientyield.forecasting.ForecastGenerators.plannedDeals;
import static io.clientyield.forecasting.ForecastGenerators.positiveMoney;
import static io.clientyield.forecasting.ForecastGenerators.probabilities;
import static io.clientyield.forecasting.ForecastGenerators.ratios;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastProperties {
  static final double RELATIVE = 1e-9;
  static final Money CENT = Money.of("0.01", "EUR");

  @Test
  void countDistributionMeanEqualsSumOfProbabilities() {
    qt().withExamples(200).forAll(probabilities(0, 300)).check(p -> {
      double sum = 0;
      for (double v : p) {
        sum += v;
      }
      return Math.abs(PipelineForecaster.counts(p).mean() - sum) <= RELATIVE * Math.max(1, sum);
    });
  }

  @Test
  void countDistributionSumsToOne() {
    qt().withExamples(200).forAll(probabilities(0, 300)).check(p -> {
      double s = PipelineForecaster.counts(p).pmf().stream().mapToDouble(Double::doubleValue).sum();
      return Math.abs(s - 1) <= RELATIVE;
    });
  }

  @Test
  void countDistributionMatchesBruteForceEnumeration() {
    qt().withExamples(200).forAll(probabilities(0, 10)).check(p -> {
      int n = p.length;
      double[] brute = new double[n + 1];
      for (int mask = 0; mask < (1 << n); mask++) {
        double pr = 1;
        for (int i = 0; i < n; i++) {
          pr *= (mask & (1 << i)) != 0 ? p[i] : 1 - p[i];
        }
        brute[Integer.bitCount(mask)] += pr;
      }
      CountDistribution d = PipelineForecaster.counts(p);
      for (int k = 0; k <= n; k++) {
        if (Math.abs(d.probabilityOf(k) - brute[k]) > 1e-12) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void gridMeanEqualsWeightedPipelineWithinTheStatedBound() {
    qt().withExamples(100).forAll(deals(0, 40, 100_000)).check(d -> {
      RevenueDistribution r = PipelineForecaster.onGrid(d.pipeline(), Money.of("1", "EUR"));
      return Math.abs(r.distributionMean() - d.pipeline().expectedMinor())
          <= r.meanErrorBound() + RELATIVE * Math.max(1, r.distributionMean());
    });
  }

  @Test
  void gridOnTheCentGridHasTheExactMean() {
    qt().withExamples(100).forAll(deals(0, 20, 5_000)).check(d -> {
      RevenueDistribution r = PipelineForecaster.onGrid(d.pipeline(), CENT);
      double w = d.pipeline().expectedMinor();
      return Math.abs(r.distributionMean() - w) <= RELATIVE * Math.max(1, w);
    });
  }

  @Test
  void monteCarloMeanIsWithinFiveStandardErrors() {
    qt().withExamples(50).forAll(deals(0, 50, 1_000_000), longs().all()).check((d, seed) -> {
      RevenueDistribution r = PipelineForecaster.monteCarlo(d.pipeline(), 2_000, seed);
      double w = d.pipeline().expectedMinor();
      return Math.abs(r.distributionMean() - w) <= 5 * r.meanErrorBound() + RELATIVE * Math.max(1, w);
    });
  }

  @Test
  void monteCarloProbabilityOfReachingIsWithinTwiceTheDkwBoundOfTheExactOne() {
    // DKW: P(sup |F_n − F| > 2ε) <= 2 exp(−4 ln(200)) ≈ 1.3e-9 per example
    qt().withExamples(50)
        .forAll(deals(0, 15, 5_000), longs().all(), longs().between(0, 80_000))
        .check((d, seed, t) -> {
          RevenueDistribution exact = PipelineForecaster.onGrid(d.pipeline(), CENT);
          RevenueDistribution mc = PipelineForecaster.monteCarlo(d.pipeline(), 2_000, seed);
          Money target = Money.ofMinor(t, EUR);
          return Math.abs(mc.probabilityOfReaching(target) - exact.probabilityOfReaching(target))
              <= 2 * mc.cdfErrorBound();
        });
  }

  @Test
  void monteCarloWithAFixedSeedIsReproducible() {
    qt().withExamples(50).forAll(deals(0, 50, 1_000_000), longs().all()).check((d, seed) ->
        PipelineForecaster.monteCarlo(d.pipeline(), 500, seed)
            .equals(PipelineForecaster.monteCarlo(d.pipeline(), 500, seed)));
  }

  @Test
  void quantilesAreOrdered() {
    qt().withExamples(100).forAll(deals(0, 30, 100_000), longs().all()).check((d, seed) -> {
      RevenueDistribution g = PipelineForecaster.onGrid(d.pipeline(), Money.of("10", "EUR"));
      RevenueDistribution m = PipelineForecaster.monteCarlo(d.pipeline(), 300, seed);
      CountDistribution c = PipelineForecaster.counts(d.pipeline());
      return ordered(g) && ordered(m)
          && c.quantile(0.1) <= c.quantile(0.5) && c.quantile(0.5) <= c.quantile(0.9);
    });
  }

  private static boolean ordered(RevenueDistribution r) {
    return r.p10().compareTo(r.p50()) <= 0 && r.p50().compareTo(r.p90()) <= 0;
  }

  @Test
  void probabilityOfReachingIsNonIncreasingInTheTarget() {
    qt().withExamples(100)
        .forAll(deals(0, 30, 100_000), longs().between(0, 3_000_000), longs().between(0, 1_000_000))
        .check((d, t, delta) -> {
          RevenueDistribution r = PipelineForecaster.onGrid(d.pipeline(), Money.of("1", "EUR"));
          return r.probabilityOfReaching(Money.ofMinor(t + delta, EUR))
              <= r.probabilityOfReaching(Money.ofMinor(t, EUR));
        });
  }

  @Test
  void addingADealNeverLowersTheProbabilityOfReachingATarget() {
    qt().withExamples(100)
        .forAll(deals(0, 20, 100_000), longs().between(0, 100_000),
            integers().between(0, 100), longs().between(0, 2_000_000))
        .check((d, b, pct, t) -> {
          Money step = Money.of("1", "EUR");
          Money target = Money.ofMinor(t, EUR);
          double before = PipelineForecaster.onGrid(d.pipeline(), step).probabilityOfReaching(target);
          double after = PipelineForecaster.onGrid(
                  d.pipeline().add(Money.ofMinor(b, EUR), pct / 100.0), step)
              .probabilityOfReaching(target);
          return after >= before - 1e-12;
        });
  }

  @Test
  void leadsNeededIsTheSmallestCountReachingTheConfidence() {
    qt().withExamples(50)
        .forAll(deals(0, 10, 100_000), integers().between(1, 99), longs().between(0, 1_000_000))
        .check((d, pct, t) -> {
          Money step = Money.of("1", "EUR");
          Money lead = Money.of("500", "EUR");
          Money target = Money.ofMinor(t, EUR);
          double p = pct / 100.0;
          LeadsNeeded n = PipelineForecaster.additionalLeads(
              PipelineForecaster.onGrid(d.pipeline(), step), lead, p, target, 0.8, 200);
          if (n.leads().isEmpty()) {
            return reachWith(d, 200, lead, p, target, step) < 0.8 + 1e-9;
          }
          long k = n.leads().get();
          return reachWith(d, k, lead, p, target, step) >= 0.8 - 1e-9
              && (k == 0 || reachWith(d, k - 1, lead, p, target, step) < 0.8 + 1e-9);
        });
  }

  private static double reachWith(
      ForecastGenerators.Deals d, long k, Money lead, double p, Money target, Money step) {
    OpenPipeline pl = d.pipeline();
    for (long i = 0; i < k; i++) {
      pl.add(lead, p);
    }
    return PipelineForecaster.onGrid(pl, step).probabilityOfReaching(target);
  }

  /** One open deal, the unit an {@link OpenPipeline} accumulates. */
  private record OpenDeal(long budgetMinor, double probability) {}

  private static List<OpenDeal> openDeals(ForecastGenerators.Deals d) {
    List<OpenDeal> out = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      out.add(new OpenDeal(d.budgetsMinor()[i], d.probabilities()[i]));
    }
    return out;
  }

  @Test
  void openPipelineObeysTheAccumulatorLaws() {
    qt().withExamples(200)
        .forAll(AccumulatorLaws.splits(deals(0, 30, 100_000).map(ForecastProperties::openDeals)))
        .check(s -> AccumulatorLaws.hold(s, () -> new OpenPipeline(EUR),
            (p, d) -> p.add(Money.ofMinor(d.budgetMinor(), EUR), d.probability()),
            OpenPipeline::merge,
            // the deals in order, as comparable lists, and the weighted pipeline
            p -> List.of(Arrays.toString(p.budgetsMinor()), Arrays.toString(p.winProbabilities()),
                p.expected(), p.totalBudget())));
  }

  @Test
  void correctedPlanTimesRatioGivesBackTheTarget() {
    qt().withExamples(500).forAll(positiveMoney(), ratios()).check((target, r) -> {
      Money plan = CorrectedTargets.planFor(target, r).plan().orElseThrow();
      BigDecimal back = plan.amount().multiply(BigDecimal.valueOf(r));
      // rounding the plan to the cent moves plan × r by at most r × 0.005
      BigDecimal bound = BigDecimal.valueOf(r * 0.005 + 1e-9);
      return back.subtract(target.amount()).abs().compareTo(bound) <= 0;
    });
  }

  @Test
  void historyIsAppendOnly() {
    qt().withExamples(300).forAll(longs().all(), integers().between(1, 8)).check((seed, ops) -> {
      SplittableRandom r = new SplittableRandom(seed);
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      PlannedDeal d = PlannedDeal.plan(ClientId.of("c"), ReportingPeriod.month(2026, 1), ManagerId.of("p"),
          ManagerId.of("m"), t0, Money.of("100", "EUR"));
      for (int i = 0; i < ops; i++) {
        List<BudgetVersion> before = d.history();
        Instant at = t0.plusSeconds(r.nextInt(-5, 20));
        Money m = Money.ofMinor(r.nextLong(0, 100_000), EUR);
        try {
          PlannedDeal next = switch (r.nextInt(3)) {
            case 0 -> d.refine(at, m);
            case 1 -> d.contract(at, m);
            default -> d.execute(at, m);
          };
          if (!d.history().equals(before)
              || next.history().size() != before.size() + 1
              || !next.history().subList(0, before.size()).equals(before)
              || next.latest().at().isBefore(before.get(before.size() - 1).at())) {
            return false;
          }
          d = next;
        } catch (ValidationException e) {
          if (!d.history().equals(before)) {
            return false;
          }
        }
      }
      return true;
    });
  }

  @Test
  void refiningAfterExecutionIsRejected() {
    qt().withExamples(100).forAll(plannedDeals(5)).check(ds -> ds.stream()
        .filter(d -> d.valueAt(BudgetStep.EXECUTED).isPresent())
        .allMatch(d -> {
          try {
            d.refine(d.latest().at().plusSeconds(1), Money.of("1", "EUR"));
            return false;
          } catch (ValidationException e) {
            return true;
          }
        }));
  }

  @Test
  void planningErrorAccumulatorObeysTheAccumulatorLaws() {
    qt().withExamples(200).forAll(AccumulatorLaws.splits(plannedDeals(30)))
        .check(s -> AccumulatorLaws.hold(s, () -> new PlanningErrorAccumulator(EUR),
            PlanningErrorAccumulator::add, PlanningErrorAccumulator::merge,
            PlanningErrorAccumulator::result));
  }

  @Test
  void planningErrorCollectorEqualsTheLoopSequentialAndParallel() {
    qt().withExamples(100).forAll(plannedDeals(60)).check(ds -> {
      PlanningErrorAccumulator acc = new PlanningErrorAccumulator(EUR);
      ds.forEach(acc::add);
      PlanningErrorReport loop = acc.result();
      return ds.stream().collect(PlanningErrorAccumulator.collector(EUR)).equals(loop)
          && ds.parallelStream().collect(PlanningErrorAccumulator.collector(EUR)).equals(loop);
    });
  }

  @Test
  void theBridgeEqualsTheHandLoopForAnyDeals() {
    // open deals at configured stage probabilities, as the examples' hand loop built them
    qt().withExamples(100).forAll(deals(0, 40, 1_000_000)).check(d -> {
      io.clientyield.funnel.Stages stages = io.clientyield.funnel.Stages.of("s0", "s1", "s2");
      double[] p = {0.1, 0.5, 0.9};
      io.clientyield.funnel.probability.StageProbabilities table =
          io.clientyield.funnel.probability.StageProbabilities.configured(stages, p);
      List<io.clientyield.funnel.Deal> funnelDeals = new ArrayList<>();
      OpenPipeline hand = new OpenPipeline(EUR);
      for (int i = 0; i < d.size(); i++) {
        int stage = (int) (d.budgetsMinor()[i] % 3);
        boolean open = d.budgetsMinor()[i] % 5 != 0;
        funnelDeals.add(io.clientyield.funnel.Deal.builder()
            .id(io.clientyield.core.DealId.of("d" + i)).reachedStage("s" + stage)
            .budget(Money.ofMinor(d.budgetsMinor()[i], EUR))
            .outcome(open ? java.util.Optional.empty()
                : java.util.Optional.of(io.clientyield.core.Outcome.won()))
            .build());
        if (open) {
          hand.add(Money.ofMinor(d.budgetsMinor()[i], EUR), p[stage]);
        }
      }
      OpenPipeline bridged = OpenPipeline.of(funnelDeals, table, EUR);
      io.clientyield.funnel.probability.WeightedPipelineAccumulator weighted =
          new io.clientyield.funnel.probability.WeightedPipelineAccumulator(table, EUR);
      funnelDeals.forEach(weighted::add);
      return Arrays.equals(bridged.budgetsMinor(), hand.budgetsMinor())
          && Arrays.equals(bridged.winProbabilities(), hand.winProbabilities())
          && bridged.expected().equals(weighted.result().weightedTotal());
    });
  }

  @Test
  void mapeIsEmptyWhenAnActualIsZero() {
    qt().withExamples(100).forAll(plannedDeals(30)).check(ds -> {
      PlanningErrorAccumulator acc = new PlanningErrorAccumulator(EUR);
      ds.forEach(acc::add);
      PlanAccuracy pa = acc.result().overall();
      boolean anyZero = pa.periods().stream().anyMatch(t -> t.executed().isZero());
      boolean empty = pa.periods().isEmpty();
      return pa.accuracy().mape().isEmpty() == (anyZero || empty);
    });
  }

  @Test
  void totalsPlanEqualsSumOfPlannedBudgets() {
    qt().withExamples(100).forAll(plannedDeals(30)).check(ds -> {
      PlanningErrorAccumulator acc = new PlanningErrorAccumulator(EUR);
      ds.forEach(acc::add);
      long plan = acc.result().overall().periods().stream()
          .mapToLong(t -> t.plan().minorUnits()).sum();
      return plan == ds.stream().mapToLong(d -> d.plannedBudget().minorUnits()).sum();
    });
  }
}
