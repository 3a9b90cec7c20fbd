package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
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
   * @throws io.clientyield.core.ValidationException if an argument is null or a map holds a null
   *     key ({@code byPlanner[null]}) or value ({@code byPlanner[ann]}); all violations together
   */
  @JsonCreator
  public PlanningErrorReport {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("overall", overall));
    Elements.noNulls(c, "byPlanner", byPlanner);
    Elements.noNulls(c, "byManager", byManager);
    c.throwIfAny();
    byPlanner = java.util.Collections.unmodifiableMap(new TreeMap<>(byPlanner));
    byManager = java.util.Collections.unmodifiableMap(new TreeMap<>(byManager));
  }
}
