package io.clientyield.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioRun;
import io.clientyield.forecasting.CorrectedTargets.CorrectedPlan;
import io.clientyield.forecasting.CorrectedTargets;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.PlannedDeal;
import io.clientyield.forecasting.PlanningErrorAccumulator;
import io.clientyield.forecasting.PlanningErrorReport;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.DealStatusMapper;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.StageFunnelAccumulator;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.leads.LeadEconomics;
import io.clientyield.funnel.leads.LeadInputs;
import io.clientyield.funnel.leads.LeadMetrics;
import io.clientyield.funnel.leads.LeadQuantity;
import io.clientyield.funnel.leads.LeadTargets;
import io.clientyield.funnel.leads.PeriodScale;
import io.clientyield.funnel.leads.RevenueTargetPlan;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import io.clientyield.profitability.pricing.HourlyPricing;
import io.clientyield.profitability.project.ProjectAccumulator;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.project.RateCard;
import io.clientyield.profitability.project.TimesheetEntry;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import io.clientyield.profitability.rating.ClientRatings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's code, per module, with the numbers its comments claim. */
class ReadmeExamplesTest {
  private final Currency eur = Money.currency("EUR");

  @Test
  void core() {
    Money budget = Money.of("100000.00", "EUR");
    List<Money> parts = budget.allocate(1, 1, 1);
    assertThat(parts).containsExactly(Money.of("33333.34", "EUR"), Money.of("33333.33", "EUR"),
        Money.of("33333.33", "EUR"));
    Proportion cr = Proportion.of(3, 100);
    ConfidenceInterval ci = cr.wilson95().orElseThrow();
    assertThat(ci.lower()).isCloseTo(0.0103, within(5e-5));
    assertThat(ci.upper()).isCloseTo(0.0845, within(5e-5));
    assertThat(Proportion.of(0, 0).wilson95()).isEmpty();
    LocalDate due = BusinessCalendar.MONDAY_TO_FRIDAY.plusWorkingDays(LocalDate.of(2026, 11, 20), 3);
    assertThat(due).isEqualTo(LocalDate.of(2026, 11, 25));

    Scenario exhibition = Scenario.builder("exhibition")
        .start("email", "Send information").on("sent").next("present", "Present the company")
            .on("interested").next("negotiate", "Negotiate").stage("negotiation").norm(5)
                .on("agreed").end(Outcome.won())
                .on("price").end(Outcome.clientRefused("price"))
        .step("present").on("not-our-client").end(Outcome.weDeclined("not-qualified"))
        .build();
    ScenarioRun run = exhibition.startRun().advance("sent", Instant.now(), ManagerId.of("ann"));
    String json = ClientyieldJson.write(run.snapshot());
    assertThat(exhibition.readRun(json)).isEqualTo(run);
    assertThat(exhibition.toMermaid()).contains("stateDiagram");
  }

  @Test
  void funnel() {
    Stages stages = Stages.of("interest", "presentation", "proposal", "contract");
    Deal deal = Deal.builder().id(DealId.of("d-1")).manager(ManagerId.of("ann"))
        .budget(Money.of("12000.00", "EUR")).reachedStage("proposal")
        .outcome(Outcome.clientRefused("price")).build();
    StageFunnel funnel = new StageFunnelAccumulator(stages, eur).add(deal).result();
    CrossStatistics perManager = CrossStatisticsAccumulator.byManager(stages, eur).add(deal).result();
    StageProbabilities learned = new StageProbabilityLearner(stages).add(deal).result();
    WeightedPipeline weighted = new WeightedPipelineAccumulator(learned, eur).add(deal).result();
    assertThat(funnel.refused()).isEqualTo(1);
    assertThat(perManager.groups()).hasSize(1);
    assertThat(weighted.openDeals()).isZero();
    DealStatusMapper statuses = DealStatusMapper.builder(stages)
        .open("Engaging", "presentation").closed("Won", "contract", Outcome.won())
        .closed("Lost", "presentation", Outcome.lostUnknown()).build();
    Deal signed = statuses.apply("Won", Deal.builder().id(DealId.of("d-2")))
        .budget(Money.of("10000.00", "EUR")).contractedValue(Money.of("9000.00", "EUR")).build();
    StageFunnel both = java.util.stream.Stream.of(deal, signed)
        .collect(StageFunnelAccumulator.collector(stages, eur));
    assertThat(both.conversion().priceRealization().orElseThrow().realization().getAsDouble())
        .isCloseTo(0.9, within(1e-12));
    assertThat(both.conversion().financialClosedContracted().getAsDouble())
        .isCloseTo(9000.0 / 22000.0, within(1e-12));
    assertThat(statuses.map("Lost").outcome()).contains(Outcome.lostUnknown());
    LeadInputs site = LeadInputs.builder().set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.01).set(LeadQuantity.CR, 0.05).period("day").build()
        .scaled(PeriodScale.dayToYear(365));
    LeadMetrics year = LeadEconomics.metrics(site);
    RevenueTargetPlan plan = LeadTargets.plan(site.toBuilder()
        .averageCheck(Money.of("1000.00", "EUR")).build(), Money.of("6000.00", "EUR"));
    assertThat(year.value(LeadQuantity.LEADS).getAsDouble()).isCloseTo(45.625, within(1e-9));
    assertThat(year.value(LeadQuantity.CONTRACTS).getAsDouble()).isCloseTo(2.28125, within(1e-9));
    assertThat(year.period()).contains("year");
    assertThat(plan.leadsNeeded().getAsDouble()).isCloseTo(120, within(1e-9));
  }

  @Test
  void profitability() {
    LocalDate day = LocalDate.of(2026, 11, 2);
    RateCard rates = new RateCard(eur, Map.of("senior", Money.of("50.00", "EUR")),
        Map.of("senior", Money.of("120.00", "EUR")));
    ProjectProfitability p = ProjectAccumulator.timeAndMaterials(rates)
        .add(new TimesheetEntry("senior", day, 600, true)).addExpense(Money.of("200.00", "EUR")).result();
    assertThat(p.margin().getAsDouble()).isCloseTo(500 / 1200.0, within(1e-12));
    assertThat(p.markup().getAsDouble()).isCloseTo(500 / 700.0, within(1e-12));
    Money hour = HourlyPricing.costPerHour(Money.of("6000.00", "EUR"), Money.of("1800.00", "EUR"),
        Money.of("2200.00", "EUR"), 160, 0.5);
    assertThat(hour).isEqualTo(Money.of("125.00", "EUR"));
    assertThat(HourlyPricing.priceForMargin(hour, 0.20)).isEqualTo(Money.of("156.25", "EUR"));
    ClientId client = ClientId.of("acme");
    CampaignId campaign = CampaignId.of("exhibition-2026");
    List<RankedClient> ranked = ClientRatings.empty()
        .recordOutcome(client, campaign, Outcome.won()).rank(campaign, List.of(client, ClientId.of("beta")));
    assertThat(ranked.get(0).client()).isEqualTo(client);
    assertThat(ranked.get(0).composite()).isEqualTo(10);
  }

  @Test
  void forecasting() {
    Instant t0 = Instant.parse("2026-08-01T00:00:00Z");
    PlannedDeal sept = PlannedDeal.plan(ClientId.of("acme"), ReportingPeriod.month(2026, 9),
            ManagerId.of("planner"), ManagerId.of("ann"), t0, Money.of("100000000", "EUR"))
        .refine(t0.plusSeconds(60), Money.of("80000000", "EUR"))
        .execute(t0.plusSeconds(120), Money.of("75000000", "EUR"));
    PlanningErrorReport error = new PlanningErrorAccumulator(eur).add(sept).result();
    assertThat(error.overall().realizationEstimate().orElseThrow().mean()).isCloseTo(0.75, within(1e-12));
    CorrectedPlan next = CorrectedTargets.planFor(Money.of("100000000", "EUR"), 0.75);
    assertThat(next.plan()).contains(Money.of("133333333.33", "EUR"));
    // the additive plan (target + 25 %) realized at the learned ratio falls short; the corrected one does not
    double ratio = error.overall().realizationEstimate().orElseThrow().mean();
    assertThat(Money.of("125000000", "EUR").multipliedBy(ratio, java.math.RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("93750000.00", "EUR"));
    assertThat(next.plan().orElseThrow().multipliedBy(ratio, java.math.RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("100000000.00", "EUR"));
    RevenueDistribution d = PipelineForecaster.monteCarlo(
        new OpenPipeline(eur).add(Money.of("5000.00", "EUR"), 0.25), 10_000, 42L);
    assertThat(d.p10()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(d.p90()).isEqualTo(Money.of("5000.00", "EUR"));
    assertThat(d.probabilityOfReaching(Money.of("5000.00", "EUR"))).isCloseTo(0.25, within(0.03));
    // the bridge from funnel deals and learned probabilities
    Stages stages = Stages.of("interest", "proposal");
    List<Deal> deals = List.of(
        Deal.builder().id(DealId.of("w")).reachedStage("proposal").budget(Money.of("100.00", "EUR"))
            .outcome(Outcome.won()).build(),
        Deal.builder().id(DealId.of("o")).reachedStage("proposal").budget(Money.of("1000.00", "EUR"))
            .build());
    StageProbabilityLearner learner = new StageProbabilityLearner(stages);
    deals.forEach(learner::add);
    StageProbabilities learned = learner.result();
    OpenPipeline open = OpenPipeline.of(deals, learned, eur);
    WeightedPipelineAccumulator weighing = new WeightedPipelineAccumulator(learned, eur);
    deals.forEach(weighing::add);
    WeightedPipeline weighted = weighing.result();
    assertThat(PipelineForecaster.onGrid(open, Money.of("100", "EUR")).expectedValue())
        .isEqualTo(weighted.weightedTotal());
  }
}
