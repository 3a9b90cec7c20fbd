package io.clientyield.funnel.probability;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import org.immutables.value.Value;

/**
 * The open deals of one stage in a {@link WeightedPipeline}: how many, their budget, and the
 * budget weighted by the stage's win probability, {@code round(probability × budget)}.
 *
 * <p>JSON form: {@code {"stage":"proposal","probability":0.25,"openDeals":2,
 * "dealsWithoutBudget":1,"budget":{...},"weighted":{...}}}. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStagePipeline.class)
@JsonDeserialize(as = ImmutableStagePipeline.class)
@JsonPropertyOrder({"stage", "probability", "openDeals", "dealsWithoutBudget", "budget", "weighted"})
public abstract class StagePipeline {

  StagePipeline() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StagePipeline}. */
  public static final class Builder extends ImmutableStagePipeline.Builder {
    Builder() {}
  }

  /**
   * Returns the stage id.
   *
   * @return the stage id
   */
  public abstract String stage();

  /**
   * Returns the stage's win probability in {@code [0, 1]}.
   *
   * @return the probability
   */
  public abstract double probability();

  /**
   * Returns the open deals currently at this stage, with or without budget.
   *
   * @return the count
   */
  public abstract long openDeals();

  /**
   * Returns the open deals at this stage without a budget (counted, not weighted).
   *
   * @return the count, at most {@link #openDeals()}
   */
  public abstract long dealsWithoutBudget();

  /**
   * Returns the summed budget of the open deals at this stage (exact).
   *
   * @return the budget
   */
  public abstract Money budget();

  /**
   * Returns {@code probability × budget}, rounded once HALF_EVEN to the currency's minor unit.
   *
   * @return the weighted budget
   */
  public abstract Money weighted();

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.unitInterval("probability", probability()));
    c.check(() -> Checks.nonNegative("openDeals", openDeals()));
    c.check(() -> Checks.nonNegative("dealsWithoutBudget", dealsWithoutBudget()));
    if (dealsWithoutBudget() > openDeals()) {
      c.add("dealsWithoutBudget", dealsWithoutBudget(), "must be <= openDeals (" + openDeals() + ")");
    }
    if (!budget().currency().equals(weighted().currency())) {
      c.add("weighted.currency", weighted().currency(), "must equal budget.currency (" + budget().currency() + ")");
    }
    c.throwIfAny();
  }
}
