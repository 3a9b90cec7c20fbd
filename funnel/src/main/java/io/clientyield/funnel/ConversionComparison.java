package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Quantitative and financial (budget-weighted) conversion side by side (DOMAIN 2.3).
 *
 * <ul>
 *   <li>{@link #quantitative()} = won deals / worked deals, where <i>worked</i> = every deal that
 *       entered the top of the funnel (open ones included): 3 contracts of 100 clients = 3 %.
 *   <li>{@link #quantitativeClosed()} = won deals / closed deals (won + refused + declined), the
 *       variant that ignores deals still open.
 *   <li>{@link #financial()} = won budget / worked budget; {@link #financialClosed()} = won
 *       budget / closed budget. Deals without a budget are counted in
 *       {@link #dealsWithoutBudget()} and left out of both budget sums (they are still in the
 *       quantitative counts). Undefined (empty) when the denominator budget is zero.
 * </ul>
 * All ratios lie in {@code [0, 1]}. A manager at 3 % can bring more money than one at 15 %: the
 * two are meant to be read together.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConversionComparison.class)
@JsonDeserialize(as = ImmutableConversionComparison.class)
@JsonPropertyOrder({"worked", "closed", "won", "dealsWithoutBudget", "workedBudget", "closedBudget",
    "wonBudget"})
public abstract class ConversionComparison {

  ConversionComparison() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConversionComparison}. */
  public static final class Builder extends ImmutableConversionComparison.Builder {
    Builder() {}
  }

  /**
   * Returns the worked deals (every deal counted, open or closed).
   *
   * @return the count
   */
  public abstract long worked();

  /**
   * Returns the closed deals (won, refused or declined).
   *
   * @return the count
   */
  public abstract long closed();

  /**
   * Returns the won deals.
   *
   * @return the count
   */
  public abstract long won();

  /**
   * Returns the deals without a budget (left out of the budget sums).
   *
   * @return the count
   */
  public abstract long dealsWithoutBudget();

  /**
   * Returns the budget of all worked deals that have one.
   *
   * @return the sum
   */
  public abstract Money workedBudget();

  /**
   * Returns the budget of the closed deals that have one.
   *
   * @return the sum
   */
  public abstract Money closedBudget();

  /**
   * Returns the budget of the won deals that have one.
   *
   * @return the sum
   */
  public abstract Money wonBudget();

  /**
   * Returns won of worked deals.
   *
   * @return the proportion (value empty without deals)
   */
  public Proportion quantitative() {
    return Proportion.of(won(), worked());
  }

  /**
   * Returns won of closed deals.
   *
   * @return the proportion (value empty without closed deals)
   */
  public Proportion quantitativeClosed() {
    return Proportion.of(won(), closed());
  }

  /**
   * Returns won budget / worked budget in {@code [0, 1]}.
   *
   * @return the ratio, empty when the worked budget is zero
   */
  public OptionalDouble financial() {
    return wonBudget().ratioTo(workedBudget());
  }

  /**
   * Returns won budget / closed budget in {@code [0, 1]}.
   *
   * @return the ratio, empty when the closed budget is zero
   */
  public OptionalDouble financialClosed() {
    return wonBudget().ratioTo(closedBudget());
  }

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    if (won() < 0) {
      c.add("won", won(), "must be >= 0");
    }
    if (closed() < won()) {
      c.add("closed", closed(), "must be >= won (" + won() + ")");
    }
    if (worked() < closed()) {
      c.add("worked", worked(), "must be >= closed (" + closed() + ")");
    }
    if (dealsWithoutBudget() < 0 || dealsWithoutBudget() > worked()) {
      c.add("dealsWithoutBudget", dealsWithoutBudget(), "must be within [0, worked (" + worked() + ")]");
    }
    if (!workedBudget().currency().equals(wonBudget().currency())
        || !closedBudget().currency().equals(wonBudget().currency())) {
      c.add("budgets", workedBudget().currency() + "/" + closedBudget().currency() + "/"
          + wonBudget().currency(), "must share one currency");
    } else {
      if (wonBudget().isNegative()) {
        c.add("wonBudget", wonBudget(), "must be >= 0");
      }
      if (closedBudget().compareTo(wonBudget()) < 0) {
        c.add("closedBudget", closedBudget(), "must be >= wonBudget (" + wonBudget() + ")");
      }
      if (workedBudget().compareTo(closedBudget()) < 0) {
        c.add("workedBudget", workedBudget(), "must be >= closedBudget (" + closedBudget() + ")");
      }
    }
    c.throwIfAny();
  }
}
