package io.clientyield.core;

import io.clientyield.core.scenario.AdvanceResult;
import io.clientyield.core.scenario.EventRules;
import io.clientyield.core.scenario.RunEvent;
import io.clientyield.core.scenario.RunSnapshot;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioDefinition;
import io.clientyield.core.scenario.ScenarioRun;
import io.clientyield.core.scenario.ScenarioDefinition;
import io.clientyield.core.scenario.ScenarioDefinition;
import java.util.List;
import java.util.Map;

/**
 * The one list of core's JSON types. {@code JsonSchemaTest} generates a committed schema for each
 * document and fails when a type with a JSON form (a public record, or a type with a Jackson
 * annotation) is in neither list.
 */
final class CoreJsonTypes {
  private CoreJsonTypes() {}

  /** The types with a committed JSON Schema, sorted by name. */
  static final List<Class<?>> DOCUMENTS = List.of(
      BusinessCalendar.class,
      CampaignId.class,
      ClientId.class,
      DealId.class,
      ConfidenceInterval.class,
      ManagerId.class,
      WorkerId.class,
      ProjectId.class,
      Money.class,
      Outcome.class,
      ReportingPeriod.class,
      Proportion.class,
      Rate.class,
      ValidationException.Violation.class,
      RunSnapshot.class,
      Scenario.class,
      ScenarioDefinition.class);

  /** Types with a JSON form that are not documents of their own, with the reason. */
  static final Map<Class<?>, String> EXCLUDED = Map.of(
      io.clientyield.core.json.ClientyieldJson.Limits.class, "the options of a read or write,"
          + " never stored",
      ScenarioRun.class, "no JSON form of its own: stored as run.snapshot() (the RunSnapshot"
          + " schema), read back with Scenario.readRun",
      RunEvent.class, "part of RunSnapshot (in its schema)",
      ScenarioDefinition.Step.class, "part of ScenarioDefinition (in its schema)",
      ScenarioDefinition.Transition.class, "part of ScenarioDefinition (in its schema)",
      AdvanceResult.Advanced.class, "an in-memory answer of ScenarioRun.tryAdvance, never stored",
      AdvanceResult.Rejected.class, "an in-memory answer of ScenarioRun.tryAdvance, never stored",
      EventRules.Rule.class, "an in-memory rule of the event mapping, never stored");
}
