package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered stages of a funnel, first to last (e.g. {@code contact, presentation, proposal}).
 * Deals name their stages by these ids; calculators work with the 0-based index.
 *
 * <p>JSON form: the array of ids. Immutable and thread-safe.
 */
public final class Stages {
  private final List<String> ids;
  private final Map<String, Integer> index;

  private Stages(List<String> ids) {
    Checks.notNull("stages", ids);
    Checks.Collector c = Checks.collector();
    if (ids.isEmpty()) {
      c.add("stages", "[]", "must not be empty");
    }
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || id.isBlank()) {
        c.add("stages[" + i + "]", id == null ? null : "\"" + id + "\"", "must not be blank");
      } else if (idx.putIfAbsent(id, i) != null) {
        c.add("stages[" + i + "]", id, "must be unique (also at stages[" + idx.get(id) + "])");
      }
    }
    c.throwIfAny();
    this.ids = List.copyOf(ids);
    this.index = Map.copyOf(idx);
  }

  /**
   * Creates the stages.
   *
   * @param ids the stage ids, first to last: non-blank and unique
   * @return the stages
   * @throws ValidationException if the list is empty or an id is blank or repeated
   */
  @JsonCreator
  public static Stages of(List<String> ids) {
    return new Stages(ids);
  }

  /**
   * Creates the stages.
   *
   * @param ids the stage ids, first to last
   * @return the stages
   */
  public static Stages of(String... ids) {
    Checks.notNull("stages", ids);
    return new Stages(java.util.Arrays.asList(ids));
  }

  /**
   * Returns the ids, first to last.
   *
   * @return the ids
   */
  @JsonValue
  public List<String> ids() {
    return ids;
  }

  /**
   * Returns the number of stages.
   *
   * @return the count
   */
  public int size() {
    return ids.size();
  }

  /**
   * Returns the id at an index.
   *
   * @param index 0-based
   * @return the id
   */
  public String id(int index) {
    Checks.inRange("index", index, 0, ids.size() - 1);
    return ids.get(index);
  }

  /**
   * Returns the index of a stage id.
   *
   * @param field the argument name used in the error
   * @param id the stage id
   * @return the 0-based index
   * @throws ValidationException naming the field, the id and the known stages if unknown
   */
  public int indexOf(String field, String id) {
    Integer i = id == null ? null : index.get(id);
    if (i == null) {
      throw ValidationException.of(field, id, "must be one of the stages " + ids);
    }
    return i;
  }

  /**
   * Whether the id is one of the stages.
   *
   * @param id the id
   * @return true if known (false for null)
   */
  public boolean contains(String id) {
    return id != null && index.containsKey(id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stages s && s.ids.equals(ids);
  }

  @Override
  public int hashCode() {
    return ids.hashCode();
  }

  @Override
  public String toString() {
    return ids.toString();
  }
}
