package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Stages;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The norm of each stage in working days: how long a deal may stay in the stage before it is
 * overdue ({@code days > norm}). A stage without a norm is never overdue.
 *
 * <p>JSON form: {@code {"stages":["contact","proposal"],"norms":{"contact":5}}}. Immutable and
 * thread-safe.
 *
 * @param stages the stages
 * @param norms the norms in working days by stage id
 */
@JsonPropertyOrder({"stages", "norms"})
public record StageNorms(
    @JsonProperty("stages") Stages stages,
    @JsonProperty("norms") Map<String, Long> norms) {

  /** Validates the components, reporting every violation at once. */
  @JsonCreator
  public StageNorms {
    Checks.Collector c = Checks.collector();
    if (stages == null) {
      c.add("stages", null, "must not be null");
    }
    if (norms == null) {
      c.add("norms", null, "must not be null");
    }
    if (norms != null) {
      for (Map.Entry<String, Long> e : norms.entrySet()) {
        if (e.getKey() == null) {
          c.add("norms", null, "must not have a null stage id as key");
        } else if (e.getValue() == null) {
          c.add("norms[" + e.getKey() + "]", null, "must not be null");
        }
      }
    }
    c.throwIfAny();
    norms = Map.copyOf(norms);
    for (Map.Entry<String, Long> e : new java.util.TreeMap<>(norms).entrySet()) {
      if (!stages.contains(e.getKey())) {
        c.add("norms", e.getKey(), "must name one of the stages " + stages);
      }
      if (e.getValue() < 0) {
        c.add("norms[" + e.getKey() + "]", e.getValue(), "must be >= 0");
      }
    }
    c.throwIfAny();
  }


  /**
   * Creates the norms.
   *
   * @param stages the stages
   * @param norms working days by stage id, each {@code >= 0}; stages not named have no norm
   * @return the norms
   * @throws io.clientyield.core.ValidationException if the stages or the map is null, naming
   *     every null key, null norm ({@code norms[stage]}), unknown stage and negative norm
   */
  public static StageNorms of(Stages stages, Map<String, Long> norms) {
    Checks.Collector c = Checks.collector();
    if (stages == null) {
      c.add("stages", null, "must not be null");
    }
    if (norms == null) {
      c.add("norms", null, "must not be null");
    } else {
      for (Map.Entry<String, Long> e : norms.entrySet()) {
        if (e.getKey() == null) {
          c.add("norms", null, "must not have a null stage id as key");
        } else if (e.getValue() == null) {
          c.add("norms[" + e.getKey() + "]", null, "must not be null");
        }
      }
    }
    c.throwIfAny();
    return new StageNorms(stages, norms);
  }

  /**
   * Creates norms with no norm for any stage.
   *
   * @param stages the stages
   * @return the norms
   */
  public static StageNorms none(Stages stages) {
    return of(stages, Map.of());
  }

  /**
   * Returns the norm of a stage.
   *
   * @param stage the stage id
   * @return the norm in working days, empty if the stage has none
   * @throws io.clientyield.core.ValidationException if the stage is unknown
   */
  public OptionalLong norm(String stage) {
    stages().indexOf("stage", stage);
    Long n = norms().get(stage);
    return n == null ? OptionalLong.empty() : OptionalLong.of(n);
  }

  /**
   * Returns the norm of the stage at an index.
   *
   * @param index the 0-based stage index
   * @return the norm, empty if none
   */
  public OptionalLong norm(int index) {
    return norm(stages().id(index));
  }
}
