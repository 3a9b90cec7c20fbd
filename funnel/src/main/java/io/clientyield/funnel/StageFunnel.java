package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A stage funnel (DOMAIN 2.1): per stage entered, passed, dropped by kind and reason, in
 * progress and won (see {@link FunnelStage} for the counting rules), the stage and cumulative
 * conversions, the weakest stage, and quantitative vs financial conversion.
 *
 * <p><b>Open deals are unfinished, not failed.</b> A stage's {@linkplain
 * FunnelStage#resolvedConversion() resolved conversion} is passed / (passed + dropped at the
 * stage): the deals still in progress there are reported beside it ({@link
 * FunnelStage#inProgress()}) and are not failures. Every comparison uses it: the weakest stage by
 * conversion here, the flags of {@link CrossStatistics}. {@link FunnelStage#conversion()} keeps
 * the entered base (passed / entered, open deals in the denominator) for display funnels only.
 *
 * <p>Conservation: {@code top entered = won + refused + declined + lost unknown + in progress},
 * each summed over all stages ({@link #topEntered()}, {@link #won()}, {@link #refused()},
 * {@link #declined()}, {@link #lostUnknown()}, {@link #inProgress()}); checked on construction.
 *
 * <p>Worked example (DOMAIN 2.1): stages contact, presentation, proposal; 100 entered, 20
 * refused at contact, 79 at presentation, 1 reached the proposal and signed. Entered
 * 100 → 80 → 1; stage conversions 80/100, 1/80, 1/1 (the win passes the last stage); cumulative
 * 0.8, 0.01, 0.01. The weakest step is presentation → proposal both by absolute loss (79) and by
 * stage conversion (1/80).
 *
 * <p>JSON form: {@code {"currency":"EUR","stages":[...],"conversion":{...}}}. Built by the
 * funnel accumulators (no public builder). Immutable and thread-safe.
 *
 * @param currency the currency of every budget
 * @param stages the stages, first to last
 * @param conversion quantitative vs financial conversion over all deals
 */
@JsonPropertyOrder({"currency", "stages", "conversion"})
public record StageFunnel(
    @JsonProperty("currency") Currency currency,
    @JsonProperty("stages") List<FunnelStage> stages,
    @JsonProperty("conversion") ConversionComparison conversion) {

  /** Validates the stage chain and the conservation laws, reporting every violation at once. */
  @JsonCreator
  public StageFunnel {
    Checks.Collector c = Checks.collector();
    if (currency == null) {
      c.add("currency", null, "must not be null");
    }
    if (stages == null) {
      c.add("stages", null, "must not be null");
    }
    if (conversion == null) {
      c.add("conversion", null, "must not be null");
    }
    if (stages != null) {
      c.elementsNotNull("stages", stages);
    }
    c.throwIfAny();
    stages = List.copyOf(stages);
    check(currency, stages, conversion);
  }

  /**
   * Returns a stage by id.
   *
   * @param id the stage id
   * @return the stage
   * @throws ValidationException if there is no such stage
   */
  public FunnelStage stage(String id) {
    return stages().stream().filter(s -> s.stage().equals(id)).findFirst().orElseThrow(() ->
        ValidationException.of("stage", id, "must be one of the stages "
            + stages().stream().map(FunnelStage::stage).toList()));
  }

  /**
   * Returns the deals that entered the top stage (all deals).
   *
   * @return the count
   */
  public long topEntered() {
    return stages().get(0).entered();
  }

  /**
   * Returns the won deals over all stages.
   *
   * @return the count
   */
  public long won() {
    return stages().stream().mapToLong(FunnelStage::won).sum();
  }

  /**
   * Returns the client refusals over all stages.
   *
   * @return the count
   */
  public long refused() {
    return stages().stream().mapToLong(FunnelStage::refused).sum();
  }

  /**
   * Returns our declines over all stages.
   *
   * @return the count
   */
  public long declined() {
    return stages().stream().mapToLong(FunnelStage::declined).sum();
  }

  /**
   * Returns the deals lost by an unknown party over all stages.
   *
   * @return the count
   */
  public long lostUnknown() {
    return stages().stream().mapToLong(FunnelStage::lostUnknown).sum();
  }

  /**
   * Returns the open deals over all stages.
   *
   * @return the count
   */
  public long inProgress() {
    return stages().stream().mapToLong(FunnelStage::inProgress).sum();
  }

  /**
   * Returns the stage that lost the most deals (refused + declined + lost unknown); ties go to the earlier
   * stage.
   *
   * @return the weakest stage, empty when no deal was lost
   */
  public Optional<WeakStage> weakestByLoss() {
    FunnelStage best = null;
    for (FunnelStage s : stages()) {
      if (s.dropped() > 0 && (best == null || s.dropped() > best.dropped())) {
        best = s;
      }
    }
    return Optional.ofNullable(best).map(this::weak);
  }

  /**
   * Returns the stage with the lowest resolved conversion (passed / (passed + dropped)) among
   * the stages where some deal passed or dropped out; ties go to the stage with the larger loss,
   * then the earlier one. Deals still in progress at a stage are not failures: a stage that holds
   * only open deals and passed ones has conversion 1, and a stage where every deal is still open
   * is not compared at all.
   *
   * @return the weakest stage, empty when no deal was resolved at any stage
   */
  public Optional<WeakStage> weakestByConversion() {
    FunnelStage best = null;
    for (FunnelStage s : stages()) {
      if (s.resolved() == 0) {
        continue;
      }
      if (best == null) {
        best = s;
        continue;
      }
      int cmp = compareRatio(s.passed(), s.resolved(), best.passed(), best.resolved());
      if (cmp < 0 || (cmp == 0 && s.dropped() > best.dropped())) {
        best = s;
      }
    }
    return Optional.ofNullable(best).map(this::weak);
  }

  /** Compares a/b with c/d (b, d > 0), exactly while the products fit in a long. */
  private static int compareRatio(long a, long b, long c, long d) {
    try {
      return Long.compare(Math.multiplyExact(a, d), Math.multiplyExact(c, b));
    } catch (ArithmeticException e) {
      return Double.compare((double) a / b, (double) c / d);
    }
  }

  private WeakStage weak(FunnelStage s) {
    Optional<String> next = s.index() + 1 < stages().size()
        ? Optional.of(stages().get(s.index() + 1).stage()) : Optional.empty();
    return new WeakStage(s.stage(), s.index(), next, s.dropped(), s.inProgress(), s.resolvedConversion());
  }

  private static void check(Currency currency, List<FunnelStage> st, ConversionComparison conversion) {
    Checks.Collector c = Checks.collector();
    if (st.isEmpty()) {
      c.add("stages", "[]", "must not be empty");
      c.throwIfAny();
    }
    for (int i = 0; i < st.size(); i++) {
      FunnelStage s = st.get(i);
      if (s.index() != i) {
        c.add("stages[" + i + "].index", s.index(), "must be " + i);
      }
      long nextEntered = i + 1 < st.size() ? st.get(i + 1).entered() : 0;
      if (s.passed() != nextEntered + s.won()) {
        c.add("stages[" + i + "].passed", s.passed(),
            "must equal entered of the next stage + won here (" + (nextEntered + s.won()) + ")");
      }
      if (s.cumulative().trials() != st.get(0).entered()) {
        c.add("stages[" + i + "].cumulative.trials", s.cumulative().trials(),
            "must equal the top entered (" + st.get(0).entered() + ")");
      }
      if (!s.wonBudget().currency().equals(currency)) {
        c.add("stages[" + i + "].wonBudget", s.wonBudget(), "must be in " + currency);
      }
    }
    if (!conversion.wonBudget().currency().equals(currency)) {
      c.add("conversion.wonBudget", conversion.wonBudget(), "must be in " + currency);
    }
    long top = st.get(0).entered();
    long won = 0;
    long lost = 0;
    long lostUnknown = 0;
    long inProgress = 0;
    for (FunnelStage s : st) {
      won += s.won();
      lost += s.refused() + s.declined() + s.lostUnknown();
      lostUnknown += s.lostUnknown();
      inProgress += s.inProgress();
    }
    long sum = won + lost + inProgress;
    if (top != sum) {
      c.add("stages[0].entered", top, "must equal won + refused + declined"
          + (lostUnknown > 0 ? " + lostUnknown" : "") + " + inProgress (" + sum + ")");
    }
    if (conversion.worked() != top || conversion.won() != won || conversion.closed() != won + lost) {
      c.add("conversion", conversion.worked() + "/" + conversion.closed() + "/" + conversion.won(),
          "worked/closed/won must equal the funnel's " + top + "/" + (won + lost) + "/" + won);
    }
    c.throwIfAny();
  }

  /**
   * The counts of one stage of a {@link StageFunnel}.
   *
   * <p>Semantics, for a deal whose furthest stage is {@code s}: it <b>entered</b> stages
   * {@code 0..s}; it <b>passed</b> stages {@code 0..s-1}; if lost it <b>dropped</b> at {@code s}
   * (counted as {@link #refused()}, {@link #declined()} or {@link #lostUnknown()} and by reason);
   * if open it is <b>in progress</b> at {@code s}; if won it is <b>won</b> at {@code s} and also
   * counts as having passed {@code s} (a win completes the funnel from there). Hence, per stage,
   * <pre>
   *   entered = passed + refused + declined + lostUnknown + inProgress
   *   passed  = entered(next stage) + won
   * </pre>
   * <b>Resolved conversion</b> = passed / resolved, where resolved = passed + dropped
   * ({@link #resolvedConversion()}, {@link #resolved()}): the deals still in progress here are not
   * failures, so this is the conversion every comparison, test and learned probability uses.
   * Entered-base (display) conversion = passed / entered ({@link #conversion()}, open deals in the
   * denominator; undefined when nothing entered). Cumulative conversion = passed / entered at the
   * top stage ({@link #cumulative()}).
   *
   * <p>Budgets (list values, in the funnel's currency; deals without a budget contribute
   * nothing): of the deals in progress here, won here and dropped here.
   *
   * <p>JSON form: the components in order; {@code lostUnknown} is omitted when 0 (and
   * read as 0 when absent). Built by the
   * funnel accumulators (no public builder). Immutable and thread-safe.
   *
   * @param stage the stage id
   * @param index the 0-based stage index
   * @param entered the deals that entered this stage
   * @param passed the deals that passed this stage (entered the next one, or were won here)
   * @param inProgress the open deals whose furthest stage is this one
   * @param won the deals won at this stage
   * @param refused the deals the client refused at this stage
   * @param declined the deals we declined at this stage
   * @param lostUnknown the deals lost at this stage by an unknown party
   *     ({@link Outcome.Kind#LOST_UNKNOWN})
   * @param reasons the drops by kind and reason: by kind (refusals, declines, unknown), within a
   *     kind by count, largest first, then by reason (no reason first)
   * @param cumulative passed of the deals that entered the top stage (value empty when none did)
   * @param inProgressBudget the budget of the deals in progress at this stage
   * @param wonBudget the budget of the deals won at this stage
   * @param droppedBudget the budget of the deals dropped at this stage
   */
  @JsonPropertyOrder({"stage", "index", "entered", "passed", "inProgress", "won", "refused", "declined",
      "lostUnknown", "reasons", "cumulative", "inProgressBudget", "wonBudget", "droppedBudget"})
  public record FunnelStage(
      @JsonProperty("stage") String stage,
      @JsonProperty("index") int index,
      @JsonProperty("entered") long entered,
      @JsonProperty("passed") long passed,
      @JsonProperty("inProgress") long inProgress,
      @JsonProperty("won") long won,
      @JsonProperty("refused") long refused,
      @JsonProperty("declined") long declined,
      @JsonProperty("lostUnknown") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          @JsonSetter(nulls = Nulls.AS_EMPTY) long lostUnknown,
      @JsonProperty("reasons") List<ReasonCount> reasons,
      @JsonProperty("cumulative") Proportion cumulative,
      @JsonProperty("inProgressBudget") Money inProgressBudget,
      @JsonProperty("wonBudget") Money wonBudget,
      @JsonProperty("droppedBudget") Money droppedBudget) {

    /** Validates the counts, the reasons and the budgets, reporting every violation at once. */
    @JsonCreator
    public FunnelStage {
      Checks.Collector c = Checks.collector();
      if (stage == null) {
        c.add("stage", null, "must not be null");
      }
      if (reasons == null) {
        c.add("reasons", null, "must not be null");
      }
      if (cumulative == null) {
        c.add("cumulative", null, "must not be null");
      }
      if (inProgressBudget == null) {
        c.add("inProgressBudget", null, "must not be null");
      }
      if (wonBudget == null) {
        c.add("wonBudget", null, "must not be null");
      }
      if (droppedBudget == null) {
        c.add("droppedBudget", null, "must not be null");
      }
      if (reasons != null) {
        c.elementsNotNull("reasons", reasons);
      }
      c.throwIfAny();
      reasons = List.copyOf(reasons);
      if (stage.isBlank()) {
        c.add("stage", "\"" + stage + "\"", "must not be blank");
      }
      if (index < 0) {
        c.add("index", index, "must be >= 0");
      }
      String[] names = {"entered", "passed", "inProgress", "won", "refused", "declined", "lostUnknown"};
      long[] values = {entered, passed, inProgress, won, refused, declined, lostUnknown};
      boolean negative = false;
      for (int i = 0; i < names.length; i++) {
        if (values[i] < 0) {
          c.add(names[i], values[i], "must be >= 0");
          negative = true;
        }
      }
      if (!negative) {
        long sum = passed + refused + declined + lostUnknown + inProgress;
        if (entered != sum) {
          c.add("entered", entered, "must equal passed + refused + declined"
              + (lostUnknown > 0 ? " + lostUnknown" : "") + " + inProgress (" + sum + ") at stage " + stage);
        }
      }
      if (won > passed) {
        c.add("won", won, "must be <= passed (" + passed + ")");
      }
      long[] byKind = new long[Outcome.Kind.values().length];
      for (ReasonCount r : reasons) {
        byKind[r.kind().ordinal()] += r.count();
      }
      if (byKind[Outcome.Kind.CLIENT_REFUSED.ordinal()] != refused) {
        c.add("reasons", byKind[Outcome.Kind.CLIENT_REFUSED.ordinal()],
            "CLIENT_REFUSED counts must sum to refused (" + refused + ")");
      }
      if (byKind[Outcome.Kind.WE_DECLINED.ordinal()] != declined) {
        c.add("reasons", byKind[Outcome.Kind.WE_DECLINED.ordinal()],
            "WE_DECLINED counts must sum to declined (" + declined + ")");
      }
      if (byKind[Outcome.Kind.LOST_UNKNOWN.ordinal()] != lostUnknown) {
        c.add("reasons", byKind[Outcome.Kind.LOST_UNKNOWN.ordinal()],
            "LOST_UNKNOWN counts must sum to lostUnknown (" + lostUnknown + ")");
      }
      if (cumulative.successes() != passed) {
        c.add("cumulative.successes", cumulative.successes(), "must equal passed (" + passed + ")");
      }
      if (!inProgressBudget.currency().equals(wonBudget.currency())
          || !droppedBudget.currency().equals(wonBudget.currency())) {
        c.add("budgets", inProgressBudget.currency() + "/" + wonBudget.currency() + "/"
            + droppedBudget.currency(), "must share one currency");
      }
      c.throwIfAny();
    }

    /**
     * Returns the deals dropped at this stage: {@code refused + declined + lostUnknown}.
     *
     * @return the count
     */
    public long dropped() {
      return refused + declined + lostUnknown;
    }

    /**
     * Returns the entered-base stage conversion, passed of entered, for display funnels: deals
     * still in progress at the stage are in its denominator. Comparisons use
     * {@link #resolvedConversion()}. Its value is empty when nothing entered.
     *
     * @return the proportion
     */
    public Proportion conversion() {
      return Proportion.of(passed, entered);
    }

    /**
     * Returns the deals resolved at this stage: those that passed it or dropped out at it,
     * {@code passed + dropped = entered − inProgress}.
     *
     * @return the count
     */
    public long resolved() {
      return passed + dropped();
    }

    /**
     * Returns the resolved conversion, passed of resolved ({@code passed / (passed + dropped)}):
     * the deals still in progress at the stage ({@link #inProgress()}) are left out, never counted
     * as failures. Adding open deals at this stage leaves it unchanged. Its value is empty when no
     * deal was resolved here. Example (DOMAIN 2.1): 80 passed the contact stage and 20 dropped
     * there, with 5 more still in contact: 80 / 100 (the entered base would give 80 / 105).
     *
     * @return the proportion
     */
    public Proportion resolvedConversion() {
      return Proportion.of(passed, resolved());
    }

    /**
     * Returns the drops of one kind, as listed in {@link #reasons()}.
     *
     * @param kind the loss kind
     * @return the reason counts of that kind, largest first
     */
    public List<ReasonCount> reasons(Outcome.Kind kind) {
      Checks.notNull("kind", kind);
      return reasons.stream().filter(r -> r.kind() == kind).toList();
    }

    /**
     * Returns the count for one kind and reason.
     *
     * @param kind the loss kind
     * @param reason the reason code, or empty for losses without a reason
     * @return the count (0 if none)
     */
    public long dropped(Outcome.Kind kind, Optional<String> reason) {
      Checks.notNull("kind", kind);
      Checks.notNull("reason", reason);
      return reasons.stream().filter(r -> r.kind() == kind && r.reason().equals(reason))
          .mapToLong(ReasonCount::count).sum();
    }

    /**
     * The deals lost at one stage for one loss kind and reason, with their shares of the stage's
     * drops: {@code shareOfDrops = count / (refused + declined at the stage)} and
     * {@code shareOfKind = count / (drops of this kind at the stage)}, both in {@code (0, 1]}.
     *
     * <p>A loss recorded without a reason has an empty {@link #reason()}. JSON form:
     * {@code {"kind":"CLIENT_REFUSED","reason":"price","count":60,"shareOfDrops":0.75,"shareOfKind":0.8}}
     * ({@code reason} omitted when absent). Immutable and thread-safe.
     *
     * @param kind the loss kind ({@link Outcome.Kind#CLIENT_REFUSED}, {@link Outcome.Kind#WE_DECLINED} or
     *     {@link Outcome.Kind#LOST_UNKNOWN})
     * @param reason the reason code, if any
     * @param count the number of deals, {@code > 0}
     * @param shareOfDrops the share of all the stage's drops, in {@code (0, 1]}
     * @param shareOfKind the share of the stage's drops of this kind, in {@code (0, 1]}
     */
    @JsonPropertyOrder({"kind", "reason", "count", "shareOfDrops", "shareOfKind"})
    public record ReasonCount(
        @JsonProperty("kind") Outcome.Kind kind,
        @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason,
        @JsonProperty("count") long count,
        @JsonProperty("shareOfDrops") double shareOfDrops,
        @JsonProperty("shareOfKind") double shareOfKind) {

      /** Validates the components (see the record description). */
      public ReasonCount {
        Checks.Collector c = Checks.collector();
        if (kind == null || !kind.isLoss()) {
          c.add("kind", kind, "must be a loss kind (CLIENT_REFUSED, WE_DECLINED or LOST_UNKNOWN)");
        }
        reason = reason == null ? Optional.empty() : reason;
        if (count <= 0) {
          c.add("count", count, "must be > 0");
        }
        if (!(shareOfDrops > 0 && shareOfDrops <= 1)) {
          c.add("shareOfDrops", shareOfDrops, "must be within (0, 1]");
        }
        if (!(shareOfKind > 0 && shareOfKind <= 1)) {
          c.add("shareOfKind", shareOfKind, "must be within (0, 1]");
        } else if (shareOfDrops > shareOfKind) {
          c.add("shareOfDrops", shareOfDrops, "must be <= shareOfKind (" + Checks.render(shareOfKind) + ")");
        }
        c.throwIfAny();
      }

      /**
       * Creates the count.
       *
       * @param kind the loss kind
       * @param reason the reason code, if any
       * @param count the number of deals
       * @param shareOfDrops the share of all the stage's drops
       * @param shareOfKind the share of the stage's drops of this kind
       * @return the count
       */
      @JsonCreator
      public static ReasonCount of(
          @JsonProperty("kind") Outcome.Kind kind,
          @JsonProperty("reason") Optional<String> reason,
          @JsonProperty("count") long count,
          @JsonProperty("shareOfDrops") double shareOfDrops,
          @JsonProperty("shareOfKind") double shareOfKind) {
        return new ReasonCount(kind, reason, count, shareOfDrops, shareOfKind);
      }
    }
  }

  /**
   * The weakest step of a funnel: the stage where deals were lost ({@link #stage()}, the furthest
   * stage those deals reached) and the stage they failed to reach ({@link #nextStage()}, empty for
   * the last stage). In the DOMAIN 2.1 example (100 → 80 → 1) it is {@code presentation} with next
   * stage {@code proposal}: the step into the proposal loses 79 of 80.
   *
   * <p>{@link #resolvedConversion()} is passed of the deals resolved at the stage (passed +
   * lost); the deals still open there are reported in {@link #inProgress()} and are not failures.
   *
   * <p>JSON form:
   * {@code {"stage":"presentation","index":1,"nextStage":"proposal","lost":79,"inProgress":0,
   * "resolvedConversion":{"successes":1,"trials":80}}}. Immutable and thread-safe.
   *
   * @param stage the stage id where the deals were dropped
   * @param index its 0-based index
   * @param nextStage the following stage id, empty for the last stage
   * @param lost the deals dropped at the stage (refused + declined + lost unknown)
   * @param inProgress the deals still open at the stage (not failures)
   * @param resolvedConversion the resolved stage conversion: passed (successes) of passed + lost
   *     (trials)
   */
  @JsonPropertyOrder({"stage", "index", "nextStage", "lost", "inProgress", "resolvedConversion"})
  public record WeakStage(
      @JsonProperty("stage") String stage,
      @JsonProperty("index") int index,
      @JsonProperty("nextStage") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> nextStage,
      @JsonProperty("lost") long lost,
      @JsonProperty("inProgress") long inProgress,
      @JsonProperty("resolvedConversion") Proportion resolvedConversion) {

    /** Validates the components (see the record description). */
    public WeakStage {
      Checks.notBlank("stage", stage);
      Checks.nonNegative("index", index);
      nextStage = nextStage == null ? Optional.empty() : nextStage;
      Checks.nonNegative("lost", lost);
      Checks.nonNegative("inProgress", inProgress);
      Checks.notNull("resolvedConversion", resolvedConversion);
      if (resolvedConversion.trials() - resolvedConversion.successes() != lost) {
        throw ValidationException.of("lost", lost, "must equal resolvedConversion trials − successes ("
            + (resolvedConversion.trials() - resolvedConversion.successes()) + ")");
      }
    }

    /**
     * Creates the weak stage.
     *
     * @param stage the stage id
     * @param index its index
     * @param nextStage the next stage id, if any
     * @param lost the deals dropped at the stage
     * @param inProgress the deals still open at the stage
     * @param resolvedConversion passed of passed + lost
     * @return the weak stage
     */
    @JsonCreator
    public static WeakStage of(
        @JsonProperty("stage") String stage,
        @JsonProperty("index") int index,
        @JsonProperty("nextStage") Optional<String> nextStage,
        @JsonProperty("lost") long lost,
        @JsonProperty("inProgress") long inProgress,
        @JsonProperty("resolvedConversion") Proportion resolvedConversion) {
      return new WeakStage(stage, index, nextStage, lost, inProgress, resolvedConversion);
    }

    /**
     * Returns the entered-base conversion of the stage for display: passed of entered
     * ({@code passed + lost + inProgress}), open deals in the denominator.
     *
     * @return the proportion
     */
    public Proportion conversion() {
      return Proportion.of(resolvedConversion.successes(), resolvedConversion.trials() + inProgress);
    }
  }
}
