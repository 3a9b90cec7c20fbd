package io.clientyield.cli.review;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.Outcome;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioRun;
import io.clientyield.cli.crm.CrmDeals;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.crm.Opportunity;
import io.clientyield.forecasting.OpenPipeline;
import io.clientyield.forecasting.PipelineForecaster;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.StageFunnelAccumulator;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.funnel.time.TimeInStageAccumulator;
import io.clientyield.profitability.portfolio.ClientFacts;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.PortfolioMatrix;
import io.clientyield.profitability.portfolio.PortfolioSummary;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import io.clientyield.profitability.rating.ClientRatings;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the profitability review over a CRM export: every module of the library on the same
 * deals. Stated choices (the export has no costs, norms or campaigns):
 *
 * <ul>
 *   <li>the pipeline is the scenario Prospecting → Engaging → Won / Lost, and each
 *       opportunity's dates replay as one run of it;</li>
 *   <li>stage probabilities are learned from closed deals (Laplace smoothing) and weight the
 *       open ones; the forecast is a seeded Monte Carlo of {@value #TRIALS} trials (an exact grid
 *       convolution would be as fast, but its distribution has ~500 000 support points, too many
 *       for a report a CRM stores);
 *       its target is the won list-price value of the best quarter in the export;</li>
 *   <li>the forecasts of the next month and the next quarter are the library's horizon
 *       forecast of won close value after the as-of date (the latest close date), backtested at
 *       up to 12 past month-ends per horizon, from
 *       five months after the first dated record, beside the
 *       stage-weighted baseline;</li>
 *   <li>time in stage is counted in Monday–Friday working days up to the latest close date,
 *       against an example norm of {@value #ENGAGING_NORM} working days for Engaging;</li>
 *   <li>each closed opportunity of an account is one campaign for the status rating (Won +10,
 *       client refused +1);</li>
 *   <li>portfolio attractiveness = won close value 50 %, account revenue 30 %, employees 20 %;
 *       relationship = win rate 40 %, composite rating 40 %, deals worked 20 %; all by
 *       percentile rank. Profit is won close value × an assumed gross margin of
 *       {@value #ASSUMED_GROSS_MARGIN}.</li>
 * </ul>
 */
public final class ReviewRunner {
  /** Monte Carlo trials of the forecast. */
  public static final int TRIALS = 10_000;
  /** The forecast's seed: the same export gives the same forecast. */
  public static final long SEED = 20_171_231L;
  /** The example norm for the Engaging stage, in working days. */
  public static final long ENGAGING_NORM = 60;
  /** The gross margin assumed for account profit. */
  public static final double ASSUMED_GROSS_MARGIN = 0.30;
  /** The campaign id under which accounts are ranked. */
  public static final CampaignId REVIEW = CampaignId.of("review");

  /**
   * The forecast's work budget in open deals × trials: an export of a million rows has some
   * 240 000 open deals, and 10 000 trials of them would exceed the forecaster's work cap.
   */
  public static final long MONTE_CARLO_WORK = 200_000_000L;

  private ReviewRunner() {}

  /**
   * The trials of the forecast: {@value #TRIALS}, fewer (at least 1 000) when the open deals
   * times the trials would exceed {@value #MONTE_CARLO_WORK}.
   *
   * @param openDeals the number of open deals
   * @return the trials
   */
  public static int trials(int openDeals) {
    return trialsWithin(MONTE_CARLO_WORK, TRIALS, 1_000, openDeals);
  }

  /**
   * The one rule for every Monte Carlo of the review: {@code most} trials, fewer when
   * {@code items × trials} would exceed {@code work}, never fewer than {@code least}.
   * Example: 8 800 items, work 2 × 10^7, at most 2 000, at least 200: 2 000 trials; 1 000 000
   * items: 200.
   */
  static int trialsWithin(long work, int most, int least, int items) {
    return (int) Math.max(least, Math.min(most, work / Math.max(1, items)));
  }

  /**
   * The pipeline scenario of the export, built with the DSL.
   *
   * @return the scenario
   */
  public static Scenario pipelineScenario() {
    return Scenario.builder("crm-pipeline")
        .start("prospecting", "Prospecting").stage("prospecting")
            .on("engage").next("engaging", "Engaging").stage("engaging")
                .on("won").end(Outcome.won())
                .on("lost").end(Outcome.clientRefused(CrmDeals.LOST_REASON))
        .build();
  }

  /**
   * Replays one opportunity as a run of the pipeline scenario.
   *
   * @param pipeline the scenario
   * @param o the opportunity
   * @return the run
   */
  public static ScenarioRun run(Scenario pipeline, Opportunity o) {
    ManagerId agent = ManagerId.of(o.agent());
    ScenarioRun run = pipeline.startRun();
    if (o.engageDate().isPresent()) {
      run = run.advance("engage", instant(o.engageDate().get()), agent);
    }
    switch (o.stage()) {
      case WON -> run = run.advance("won", instant(o.closeDate().orElseThrow()), agent);
      case LOST -> run = run.advance("lost", instant(o.closeDate().orElseThrow()), agent);
      default -> { }
    }
    return run;
  }

  private static Instant instant(LocalDate d) {
    return d.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /**
   * The state a run stands in: its step, or its outcome kind with the reason.
   *
   * @param run the run
   * @return e.g. {@code engaging}, {@code WON}, {@code CLIENT_REFUSED:lost}
   */
  public static String state(ScenarioRun run) {
    return run.outcome()
        .map(oc -> oc.kind() + oc.reason().map(r -> ":" + r).orElse(""))
        .orElse(run.currentStep());
  }

  /**
   * Runs the review.
   *
   * @param export the export
   * @return every result
   */
  public static Review run(CrmExport export) {
    try (Parallel parallel = new Parallel()) {
      return run(export, parallel);
    }
  }

  private static Review run(CrmExport export, Parallel parallel) {
    Currency currency = export.currency();
    List<Deal> deals = CrmDeals.deals(export);
    LocalDate asOf = deals.stream().flatMap(d -> d.closedOn().stream())
        .max(Comparator.naturalOrder()) // no closed deal: the last engage date
        .orElseGet(() -> deals.stream().flatMap(d -> d.history().stream()).map(Deal.StageVisit::enteredOn)
            .max(Comparator.naturalOrder()).orElse(LocalDate.of(2000, 1, 1)));
    LocalDate coveredFrom = export.opportunities().stream()
        .flatMap(o -> java.util.stream.Stream.concat(o.engageDate().stream(), o.closeDate().stream()))
        .min(Comparator.naturalOrder()).orElse(asOf);
    // the horizon forecasts (the review's heaviest work) run beside the others on a second core
    Horizons horizonPlan = Horizons.plan(export, deals, asOf, java.util.Optional.of(coveredFrom));
    java.util.concurrent.CompletableFuture<Horizons.Forecasts> forecastsAhead = parallel.start(horizonPlan::forecasts);

    Scenario pipeline = pipelineScenario();
    Map<String, Long> runsByState = new TreeMap<>();
    for (Opportunity o : export.opportunities()) {
      runsByState.merge(state(run(pipeline, o)), 1L, Long::sum);
    }

    List<String> reasons = List.of(CrmDeals.LOST_REASON);
    // one code path for a loop, a parallel stream or a distributed engine: add + merge
    StageFunnel funnel = deals.parallelStream()
        .collect(() -> new StageFunnelAccumulator(CrmDeals.STAGES, currency, reasons),
            StageFunnelAccumulator::add, StageFunnelAccumulator::merge)
        .result();
    CrossStatistics byAgent = cross(deals, CrossStatisticsAccumulator.byManager(CrmDeals.STAGES, currency));
    CrossStatistics byManager =
        cross(deals, CrossStatisticsAccumulator.byAttribute(CrmDeals.STAGES, currency, "manager"));
    CrossStatistics byOffice =
        cross(deals, CrossStatisticsAccumulator.byAttribute(CrmDeals.STAGES, currency, "office"));

    Map<String, MoneyAccumulator> closeByAgent = new TreeMap<>();
    MoneyAccumulator wonList = new MoneyAccumulator(currency);
    MoneyAccumulator wonClose = new MoneyAccumulator(currency);
    for (Opportunity o : export.opportunities()) {
      closeByAgent.computeIfAbsent(o.agent(), a -> new MoneyAccumulator(currency)).add(CrmDeals.closeValue(o, currency));
      if (o.stage() == Opportunity.Stage.WON) {
        wonList.add(CrmDeals.listValue(o, currency));
        wonClose.add(CrmDeals.closeValue(o, currency));
      }
    }
    Map<String, Money> closeValueByAgent = new TreeMap<>();
    closeByAgent.forEach((k, v) -> closeValueByAgent.put(k, v.result()));

    StageProbabilityLearner learner = new StageProbabilityLearner(CrmDeals.STAGES);
    deals.forEach(learner::add);
    StageProbabilities probabilities = learner.result();
    WeightedPipelineAccumulator weighted = new WeightedPipelineAccumulator(probabilities, currency);
    deals.forEach(weighted::add);
    WeightedPipeline weightedPipeline = weighted.result();
    // one call from the funnel's deals and learned probabilities to the forecaster's input
    OpenPipeline open = OpenPipeline.of(deals, probabilities, currency);
    RevenueDistribution forecast = PipelineForecaster.monteCarlo(open, trials(open.size()), SEED);

    Map<ReportingPeriod, MoneyAccumulator> wonByQuarter = new TreeMap<>(Comparator.comparing(ReportingPeriod::start));
    for (Deal d : deals) {
      if (d.outcome().filter(Outcome::isWon).isPresent()) {
        wonByQuarter.computeIfAbsent(ReportingPeriod.containing(ReportingPeriod.Kind.QUARTER, d.closedOn().orElseThrow()),
            q -> new MoneyAccumulator(currency)).add(d.budget().orElseThrow());
      }
    }
    MoneyAccumulator target = wonByQuarter.values().stream()
        .max(Comparator.comparingLong(MoneyAccumulator::minorUnits)).orElse(new MoneyAccumulator(currency));
    Money forecastTarget = target.result();
    double probabilityOfTarget = ReviewSummary.round(forecast.probabilityOfReaching(forecastTarget));

    TimeInStageAccumulator time = new TimeInStageAccumulator(
        StageNorms.of(CrmDeals.STAGES, Map.of("engaging", ENGAGING_NORM)),
        BusinessCalendar.MONDAY_TO_FRIDAY, asOf, currency);
    deals.forEach(time::add);
    TimeInStage timeInStage = time.result();
    java.util.Set<String> overdue = new java.util.HashSet<>();
    timeInStage.overdueOpenDeals().forEach(d -> overdue.add(d.deal().value()));
    MoneyAccumulator overdueValue = new MoneyAccumulator(currency);
    for (Deal d : deals) {
      if (overdue.contains(d.id().value())) {
        d.budget().ifPresent(overdueValue::add);
      }
    }

    // recorded through the accumulator: O(1) per outcome, one check when the book is taken
    var recorder = new ClientRatings.OutcomeAccumulator(ClientRatings.empty());
    for (Deal d : deals) {
      if (d.client().isPresent() && d.outcome().isPresent()) {
        recorder.add(new ClientRatings.CampaignOutcome(
            d.client().get(), CampaignId.of(d.id().value()), d.outcome().get()));
      }
    }
    ClientRatings ratings = recorder.result();
    List<ClientId> accounts = deals.stream().flatMap(d -> d.client().stream()).distinct().sorted().toList();
    List<RankedClient> ranking = ratings.rank(REVIEW, accounts);

    List<Placement> portfolio = portfolio(export, deals, ranking);
    List<PortfolioSummary.ClientFinancials> financials = new ArrayList<>();
    Map<ClientId, MoneyAccumulator> revenue = new HashMap<>();
    for (Opportunity o : export.opportunities()) {
      o.account().ifPresent(a -> revenue.computeIfAbsent(ClientId.of(a), k -> new MoneyAccumulator(currency))
          .add(CrmDeals.closeValue(o, currency)));
    }
    for (ClientId a : accounts) {
      Money r = revenue.get(a).result();
      financials.add(new PortfolioSummary.ClientFinancials(a, r,
          r.multipliedBy(ASSUMED_GROSS_MARGIN, Money.ROUNDING)));
    }
    PortfolioSummary summary = PortfolioMatrix.summarize(portfolio, financials, currency, 10);
    Map<String, Money> revenueByAccount = new TreeMap<>();
    revenue.forEach((k, v) -> revenueByAccount.put(k.value(), v.result()));

    // both backtests side by side once the forecasts are in
    Horizons.Result horizons = horizonPlan.score(Parallel.join(forecastsAhead), parallel);
    return new Review(asOf, coveredFrom, horizons.nextMonth(), horizons.nextQuarter(),
        horizons.backtestMonth(), horizons.backtestQuarter(), export.report(), pipeline.definition(), runsByState, funnel, byAgent, byManager,
        byOffice, closeValueByAgent, revenueByAccount, wonList.result(), wonClose.result(), probabilities, weightedPipeline,
        forecast, forecastTarget, probabilityOfTarget, timeInStage, overdueValue.result(), ranking, portfolio, summary,
        ASSUMED_GROSS_MARGIN, WorkedExamples.compute());
  }

  private static <K> CrossStatistics cross(List<Deal> deals, CrossStatisticsAccumulator<K> acc) {
    deals.forEach(acc::add);
    return acc.result();
  }

  private static List<Placement> portfolio(CrmExport export, List<Deal> deals, List<RankedClient> ranking) {
    Map<ClientId, long[]> counts = new HashMap<>(); // worked, closed, won
    Map<ClientId, MoneyAccumulator> won = new HashMap<>();
    for (Deal d : deals) {
      if (d.client().isEmpty()) {
        continue;
      }
      ClientId c = d.client().get();
      long[] n = counts.computeIfAbsent(c, k -> new long[3]);
      n[0]++;
      if (d.outcome().isPresent()) {
        n[1]++;
      }
      if (d.outcome().filter(Outcome::isWon).isPresent()) {
        n[2]++;
      }
    }
    Currency currency = export.currency();
    for (Opportunity o : export.opportunities()) {
      o.account().ifPresent(a -> won.computeIfAbsent(ClientId.of(a), k -> new MoneyAccumulator(currency))
          .add(CrmDeals.closeValue(o, currency)));
    }
    Map<ClientId, Long> composite = new HashMap<>();
    ranking.forEach(r -> composite.put(r.client(), r.composite()));
    List<ClientFacts> facts = new ArrayList<>();
    for (var e : counts.entrySet()) {
      ClientId c = e.getKey();
      long[] n = e.getValue();
      CrmExport.Account account = export.accounts().get(c.value());
      Map<String, Double> values = new HashMap<>();
      values.put("wonValue", won.get(c).result().amount().doubleValue());
      if (account != null) { // an export without an accounts table has no revenue or size
        values.put("accountRevenue", account.revenue().doubleValue());
        values.put("employees", (double) account.employees());
      }
      if (n[1] > 0) {
        values.put("winRate", (double) n[2] / n[1]);
      }
      values.put("compositeRating", (double) composite.getOrDefault(c, 0L));
      values.put("dealsWorked", (double) n[0]);
      facts.add(new ClientFacts(c, values));
    }
    Normalization rank = Normalization.percentileRank();
    PortfolioMatrix matrix = PortfolioMatrix.of(
        List.of(new Criterion("wonValue", true, 0.5, rank),
            new Criterion("accountRevenue", true, 0.3, rank),
            new Criterion("employees", true, 0.2, rank)),
        List.of(new Criterion("winRate", true, 0.4, rank),
            new Criterion("compositeRating", true, 0.4, rank),
            new Criterion("dealsWorked", true, 0.2, rank)));
    return matrix.place(facts);
  }
}
