package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The strategy of each of the nine cells, keyed {@code "ATTRACTIVENESS/RELATIONSHIP"} (e.g.
 * {@code "HIGH/WEAK"}). {@link #DEFAULT} follows DOMAIN 4.6; a CRM overrides cells with {@link
 * #with}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param byCell the strategy of every cell (all nine required)
 */
public record Strategies(@JsonProperty("byCell") Map<String, Strategy> byCell) {

  private static final Strategy PROTECT =
      new Strategy(
          "protect revenue / deprioritize",
          List.of("no upselling", "no best staff", "low priority", "consider ending the relationship"));
  private static final Strategy SELECTIVE =
      new Strategy(
          "invest selectively",
          List.of("decide explicitly which upsells to make", "keep service at standard level"));
  private static final Strategy LOYALTY =
      new Strategy("invest: raise loyalty", List.of("build the relationship", "raise loyalty"));
  private static final Strategy INVEST =
      new Strategy(
          "invest: strengthen",
          List.of(
              "strengthen through service",
              "free extras",
              "invest in client policies",
              "collect feedback",
              "upsell"));

  /** The DOMAIN 4.6 defaults. */
  public static final Strategies DEFAULT = defaults();

  private static Strategies defaults() {
    var m = new TreeMap<String, Strategy>();
    for (Relationship r : Relationship.values()) {
      m.put(key(Attractiveness.LOW, r), PROTECT);
      m.put(key(Attractiveness.MEDIUM, r), SELECTIVE);
      m.put(key(Attractiveness.HIGH, r), r == Relationship.WEAK ? LOYALTY : INVEST);
    }
    return new Strategies(m);
  }

  /**
   * Validates that all nine cells have a strategy and no other keys exist.
   */
  public Strategies {
    Checks.notNull("byCell", byCell);
    var c = Checks.collector();
    for (Attractiveness a : Attractiveness.values()) {
      for (Relationship r : Relationship.values()) {
        if (byCell.get(key(a, r)) == null) {
          c.add("byCell." + key(a, r), null, "must be given");
        }
      }
    }
    if (byCell.size() != 9) {
      c.add("byCell", byCell.keySet(), "must have exactly the nine cells");
    }
    c.throwIfAny();
    byCell = Map.copyOf(byCell);
  }

  /**
   * The strategy of a cell.
   *
   * @param a attractiveness
   * @param r relationship
   * @return the strategy
   */
  public Strategy of(Attractiveness a, Relationship r) {
    return byCell.get(key(a, r));
  }

  /**
   * Returns these strategies with one cell overridden.
   *
   * @param a attractiveness
   * @param r relationship
   * @param s the strategy
   * @return the new strategies
   * @throws ValidationException if s is null
   */
  public Strategies with(Attractiveness a, Relationship r, Strategy s) {
    Checks.notNull("strategy", s);
    var m = new TreeMap<>(byCell);
    m.put(key(a, r), s);
    return new Strategies(m);
  }

  private static String key(Attractiveness a, Relationship r) {
    return a + "/" + r;
  }
}
