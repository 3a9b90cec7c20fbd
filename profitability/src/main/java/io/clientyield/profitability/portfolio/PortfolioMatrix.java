package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

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

}
