package io.clientyield.funnel.probability;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;

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
