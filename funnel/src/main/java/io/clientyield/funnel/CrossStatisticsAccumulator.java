package io.clientyield.funnel;

import io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.core.Accumulator;
import io.clientyield.core.CampaignId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.internal.ConversionTests;
import io.clientyield.funnel.internal.FunnelSinks;
import io.clientyield.core.internal.StateCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Accumulates deals into {@link CrossStatistics}: the funnel per grouping key (manager,
 * campaign, office, any key function), mergeable.
 *
 * <p>Grouping: the key function maps a deal to its key; a deal whose key is {@code null}
 * (no manager, no campaign, attribute missing) is validated and counted in
 * {@link CrossStatistics#skippedDeals()}, not in any group and not in the team: there is no
 * invented "(none)" group, so a missing key never distorts the team comparison. Group labels
 * are {@code String.valueOf(key)}.
 *
 * <p>{@link #add(Deal)} maps the key to an {@code int} group index once per deal (a hash
 * lookup; a new key is interned) and counts into primitive arrays. The library's event folders
 * use an internal primitive path that takes the group index directly and allocates nothing
 * (arrays grow only when a new group index or reason appears). Indices obtained from
 * {@link #groupIndex} belong to their keys; an index never given a key is labelled
 * {@code #index}. Reason codes index into {@link #reasons()}.
 *
 * <p>Cap: groups × stages is at most 4 194 304 and groups × stages × loss kinds × (reasons + 1)
 * at most 50 331 648 per accumulator; a deal or merge beyond either is a
 * {@link ValidationException} naming the cap.
 *
 * <pre>{@code
 * CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(stages, EUR);
 * deals.forEach(acc::add);
 * CrossStatistics stats = acc.result(CrossStatisticsOptions.DEFAULT);
 * stats.group("boris").cell("proposal").flagged();
 * }</pre>
 *
 * <p>Cells compare resolved deals (passed of passed + dropped at the stage); the deals still in
 * progress at a stage are reported in the cell and never count as failures, and a cell is
 * flagged only when its conversion is below the rest's (so a group that lost no deal at a stage
 * is never flagged there).
 *
 * <p>An accumulator: a new one is the identity, {@link #merge} is associative and commutative
 * (groups matched by key, reasons by name), and the result does not depend on the order of the
 * deals. Mutable and not thread-safe: use one per thread and merge.
 *
 * @param <K> the grouping key type
 */
public final class CrossStatisticsAccumulator<K>
    implements Accumulator<Deal, CrossStatisticsAccumulator<K>, CrossStatistics> {
  static {
    FunnelSinks.register(CrossStatisticsAccumulator.class, a -> a::deal);
  }

  private final Function<? super Deal, ? extends K> keyFunction;
  private final FunnelCounts counts;
  private final List<Object> keys = new ArrayList<>();
  private final Map<Object, Integer> index = new HashMap<>();
  private long skipped;

  private CrossStatisticsAccumulator(Stages stages, Currency currency, List<String> reasons,
      Function<? super Deal, ? extends K> keyFunction) {
    this.keyFunction = Checks.notNull("keyFunction", keyFunction);
    this.counts = new FunnelCounts(stages, currency, reasons, 8);
  }

  /**
   * Groups by any key function ({@code null} key: skipped).
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param keyFunction the deal's key, or {@code null} when it has none
   * @param <K> the key type
   * @return an empty accumulator
   */
  public static <K> CrossStatisticsAccumulator<K> by(
      Stages stages, Currency currency, Function<? super Deal, ? extends K> keyFunction) {
    return new CrossStatisticsAccumulator<>(stages, currency, List.of(), keyFunction);
  }

  /**
   * Groups by any key function, with known reasons for primitive callers.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param reasons the reason codes (the reason indices of the primitive path), unique
   * @param keyFunction the deal's key, or {@code null} when it has none
   * @param <K> the key type
   * @return an empty accumulator
   */
  public static <K> CrossStatisticsAccumulator<K> by(Stages stages, Currency currency,
      List<String> reasons, Function<? super Deal, ? extends K> keyFunction) {
    return new CrossStatisticsAccumulator<>(stages, currency, reasons, keyFunction);
  }

  /**
   * A collector folding deals into {@link CrossStatistics} with the default options, grouped by
   * a key function; {@code CrossStatisticsAccumulator.collector(stages, eur, d ->
   * d.manager().orElse(null))}.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param keyFunction the deal's key, or {@code null} when it has none
   * @param <K> the key type
   * @return the collector
   */
  public static <K> Collector<Deal, ?, CrossStatistics> collector(
      Stages stages, Currency currency, Function<? super Deal, ? extends K> keyFunction) {
    Checks.notNull("stages", stages);
    Checks.notNull("currency", currency);
    Checks.notNull("keyFunction", keyFunction);
    return Accumulator.collector(() -> by(stages, currency, keyFunction));
  }

  /**
   * Groups by manager; deals without a manager are skipped.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @return an empty accumulator
   */
  public static CrossStatisticsAccumulator<ManagerId> byManager(Stages stages, Currency currency) {
    return by(stages, currency, d -> d.manager().orElse(null));
  }

  /**
   * Groups by campaign; deals without a campaign are skipped.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @return an empty accumulator
   */
  public static CrossStatisticsAccumulator<CampaignId> byCampaign(Stages stages, Currency currency) {
    return by(stages, currency, d -> d.campaign().orElse(null));
  }

  /**
   * Groups by a deal attribute such as {@code "office"}; deals without it are skipped.
   *
   * @param stages the funnel's stages
   * @param currency the currency of every budget
   * @param name the attribute name
   * @return an empty accumulator
   */
  public static CrossStatisticsAccumulator<String> byAttribute(Stages stages, Currency currency, String name) {
    Checks.notBlank("name", name);
    return by(stages, currency, d -> d.attributes().get(name));
  }

  /**
   * Adds one deal to its key's group, or counts it as skipped when it has no key.
   *
   * @param deal the deal
   * @return this accumulator
   * @throws ValidationException naming the deal if its stage is unknown or its budget is in
   *     another currency or negative, or naming the count or budget total that would overflow a
   *     long (nothing is counted, no key interned)
   */
  @Override
  public CrossStatisticsAccumulator<K> add(Deal deal) {
    counts.codes(deal);
    K key = keyFunction.apply(deal);
    if (key == null) {
      skipped = Checks.addExact("skippedDeals", skipped, 1);
      return this;
    }
    counts.add(() -> groupIndex(key), deal);
    return this;
  }

  /**
   * Returns the group index of a key, assigning the next free index to a new key.
   *
   * @param key the key
   * @return the 0-based group index
   */
  public int groupIndex(K key) {
    Checks.notNull("key", key);
    return intern(key);
  }

  private int intern(Object key) {
    Integer i = index.get(key);
    if (i != null) {
      return i;
    }
    int next = keys.size();
    counts.checkGroups(next + 1);
    keys.add(key);
    index.put(key, next);
    counts.growGroups(next + 1);
    return next;
  }

  /**
   * Adds one deal in primitive form (the internal DealSink codes) to group {@code group};
   * allocation free unless the group index or reason is new. Throws a ValidationException if a
   * code is out of range, a cap is exceeded or a count or budget total would overflow a long
   * (nothing counted); groups are limited to {@code [0, 1048575]}.
   */
  private void deal(int group, int reachedStage, int outcome, int reason, long budgetMinor) {
    counts.check(group, reachedStage, outcome, reason, budgetMinor);
    counts.checkRoom(budgetMinor);
    if (group >= keys.size()) {
      counts.checkGroups(group + 1);
      nameUpTo(group);
    }
    counts.count(group, reachedStage, outcome, reason, budgetMinor);
  }

  private void nameUpTo(int group) {
    while (keys.size() <= group) {
      intern(new UnnamedGroup(keys.size()));
    }
  }

  /**
   * Adds another accumulator's deals: groups matched by key, reasons by name.
   *
   * @param other an accumulator with the same stages and currency
   * @return this accumulator
   * @throws ValidationException if the stages or currency differ, or naming the count or budget
   *     total that would overflow a long (nothing is changed)
   */
  @Override
  public CrossStatisticsAccumulator<K> merge(CrossStatisticsAccumulator<K> other) {
    Checks.notNull("other", other);
    if (!other.counts.stages().equals(counts.stages())) {
      throw ValidationException.of("other.stages", other.counts.stages(), "must equal " + counts.stages());
    }
    if (!other.counts.currency().equals(counts.currency())) {
      throw ValidationException.of("other.currency", other.counts.currency().getCurrencyCode(),
          "must equal " + counts.currency().getCurrencyCode());
    }
    counts.checkMergeRoom(other.counts);
    long newSkipped = Checks.addExact("skippedDeals", skipped, other.skipped);
    int[] map = new int[other.counts.groupCapacity()];
    Arrays.fill(map, -1);
    List<Object> otherKeys = List.copyOf(other.keys);
    int fresh = 0;
    for (Object key : otherKeys) {
      if (!index.containsKey(key)) {
        fresh++;
      }
    }
    counts.checkGroups(keys.size() + fresh);
    for (int g = 0; g < otherKeys.size(); g++) {
      map[g] = intern(otherKeys.get(g));
    }
    counts.mergeFrom(other.counts, map);
    skipped = newSkipped;
    return this;
  }

  /**
   * Returns the known reasons in index order (the reason codes of the primitive path).
   *
   * @return a copy
   */
  public List<String> reasons() {
    return counts.reasons();
  }

  /**
   * Returns the statistics with the default options (FDR 0.05, at least 30 trials).
   *
   * @return an immutable snapshot
   */
  @Override
  public CrossStatistics result() {
    return result(CrossStatisticsOptions.DEFAULT);
  }

  /**
   * Returns the statistics of the deals added so far.
   *
   * @param options the false-discovery rate and minimum trials for flagging
   * @return an immutable snapshot
   */
  public CrossStatistics result(CrossStatisticsOptions options) {
    Checks.notNull("options", options);
    int stageCount = counts.stages().size();
    List<Integer> active = new ArrayList<>();
    int[] toTeam = new int[counts.groupCapacity()];
    Arrays.fill(toTeam, -1);
    for (int g = 0; g < keys.size(); g++) {
      if (counts.deals(g) > 0) {
        active.add(g);
        toTeam[g] = 0;
      }
    }
    active.sort(Comparator.comparing(g -> String.valueOf(keys.get(g))));
    FunnelCounts team = new FunnelCounts(counts.stages(), counts.currency(), List.of(), 1);
    team.mergeFrom(counts, toTeam);
    long[] teamResolved = team.resolved(0);
    long[] teamPassed = team.passed(0);

    // resolved deals only (DOMAIN 2.1): passed of passed + dropped; open deals are not trials
    int n = active.size();
    long[][] resolved = new long[n][];
    long[][] passed = new long[n][];
    double[] p = new double[n * stageCount];
    boolean[] tested = new boolean[n * stageCount];
    ConversionTestMethod[] method = new ConversionTestMethod[n * stageCount];
    double[] z = new double[n * stageCount];
    int testedCount = 0;
    for (int i = 0; i < n; i++) {
      resolved[i] = counts.resolved(active.get(i));
      passed[i] = counts.passed(active.get(i));
      for (int s = 0; s < stageCount; s++) {
        long n1 = resolved[i][s];
        long n2 = teamResolved[s] - n1;
        if (n1 >= options.minTrials() && n2 > 0) {
          long x1 = passed[i][s];
          long x2 = teamPassed[s] - x1;
          method[i * stageCount + s] = ConversionTests.methodFor(x1, n1, x2, n2);
          p[i * stageCount + s] = ConversionTests.pValue(x1, n1, x2, n2);
          z[i * stageCount + s] = ConversionTests.zStatistic(x1, n1, x2, n2).orElse(Double.NaN);
          tested[i * stageCount + s] = true;
          testedCount++;
        }
      }
    }
    double[] family = new double[testedCount];
    for (int k = 0, j = 0; k < p.length; k++) {
      if (tested[k]) {
        family[j++] = p[k];
      }
    }
    double[] q = ConversionTests.benjaminiHochberg(family);

    List<GroupStatistics> groups = new ArrayList<>(n);
    int j = 0;
    for (int i = 0; i < n; i++) {
      int g = active.get(i);
      StageFunnel funnel = counts.funnel(g);
      List<StageCell> cells = new ArrayList<>(stageCount);
      for (int s = 0; s < stageCount; s++) {
        int k = i * stageCount + s;
        Proportion conv = Proportion.of(passed[i][s], resolved[i][s]);
        Proportion rest = Proportion.of(teamPassed[s] - passed[i][s], teamResolved[s] - resolved[i][s]);
        long open = counts.open(g, s);
        if (tested[k]) {
          double qv = q[j++];
          OptionalDouble zv = Double.isNaN(z[k]) ? OptionalDouble.empty() : OptionalDouble.of(z[k]);
          // flagged only below the rest: a cell without a loss (100 % resolved) never is, whatever
          // the false-discovery rate
          boolean below = lowerThan(passed[i][s], resolved[i][s], rest.successes(), rest.trials());
          cells.add(new StageCell(counts.stages().id(s), conv, open, conv.wilson95(), rest,
              Optional.of(method[k]), zv, OptionalDouble.of(p[k]), OptionalDouble.of(qv),
              below && qv <= options.falseDiscoveryRate()));
        } else {
          cells.add(new StageCell(counts.stages().id(s), conv, open, conv.wilson95(), rest,
              Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
              OptionalDouble.empty(), false));
        }
      }
      groups.add(new GroupStatistics(String.valueOf(keys.get(g)), funnel, cells));
    }
    return new CrossStatistics(options, skipped, team.funnel(0), groups);
  }

  /** Whether a/b < c/d (b, d > 0), exactly while the products fit in a long. */
  private static boolean lowerThan(long a, long b, long c, long d) {
    try {
      return Math.multiplyExact(a, d) < Math.multiplyExact(c, b);
    } catch (ArithmeticException e) {
      return (double) a / b < (double) c / d;
    }
  }

  /** The key of a group index used by a primitive caller without naming it. */
  private record UnnamedGroup(int index) {
    @Override
    public String toString() {
      return "#" + index;
    }
  }

  /** The format tag of this accumulator's state. */
  private static final int STATE_TAG = 0x43;

  /**
   * Encodes the state compactly (a versioned binary form of the counters, for distributed
   * engines that ship partial states): each key is written as its label
   * ({@code String.valueOf(key)}), so {@link #decode} needs the parser that turns a label back
   * into the key ({@code ManagerId::of} for {@link #byManager}).
   *
   * @return the state's bytes
   * @throws ValidationException if two keys have the same label
   */
  public byte[] encode() {
    Map<String, Integer> labels = new HashMap<>();
    for (int g = 0; g < keys.size(); g++) {
      Integer before = labels.putIfAbsent(String.valueOf(keys.get(g)), g);
      if (before != null) {
        throw ValidationException.of("keys", String.valueOf(keys.get(g)),
            "must have distinct labels to be encoded");
      }
    }
    StateCodec.Writer w = StateCodec.writer(STATE_TAG);
    w.count(skipped);
    w.count(keys.size());
    for (Object key : keys) {
      if (key instanceof UnnamedGroup u) {
        w.count(0).count(u.index());
      } else {
        w.count(1).string(String.valueOf(key));
      }
    }
    counts.encode(w, keys.size());
    return w.bytes();
  }

  /**
   * Decodes a state written by {@link #encode}.
   *
   * @param stages the funnel's stages (as given to the encoded accumulator)
   * @param currency the currency of every budget (as given to the encoded accumulator)
   * @param keyFunction the deal's key, as given to the encoded accumulator's factory
   * @param keyParser turns a key's label back into the key ({@code ManagerId::of})
   * @param state the bytes
   * @param <K> the key type
   * @return an accumulator holding the encoded groups and counts
   * @throws ValidationException if the bytes are malformed, of another accumulator or version,
   *     were encoded with other stages or another currency, or two labels parse to one key
   */
  public static <K> CrossStatisticsAccumulator<K> decode(Stages stages, Currency currency,
      Function<? super Deal, ? extends K> keyFunction, Function<String, ? extends K> keyParser,
      byte[] state) {
    Checks.notNull("stages", stages);
    Checks.notNull("currency", currency);
    Checks.notNull("keyFunction", keyFunction);
    Checks.notNull("keyParser", keyParser);
    StateCodec.Reader r = StateCodec.reader(state, STATE_TAG, "state");
    long skipped = r.count("skippedDeals");
    int keyCount = r.size("keys", Math.min(FunnelCounts.MAX_GROUP + 1, r.remaining()));
    List<Object> keys = new ArrayList<>(keyCount);
    for (int g = 0; g < keyCount; g++) {
      long kind = r.count("keys[" + g + "].kind");
      if (kind == 0) {
        keys.add(new UnnamedGroup(r.size("keys[" + g + "].index", FunnelCounts.MAX_GROUP)));
      } else if (kind == 1) {
        String label = r.string("keys[" + g + "]");
        K key = keyParser.apply(label);
        if (key == null) {
          throw r.invalid("keys[" + g + "]", label, "must parse to a key");
        }
        keys.add(key);
      } else {
        throw r.invalid("keys[" + g + "].kind", kind, "must be 0 (unnamed) or 1 (labelled)");
      }
    }
    int[] groups = new int[1];
    FunnelCounts counts = FunnelCounts.decode(r, stages, currency, groups);
    if (groups[0] != keyCount) {
      throw r.invalid("groups", groups[0], "must equal the number of keys " + keyCount);
    }
    r.end();
    CrossStatisticsAccumulator<K> acc = new CrossStatisticsAccumulator<>(stages, currency,
        List.of(), keyFunction);
    for (int g = 0; g < keyCount; g++) {
      if (acc.index.putIfAbsent(keys.get(g), g) != null) {
        throw r.invalid("keys[" + g + "]", String.valueOf(keys.get(g)), "must be unique");
      }
      acc.keys.add(keys.get(g));
    }
    int[] identity = new int[keyCount];
    for (int g = 0; g < keyCount; g++) {
      identity[g] = g;
    }
    acc.counts.mergeFrom(counts, identity);
    acc.skipped = skipped;
    return acc;
  }
}
