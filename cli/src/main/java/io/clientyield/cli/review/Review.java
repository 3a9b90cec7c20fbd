package io.clientyield.cli.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Money;
import io.clientyield.core.scenario.ScenarioDefinition;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.forecasting.horizon.BacktestReport;
import io.clientyield.forecasting.horizon.HorizonForecast;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioSummary;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the profitability review computed, each part in the library's own result type;
 * written as {@code report.json} and readable back with
 * {@code ClientyieldJson.read(json, Review.class)}.
 *
 * @param asOf the as-of date: the latest close date in the export
 * @param coveredFrom the first dated record (engage or close date) in the export
 * @param nextMonth the forecast of won revenue (close value) in the month after {@code asOf}
 * @param nextQuarter the forecast of won revenue (close value) in the three months after {@code asOf}
 * @param backtestMonth the one-month forecast replayed at past month-ends, beside the
 *     stage-weighted baseline
 * @param backtestQuarter the three-month forecast replayed at past month-ends, beside the
 *     stage-weighted baseline
 * @param load rows read, used and set aside, and the flaws met
 * @param scenario the pipeline scenario (Prospecting → Engaging → Won / Lost) as defined
 * @param runsByState how many deal runs of the scenario stand at each step or ended in each
 *     outcome (step id, or {@code WON} / {@code CLIENT_REFUSED:lost})
 * @param funnel the stage funnel of all deals
 * @param byAgent cross statistics per sales agent (the deal's manager)
 * @param byManager cross statistics per the agents' manager
 * @param byOffice cross statistics per regional office
 * @param closeValueByAgent won deals' close value per agent (what was actually signed)
 * @param revenueByAccount won deals' close value per account
 * @param wonListValue list-price value of all won deals
 * @param wonCloseValue close value of all won deals
 * @param probabilities stage probabilities learned from the closed deals
 * @param weightedPipeline open deals weighted by those probabilities
 * @param forecast the distribution of the eventual won value of today's open deals (no time
 *     limit: not a forecast of any period)
 * @param forecastTarget the target used for the probability of reaching it: the won list-price
 *     value of the best quarter in the export
 * @param probabilityOfTarget the probability that open deals eventually reach {@code forecastTarget},
 *     rounded to four decimals
 * @param timeInStage working days in stage, the engage → close cycle and sales velocity
 * @param overdueValue the list-price value of the open deals past their stage norm
 * @param ranking accounts ranked by their composite rating, best first
 * @param portfolio each account's place in the 3 × 3 portfolio matrix, with strategy and why
 * @param portfolioSummary totals per matrix cell and revenue concentration
 * @param assumedGrossMargin the gross margin assumed for account profit (the export has no costs)
 * @param worked the worked examples of DOMAIN.md for data the export does not have
 */
public record Review(
    @JsonProperty("asOf") LocalDate asOf,
    @JsonProperty("coveredFrom") LocalDate coveredFrom,
    @JsonProperty("nextMonth") HorizonForecast nextMonth,
    @JsonProperty("nextQuarter") HorizonForecast nextQuarter,
    @JsonProperty("backtestMonth") BacktestReport backtestMonth,
    @JsonProperty("backtestQuarter") BacktestReport backtestQuarter,
    @JsonProperty("load") CrmExport.LoadReport load,
    @JsonProperty("scenario") ScenarioDefinition scenario,
    @JsonProperty("runsByState") Map<String, Long> runsByState,
    @JsonProperty("funnel") StageFunnel funnel,
    @JsonProperty("byAgent") CrossStatistics byAgent,
    @JsonProperty("byManager") CrossStatistics byManager,
    @JsonProperty("byOffice") CrossStatistics byOffice,
    @JsonProperty("closeValueByAgent") Map<String, Money> closeValueByAgent,
    @JsonProperty("revenueByAccount") Map<String, Money> revenueByAccount,
    @JsonProperty("wonListValue") Money wonListValue,
    @JsonProperty("wonCloseValue") Money wonCloseValue,
    @JsonProperty("probabilities") StageProbabilities probabilities,
    @JsonProperty("weightedPipeline") WeightedPipeline weightedPipeline,
    @JsonProperty("forecast") RevenueDistribution forecast,
    @JsonProperty("forecastTarget") Money forecastTarget,
    @JsonProperty("probabilityOfTarget") double probabilityOfTarget,
    @JsonProperty("timeInStage") TimeInStage timeInStage,
    @JsonProperty("overdueValue") Money overdueValue,
    @JsonProperty("ranking") List<RankedClient> ranking,
    @JsonProperty("portfolio") List<Placement> portfolio,
    @JsonProperty("portfolioSummary") PortfolioSummary portfolioSummary,
    @JsonProperty("assumedGrossMargin") double assumedGrossMargin,
    @JsonProperty("worked") WorkedExamples worked) {

  /**
   * Copies the collections.
   *
   * @param asOf the as-of date: the latest close date in the export
   * @param coveredFrom the first dated record (engage or close date) in the export
   * @param nextMonth the forecast of won revenue (close value) in the month after {@code asOf}
   * @param nextQuarter the forecast of won revenue (close value) in the three months after {@code asOf}
   * @param backtestMonth the one-month forecast replayed at past month-ends, beside the
   *     stage-weighted baseline
   * @param backtestQuarter the three-month forecast replayed at past month-ends, beside the
   *     stage-weighted baseline
   * @param load rows read, used and set aside, and the flaws met
   * @param scenario the pipeline scenario (Prospecting → Engaging → Won / Lost) as defined
   * @param runsByState how many deal runs of the scenario stand at each step or ended in each
   *     outcome (step id, or {@code WON} / {@code CLIENT_REFUSED:lost})
   * @param funnel the stage funnel of all deals
   * @param byAgent cross statistics per sales agent (the deal's manager)
   * @param byManager cross statistics per the agents' manager
   * @param byOffice cross statistics per regional office
   * @param closeValueByAgent won deals' close value per agent (what was actually signed)
   * @param revenueByAccount won deals' close value per account
   * @param wonListValue list-price value of all won deals
   * @param wonCloseValue close value of all won deals
   * @param probabilities stage probabilities learned from the closed deals
   * @param weightedPipeline open deals weighted by those probabilities
   * @param forecast the distribution of the eventual won value of today's open deals (no time
 *     limit: not a forecast of any period)
   * @param forecastTarget the target used for the probability of reaching it: the won list-price
   *     value of the best quarter in the export
   * @param probabilityOfTarget the probability that open deals eventually reach {@code forecastTarget},
 *     rounded to four decimals
   * @param timeInStage working days in stage, the engage → close cycle and sales velocity
   * @param overdueValue the list-price value of the open deals past their stage norm
   * @param ranking accounts ranked by their composite rating, best first
   * @param portfolio each account's place in the 3 × 3 portfolio matrix, with strategy and why
   * @param portfolioSummary totals per matrix cell and revenue concentration
   * @param assumedGrossMargin the gross margin assumed for account profit (the export has no costs)
   * @param worked the worked examples of DOMAIN.md for data the export does not have
   */
  public Review {
    runsByState = Map.copyOf(runsByState);
    closeValueByAgent = Map.copyOf(closeValueByAgent);
    revenueByAccount = Map.copyOf(revenueByAccount);
    ranking = List.copyOf(ranking);
    portfolio = List.copyOf(portfolio);
  }

  /**
   * Returns the placement of one account.
   *
   * @param account the account name
   * @return the placement, empty if the account has none
   */
  public Optional<Placement> placement(String account) {
    return portfolio.stream().filter(p -> p.client().value().equals(account)).findFirst();
  }
}
