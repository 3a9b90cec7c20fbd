package io.clientyield.examples.quickstart;

import io.clientyield.core.DealId;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.ConversionComparison;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.StageFunnelAccumulator;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.StageFunnel.WeakStage;
import io.clientyield.funnel.leads.LeadEconomics;
import io.clientyield.funnel.leads.LeadInputs;
import io.clientyield.funnel.leads.LeadMetrics;
import io.clientyield.funnel.leads.LeadQuantity;
import io.clientyield.funnel.leads.LeadTargets;
import io.clientyield.funnel.leads.PeriodScale;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code funnel} module in one page: deals, the stage funnel and its weakest stage, the funnel
 * per manager with flagged weak cells, quantitative vs financial conversion, learned stage
 * probabilities, the weighted pipeline and lead economics — with the numbers of DOMAIN.md.
 */
public final class FunnelQuickstart {
  private static final Currency EUR = Money.currency("EUR");
  private static final Stages STAGES = Stages.of("contact", "presentation", "proposal");

  private FunnelQuickstart() {}

  /**
   * Runs the example and prints its results.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    // DOMAIN 2.1: 100 clients; 20 refused after the contact, 79 after the presentation, 1 signed.
    List<Deal> domain = new ArrayList<>();
    add(domain, "anna", 20, "contact", Outcome.clientRefused("no-interest"), "10000.00");
    add(domain, "anna", 60, "presentation", Outcome.clientRefused("price"), "10000.00");
    add(domain, "anna", 19, "presentation", Outcome.clientRefused("timing"), "10000.00");
    add(domain, "anna", 1, "proposal", Outcome.won(), "10000.00");
    // An accumulator: add deals (or merge partial accumulators), then take the immutable result.
    StageFunnelAccumulator funnelAcc = new StageFunnelAccumulator(STAGES, EUR);
    domain.forEach(funnelAcc::add);
    StageFunnel funnel = funnelAcc.result();
    for (FunnelStage s : funnel.stages()) {
      List<String> reasons = s.reasons().stream()
          .map(r -> r.reason().orElse("-") + "=" + r.count()).toList();
      System.out.printf(Locale.ROOT, "%-13s entered %3d  passed %3d  refused %2d  reasons %s%n",
          s.stage(), s.entered(), s.passed(), s.refused(), reasons);
    }
    WeakStage byLoss = funnel.weakestByLoss().orElseThrow(); // empty only if nothing was lost
    WeakStage byConversion = funnel.weakestByConversion().orElseThrow();
    System.out.println("Weakest by loss:       " + byLoss.stage() + " -> "
        + byLoss.nextStage().orElse("end") + ", lost " + byLoss.lost());
    System.out.println("Weakest by conversion: " + byConversion.stage() + " -> "
        + byConversion.nextStage().orElse("end") + ", " + byConversion.resolvedConversion());

    // DOMAIN 2.2 / 2.3: a 15 % manager and a 3 % one. At which stage does the weaker one lose,
    // and who brings more money? (boris's three wins are large contracts.)
    List<Deal> team = new ArrayList<>();
    for (String manager : List.of("anna", "boris")) {
      add(team, manager, 40, "contact", Outcome.clientRefused("no-interest"), "10000.00");
      add(team, manager, 30, "presentation", Outcome.clientRefused("price"), "10000.00");
    }
    add(team, "anna", 15, "proposal", Outcome.clientRefused("price"), "10000.00");
    add(team, "anna", 15, "proposal", Outcome.won(), "10000.00");
    add(team, "boris", 27, "proposal", Outcome.clientRefused("price"), "10000.00");
    add(team, "boris", 3, "proposal", Outcome.won(), "80000.00");
    CrossStatisticsAccumulator<ManagerId> crossAcc =
        CrossStatisticsAccumulator.byManager(STAGES, EUR);
    team.forEach(crossAcc::add);
    CrossStatistics cross = crossAcc.result(); // FDR 5 %; cells under 30 deals are never flagged
    for (GroupStatistics g : cross.groups()) {
      ConversionComparison c = g.conversion();
      StageCell proposal = g.cell("proposal");
      ConfidenceInterval ci = proposal.wilson95().orElseThrow();
      System.out.printf(Locale.ROOT,
          "%-6s won %2d of %d = %4.1f %%, financial %4.1f %% (won %s); "
              + "proposal %s [%.3f, %.3f]%s%n",
          g.group(), c.won(), c.worked(), c.quantitative().value().orElseThrow() * 100,
          c.financial().orElseThrow() * 100, c.wonBudget(), proposal.resolvedConversion(), ci.lower(),
          ci.upper(), proposal.flagged() ? "  FLAGGED" : "");
    }

    // DOMAIN 2.4: P(win | reached stage) learned from the closed deals (Laplace smoothing), then
    // the weighted pipeline = sum of budget x P(stage) over the open deals.
    StageProbabilityLearner learner = new StageProbabilityLearner(STAGES);
    team.forEach(learner::add);
    StageProbabilities learned = learner.result();
    for (StageProbability e : learned.entries()) {
      System.out.printf(Locale.ROOT, "P(win | %-12s) = %.4f from %s%n",
          e.stage(), e.probability().orElseThrow(), e.sample().orElseThrow());
    }
    List<Deal> open = new ArrayList<>();
    add(open, "anna", 1, "proposal", null, "50000.00");
    add(open, "boris", 1, "presentation", null, "20000.00");
    add(open, "boris", 1, "contact", null, "10000.00");
    WeightedPipelineAccumulator pipelineAcc = new WeightedPipelineAccumulator(learned, EUR);
    open.forEach(pipelineAcc::add);
    WeightedPipeline pipeline = pipelineAcc.result();
    System.out.println("Weighted pipeline:     " + pipeline.weightedTotal()
        + " of " + pipeline.totalBudget());

    // DOMAIN 3: new-contract revenue = leads x Cr x check; missing values are derived.
    double before = LeadEconomics.metrics(LeadInputs.builder().set(LeadQuantity.LEADS, 60)
        .set(LeadQuantity.CR, 0.02).build()).value(LeadQuantity.CONTRACTS).orElseThrow();
    double after = LeadEconomics.metrics(LeadInputs.builder().set(LeadQuantity.LEADS, 120)
        .set(LeadQuantity.CR, 0.05).build()).value(LeadQuantity.CONTRACTS).orElseThrow();
    System.out.printf(Locale.ROOT,
        "60 leads at 2 %% -> %.1f contracts; 120 at 5 %% -> %.1f (%.0fx)%n",
        before, after, after / before);
    // The website chain, per day and scaled to a year of 365 days; then after optimization.
    for (double[] rates : new double[][] {{0.01, 0.05}, {0.05, 0.10}}) {
      LeadMetrics year = LeadEconomics.metrics(LeadInputs.builder()
          .set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
          .set(LeadQuantity.SITE_CONVERSION, rates[0]).set(LeadQuantity.CR, rates[1])
          .period("day").build().scaled(PeriodScale.dayToYear(365)));
      System.out.printf(Locale.ROOT,
          "Site %2.0f %%, Cr %2.0f %%: %.1f visits, %.1f leads, %.2f contracts a %s%n",
          rates[0] * 100, rates[1] * 100, year.value(LeadQuantity.VISITS).orElseThrow(),
          year.value(LeadQuantity.LEADS).orElseThrow(),
          year.value(LeadQuantity.CONTRACTS).orElseThrow(), year.period().orElseThrow());
    }
    // CPL = spend / leads, CAC = spend / contracts, ROMI = (revenue x margin - spend) / spend.
    LeadInputs channel = LeadInputs.builder().set(LeadQuantity.LEADS, 40)
        .set(LeadQuantity.CR, 0.10).averageCheck(Money.of("500.00", "EUR"))
        .spend(Money.of("800.00", "EUR")).grossMargin(0.5).build();
    LeadMetrics metrics = LeadEconomics.metrics(channel);
    System.out.printf(Locale.ROOT, "CPL %s, CAC %s, ROMI %.0f %%, break-even CPL %s%n",
        metrics.costPerLead().orElseThrow(), metrics.costPerContract().orElseThrow(),
        metrics.romi().orElseThrow() * 100,
        LeadTargets.breakEvenCostPerLead(channel).orElseThrow());
  }

  /** Adds {@code n} deals of one manager that reached a stage (outcome null: still open). */
  private static void add(List<Deal> deals, String manager, int n, String stage,
      Outcome outcome, String budget) {
    for (int i = 0; i < n; i++) {
      deals.add(Deal.builder()
          .id(DealId.of(manager + "-" + (deals.size() + 1)))
          .manager(ManagerId.of(manager))
          .budget(Money.of(budget, "EUR"))
          .reachedStage(stage)
          .outcome(Optional.ofNullable(outcome))
          .build());
    }
  }
}
