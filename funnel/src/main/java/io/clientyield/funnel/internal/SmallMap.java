package io.clientyield.funnel.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map of text to text in insertion order, for the few attributes a deal carries:
 * keys and values in one array (a million deals with three attributes each hold 70 MB, not the
 * 270 MB of a linked hash map each). Lookup is a scan, fine for the handful of entries it is made
 * for; a larger map is copied into an unmodifiable {@link LinkedHashMap}. Equal to, and hashing
 * like, any map with the same entries.
 */
public final class SmallMap extends AbstractMap<String, String> {
  /** Above this many entries the copy is a linked hash map. */
  static final int MAX = 16;

  private final String[] keysAndValues;

  private SmallMap(String[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /**
   * An unmodifiable copy in the map's iteration order.
   *
   * @param map the entries (no null key or value)
   * @return the copy
   * @throws io.clientyield.core.ValidationException if the map, a key or a value is null
   */
  public static Map<String, String> copyOf(Map<String, String> map) {
    io.clientyield.core.internal.Checks.notNull("map", map);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String) || !(e.getValue() instanceof String)) {
        throw io.clientyield.core.ValidationException.of("map[" + e.getKey() + "]", e.getValue(),
            "must map text to text (no null key or value)");
      }
    }
    if (map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof SmallMap) {
      return map;
    }
    if (map.size() > MAX) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
    String[] kv = new String[2 * map.size()];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      kv[i++] = e.getKey();
      kv[i++] = e.getValue();
    }
    return new SmallMap(kv);
  }

  @Override
  public int size() {
    return keysAndValues.length / 2;
  }

  @Override
  public boolean containsKey(Object key) {
    return index(key) >= 0;
  }

  @Override
  public String get(Object key) {
    int i = index(key);
    return i < 0 ? null : keysAndValues[i + 1];
  }

  private int index(Object key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return SmallMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < keysAndValues.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, String> e = new SimpleImmutableEntry<>(keysAndValues[i], keysAndValues[i + 1]);
            i += 2;
            return e;
          }
        };
      }
    };
  }
}
