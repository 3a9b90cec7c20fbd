package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.ManagerId;
import io.clientyield.core.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Planning error of a sales plan: the per-period series overall, per planner and per manager
 * (both keyed by their typed id, written as the id's text).
 *
 * <p>JSON: {@code {"overall":{...},"byPlanner":{"ann":{...}},"byManager":{"m1":{...}}}}.
 * Immutable and thread-safe.
 *
 * @param overall all deals
 * @param byPlanner per planner id, sorted (copied, unmodifiable)
 * @param byManager per manager id, sorted (copied, unmodifiable)
 */
@JsonPropertyOrder({"overall", "byPlanner", "byManager"})
public record PlanningErrorReport(
    @JsonProperty("overall") PlanAccuracy overall,
    @JsonProperty("byPlanner") Map<ManagerId, PlanAccuracy> byPlanner,
    @JsonProperty("byManager") Map<ManagerId, PlanAccuracy> byManager) {

  /**
   * Validates and copies: a null argument, null key ({@code byPlanner[null]}) or null value
   * ({@code byPlanner[ann]}) is a {@link io.clientyield.core.ValidationException}, all together.
   */
  @JsonCreator
  public PlanningErrorReport {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("overall", overall));
    Elements.noNulls(c, "byPlanner", byPlanner);
    Elements.noNulls(c, "byManager", byManager);
    c.throwIfAny();
    // one currency across the overall figures and every planner's and manager's
    java.util.List<Object> amounts = new java.util.ArrayList<>();
    amounts.add("overall");
    amounts.add(firstPlan(overall));
    byPlanner.forEach((k, v) -> {
      amounts.add("byPlanner[" + k + "]");
      amounts.add(firstPlan(v));
    });
    byManager.forEach((k, v) -> {
      amounts.add("byManager[" + k + "]");
      amounts.add(firstPlan(v));
    });
    c.oneCurrency(amounts.toArray());
    c.throwIfAny();
    byPlanner = Collections.unmodifiableMap(new TreeMap<>(byPlanner));
    byManager = Collections.unmodifiableMap(new TreeMap<>(byManager));
  }

  private static io.clientyield.core.Money firstPlan(PlanAccuracy accuracy) {
    return accuracy.periods().isEmpty() ? null : accuracy.periods().get(0).plan();
  }
}
