package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.ClientId;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.profitability.portfolio.Placement.Contribution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured 3 × 3 portfolio matrix: criteria of both axes, cut points and strategies.
 *
 * <p>Axis score = Σ wᵢ·xᵢ / Σ wᵢ over the criteria the client has a value for, where xᵢ is the
 * normalized value (1 − x for lower-is-better). Level: score &lt; low → LOW/WEAK, score &lt; high →
 * MEDIUM, else HIGH/STRONG.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attractivenessCriteria the attractiveness axis (weights &gt;= 0, finite sum &gt; 0)
 * @param relationshipCriteria the relationship axis (weights &gt;= 0, finite sum &gt; 0)
 * @param lowCut lower cut point, 0 &lt; low &lt; high
 * @param highCut upper cut point, high &lt; 1
 * @param strategies the strategy per cell
 */
public record PortfolioMatrix(
    @JsonProperty("attractivenessCriteria") List<Criterion> attractivenessCriteria,
    @JsonProperty("relationshipCriteria") List<Criterion> relationshipCriteria,
    @JsonProperty("lowCut") double lowCut,
    @JsonProperty("highCut") double highCut,
    @JsonProperty("strategies") Strategies strategies) {

  /**
   * Validates weights, unique names and cut points, reporting all violations.
   */
  public PortfolioMatrix {
    Checks.notNull("attractivenessCriteria", attractivenessCriteria);
    Checks.notNull("relationshipCriteria", relationshipCriteria);
    Checks.notNull("strategies", strategies);
    var c = Checks.collector();
    checkAxis(c, "attractivenessCriteria", attractivenessCriteria);
    checkAxis(c, "relationshipCriteria", relationshipCriteria);
    if (!(lowCut > 0 && lowCut < highCut && highCut < 1)) {
      c.add("lowCut/highCut", lowCut + "/" + highCut, "must satisfy 0 < low < high < 1");
    }
    c.throwIfAny();
    attractivenessCriteria = List.copyOf(attractivenessCriteria);
    relationshipCriteria = List.copyOf(relationshipCriteria);
  }

  private static void checkAxis(Checks.Collector c, String field, List<Criterion> axis) {
    double sum = 0;
    var names = new HashSet<String>();
    int i = -1;
    for (Criterion k : axis) {
      i++;
      if (k == null) {
        c.add(field + "[" + i + "]", null, "must not be null");
        continue;
      }
      sum += k.weight();
      if (!names.add(k.name())) {
        c.add(field, k.name(), "criterion names must be unique");
      }
    }
    if (!(sum > 0 && sum < Double.POSITIVE_INFINITY)) {
      c.add(field + ".weights", sum, "must sum to a finite value > 0");
    }
  }

  /**
   * A matrix with the default cut points 1/3 and 2/3 and {@link Strategies#DEFAULT}.
   *
   * @param attractiveness attractiveness criteria
   * @param relationship relationship criteria
   * @return the matrix
   */
  public static PortfolioMatrix of(List<Criterion> attractiveness, List<Criterion> relationship) {
    return new PortfolioMatrix(attractiveness, relationship, 1.0 / 3, 2.0 / 3, Strategies.DEFAULT);
  }

  /**
   * Summarizes placed clients with their money.
   *
   * @param placements the placements, each client once (a client placed twice would be counted and
   *     summed twice, so it is rejected)
   * @param financials revenue and profit of every placed client (one entry each; entries of
   *     clients that are not placed are ignored, so a CRM may pass all its clients)
   * @param currency the currency of all money
   * @param topN how many largest clients the concentration share covers (&gt;= 1)
   * @return the summary
   * @throws ValidationException on a null element (naming its index), a client placed twice
   *     (naming the client and both indices), a missing/duplicate client in the financials, another
   *     currency or negative revenue
   */
  public static PortfolioSummary summarize(
      List<Placement> placements,
      List<PortfolioSummary.ClientFinancials> financials,
      java.util.Currency currency,
      int topN) {
    return PortfolioSummary.of(placements, financials, currency, topN);
  }

  /**
   * Places every client in exactly one cell.
   *
   * @param clients the clients' facts (unique client ids)
   * @return placements in input order
   * @throws ValidationException if a client is null (naming its index), a client id repeats, or a
   *     client has no value on any positively weighted criterion of an axis
   */
  public List<Placement> place(Collection<ClientFacts> clients) {
    Checks.notNull("clients", clients);
    var list = new ArrayList<ClientFacts>(clients);
    var c = Checks.collector();
    var ids = new HashSet<ClientId>();
    for (int i = 0; i < list.size(); i++) {
      ClientFacts f = list.get(i);
      if (f == null) {
        c.add("clients[" + i + "]", null, "must not be null");
      } else {
        if (!ids.add(f.client())) {
          c.add("clients", f.client(), "client ids must be unique");
        }
        checkCovered(c, f, "attractivenessCriteria", attractivenessCriteria);
        checkCovered(c, f, "relationshipCriteria", relationshipCriteria);
      }
    }
    c.throwIfAny();
    double[][] aSorted = sortedValues(list, attractivenessCriteria);
    double[][] rSorted = sortedValues(list, relationshipCriteria);
    var out = new ArrayList<Placement>();
    for (ClientFacts f : list) {
      var skipped = new ArrayList<String>();
      var aWhy = score(f, attractivenessCriteria, aSorted, skipped);
      var rWhy = score(f, relationshipCriteria, rSorted, skipped);
      double a = clamp(aWhy.stream().mapToDouble(Contribution::contribution).sum());
      double r = clamp(rWhy.stream().mapToDouble(Contribution::contribution).sum());
      var att = a < lowCut ? Attractiveness.LOW : a < highCut ? Attractiveness.MEDIUM : Attractiveness.HIGH;
      var rel = r < lowCut ? Relationship.WEAK : r < highCut ? Relationship.MEDIUM : Relationship.STRONG;
      out.add(new Placement(f.client(), a, r, att, rel, strategies.of(att, rel), aWhy, rWhy, skipped));
    }
    return List.copyOf(out);
  }

  private static void checkCovered(
      Checks.Collector c, ClientFacts f, String field, List<Criterion> axis) {
    double w = 0;
    for (Criterion k : axis) {
      if (f.values().containsKey(k.name())) {
        w += k.weight();
      }
    }
    if (!(w > 0)) {
      c.add(field + "[" + f.client() + "]", f.values().keySet(), "needs a value for a weighted criterion");
    }
  }

  private static double[][] sortedValues(List<ClientFacts> list, List<Criterion> axis) {
    double[][] out = new double[axis.size()][];
    for (int i = 0; i < axis.size(); i++) {
      String n = axis.get(i).name();
      out[i] = list.stream().filter(f -> f.values().containsKey(n)).mapToDouble(f -> f.values().get(n)).sorted().toArray();
    }
    return out;
  }

  private static List<Contribution> score(
      ClientFacts f, List<Criterion> axis, double[][] sorted, List<String> skipped) {
    double total = 0;
    for (Criterion k : axis) {
      if (f.values().containsKey(k.name())) {
        total += k.weight();
      } else {
        skipped.add(k.name());
      }
    }
    var why = new ArrayList<Contribution>();
    for (int i = 0; i < axis.size(); i++) {
      Criterion k = axis.get(i);
      Double v = f.values().get(k.name());
      if (v == null) {
        continue;
      }
      double x = clamp(k.normalization().apply(v, sorted[i]));
      if (!k.higherIsBetter()) {
        x = 1 - x;
      }
      why.add(new Contribution(k.name(), v, x, clamp(k.weight() * x / total)));
    }
    why.sort(
        Comparator.comparingDouble(Contribution::contribution)
            .reversed()
            .thenComparing(Contribution::criterion));
    return why;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /** Attractiveness level of a client (matrix rows). */
  public enum Attractiveness {
    /** Score &lt; low cut. */
    LOW,
    /** low cut &lt;= score &lt; high cut. */
    MEDIUM,
    /** Score &gt;= high cut. */
    HIGH
  }

  /** Relationship strength with a client (matrix columns). */
  public enum Relationship {
    /** Score &lt; low cut. */
    WEAK,
    /** low cut &lt;= score &lt; high cut. */
    MEDIUM,
    /** Score &gt;= high cut. */
    STRONG
  }

  /**
   * One weighted criterion of a matrix axis, e.g. margin or tenure.
   *
   * <p>Immutable and thread-safe.
   *
   * @param name the key of the value in {@link ClientFacts#values()}
   * @param higherIsBetter true if a higher raw value is better, false if lower is better
   * @param weight non-negative weight (the axis' weights must sum to &gt; 0)
   * @param normalization how raw values map into [0, 1]
   */
  public record Criterion(
      @JsonProperty("name") String name,
      @JsonProperty("higherIsBetter") boolean higherIsBetter,
      @JsonProperty("weight") double weight,
      @JsonProperty("normalization") Normalization normalization) {

    /**
     * Validates name, weight (finite, &gt;= 0) and normalization.
     */
    public Criterion {
      Checks.notBlank("name", name);
      Checks.finite("weight", weight);
      Checks.nonNegative("weight", weight);
      Checks.notNull("normalization", normalization);
    }
  }

  /**
   * How a criterion's raw values become [0, 1] (before turning around lower-is-better ones).
   *
   * <ul>
   *   <li>{@code MIN_MAX}: (v − min) / (max − min) over the clients having a value. Degenerate
   *       range: when all values are equal (max = min, including a single client) every client gets
   *       0.5, the middle, so the criterion does not move anyone.
   *   <li>{@code PERCENTILE_RANK}: (number below + (number equal − 1) / 2) / (n − 1); 0.5 when n =
   *       1, and 0.5 for everyone when all values are equal.
   *   <li>{@code FIXED_BOUNDS}: (v − lo) / (hi − lo), clamped to [0, 1]; does not depend on the
   *       other clients. lo &lt; hi is required, so the range is never degenerate.
   * </ul>
   *
   * <p>Every result is a finite number in [0, 1], never NaN: inputs must be finite (a NaN or
   * infinite bound or value is a {@link ValidationException}), and differences that would overflow
   * a double (values near ±{@link Double#MAX_VALUE}) are computed on halved values.
   *
   * <p>Immutable and thread-safe.
   *
   * @param kind the method
   * @param lo lower bound (FIXED_BOUNDS only; 0 otherwise)
   * @param hi upper bound (FIXED_BOUNDS only; 0 otherwise)
   */
  public record Normalization(
      @JsonProperty("kind") Kind kind, @JsonProperty("lo") double lo, @JsonProperty("hi") double hi) {

    /** Normalization methods. */
    public enum Kind {
      /** Min-max over the clients. */
      MIN_MAX,
      /** Percentile rank among the clients. */
      PERCENTILE_RANK,
      /** Fixed bounds, clamped. */
      FIXED_BOUNDS
    }

    /**
     * Validates: finite bounds with lo &lt; hi for FIXED_BOUNDS, zeros otherwise.
     */
    public Normalization {
      Checks.notNull("kind", kind);
      Checks.finite("lo", lo);
      Checks.finite("hi", hi);
      if (kind == Kind.FIXED_BOUNDS && !(lo < hi)) {
        throw ValidationException.of("hi", hi, "must be > lo (" + lo + ")");
      }
      if (kind != Kind.FIXED_BOUNDS && (lo != 0 || hi != 0)) {
        throw ValidationException.of("lo/hi", lo + "/" + hi, "must be 0 unless FIXED_BOUNDS");
      }
    }

    /**
     * Min-max over the clients.
     *
     * @return the normalization
     */
    public static Normalization minMax() {
      return new Normalization(Kind.MIN_MAX, 0, 0);
    }

    /**
     * Percentile rank among the clients.
     *
     * @return the normalization
     */
    public static Normalization percentileRank() {
      return new Normalization(Kind.PERCENTILE_RANK, 0, 0);
    }

    /**
     * Fixed bounds, clamped.
     *
     * @param lo the value mapped to 0
     * @param hi the value mapped to 1
     * @return the normalization
     */
    public static Normalization fixedBounds(double lo, double hi) {
      return new Normalization(Kind.FIXED_BOUNDS, lo, hi);
    }

    /**
     * Normalizes one value against the values of all clients having one.
     *
     * @param v the value
     * @param all all present values (including v), sorted ascending as by {@link
     *     java.util.Arrays#sort(double[])}
     * @return the normalized value in [0, 1]
     * @throws ValidationException if v or a value is NaN or infinite
     */
    double apply(double v, double[] all) {
      Checks.finite("value", v);
      // sorted ascending (Arrays.sort puts NaN last): the ends are finite only if all values are
      Checks.finite("values[0]", all[0]);
      Checks.finite("values[" + (all.length - 1) + "]", all[all.length - 1]);
      switch (kind) {
        case FIXED_BOUNDS:
          return Math.max(0, Math.min(1, fraction(v, lo, hi)));
        case MIN_MAX:
          {
            double min = all[0];
            double max = all[all.length - 1];
            return max == min ? 0.5 : Math.max(0, Math.min(1, fraction(v, min, max)));
          }
        default:
          {
            if (all.length == 1) {
              return 0.5;
            }
            int below = 0;
            int equal = 0;
            for (double a : all) {
              if (a < v) {
                below++;
              } else if (a == v) {
                equal++;
              }
            }
            return (below + (equal - 1) / 2.0) / (all.length - 1);
          }
      }
    }

    /**
     * (v − lo) / (hi − lo) for finite lo &lt; hi, without overflow: when a difference exceeds the
     * double range both are taken on halved values (hi/2 − lo/2 is then far from zero).
     */
    private static double fraction(double v, double lo, double hi) {
      double span = hi - lo;
      double offset = v - lo;
      if (Double.isInfinite(span) || Double.isInfinite(offset)) {
        span = hi / 2 - lo / 2;
        offset = v / 2 - lo / 2;
      }
      return offset / span;
    }
  }

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
}
