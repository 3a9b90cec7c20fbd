package io.clientyield.forecasting;

import java.util.List;
import java.util.Map;

/**
 * The one list of forecasting's JSON types. {@code JsonSchemaTest} generates a committed schema for each
 * document and fails when a type with a JSON form (a public record, or a type with a Jackson
 * annotation) is in neither list.
 */
final class ForecastingJsonTypes {
  private ForecastingJsonTypes() {}

  /** The types with a committed JSON Schema, sorted by name. */
  static final List<Class<?>> DOCUMENTS = List.of(
      io.clientyield.forecasting.horizon.BacktestReport.class,
      io.clientyield.forecasting.horizon.HorizonForecast.class,
      io.clientyield.forecasting.horizon.HorizonOptions.class,
      AccuracyMeasures.class,
      CorrectedTargets.CorrectedPlan.class,
      CountDistribution.class,
      Replenishment.CoverageCheck.class,
      PipelineForecaster.LeadsNeeded.class,
      PlanAccuracy.class,
      PlannedDeal.class,
      PlanningErrorReport.class,
      Replenishment.ProspectsNeeded.class,
      RatioEstimate.class,
      RevenueDistribution.class);

  /** Types with a JSON form that are not documents of their own, with the reason. */
  static final Map<Class<?>, String> EXCLUDED = Map.ofEntries(
      Map.entry(PlannedDeal.BudgetVersion.class, "part of PlannedDeal (in its schema)"),
      Map.entry(io.clientyield.forecasting.horizon.BacktestReport.CalibrationBin.class, "part of BacktestReport (in its schema)"),
      Map.entry(io.clientyield.forecasting.horizon.BacktestReport.IntervalCoverage.class, "part of BacktestReport (in its schema)"),
      Map.entry(io.clientyield.forecasting.horizon.BacktestReport.ModelScore.class, "part of BacktestReport (in its schema)"),
      Map.entry(io.clientyield.forecasting.horizon.BacktestReport.OriginRow.class, "part of BacktestReport (in its schema)"),
      Map.entry(io.clientyield.forecasting.horizon.HorizonForecast.DealProbability.class, "part of HorizonForecast (in its schema)"),
      Map.entry(PeriodTotals.class, "part of PlanAccuracy, RatioEstimate and AccuracyMeasures (in their schemas)"));
}
