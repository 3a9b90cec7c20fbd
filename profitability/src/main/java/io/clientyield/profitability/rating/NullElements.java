package io.clientyield.profitability.rating;

import io.clientyield.core.Checks;
import java.util.Collection;
import java.util.List;

/**
 * Rejects null elements of input collections at the boundary, naming the field and the index
 * ({@code clients[2] (null) must not be null}) instead of failing deep inside with a
 * NullPointerException. Package-private; stateless and thread-safe.
 */
final class NullElements {
  private NullElements() {}

  /**
   * Records one violation per null element.
   *
   * @param c the collector
   * @param field the argument name
   * @param values the collection (not null)
   * @return true if no element is null
   */
  static boolean check(Checks.Collector c, String field, Collection<?> values) {
    boolean none = true;
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        c.add(field + "[" + i + "]", null, "must not be null");
        none = false;
      }
      i++;
    }
    return none;
  }

  /**
   * Requires a non-null collection without null elements and returns an immutable copy.
   *
   * @param field the argument name
   * @param values the collection
   * @param <T> the element type
   * @return an immutable copy, in iteration order
   * @throws io.clientyield.core.ValidationException naming every null element by index
   */
  static <T> List<T> copyOf(String field, Collection<? extends T> values) {
    Checks.notNull(field, values);
    Checks.Collector c = Checks.collector();
    check(c, field, values);
    c.throwIfAny();
    return List.copyOf(values);
  }
}
