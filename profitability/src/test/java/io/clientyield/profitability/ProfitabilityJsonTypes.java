package io.clientyield.profitability;

import io.clientyield.profitability.levers.FourLevers.LeverDecomposition;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import io.clientyield.profitability.portfolio.ClientFacts;
import io.clientyield.profitability.portfolio.Placement.Contribution;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix;
import io.clientyield.profitability.portfolio.PortfolioSummary;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategies;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategy;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import io.clientyield.profitability.project.ClientProfitability;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.project.RateCard;
import io.clientyield.profitability.project.TimesheetEntry;
import io.clientyield.profitability.rating.ClientRatings;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import io.clientyield.profitability.rating.StatusPoints;
import io.clientyield.profitability.review.CompletedProject;
import io.clientyield.profitability.review.MonthlyReview.GroupTotals;
import io.clientyield.profitability.review.MonthlyReview.MarginDistribution;
import io.clientyield.profitability.review.MonthlyReview;
import io.clientyield.profitability.review.MonthlyReview.PmKpi;
import io.clientyield.profitability.roi.TotalCostOfOwnership;
import java.util.List;
import java.util.Map;

/**
 * The one list of profitability's JSON types. {@code JsonSchemaTest} generates a committed schema for each
 * document and fails when a type with a JSON form (a public record, or a type with a Jackson
 * annotation) is in neither list.
 */
final class ProfitabilityJsonTypes {
  private ProfitabilityJsonTypes() {}

  /** The types with a committed JSON Schema, sorted by name. */
  static final List<Class<?>> DOCUMENTS = List.of(
      io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase.class,
      io.clientyield.profitability.repeat.BgNbdFitter.BgNbdFit.class,
      io.clientyield.profitability.repeat.BgNbdModel.class,
      io.clientyield.profitability.repeat.Estimate.class,
      io.clientyield.profitability.repeat.GammaGammaFitter.GammaGammaFit.class,
      io.clientyield.profitability.repeat.GammaGammaModel.class,
      io.clientyield.profitability.repeat.RepeatSummaries.class,
      io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary.class,
      io.clientyield.profitability.repeat.RepeatValuation.class,
      io.clientyield.profitability.repeat.RepeatValuation.ClientValue.class,
      io.clientyield.profitability.repeat.RepeatValuation.SegmentValue.class,
      ProfitAndLoss.class,
      LeverDecomposition.class,
      LifetimeValue.class,
      Placement.class,
      PortfolioMatrix.class,
      PortfolioSummary.class,
      Strategies.class,
      ClientProfitability.class,
      ProjectProfitability.class,
      RateCard.class,
      TimesheetEntry.class,
      ClientRatings.class,
      RankedClient.class,
      StatusPoints.class,
      CompletedProject.class,
      MonthlyReview.class,
      PmKpi.class,
      TotalCostOfOwnership.class);

  /** Types with a JSON form that are not documents of their own, with the reason. */
  static final Map<Class<?>, String> EXCLUDED = Map.ofEntries(
      Map.entry(ClientFacts.class, "part of PortfolioMatrix (in its schema)"),
      Map.entry(io.clientyield.profitability.project.ClientProfitabilityAccumulator.ClientProject.class,
          "an in-memory input record of ClientProfitabilityAccumulator, never stored"),
      Map.entry(Contribution.class, "part of PortfolioMatrix and Placement (in their schemas)"),
      Map.entry(Criterion.class, "part of PortfolioMatrix (in its schema)"),
      Map.entry(Normalization.class, "part of Criterion, in the PortfolioMatrix schema"),
      Map.entry(Strategy.class, "part of Placement and Strategies (in their schemas)"),
      Map.entry(PortfolioSummary.CellTotals.class, "part of PortfolioSummary (in its schema)"),
      Map.entry(PortfolioSummary.ClientFinancials.class, "part of PortfolioSummary (in its schema)"),
      Map.entry(ClientRatings.CampaignOutcome.class, "part of ClientRatings (in its schema)"),
      Map.entry(ClientRatings.CampaignRating.class, "part of ClientRatings (in its schema)"),
      Map.entry(ClientRatings.PersonalRating.class, "part of ClientRatings (in its schema)"),
      Map.entry(RankedClient.ScoredOutcome.class, "part of RankedClient (in its schema)"),
      Map.entry(StatusPoints.OutcomePoints.class, "part of StatusPoints (in its schema)"),
      Map.entry(MarginDistribution.class, "part of MonthlyReview (in its schema)"),
      Map.entry(GroupTotals.class, "generic part of MonthlyReview (in its schema), keyed by a"
          + " YearMonth, ManagerId or ClientId"));
}
