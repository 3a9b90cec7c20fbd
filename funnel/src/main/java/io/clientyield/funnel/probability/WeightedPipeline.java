package io.clientyield.funnel.probability;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.funnel.Deal;
import java.util.Currency;
import java.util.List;

/**
 * The weighted pipeline: {@code Σ budget × P(stage of the open deal)} over the open deals, per
 * stage and in total (DOMAIN 2.4).
 *
 * <p>Rounding: budgets are summed exactly per stage (minor units); each stage's weighted value is
 * {@code probability × stage budget}, computed exactly in {@link java.math.BigDecimal} (the
 * probability at its shortest decimal form, {@link java.math.BigDecimal#valueOf(double)}) and
 * rounded once, HALF_EVEN, to the currency's minor unit. The {@link #weightedTotal()} is the exact
 * sum of the unrounded stage values, rounded once HALF_EVEN — so it equals the exact
 * {@code Σ budget × P} rounded once, and may differ from the sum of the rounded stage values by
 * at most half a minor unit per stage. Closed deals are ignored; open deals without a budget are
 * counted in {@link #dealsWithoutBudget()} and contribute nothing. The stage of an open deal is
 * its {@link Deal#reachedStage()} (the furthest stage reached), the same event the learned
 * probability {@code P(win | reached s)} is conditioned on.
 *
 * <p>Worked example (IT-outsourcing table): an open deal of EUR 10 000.00 under proposal review
 * (25 %) and one of EUR 4 000.00 in contract negotiation (80 %) give
 * 2 500.00 + 3 200.00 = EUR 5 700.00 of EUR 14 000.00.
 *
 * <p>JSON form: {@code {"stages":[...],"openDeals":2,"dealsWithoutBudget":0,
 * "totalBudget":{...},"weightedTotal":{...}}}. Immutable and thread-safe.
 *
 * @param stages the one row per stage, in stage order
 * @param openDeals the open deals counted
 * @param dealsWithoutBudget the open deals without a budget
 * @param totalBudget the summed budget of the open deals (exact)
 * @param weightedTotal the {@code Σ budget × P(stage)}, computed exactly and rounded once HALF_EVEN
 */
@JsonPropertyOrder({"stages", "openDeals", "dealsWithoutBudget", "totalBudget", "weightedTotal"})
public record WeightedPipeline(
    @JsonProperty("stages") List<StagePipeline> stages,
    @JsonProperty("openDeals") long openDeals,
    @JsonProperty("dealsWithoutBudget") long dealsWithoutBudget,
    @JsonProperty("totalBudget") Money totalBudget,
    @JsonProperty("weightedTotal") Money weightedTotal) {

  /** Validates the components, reporting every violation at once. */
  @JsonCreator
  public WeightedPipeline {
    Checks.Collector c = Checks.collector();
    if (stages == null) {
      c.add("stages", null, "must not be null");
    }
    if (stages != null) {
      c.elementsNotNull("stages", stages);
    }
    if (totalBudget == null) {
      c.add("totalBudget", null, "must not be null");
    }
    if (weightedTotal == null) {
      c.add("weightedTotal", null, "must not be null");
    }
    c.throwIfAny();
    stages = List.copyOf(stages);
    long open = 0;
    long without = 0;
    for (StagePipeline s : stages) {
      open += s.openDeals();
      without += s.dealsWithoutBudget();
      if (!s.budget().currency().equals(totalBudget.currency())) {
        c.add("stages[" + s.stage() + "].budget.currency", s.budget().currency(),
            "must equal totalBudget.currency (" + totalBudget.currency() + ")");
      }
    }
    if (open != openDeals) {
      c.add("openDeals", openDeals, "must equal the sum over the stages (" + open + ")");
    }
    if (without != dealsWithoutBudget) {
      c.add("dealsWithoutBudget", dealsWithoutBudget, "must equal the sum over the stages (" + without + ")");
    }
    if (!weightedTotal.currency().equals(totalBudget.currency())) {
      c.add("weightedTotal.currency", weightedTotal.currency(),
          "must equal totalBudget.currency (" + totalBudget.currency() + ")");
    }
    c.throwIfAny();
  }


  /**
   * Computes the weighted pipeline of some deals (a loop over a
   * {@link WeightedPipelineAccumulator}).
   *
   * @param deals the deals (closed ones are ignored)
   * @param probabilities the stage probabilities, each defined
   * @param currency the currency of every budget
   * @return the weighted pipeline
   * @throws io.clientyield.core.ValidationException if a stage probability is undefined, a deal is
   *     null ({@code deals[i]}), a deal's stage is unknown or a budget has another currency
   */
  public static WeightedPipeline of(
      Iterable<Deal> deals, StageProbabilities probabilities, Currency currency) {
    Checks.notNull("deals", deals);
    WeightedPipelineAccumulator acc = new WeightedPipelineAccumulator(probabilities, currency);
    int i = 0;
    for (Deal d : deals) {
      acc.add(Checks.notNull("deals", i++, d));
    }
    return acc.result();
  }
}
