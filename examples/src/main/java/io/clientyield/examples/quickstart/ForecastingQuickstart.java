package io.clientyield.examples.quickstart;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Period;
import io.clientyield.core.Proportion;
import io.clientyield.forecasting.CorrectedTargets;
import io.clientyield.forecasting.CountDistribution;
import io.clientyield.forecasting.CoverageCheck;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PeriodTotals;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.PlanAccuracy;
import io.clientyield.forecasting.PlannedDeal;
import io.clientyield.forecasting.PlanningErrorAccumulator;
import io.clientyield.forecasting.RatioEstimate;
import io.clientyield.forecasting.Replenishment;
import io.clientyield.forecasting.RevenueDistribution;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code forecasting} module in one page: planned deals through plan, refinement, contract and
 * execution; the planning error and the corrected plan (DOMAIN 5.2: 100 M planned, 75 M executed,
 * plan 133.3 M next time); replenishment and coverage (5.3); and the probabilistic pipeline with
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
    // 5.1 A planned deal keeps every version of its budget: plan -> refined -> contract -> executed.
    Instant t = Instant.parse("2026-08-03T09:00:00Z");
    Period september = Period.month(2026, 9);
    PlannedDeal acme = PlannedDeal.plan(ClientId.of("acme"), september, "olga", ManagerId.of("anna"), t, m("60000000"))
        .refine(t.plusSeconds(86_400), m("45000000")).contract(t.plusSeconds(2 * 86_400), m("45000000"))
        .execute(t.plusSeconds(40 * 86_400), m("40000000"));
    PlannedDeal beta = PlannedDeal.plan(ClientId.of("beta"), september, "olga", ManagerId.of("boris"), t, m("40000000"))
        .refine(t.plusSeconds(86_400), m("35000000")).execute(t.plusSeconds(40 * 86_400), m("35000000"));
    // two earlier months, realized at 0.80 and 0.70, give the error a history
    PlannedDeal july = PlannedDeal.plan(ClientId.of("gamma"), Period.month(2026, 7), "olga", ManagerId.of("anna"),
        t.minusSeconds(60 * 86_400), m("10000000")).execute(t.minusSeconds(20 * 86_400), m("8000000"));
    PlannedDeal august = PlannedDeal.plan(ClientId.of("delta"), Period.month(2026, 8), "olga", ManagerId.of("boris"),
        t.minusSeconds(30 * 86_400), m("10000000")).execute(t, m("7000000"));

    // 5.2 Planning error per period (also per planner and per manager in the report).
    PlanningErrorAccumulator errors = new PlanningErrorAccumulator(Money.currency("EUR"));
    List.of(july, august, acme, beta).forEach(errors::add);
    PlanAccuracy overall = errors.result().overall();
    for (PeriodTotals p : overall.periods()) {
      System.out.printf(Locale.ROOT, "%s: plan %s, refined %s, executed %s, realization %.2f, error %.0f %%%n",
          p.period(), p.plan(), p.refined(), p.executed(), p.realizationRatio().orElseThrow(),
          p.errorShare().orElseThrow() * 100);
    }
    // To reach 100 M, plan 100 / 0.75 = 133.3 M (multiplicative); "add 25 % back" = 125 M falls short.
    Money target = m("100000000");
    System.out.println("Plan for 100 M at 0.75: " + CorrectedTargets.planFor(target, 0.75).plan().orElseThrow()
        + " (125 M realized at 0.75 is only " + m("125000000").multipliedBy(0.75, java.math.RoundingMode.HALF_UP) + ")");
    RatioEstimate estimate = overall.realizationEstimate().orElseThrow(); // mean, sd, EWMA over months
    System.out.printf(Locale.ROOT, "Ratio over %d months: mean %.2f, sd %.2f; plan for 90 %% confidence %s; "
        + "bias %.3f%n", estimate.periods(), estimate.mean(), estimate.standardDeviation().orElseThrow(),
        CorrectedTargets.planFor(target, estimate, 0.90).plan().orElseThrow(), overall.accuracy().bias().orElseThrow());

    // 5.3 A client planned for October refuses after a refinement: its latest budget is lost and
    // must be replaced: prospects = lost / (average budget x conversion), rounded up.
    PlannedDeal refused = PlannedDeal.plan(ClientId.of("epsilon"), Period.month(2026, 10), "olga",
        ManagerId.of("anna"), t, m("30000000")).refine(t.plusSeconds(86_400), m("25000000"));
    Money lost = Replenishment.lostBudget(List.of(refused), Money.currency("EUR"));
    System.out.println("Lost " + lost + ": prospects needed at 5 M average and 20 % conversion = "
        + Replenishment.prospectsNeeded(lost, m("5000000"), Proportion.of(20, 100)).prospects().orElseThrow());

    // 5.4 October's open deals, each a budget and a win probability (IT-outsourcing stage table).
    OpenPipeline october = new OpenPipeline(Money.currency("EUR"))
        .add(m("25000000"), 0.99).add(m("40000000"), 0.80).add(m("30000000"), 0.25)
        .add(m("50000000"), 0.25).add(m("20000000"), 0.10).add(m("10000000"), 0.05);
    CoverageCheck coverage = Replenishment.coverage(october.weightedPipeline(), target, 0.75);
    System.out.printf(Locale.ROOT, "Weighted pipeline %s of %s: coverage %.3f, required %.3f, alert %s%n",
        october.weightedPipeline(), october.totalBudget(), coverage.coverage().orElseThrow(),
        coverage.required().orElseThrow(), coverage.alert());
    RevenueDistribution won = PipelineForecaster.onGrid(october, m("1000000")); // exact: budgets are whole millions
    CountDistribution deals = PipelineForecaster.counts(october);
    System.out.printf(Locale.ROOT, "Won revenue: expected %s, P10 %s, P50 %s, P90 %s; P(>= 100 M) = %.4f%n",
        won.expectedValue(), won.p10(), won.p50(), won.p90(), won.probabilityOfReaching(target));
    System.out.printf(Locale.ROOT, "Won deals: expected %.2f, P50 %d, P(>= 3 deals) = %.4f%n",
        deals.mean(), deals.quantile(0.5), deals.probabilityAtLeast(3));
    System.out.println("Extra leads (10 M at 25 %) for 100 M with 80 % confidence: "
        + PipelineForecaster.additionalLeads(won, m("10000000"), 0.25, target, 0.80, 1000).leads().orElseThrow());
  }

  private static Money m(String euros) {
    return Money.of(euros, "EUR");
  }
}
