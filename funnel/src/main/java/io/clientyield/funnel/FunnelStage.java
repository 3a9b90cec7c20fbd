package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The counts of one stage of a {@link StageFunnel}.
 *
 * <p>Semantics, for a deal whose furthest stage is {@code s}: it <b>entered</b> stages
 * {@code 0..s}; it <b>passed</b> stages {@code 0..s-1}; if lost it <b>dropped</b> at {@code s}
 * (counted as {@link #refused()} or {@link #declined()} and by reason); if open it is
 * <b>in progress</b> at {@code s}; if won it is <b>won</b> at {@code s} and also counts as having
 * passed {@code s} (a win completes the funnel from there). Hence, per stage,
 * <pre>
 *   entered = passed + refused + declined + inProgress
 *   passed  = entered(next stage) + won
 * </pre>
 * Stage conversion = passed / entered ({@link #conversion()}, undefined when nothing entered).
 * Cumulative conversion = passed / entered at the top stage ({@link #cumulative()}).
 *
 * <p>Budgets (in the funnel's currency, deals without a budget contribute nothing): of the deals
 * in progress here, won here and dropped here.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFunnelStage.class)
@JsonDeserialize(as = ImmutableFunnelStage.class)
@JsonPropertyOrder({"stage", "index", "entered", "passed", "inProgress", "won", "refused", "declined",
    "reasons", "cumulative", "inProgressBudget", "wonBudget", "droppedBudget"})
public abstract class FunnelStage {

  FunnelStage() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FunnelStage}. */
  public static final class Builder extends ImmutableFunnelStage.Builder {
    Builder() {}
  }

  /**
   * Returns the stage id.
   *
   * @return the id
   */
  public abstract String stage();

  /**
   * Returns the 0-based stage index.
   *
   * @return the index
   */
  public abstract int index();

  /**
   * Returns the deals that entered this stage.
   *
   * @return the count
   */
  public abstract long entered();

  /**
   * Returns the deals that passed this stage (entered the next one, or were won here).
   *
   * @return the count
   */
  public abstract long passed();

  /**
   * Returns the open deals whose furthest stage is this one.
   *
   * @return the count
   */
  public abstract long inProgress();

  /**
   * Returns the deals won at this stage.
   *
   * @return the count
   */
  public abstract long won();

  /**
   * Returns the deals the client refused at this stage.
   *
   * @return the count
   */
  public abstract long refused();

  /**
   * Returns the deals we declined at this stage.
   *
   * @return the count
   */
  public abstract long declined();

  /**
   * Returns the drops by kind and reason: refusals first, then declines; within a kind by count,
   * largest first, then by reason (no reason first).
   *
   * @return the reason counts
   */
  public abstract List<ReasonCount> reasons();

  /**
   * Returns the cumulative conversion: passed of the deals that entered the top stage.
   *
   * @return the proportion; its value is empty when no deal entered the top
   */
  public abstract Proportion cumulative();

  /**
   * Returns the budget of the deals in progress at this stage.
   *
   * @return the sum
   */
  public abstract Money inProgressBudget();

  /**
   * Returns the budget of the deals won at this stage.
   *
   * @return the sum
   */
  public abstract Money wonBudget();

  /**
   * Returns the budget of the deals dropped at this stage.
   *
   * @return the sum
   */
  public abstract Money droppedBudget();

  /**
   * Returns the deals dropped at this stage: {@code refused + declined}.
   *
   * @return the count
   */
  public long dropped() {
    return refused() + declined();
  }

  /**
   * Returns the stage conversion, passed of entered; its value is empty when nothing entered.
   *
   * @return the proportion
   */
  public Proportion conversion() {
    return Proportion.of(passed(), entered());
  }

  /**
   * Returns the drops of one kind, as listed in {@link #reasons()}.
   *
   * @param kind the loss kind
   * @return the reason counts of that kind, largest first
   */
  public List<ReasonCount> reasons(Outcome.Kind kind) {
    Checks.notNull("kind", kind);
    return reasons().stream().filter(r -> r.kind() == kind).toList();
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
    return reasons().stream().filter(r -> r.kind() == kind && r.reason().equals(reason))
        .mapToLong(ReasonCount::count).sum();
  }

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    if (stage().isBlank()) {
      c.add("stage", "\"" + stage() + "\"", "must not be blank");
    }
    if (index() < 0) {
      c.add("index", index(), "must be >= 0");
    }
    String[] names = {"entered", "passed", "inProgress", "won", "refused", "declined"};
    long[] values = {entered(), passed(), inProgress(), won(), refused(), declined()};
    for (int i = 0; i < names.length; i++) {
      if (values[i] < 0) {
        c.add(names[i], values[i], "must be >= 0");
      }
    }
    if (entered() != passed() + refused() + declined() + inProgress()) {
      c.add("entered", entered(), "must equal passed + refused + declined + inProgress ("
          + (passed() + refused() + declined() + inProgress()) + ") at stage " + stage());
    }
    if (won() > passed()) {
      c.add("won", won(), "must be <= passed (" + passed() + ")");
    }
    long refusedByReason = reasons().stream().filter(r -> r.kind() == Outcome.Kind.CLIENT_REFUSED)
        .mapToLong(ReasonCount::count).sum();
    long declinedByReason = reasons().stream().filter(r -> r.kind() == Outcome.Kind.WE_DECLINED)
        .mapToLong(ReasonCount::count).sum();
    if (refusedByReason != refused()) {
      c.add("reasons", refusedByReason, "CLIENT_REFUSED counts must sum to refused (" + refused() + ")");
    }
    if (declinedByReason != declined()) {
      c.add("reasons", declinedByReason, "WE_DECLINED counts must sum to declined (" + declined() + ")");
    }
    if (cumulative().successes() != passed()) {
      c.add("cumulative.successes", cumulative().successes(), "must equal passed (" + passed() + ")");
    }
    if (!inProgressBudget().currency().equals(wonBudget().currency())
        || !droppedBudget().currency().equals(wonBudget().currency())) {
      c.add("budgets", inProgressBudget().currency() + "/" + wonBudget().currency() + "/"
          + droppedBudget().currency(), "must share one currency");
    }
    c.throwIfAny();
  }
}
