package io.clientyield.funnel;

import io.clientyield.funnel.ConversionComparison.PriceRealization;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.StageFunnel.WeakStage;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.StageFunnel.FunnelStage.ReasonCount;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.leads.ChannelComparison;
import io.clientyield.funnel.leads.CostCeilings;
import io.clientyield.funnel.leads.LeadInputs;
import io.clientyield.funnel.leads.LeadMetrics;
import io.clientyield.funnel.leads.LeadTargets;
import io.clientyield.funnel.leads.LeverRanking;
import io.clientyield.funnel.leads.PeriodScale;
import io.clientyield.funnel.leads.RevenueTargetPlan;
import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.WeightedPipeline.StagePipeline;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.time.TimeInStage.DurationStats;
import io.clientyield.funnel.time.TimeInStage.OverdueDeal;
import io.clientyield.funnel.time.SalesVelocity;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.time.TimeInStage.StageTime;
import io.clientyield.funnel.time.TimeInStage;
import java.util.List;
import java.util.Map;

/**
 * The one list of funnel's JSON types. {@code JsonSchemaTest} generates a committed schema for each
 * document and fails when a type with a JSON form (a public record, or a type with a Jackson
 * annotation) is in neither list.
 */
final class FunnelJsonTypes {
  private FunnelJsonTypes() {}

  /** The types with a committed JSON Schema, sorted by name. */
  static final List<Class<?>> DOCUMENTS = List.of(
      io.clientyield.funnel.survival.TimeToOutcome.class,
      ChannelComparison.Defaults.class,
      ChannelComparison.Channel.class,
      LeverRanking.Gain.class,
      ChannelComparison.Row.class,
      StageProbability.class,
      ConversionComparison.class,
      CrossStatistics.class,
      CrossStatisticsOptions.class,
      Deal.class,
      FunnelStage.class,
      GroupStatistics.class,
      ReasonCount.class,
      StageCell.class,
      StageFunnel.class,
      Stages.class,
      WeakStage.class,
      ChannelComparison.class,
      CostCeilings.class,
      LeadInputs.class,
      LeadMetrics.class,
      LeadTargets.LeadsNeeded.class,
      LeverRanking.class,
      PeriodScale.class,
      RevenueTargetPlan.class,
      Smoothing.class,
      StageProbabilities.class,
      WeightedPipeline.class,
      DurationStats.class,
      SalesVelocity.class,
      StageNorms.class,
      TimeInStage.class);

  /** Types with a JSON form that are not documents of their own, with the reason. */
  static final Map<Class<?>, String> EXCLUDED = Map.ofEntries(
      Map.entry(StageVisit.class, "part of Deal (in its schema)"),
      Map.entry(io.clientyield.funnel.survival.TimeToOutcome.AgeQuantile.class, "part of TimeToOutcome (in its schema)"),
      Map.entry(io.clientyield.funnel.survival.TimeToOutcome.StageSurvival.class, "part of TimeToOutcome (in its schema)"),
      Map.entry(io.clientyield.funnel.survival.TimeToOutcome.SurvivalPoint.class, "part of TimeToOutcome (in its schema)"),
      Map.entry(io.clientyield.funnel.survival.TimeToOutcome.WinWithinHorizon.class,
          "an in-memory answer of TimeToOutcome.winWithin, never stored"),
      Map.entry(io.clientyield.funnel.survival.TimeToOutcomeAccumulator.GroupKey.class,
          "an in-memory key of the accumulator, never stored"),
      Map.entry(PriceRealization.class, "part of ConversionComparison (in its schema)"),
      Map.entry(DealStatusMapper.Mapped.class, "an in-memory answer of DealStatusMapper.map, never stored"),
      Map.entry(StagePipeline.class, "part of WeightedPipeline (in its schema)"),
      Map.entry(OverdueDeal.class, "part of TimeInStage (in its schema)"),
      Map.entry(StageTime.class, "part of TimeInStage (in its schema)"),
      Map.entry(io.clientyield.funnel.time.TimeInStage.CensoredDurations.class,
          "part of TimeInStage (in its schema)"));
}
