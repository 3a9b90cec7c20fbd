package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.List;

/**
 * One group of {@link CrossStatistics} (a manager, campaign, office...): its own stage funnel
 * (with reasons and quantitative vs financial conversion) and one {@link StageCell} per stage.
 *
 * <p>Built by {@link CrossStatisticsAccumulator} (no public builder). Immutable and
 * thread-safe.
 *
 * @param group the group label ({@code String.valueOf(key)})
 * @param funnel the group's stage funnel
 * @param cells one cell per stage, first to last
 */
@JsonPropertyOrder({"group", "funnel", "cells"})
public record GroupStatistics(
    @JsonProperty("group") String group,
    @JsonProperty("funnel") StageFunnel funnel,
    @JsonProperty("cells") List<StageCell> cells) {

  /** Validates that there is one matching cell per funnel stage. */
  @JsonCreator
  public GroupStatistics {
    Checks.Collector c = Checks.collector();
    if (group == null) {
      c.add("group", null, "must not be null");
    }
    if (funnel == null) {
      c.add("funnel", null, "must not be null");
    }
    if (cells == null) {
      c.add("cells", null, "must not be null");
    }
    if (cells != null) {
      c.elementsNotNull("cells", cells);
    }
    c.throwIfAny();
    cells = List.copyOf(cells);
    check(group, funnel, cells);
  }

  /**
   * Returns quantitative vs financial conversion of the group (from its funnel).
   *
   * @return the comparison
   */
  public ConversionComparison conversion() {
    return funnel().conversion();
  }

  /**
   * Returns the cell of a stage.
   *
   * @param stage the stage id
   * @return the cell
   * @throws ValidationException if there is no such stage
   */
  public StageCell cell(String stage) {
    return cells().stream().filter(c -> c.stage().equals(stage)).findFirst().orElseThrow(() ->
        ValidationException.of("stage", stage, "must be one of the stages "
            + cells().stream().map(StageCell::stage).toList()));
  }

  private static void check(String group, StageFunnel funnel, List<StageCell> cells) {
    Checks.Collector c = Checks.collector();
    if (group.isBlank()) {
      c.add("group", "\"" + group + "\"", "must not be blank");
    }
    List<FunnelStage> stages = funnel.stages();
    if (cells.size() != stages.size()) {
      c.add("cells", cells.size(), "must have one cell per stage (" + stages.size() + ")");
    } else {
      for (int i = 0; i < stages.size(); i++) {
        StageCell cell = cells.get(i);
        FunnelStage s = stages.get(i);
        if (!cell.stage().equals(s.stage()) || cell.entered() != s.entered() || cell.passed() != s.passed()) {
          c.add("cells[" + i + "]", cell.stage() + " " + cell.conversion(),
              "must match the funnel stage " + s.stage() + " " + s.conversion());
        }
      }
    }
    c.throwIfAny();
  }
}
