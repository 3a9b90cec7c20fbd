package io.clientyield.profitability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.levers.FourLevers.LeverDecomposition;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import io.clientyield.profitability.portfolio.ClientFacts;
import io.clientyield.profitability.portfolio.Placement.Contribution;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategies;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategy;
import io.clientyield.profitability.portfolio.PortfolioMatrix;
import io.clientyield.profitability.portfolio.PortfolioSummary;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import io.clientyield.profitability.project.ClientProfitability;
import io.clientyield.profitability.project.ClientProfitabilityAccumulator;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.project.RateCard;
import io.clientyield.profitability.project.TimesheetEntry;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import io.clientyield.profitability.rating.ClientRatings;
import io.clientyield.profitability.rating.StatusPoints;
import io.clientyield.profitability.review.CompletedProject;
import io.clientyield.profitability.review.MonthlyReview.GroupTotals;
import io.clientyield.profitability.review.MonthlyReview.MarginDistribution;
import io.clientyield.profitability.review.MonthlyReview.PmKpi;
import io.clientyield.profitability.review.MonthlyReview;
import io.clientyield.profitability.roi.TotalCostOfOwnership;
import java.util.List;

/**
 * Feeds arbitrary bytes to the JSON reading of every profitability input and result type: only
 * the library's own {@link ValidationException} may come out. Regression inputs under
 * {@code src/test/resources/io/clientyield/profitability/ProfitabilityJsonFuzzTestInputs} run in
 * every build; fuzz for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl profitability -am test
 * -Dtest=ProfitabilityJsonFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.failIfNoTests=false}.
 */
class ProfitabilityJsonFuzzTest {
  private static final List<Class<?>> TYPES = List.of(
      // inputs
      TimesheetEntry.class, RateCard.class, CompletedProject.class, ClientFacts.class,
      Criterion.class, Normalization.class, Strategy.class, Contribution.class,
      StatusPoints.class, StatusPoints.OutcomePoints.class, ClientRatings.CampaignOutcome.class,
      PortfolioSummary.ClientFinancials.class,
      // results
      ProjectProfitability.class, ClientProfitability.class, MonthlyReview.class,
      GroupTotals.class, MarginDistribution.class, PmKpi.class, ClientRatings.class,
      ClientRatings.CampaignRating.class, ClientRatings.PersonalRating.class,
      RankedClient.class, RankedClient.ScoredOutcome.class, Placement.class,
      PortfolioMatrix.class, PortfolioSummary.class, PortfolioSummary.CellTotals.class,
      Strategies.class, LeverDecomposition.class, LifetimeValue.class,
      TotalCostOfOwnership.class, ProfitAndLoss.class,
      ClientProfitabilityAccumulator.ClientProject.class);
  /** The listed types and every document of the module's JSON contract: the whole surface. */
  private static final List<Class<?>> ALL = java.util.stream.Stream.concat(TYPES.stream(),
      ProfitabilityJsonTypes.DOCUMENTS.stream()).distinct().toList();


  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingArbitraryBytesFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readFailsOnlyWithValidationException(input, ALL);
  }

  /**
   * The same law, one type per execution (picked by the first byte): the target to fuzz for
   * real, many times faster; its findings are kept in the all-types inputs above.
   *
   * @param input the fuzzed bytes
   */
  @FuzzTest(maxDuration = "3h", maxExecutions = 1_000_000)
  void readingOneTypeFailsOnlyWithValidationException(byte[] input) {
    FuzzChecks.readOneFailsOnlyWithValidationException(input, ALL);
  }
}
