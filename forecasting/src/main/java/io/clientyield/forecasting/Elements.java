package io.clientyield.forecasting;

import io.clientyield.core.Checks;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Boundary checks of collections: null elements named by index, all reported together. */
final class Elements {
  private Elements() {}

  /**
   * Returns an unmodifiable copy of a list that must not be null nor hold null.
   *
   * @throws ValidationException {@code field (null) must not be null} for the list, or one
   *     violation {@code field[i] (null) must not be null} per null element
   */
  static <T> List<T> copyOf(String field, List<? extends T> list) {
    Checks.notNull(field, list);
    Checks.Collector c = Checks.collector();
    List<T> out = new ArrayList<>(list.size());
    int i = 0;
    for (T e : list) {
      if (e == null) {
        c.add(field + "[" + i + "]", null, "must not be null");
      }
      out.add(e);
      i++;
    }
    c.throwIfAny();
    return List.copyOf(out);
  }

  /**
   * Records a violation per null key ({@code field[null]}) or null value ({@code field[key]}).
   */
  static void noNulls(Checks.Collector c, String field, Map<?, ?> map) {
    if (map == null) {
      c.add(field, null, "must not be null");
      return;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() == null) {
        c.add(field + "[null]", e.getValue(), "must not have a null key");
      } else if (e.getValue() == null) {
        c.add(field + "[" + e.getKey() + "]", null, "must not be null");
      }
    }
  }
}
