package io.clientyield.funnel.probability;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.funnel.Deal;
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
 * <p>Computed by {@link WeightedPipelineAccumulator} (one call:
 * {@link WeightedPipelineAccumulator#weightedPipeline}).
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
   * The open deals of one stage in a {@link WeightedPipeline}: how many, their budget, and the
   * budget weighted by the stage's win probability, {@code round(probability × budget)}.
   *
   * <p>JSON form: {@code {"stage":"proposal","probability":0.25,"openDeals":2,
   * "dealsWithoutBudget":1,"budget":{...},"weighted":{...}}}. Immutable and thread-safe.
   *
   * @param stage the stage id
   * @param probability the stage's win probability in {@code [0, 1]}
   * @param openDeals the open deals currently at this stage, with or without budget
   * @param dealsWithoutBudget the open deals at this stage without a budget (counted, not weighted)
   * @param budget the summed budget of the open deals at this stage (exact)
   * @param weighted {@code probability × budget}, rounded once HALF_EVEN to the currency's minor unit
   */
  @JsonPropertyOrder({"stage", "probability", "openDeals", "dealsWithoutBudget", "budget", "weighted"})
  public record StagePipeline(
      @JsonProperty("stage") String stage,
      @JsonProperty("probability") double probability,
      @JsonProperty("openDeals") long openDeals,
      @JsonProperty("dealsWithoutBudget") long dealsWithoutBudget,
      @JsonProperty("budget") Money budget,
      @JsonProperty("weighted") Money weighted) {

    /** Validates the components, reporting every violation at once. */
    @JsonCreator
    public StagePipeline {
      Checks.Collector c = Checks.collector();
      if (stage == null) {
        c.add("stage", null, "must not be null");
      }
      if (budget == null) {
        c.add("budget", null, "must not be null");
      }
      if (weighted == null) {
        c.add("weighted", null, "must not be null");
      }
      c.throwIfAny();
      c.check(() -> Checks.unitInterval("probability", probability));
      c.check(() -> Checks.nonNegative("openDeals", openDeals));
      c.check(() -> Checks.nonNegative("dealsWithoutBudget", dealsWithoutBudget));
      if (dealsWithoutBudget > openDeals) {
        c.add("dealsWithoutBudget", dealsWithoutBudget, "must be <= openDeals (" + openDeals + ")");
      }
      if (!budget.currency().equals(weighted.currency())) {
        c.add("weighted.currency", weighted.currency(), "must equal budget.currency (" + budget.currency() + ")");
      }
      c.throwIfAny();
    }
  }
}
