package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The funnel per grouping key (DOMAIN 2.2 and 2.3): for every group its stage funnel, its
 * quantitative vs financial conversion, and per stage the conversion with a 95 % Wilson interval
 * and a flag when it is significantly below the rest of the team.
 *
 * <p>Flagging: each cell with at least {@link CrossStatisticsOptions#minTrials()} entered deals
 * (and some deals of other groups at that stage) is tested one-sided against the pooled other
 * groups ({@link ConversionTestMethod}: Fisher exact when an expected count is below 5, else the
 * z test); the p-values of all tested cells are adjusted together with Benjamini–Hochberg and a
 * cell is flagged when its q-value is at most the false-discovery rate. Smaller cells are never
 * tested, never flagged, and do not enlarge the family.
 *
 * <p>Groups are the keys that have at least one deal, ordered by label. {@link #team()} is the
 * funnel of all counted deals; {@link #skippedDeals()} counts deals without a key (not in any
 * group, not in the team).
 *
 * <p>JSON form: {@code {"options":{...},"skippedDeals":0,"team":{...},"groups":[...]}}.
 * Built by {@link CrossStatisticsAccumulator} (no public builder). Immutable and thread-safe.
 *
 * @param options the options the flags were computed with
 * @param skippedDeals the deals that had no grouping key and were left out
 * @param team the funnel of every counted deal (all groups pooled)
 * @param groups the groups with at least one deal, ordered by label
 */
@JsonPropertyOrder({"options", "skippedDeals", "team", "groups"})
public record CrossStatistics(
    @JsonProperty("options") CrossStatisticsOptions options,
    @JsonProperty("skippedDeals") long skippedDeals,
    @JsonProperty("team") StageFunnel team,
    @JsonProperty("groups") List<GroupStatistics> groups) {

  /** Validates the groups against each other and the team, reporting every violation at once. */
  @JsonCreator
  public CrossStatistics {
    Checks.Collector c = Checks.collector();
    if (options == null) {
      c.add("options", null, "must not be null");
    }
    if (team == null) {
      c.add("team", null, "must not be null");
    }
    if (groups == null) {
      c.add("groups", null, "must not be null");
    }
    if (groups != null) {
      c.elementsNotNull("groups", groups);
    }
    c.throwIfAny();
    groups = List.copyOf(groups);
    check(options, skippedDeals, team, groups);
  }

  /**
   * Returns a group by label.
   *
   * @param label the group label
   * @return the group
   * @throws ValidationException if there is no such group
   */
  public GroupStatistics group(String label) {
    return groups().stream().filter(g -> g.group().equals(label)).findFirst().orElseThrow(() ->
        ValidationException.of("group", label, "must be one of the groups "
            + groups().stream().map(GroupStatistics::group).toList()));
  }

  /**
   * Returns quantitative vs financial conversion per group, side by side, in group order.
   *
   * @return label to comparison (unmodifiable)
   */
  public Map<String, ConversionComparison> conversions() {
    Map<String, ConversionComparison> m = new LinkedHashMap<>();
    groups().forEach(g -> m.put(g.group(), g.conversion()));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Returns the number of flagged cells.
   *
   * @return the count
   */
  public long flaggedCount() {
    return groups().stream().flatMap(g -> g.cells().stream()).filter(StageCell::flagged).count();
  }

  private static void check(CrossStatisticsOptions options, long skippedDeals, StageFunnel team,
      List<GroupStatistics> groups) {
    Checks.Collector c = Checks.collector();
    if (skippedDeals < 0) {
      c.add("skippedDeals", skippedDeals, "must be >= 0");
    }
    Set<String> seen = new HashSet<>();
    long deals = 0;
    for (int i = 0; i < groups.size(); i++) {
      GroupStatistics g = groups.get(i);
      if (!seen.add(g.group())) {
        c.add("groups[" + i + "].group", g.group(), "must be unique");
      }
      if (i > 0 && groups.get(i - 1).group().compareTo(g.group()) > 0) {
        c.add("groups[" + i + "].group", g.group(), "must be ordered by label");
      }
      if (!g.funnel().currency().equals(team.currency())) {
        c.add("groups[" + i + "].funnel.currency", g.funnel().currency(), "must be " + team.currency());
      }
      for (StageCell cell : g.cells()) {
        if (cell.flagged() && cell.entered() < options.minTrials()) {
          c.add("groups[" + i + "].cells." + cell.stage() + ".flagged", true,
              "requires at least minTrials (" + options.minTrials() + ") trials, has " + cell.entered());
        }
      }
      deals += g.funnel().topEntered();
    }
    if (deals != team.topEntered()) {
      c.add("team.topEntered", team.topEntered(), "must equal the sum over groups (" + deals + ")");
    }
    c.throwIfAny();
  }
}
