package io.clientyield.forecasting;

import io.clientyield.core.internal.Checks;
import java.util.Map;

/** Boundary checks of collections: null elements named by index, all reported together. */
final class Elements {
  private Elements() {}

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
