package io.clientyield.funnel;

import io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Proportion;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import java.util.Optional;
import java.util.OptionalDouble;

import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
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
 * quantitative vs financial conversion, and per stage the resolved conversion with a 95 % Wilson
 * interval and a flag when it is significantly below the rest of the team.
 *
 * <p>Resolved deals only (DOMAIN 2.1): a cell's conversion is passed / (passed + dropped at the
 * stage); the group's deals still in progress at the stage are reported beside it
 * ({@link StageCell#inProgress()}) and never count as failures. So a group that lost no deal at a
 * stage converts 100 % of its resolved deals there and is never flagged at that stage, however
 * many of its deals are still open.
 *
 * <p>Flagging: each cell with at least {@link CrossStatisticsOptions#minTrials()} resolved deals
 * (and some resolved deals of other groups at that stage) is tested one-sided against the pooled
 * other groups ({@link ConversionTestMethod}: Fisher exact when an expected count is below 5,
 * else the z test); the p-values of all tested cells are adjusted together with
 * Benjamini–Hochberg and a cell is flagged when its q-value is at most the false-discovery rate.
 * Smaller cells are never tested, never flagged, and do not enlarge the family.
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
        if (cell.flagged() && cell.resolved() < options.minTrials()) {
          c.add("groups[" + i + "].cells." + cell.stage() + ".flagged", true,
              "requires at least minTrials (" + options.minTrials() + ") resolved deals, has "
                  + cell.resolved());
        }
        if (cell.flagged() && cell.dropped() == 0) {
          c.add("groups[" + i + "].cells." + cell.stage() + ".flagged", true,
              "requires a deal lost at the stage (a group that lost none is never flagged)");
        }
      }
      deals += g.funnel().topEntered();
    }
    if (deals != team.topEntered()) {
      c.add("team.topEntered", team.topEntered(), "must equal the sum over groups (" + deals + ")");
    }
    c.throwIfAny();
  }

  /**
   * One group of {@link CrossStatistics} (a manager, campaign, office...): its own stage funnel
   * (with reasons and quantitative vs financial conversion) and one {@link StageCell} per stage.
   *
   * <p>Built by {@link CrossStatisticsAccumulator} (no public builder). Immutable and
   * thread-safe.
   *
   * @param group the group label ({@code String.valueOf(key)})
   * @param funnel the group's stage funnel
   * @param cells one cell per stage, first to last
   */
  @JsonPropertyOrder({"group", "funnel", "cells"})
  public record GroupStatistics(
      @JsonProperty("group") String group,
      @JsonProperty("funnel") StageFunnel funnel,
      @JsonProperty("cells") List<StageCell> cells) {

    /** Validates that there is one matching cell per funnel stage. */
    @JsonCreator
    public GroupStatistics {
      Checks.Collector c = Checks.collector();
      if (group == null) {
        c.add("group", null, "must not be null");
      }
      if (funnel == null) {
        c.add("funnel", null, "must not be null");
      }
      if (cells == null) {
        c.add("cells", null, "must not be null");
      }
      if (cells != null) {
        c.elementsNotNull("cells", cells);
      }
      c.throwIfAny();
      cells = List.copyOf(cells);
      check(group, funnel, cells);
    }

    /**
     * Returns quantitative vs financial conversion of the group (from its funnel).
     *
     * @return the comparison
     */
    public ConversionComparison conversion() {
      return funnel().conversion();
    }

    /**
     * Returns the cell of a stage.
     *
     * @param stage the stage id
     * @return the cell
     * @throws ValidationException if there is no such stage
     */
    public StageCell cell(String stage) {
      return cells().stream().filter(c -> c.stage().equals(stage)).findFirst().orElseThrow(() ->
          ValidationException.of("stage", stage, "must be one of the stages "
              + cells().stream().map(StageCell::stage).toList()));
    }

    private static void check(String group, StageFunnel funnel, List<StageCell> cells) {
      Checks.Collector c = Checks.collector();
      if (group.isBlank()) {
        c.add("group", "\"" + group + "\"", "must not be blank");
      }
      List<FunnelStage> stages = funnel.stages();
      if (cells.size() != stages.size()) {
        c.add("cells", cells.size(), "must have one cell per stage (" + stages.size() + ")");
      } else {
        for (int i = 0; i < stages.size(); i++) {
          StageCell cell = cells.get(i);
          FunnelStage s = stages.get(i);
          if (!cell.stage().equals(s.stage()) || cell.resolved() != s.resolved()
              || cell.passed() != s.passed() || cell.inProgress() != s.inProgress()) {
            c.add("cells[" + i + "]", cell.stage() + " " + cell.resolvedConversion() + " + "
                + cell.inProgress() + " in progress", "must match the funnel stage " + s.stage() + " "
                + s.resolvedConversion() + " + " + s.inProgress() + " in progress");
          }
        }
      }
      c.throwIfAny();
    }

    /**
     * One group × stage cell of {@link CrossStatistics}: the group's resolved conversion at the
     * stage (passed of passed + dropped) with its 95 % Wilson interval, the deals still in progress
     * there (reported, never failures), the pooled resolved conversion of the rest of the team at
     * that stage, and the test of "this cell converts lower than the rest".
     *
     * <p>{@link #test()}, {@link #pValue()} and {@link #qValue()} are present only for tested cells:
     * at least {@code minTrials} resolved deals and some other group resolved deals at the stage.
     * {@link #zStatistic()} is the two-proportion z statistic (pooled variance) of the same
     * comparison, reported beside the p-value whichever test gave it (negative: the cell converts
     * lower than the rest); it is absent for untested cells and when the pooled conversion is 0 or
     * 1 (no variance). {@link #qValue()} is the Benjamini–Hochberg adjusted p-value across all
     * tested cells of the result; {@link #flagged()} is {@code qValue <= falseDiscoveryRate}. A
     * cell without a loss ({@code passed = resolved}) has p-value 1 and is never flagged.
     *
     * <p>JSON form: {@code {"stage":"proposal","resolvedConversion":{"successes":16,"trials":160},
     * "inProgress":12,"wilson95":{...},"rest":{...},"test":"NORMAL_Z","zStatistic":-7.3,
     * "pValue":1.2E-13,"qValue":1.4E-12,"flagged":true}}; the optional fields are omitted when
     * absent. Built by {@link CrossStatisticsAccumulator} (no public builder). Immutable and
     * thread-safe.
     *
     * @param stage the stage id
     * @param resolvedConversion the group's resolved stage conversion: passed (successes) of
     *     passed + dropped (trials)
     * @param inProgress the group's deals still open at this stage (not failures, not in the test)
     * @param wilson95 the 95 % Wilson score interval of the resolved conversion, empty when no deal
     *     was resolved
     * @param rest the pooled resolved conversion of every other group at this stage
     * @param test the test used, empty when the cell was not tested
     * @param zStatistic the two-proportion z statistic, empty when not tested or undefined
     * @param pValue the one-sided p-value of "lower than the rest", in {@code [0, 1]}, empty when not
     *     tested
     * @param qValue the Benjamini–Hochberg adjusted p-value, in {@code [0, 1]}, empty when not tested
     * @param flagged whether the cell is significantly below the rest of the team
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @JsonPropertyOrder({"stage", "resolvedConversion", "inProgress", "wilson95", "rest", "test",
        "zStatistic", "pValue", "qValue", "flagged"})
    public record StageCell(
        @JsonProperty("stage") String stage,
        @JsonProperty("resolvedConversion") Proportion resolvedConversion,
        @JsonProperty("inProgress") long inProgress,
        @JsonProperty("wilson95") Optional<ConfidenceInterval> wilson95,
        @JsonProperty("rest") Proportion rest,
        @JsonProperty("test") Optional<ConversionTestMethod> test,
        @JsonProperty("zStatistic") OptionalDouble zStatistic,
        @JsonProperty("pValue") OptionalDouble pValue,
        @JsonProperty("qValue") OptionalDouble qValue,
        @JsonProperty("flagged") boolean flagged) {

      /** Validates the test fields and the interval, reporting every violation at once. */
      @JsonCreator
      public StageCell {
        wilson95 = wilson95 == null ? Optional.empty() : wilson95;
        test = test == null ? Optional.empty() : test;
        zStatistic = zStatistic == null ? OptionalDouble.empty() : zStatistic;
        pValue = pValue == null ? OptionalDouble.empty() : pValue;
        qValue = qValue == null ? OptionalDouble.empty() : qValue;
        Checks.Collector c = Checks.collector();
        if (stage == null) {
          c.add("stage", null, "must not be null");
        }
        if (resolvedConversion == null) {
          c.add("resolvedConversion", null, "must not be null");
        }
        if (rest == null) {
          c.add("rest", null, "must not be null");
        }
        c.throwIfAny();
        if (stage.isBlank()) {
          c.add("stage", "\"" + stage + "\"", "must not be blank");
        }
        if (inProgress < 0) {
          c.add("inProgress", inProgress, "must be >= 0");
        } else if (inProgress > Long.MAX_VALUE - resolvedConversion.trials()) {
          c.add("inProgress", inProgress, "must keep resolved + inProgress within a long");
        }
        boolean tested = test.isPresent();
        if (pValue.isPresent() != tested || qValue.isPresent() != tested) {
          c.add("pValue", pValue, "test, pValue and qValue must be all present or all absent");
        }
        if (zStatistic.isPresent() && !tested) {
          c.add("zStatistic", zStatistic.getAsDouble(), "requires a tested cell");
        }
        if (zStatistic.isPresent() && !Double.isFinite(zStatistic.getAsDouble())) {
          c.add("zStatistic", zStatistic.getAsDouble(), "must be finite");
        }
        if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
          c.add("pValue", pValue.getAsDouble(), "must be within [0, 1]");
        }
        if (qValue.isPresent() && !(qValue.getAsDouble() >= 0 && qValue.getAsDouble() <= 1)) {
          c.add("qValue", qValue.getAsDouble(), "must be within [0, 1]");
        }
        if (flagged && !tested) {
          c.add("flagged", true, "requires a tested cell");
        }
        if (wilson95.isPresent() != (resolvedConversion.trials() > 0)) {
          c.add("wilson95", wilson95, "must be present exactly when the cell has resolved deals");
        }
        c.throwIfAny();
      }

      /**
       * Returns the deals that entered the stage in this group: resolved + in progress.
       *
       * @return the count
       */
      public long entered() {
        return resolvedConversion.trials() + inProgress;
      }

      /**
       * Returns the deals that passed the stage in this group.
       *
       * @return the count
       */
      public long passed() {
        return resolvedConversion.successes();
      }

      /**
       * Returns the deals resolved at the stage in this group: passed + dropped (the trials of the
       * test).
       *
       * @return the count
       */
      public long resolved() {
        return resolvedConversion.trials();
      }

      /**
       * Returns the deals lost at the stage in this group: resolved − passed.
       *
       * @return the count
       */
      public long dropped() {
        return resolvedConversion.trials() - resolvedConversion.successes();
      }

      /**
       * Returns the entered-base conversion, passed of entered, for display only: the deals still
       * in progress are in its denominator. The flag and the interval use
       * {@link #resolvedConversion()}.
       *
       * @return the proportion (value empty when nothing entered)
       */
      public Proportion conversion() {
        return Proportion.of(passed(), entered());
      }
    }
  }
}
