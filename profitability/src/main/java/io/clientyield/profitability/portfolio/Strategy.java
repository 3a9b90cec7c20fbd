package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import java.util.List;

/**
 * The strategy for a matrix cell: a short name and the actions it implies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name e.g. "protect revenue"
 * @param actions the actions, e.g. "no upselling"
 */
public record Strategy(
    @JsonProperty("name") String name, @JsonProperty("actions") List<String> actions) {

  /**
   * Validates presence.
   */
  public Strategy {
    Checks.notBlank("name", name);
    actions = Checks.elementsNotNull("actions", actions);
  }
}
