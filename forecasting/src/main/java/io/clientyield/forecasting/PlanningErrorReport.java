package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import java.util.Map;
import java.util.TreeMap;

/**
 * Planning error of a sales plan: the per-period series overall, per planner and per manager
 * (keyed by the manager id's text).
 *
 * <p>JSON: {@code {"overall":{...},"byPlanner":{"ann":{...}},"byManager":{"m1":{...}}}}.
 * Immutable and thread-safe.
 *
 * @param overall all deals
 * @param byPlanner per planner, sorted by planner
 * @param byManager per manager id, sorted
 */
public record PlanningErrorReport(
    @JsonProperty("overall") PlanAccuracy overall,
    @JsonProperty("byPlanner") Map<String, PlanAccuracy> byPlanner,
    @JsonProperty("byManager") Map<String, PlanAccuracy> byManager) {

  /**
   * Creates the report (maps copied, sorted by key).
   *
   * @param overall all deals
   * @param byPlanner per planner, sorted by planner
   * @param byManager per manager id, sorted
   */
  @JsonCreator
  public PlanningErrorReport {
    Checks.notNull("overall", overall);
    byPlanner = java.util.Collections.unmodifiableMap(new TreeMap<>(Checks.notNull("byPlanner", byPlanner)));
    byManager = java.util.Collections.unmodifiableMap(new TreeMap<>(Checks.notNull("byManager", byManager)));
  }
}
