package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Proportion;
import java.util.OptionalDouble;
import java.util.Optional;

/**
 * Quantitative and financial (budget-weighted) conversion side by side (DOMAIN 2.3).
 *
 * <ul>
 *   <li>{@link #quantitative()} = won deals / worked deals, where <i>worked</i> = every deal that
 *       entered the top of the funnel (open ones included): 3 contracts of 100 clients = 3 %.
 *   <li>{@link #quantitativeClosed()} = won deals / closed deals (won + refused + declined +
 *       lost unknown): the <b>resolved-deal</b> conversion, which ignores the deals still open
 *       ({@link #inProgress()}; they are unfinished, not failed, DOMAIN 2.1). Compare groups
 *       with it (and with {@link #financialClosed()}); {@link #quantitative()} keeps the entered
 *       base of DOMAIN 2.3 for display, labelled as such.
 *   <li>{@link #financial()} = won budget / worked budget; {@link #financialClosed()} = won
 *       budget / closed budget. Deals without a budget are counted in
 *       {@link #dealsWithoutBudget()} and left out of both budget sums (they are still in the
 *       quantitative counts). Undefined (empty) when the denominator budget is zero.
 *   <li>Budgets are list (asked) values. Won deals that also carry a contracted value
 *       ({@link Deal#contractedValue()}) are summarized in {@link #priceRealization()};
 *       {@link #wonValue()} counts each won deal at its contracted value when it has one, else at
 *       its list value, and {@link #financialClosedContracted()} = won value / closed list
 *       value. Example: closed deals listed at EUR 20 000.00, of which one listed at
 *       EUR 10 000.00 was won and contracted at EUR 9 000.00: financial closed 0.5, won value
 *       EUR 9 000.00, contracted of closed 0.45, realization 0.9.
 * </ul>
 * All ratios lie in {@code [0, 1]}. A manager at 3 % can bring more money than one at 15 %: the
 * two are meant to be read together.
 *
 * <p>JSON form: the components in order; {@code priceRealization} is omitted when no won deal
 * carries a contracted value. Built by the funnel accumulators (no public builder). Immutable and
 * thread-safe.
 *
 * @param worked the worked deals (every deal counted, open or closed)
 * @param closed the closed deals (won or lost)
 * @param won the won deals
 * @param dealsWithoutBudget the deals without a budget (left out of the budget sums)
 * @param workedBudget the budget of all worked deals that have one
 * @param closedBudget the budget of the closed deals that have one
 * @param wonBudget the budget (list value) of the won deals that have one
 * @param priceRealization the won deals with a contracted value, empty when there is none
 */
@JsonPropertyOrder({"worked", "closed", "won", "dealsWithoutBudget", "workedBudget", "closedBudget",
    "wonBudget", "priceRealization"})
public record ConversionComparison(
    @JsonProperty("worked") long worked,
    @JsonProperty("closed") long closed,
    @JsonProperty("won") long won,
    @JsonProperty("dealsWithoutBudget") long dealsWithoutBudget,
    @JsonProperty("workedBudget") Money workedBudget,
    @JsonProperty("closedBudget") Money closedBudget,
    @JsonProperty("wonBudget") Money wonBudget,
    @JsonProperty("priceRealization") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<PriceRealization> priceRealization) {

  /** Validates the counts, the budget chain and the currencies, reporting every violation at once. */
  @JsonCreator
  public ConversionComparison {
    priceRealization = priceRealization == null ? Optional.empty() : priceRealization;
    Checks.Collector c = Checks.collector();
    if (workedBudget == null) {
      c.add("workedBudget", null, "must not be null");
    }
    if (closedBudget == null) {
      c.add("closedBudget", null, "must not be null");
    }
    if (wonBudget == null) {
      c.add("wonBudget", null, "must not be null");
    }
    c.throwIfAny();
    if (won < 0) {
      c.add("won", won, "must be >= 0");
    }
    if (closed < won) {
      c.add("closed", closed, "must be >= won (" + won + ")");
    }
    if (worked < closed) {
      c.add("worked", worked, "must be >= closed (" + closed + ")");
    }
    if (dealsWithoutBudget < 0 || dealsWithoutBudget > worked) {
      c.add("dealsWithoutBudget", dealsWithoutBudget, "must be within [0, worked (" + worked + ")]");
    }
    if (!workedBudget.currency().equals(wonBudget.currency())
        || !closedBudget.currency().equals(wonBudget.currency())) {
      c.add("budgets", workedBudget.currency() + "/" + closedBudget.currency() + "/"
          + wonBudget.currency(), "must share one currency");
    } else {
      if (wonBudget.isNegative()) {
        c.add("wonBudget", wonBudget, "must be >= 0");
      }
      if (closedBudget.compareTo(wonBudget) < 0) {
        c.add("closedBudget", closedBudget, "must be >= wonBudget (" + wonBudget + ")");
      }
      if (workedBudget.compareTo(closedBudget) < 0) {
        c.add("workedBudget", workedBudget, "must be >= closedBudget (" + closedBudget + ")");
      }
    }
    if (priceRealization.isPresent()) {
      PriceRealization r = priceRealization.get();
      if (r.deals() > won) {
        c.add("priceRealization.deals", r.deals(), "must be <= won (" + won + ")");
      }
      if (c.sameCurrency("priceRealization.list", r.list(), "wonBudget", wonBudget)
          && r.list().compareTo(wonBudget) > 0) {
        c.add("priceRealization.list", r.list(), "must be <= wonBudget (" + wonBudget + ")");
      }
    }
    c.throwIfAny();
  }

  /**
   * Returns won of worked deals: the entered base of DOMAIN 2.3 (3 contracts of 100 clients =
   * 3 %), with the deals still open in the denominator; for display. Comparisons use
   * {@link #quantitativeClosed()}.
   *
   * @return the proportion (value empty without deals)
   */
  public Proportion quantitative() {
    return Proportion.of(won, worked);
  }

  /**
   * Returns won of closed deals: the resolved-deal conversion, unchanged by adding open deals.
   *
   * @return the proportion (value empty without closed deals)
   */
  public Proportion quantitativeClosed() {
    return Proportion.of(won, closed);
  }

  /**
   * Returns the resolved-deal conversion, won of closed deals (the same value as
   * {@link #quantitativeClosed()}, named as in the funnel's stages).
   *
   * @return the proportion (value empty without closed deals)
   */
  public Proportion resolvedConversion() {
    return quantitativeClosed();
  }

  /**
   * Returns the deals still open: {@code worked − closed}. They are unfinished, not failed, and
   * are left out of every resolved-deal ratio.
   *
   * @return the count
   */
  public long inProgress() {
    return worked - closed;
  }

  /**
   * Returns won budget / worked budget in {@code [0, 1]}.
   *
   * @return the ratio, empty when the worked budget is zero
   */
  public OptionalDouble financial() {
    return wonBudget.ratioTo(workedBudget);
  }

  /**
   * Returns won budget / closed budget in {@code [0, 1]}.
   *
   * @return the ratio, empty when the closed budget is zero
   */
  public OptionalDouble financialClosed() {
    return wonBudget.ratioTo(closedBudget);
  }

  /**
   * Returns the value of the won deals that have a budget: each at its contracted value when it
   * has one, else at its list value ({@code wonBudget − realization list + realization
   * contracted}).
   *
   * @return the won value
   */
  public Money wonValue() {
    return priceRealization.map(r -> wonBudget.minus(r.list()).plus(r.contracted())).orElse(wonBudget);
  }

  /**
   * Returns won value / closed list value: the won contract value ({@link #wonValue()}) of the
   * closed deals' asked value. May exceed 1 when deals closed above list.
   *
   * @return the ratio, empty when the closed budget is zero
   */
  public OptionalDouble financialClosedContracted() {
    return wonValue().ratioTo(closedBudget);
  }

  /**
   * Price realization of the won deals that carry a contracted value beside their list value
   * ({@link Deal#contractedValue()}): how much of the asked price the contracts realized,
   * <pre>
   *   realization = Σ contracted value / Σ list value   (over those won deals)
   * </pre>
   * Example: won deals listed at EUR 10 000.00 and EUR 5 000.00, contracted at EUR 9 000.00 and
   * EUR 4 500.00: realization 13 500 / 15 000 = 0.9. Above 1 when deals closed above list.
   *
   * <p>JSON form: {@code {"deals":2,"list":{...},"contracted":{...}}}. Immutable and thread-safe.
   *
   * @param deals the won deals with a contracted value, {@code >= 1}
   * @param list their summed list values (budgets), {@code >= 0}
   * @param contracted their summed contracted values, {@code >= 0}, same currency as {@code list}
   */
  @JsonPropertyOrder({"deals", "list", "contracted"})
  public record PriceRealization(
      @JsonProperty("deals") long deals,
      @JsonProperty("list") Money list,
      @JsonProperty("contracted") Money contracted) {

    /** Validates the count, the signs and the currency, reporting every violation at once. */
    @JsonCreator
    public PriceRealization {
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.positive("deals", deals));
      if (list == null) {
        c.add("list", null, "must not be null");
      }
      if (contracted == null) {
        c.add("contracted", null, "must not be null");
      }
      c.throwIfAny();
      if (list.isNegative()) {
        c.add("list", list, "must be >= 0");
      }
      if (contracted.isNegative()) {
        c.add("contracted", contracted, "must be >= 0");
      }
      c.sameCurrency("contracted", contracted, "list", list);
      c.throwIfAny();
    }

    /**
     * Returns contracted / list value.
     *
     * @return the realization, empty when the list values sum to zero
     */
    public OptionalDouble realization() {
      return contracted.ratioTo(list);
    }
  }
}
