package io.clientyield.examples.quickstart;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.Proportion;
import io.clientyield.forecasting.CorrectedTargets;
import io.clientyield.forecasting.CountDistribution;
import io.clientyield.forecasting.Replenishment.CoverageCheck;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PeriodTotals;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.PlanAccuracy;
import io.clientyield.forecasting.PlannedDeal;
import io.clientyield.forecasting.PlanningErrorAccumulator;
import io.clientyield.forecasting.RatioEstimate;
import io.clientyield.forecasting.Replenishment;
import io.clientyield.forecasting.RevenueDistribution;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code forecasting} module in one page: planned deals through plan, refinement, contract and
 * execution; the planning error and the corrected plan (DOMAIN 5.2: 100 M planned, 75 M executed,
 * so plan 133.3 M next time); replenishment and coverage (5.3); and the probabilistic pipeline with
 * P10 / P50 / P90 and the probability of reaching the target (5.4).
 */
public final class ForecastingQuickstart {
  private ForecastingQuickstart() {}

  /**
   * Runs the example and prints its results.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    // 5.1 A planned deal keeps every version of its budget: plan, refined, contract, executed.
    // Each step returns a new value. September: 60 M + 40 M planned by olga.
    ReportingPeriod september = ReportingPeriod.month(2026, 9);
    ManagerId olga = ManagerId.of("olga"); // the planner
    ManagerId anna = ManagerId.of("anna");
    ManagerId boris = ManagerId.of("boris");
    PlannedDeal acme = PlannedDeal.plan(ClientId.of("acme"), september, olga, anna,
            at("2026-08-03"), eur("60000000"))
        .refine(at("2026-08-20"), eur("45000000"))
        .contract(at("2026-08-28"), eur("45000000"))
        .execute(at("2026-09-30"), eur("40000000"));
    PlannedDeal beta = PlannedDeal.plan(ClientId.of("beta"), september, olga, boris,
            at("2026-08-03"), eur("40000000"))
        .refine(at("2026-08-21"), eur("35000000"))
        .execute(at("2026-09-30"), eur("35000000"));
    // July and August were realized at 0.80 and 0.70: the error has a history.
    PlannedDeal july = PlannedDeal.plan(ClientId.of("gamma"), ReportingPeriod.month(2026, 7), olga,
        anna, at("2026-06-01"), eur("10000000")).execute(at("2026-07-31"), eur("8000000"));
    PlannedDeal august = PlannedDeal.plan(ClientId.of("delta"), ReportingPeriod.month(2026, 8), olga,
        boris, at("2026-07-01"), eur("10000000")).execute(at("2026-08-31"), eur("7000000"));

    // 5.2 Planning error per period (the report also has it per planner and per manager).
    PlanningErrorAccumulator errors = new PlanningErrorAccumulator(Money.currency("EUR"));
    List.of(july, august, acme, beta).forEach(errors::add);
    PlanAccuracy overall = errors.result().overall();
    for (PeriodTotals p : overall.periods()) {
      System.out.printf(Locale.ROOT,
          "%s: plan %s, refined %s, executed %s, realization %.2f, error %.0f %%%n",
          p.period(), p.plan(), p.refined(), p.executed(), p.realizationRatio().orElseThrow(),
          p.errorShare().orElseThrow() * 100);
    }
    // To reach 100 M, plan 100 / 0.75 = 133.3 M; "adding the 25 % back" (125 M) falls short.
    Money target = eur("100000000");
    Money corrected = CorrectedTargets.planFor(target, 0.75).plan().orElseThrow();
    Money additive = eur("125000000").multipliedBy(0.75, Money.ROUNDING);
    System.out.println("Plan for 100 M at 0.75: " + corrected
        + " (125 M realized at 0.75 is only " + additive + ")");
    // With the dispersion of the ratio: the plan that reaches the target with 90 % confidence.
    RatioEstimate ratio = overall.realizationEstimate().orElseThrow();
    System.out.printf(Locale.ROOT,
        "Ratio over %d months: mean %.2f, sd %.2f; plan for 90 %% confidence %s; bias %.3f%n",
        ratio.periods(), ratio.mean(), ratio.standardDeviation().orElseThrow(),
        CorrectedTargets.planFor(target, ratio, 0.90).plan().orElseThrow(),
        overall.accuracy().bias().orElseThrow());

    // 5.3 A client planned for October refuses after a refinement: its latest budget is lost.
    // Prospects needed = lost / (average budget x conversion), rounded up.
    PlannedDeal refused = PlannedDeal.plan(ClientId.of("epsilon"), ReportingPeriod.month(2026, 10), olga,
        anna, at("2026-09-01"), eur("30000000")).refine(at("2026-09-15"), eur("25000000"));
    Money lost = Replenishment.lostBudget(List.of(refused), Money.currency("EUR"));
    long prospects = Replenishment.prospectsNeeded(lost, eur("5000000"), Proportion.of(20, 100))
        .prospects().orElseThrow(); // empty (with a reason) when nothing ever converts
    System.out.println("Lost " + lost + ": prospects needed at 5 M average and 20 % conversion = "
        + prospects);

    // 5.4 October's open deals: a budget and a win probability each (IT-outsourcing table).
    OpenPipeline october = new OpenPipeline(Money.currency("EUR"))
        .add(eur("25000000"), 0.99)  // contract signed
        .add(eur("40000000"), 0.80)  // contract negotiation
        .add(eur("30000000"), 0.25)  // proposal under review
        .add(eur("50000000"), 0.25)
        .add(eur("20000000"), 0.10)  // qualified interest
        .add(eur("10000000"), 0.05); // initial interest
    // (From funnel deals and learned stage probabilities: OpenPipeline.of(deals, learned, eur).)
    // The distribution of won revenue, exact here because every budget is a whole million; its
    // expected value is the weighted pipeline, sum of budget x probability.
    RevenueDistribution won = PipelineForecaster.onGrid(october, eur("1000000"));
    CoverageCheck coverage = Replenishment.coverage(won.expectedValue(), target, 0.75);
    System.out.printf(Locale.ROOT,
        "Weighted pipeline %s of %s: coverage %.3f, required %.3f, alert %s%n",
        won.expectedValue(), october.totalBudget(), coverage.coverage().orElseThrow(),
        coverage.required().orElseThrow(), coverage.alert());
    System.out.printf(Locale.ROOT,
        "Won revenue: expected %s, P10 %s, P50 %s, P90 %s; P(>= 100 M) = %.4f%n",
        won.expectedValue(), won.p10(), won.p50(), won.p90(), won.probabilityOfReaching(target));
    CountDistribution deals = PipelineForecaster.counts(october); // exact, Poisson-binomial
    System.out.printf(Locale.ROOT, "Won deals: expected %.2f, P50 %d, P(>= 3 deals) = %.4f%n",
        deals.mean(), deals.quantile(0.5), deals.probabilityAtLeast(3));
    long leads = PipelineForecaster
        .additionalLeads(won, eur("10000000"), 0.25, target, 0.80, 1000).leads().orElseThrow();
    System.out.println("Extra leads (10 M at 25 %) for 100 M with 80 % confidence: " + leads);
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Instant at(String day) {
    return Instant.parse(day + "T09:00:00Z");
  }
}
