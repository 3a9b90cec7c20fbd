package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.List;
import org.immutables.value.Value;

/**
 * One group of {@link CrossStatistics} (a manager, campaign, office...): its own stage funnel
 * (with reasons and quantitative vs financial conversion) and one {@link StageCell} per stage.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGroupStatistics.class)
@JsonDeserialize(as = ImmutableGroupStatistics.class)
@JsonPropertyOrder({"group", "funnel", "cells"})
public abstract class GroupStatistics {

  GroupStatistics() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GroupStatistics}. */
  public static final class Builder extends ImmutableGroupStatistics.Builder {
    Builder() {}
  }

  /**
   * Returns the group label ({@code String.valueOf(key)}).
   *
   * @return the label
   */
  public abstract String group();

  /**
   * Returns the group's stage funnel.
   *
   * @return the funnel
   */
  public abstract StageFunnel funnel();

  /**
   * Returns one cell per stage, first to last.
   *
   * @return the cells
   */
  public abstract List<StageCell> cells();

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

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    if (group().isBlank()) {
      c.add("group", "\"" + group() + "\"", "must not be blank");
    }
    List<FunnelStage> stages = funnel().stages();
    if (cells().size() != stages.size()) {
      c.add("cells", cells().size(), "must have one cell per stage (" + stages.size() + ")");
    } else {
      for (int i = 0; i < stages.size(); i++) {
        StageCell cell = cells().get(i);
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
