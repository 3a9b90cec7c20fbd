package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A planned deal of a sales plan: a client, the period, the planner, the responsible manager and
 * the budget history (plan, refinements, contracted value, executed value).
 *
 * <p>The history is append-only: {@link #refine}, {@link #contract} and {@link #execute} return a
 * new value with one more version and never change this one. Rules (checked on every creation):
 * the first version is the {@link BudgetStep#PLAN} and the only one; steps never go backwards
 * (PLAN, REFINED*, ACTUAL?, EXECUTED?); at most one ACTUAL and one EXECUTED; timestamps are
 * non-decreasing; all amounts share one currency.
 *
 * <p>JSON: {@code {"client":"c1","period":{...},"planner":"ann","manager":"m1",
 * "history":[{"step":"PLAN","at":"...","amount":...}, ...]}} (the planner and the manager are
 * typed ids written as bare strings).
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the planned client
 * @param period the period the deal is planned for
 * @param planner who set the plan
 * @param manager the responsible manager
 * @param history the budget versions, oldest first
 */
@JsonPropertyOrder({"client", "period", "planner", "manager", "history"})
public record PlannedDeal(
    @JsonProperty("client") ClientId client,
    @JsonProperty("period") ReportingPeriod period,
    @JsonProperty("planner") ManagerId planner,
    @JsonProperty("manager") ManagerId manager,
    @JsonProperty("history") List<BudgetVersion> history) {

  /** Validates the fields and the history, naming every violated rule together. */
  @JsonCreator
  public PlannedDeal {
    Checks.Collector c = Checks.collector();
    if (client == null) {
      c.add("client", null, "must not be null");
    }
    if (period == null) {
      c.add("period", null, "must not be null");
    }
    if (planner == null) {
      c.add("planner", null, "must not be null");
    }
    if (manager == null) {
      c.add("manager", null, "must not be null");
    }
    if (history == null || history.isEmpty()) {
      c.add("history", history, "must not be empty");
    } else {
      if (c.elementsNotNull("history", history)) {
        history = List.copyOf(history);
        checkHistory(history, c);
      }
    }
    c.throwIfAny();
  }

  private static void checkHistory(List<BudgetVersion> history, Checks.Collector c) {
    BudgetVersion first = history.get(0);
    if (first.step() != BudgetStep.PLAN) {
      c.add("history[0].step", first.step(), "must be PLAN");
    }
    for (int i = 1; i < history.size(); i++) {
      BudgetVersion prev = history.get(i - 1);
      BudgetVersion cur = history.get(i);
      String f = "history[" + i + "]";
      if (cur.step() == BudgetStep.PLAN) {
        c.add(f + ".step", cur.step(), "PLAN must be the first version only");
      } else if (cur.step().ordinal() < prev.step().ordinal()) {
        c.add(f + ".step", cur.step(), "must not come after " + prev.step());
      } else if (cur.step() == prev.step() && cur.step() != BudgetStep.REFINED) {
        c.add(f + ".step", cur.step(), "must occur at most once");
      }
      if (cur.at().isBefore(prev.at())) {
        c.add(f + ".at", cur.at(), "must not be before " + prev.at());
      }
      if (!cur.amount().currency().equals(first.amount().currency())) {
        c.add(f + ".amount", cur.amount(), "must be in " + first.amount().currency());
      }
    }
  }

  /**
   * Creates a planned deal with only its plan.
   *
   * @param client the client
   * @param period the period
   * @param planner the planner
   * @param manager the manager
   * @param at when the plan was set
   * @param plannedBudget the planned budget ({@code >= 0})
   * @return the planned deal
   */
  public static PlannedDeal plan(
      ClientId client,
      ReportingPeriod period,
      ManagerId planner,
      ManagerId manager,
      Instant at,
      Money plannedBudget) {
    return new PlannedDeal(
        client, period, planner, manager, List.of(BudgetVersion.of(BudgetStep.PLAN, at, plannedBudget)));
  }

  /**
   * Returns a new deal with a refinement appended.
   *
   * @param at when (not before the last version)
   * @param amount the refined budget
   * @return the new value; this one is unchanged
   * @throws ValidationException if out of order or after the contract or execution
   */
  public PlannedDeal refine(Instant at, Money amount) {
    return append(BudgetStep.REFINED, at, amount);
  }

  /**
   * Returns a new deal with the contracted (actual) value appended.
   *
   * @param at when (not before the last version)
   * @param amount the contracted value
   * @return the new value
   * @throws ValidationException if out of order, already contracted or already executed
   */
  public PlannedDeal contract(Instant at, Money amount) {
    return append(BudgetStep.ACTUAL, at, amount);
  }

  /**
   * Returns a new deal with the executed value appended.
   *
   * @param at when (not before the last version)
   * @param amount the executed value
   * @return the new value
   * @throws ValidationException if out of order or already executed
   */
  public PlannedDeal execute(Instant at, Money amount) {
    return append(BudgetStep.EXECUTED, at, amount);
  }

  private PlannedDeal append(BudgetStep step, Instant at, Money amount) {
    List<BudgetVersion> next = new ArrayList<>(history.size() + 1);
    next.addAll(history);
    next.add(BudgetVersion.of(step, at, amount));
    return new PlannedDeal(client, period, planner, manager, next);
  }

  /**
   * Returns the planned budget (the PLAN version).
   *
   * @return the planned budget
   */
  @JsonIgnore
  public Money plannedBudget() {
    return history.get(0).amount();
  }

  /**
   * Returns the latest version.
   *
   * @return the latest version
   */
  @JsonIgnore
  public BudgetVersion latest() {
    return history.get(history.size() - 1);
  }

  /**
   * Returns the value at a step: the last version of that step, or empty if the deal has not
   * reached it.
   *
   * @param step the step
   * @return the amount, or empty
   */
  public Optional<Money> valueAt(BudgetStep step) {
    Checks.notNull("step", step);
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).step() == step) {
        return Optional.of(history.get(i).amount());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the value carried to a step: the value at the step, or, if the deal has not reached
   * it, the latest value of an earlier step (a plan not yet refined is carried as refined).
   *
   * @param step the step
   * @return the latest amount at or before the step
   */
  public Money valueThrough(BudgetStep step) {
    Checks.notNull("step", step);
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).step().ordinal() <= step.ordinal()) {
        return history.get(i).amount();
      }
    }
    return plannedBudget();
  }

  /**
   * One version of a planned budget: which step produced it, when, and the amount.
   *
   * <p>JSON: {@code {"step":"PLAN","at":"2026-08-01T00:00:00Z","amount":{...}}}. Immutable and
   * thread-safe.
   *
   * @param step the step that produced this version
   * @param at when the version was recorded
   * @param amount the budget (must be {@code >= 0})
   */
  @JsonPropertyOrder({"step", "at", "amount"})
  public record BudgetVersion(
      @JsonProperty("step") BudgetStep step,
      @JsonProperty("at") Instant at,
      @JsonProperty("amount") Money amount) {

    /** Validates: every field present, the amount {@code >= 0}; all violations together. */
    @JsonCreator
    public BudgetVersion {
      Checks.Collector c = Checks.collector();
      if (step == null) {
        c.add("step", null, "must not be null");
      }
      if (at == null) {
        c.add("at", null, "must not be null");
      }
      if (amount == null) {
        c.add("amount", null, "must not be null");
      } else if (amount.isNegative()) {
        c.add("amount", amount, "must be >= 0");
      }
      c.throwIfAny();
    }

    /**
     * Creates a version.
     *
     * @param step the step
     * @param at the time
     * @param amount the budget
     * @return the version
     * @throws ValidationException if a field is null or the amount is negative
     */
    public static BudgetVersion of(BudgetStep step, Instant at, Money amount) {
      return new BudgetVersion(step, at, amount);
    }
  }
}
