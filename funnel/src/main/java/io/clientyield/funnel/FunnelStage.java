package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.internal.Checks;
import java.util.List;
import java.util.Optional;

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
 * Stage conversion = passed / entered ({@link #conversion()}, undefined when nothing entered).
 * Cumulative conversion = passed / entered at the top stage ({@link #cumulative()}).
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
   * Returns the stage conversion, passed of entered; its value is empty when nothing entered.
   *
   * @return the proportion
   */
  public Proportion conversion() {
    return Proportion.of(passed, entered);
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
}
