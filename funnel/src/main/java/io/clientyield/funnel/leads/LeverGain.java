package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * What one lever change brings (an entry of a {@link LeverRanking}): the lever's value before and
 * after (for the count and rate levers; empty for the average check), the revenue after the
 * change and the extra revenue, both rounded HALF_EVEN to the minor unit; {@code capped} says a
 * rate hit 100 %.
 *
 * <p>JSON form: {@code {"lever":"SITE_CONVERSION","valueBefore":0.01,"valueAfter":0.02,
 * "revenueAfter":{...},"extraRevenue":{...},"capped":false}}. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLeverGain.class)
@JsonDeserialize(as = ImmutableLeverGain.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"lever", "valueBefore", "valueAfter", "revenueAfter", "extraRevenue",
    "capped"})
public abstract class LeverGain {

  LeverGain() {}

  static ImmutableLeverGain.Builder builder() {
    return ImmutableLeverGain.builder();
  }

  /**
   * Returns the lever.
   *
   * @return the lever
   */
  public abstract Lever lever();

  /**
   * Returns the lever's value before the change (expected count or rate).
   *
   * @return the value, empty for {@link Lever#AVERAGE_CHECK}
   */
  public abstract OptionalDouble valueBefore();

  /**
   * Returns the lever's value after the change (rates capped at 1).
   *
   * @return the value, empty for {@link Lever#AVERAGE_CHECK}
   */
  public abstract OptionalDouble valueAfter();

  /**
   * Returns the revenue after the change.
   *
   * @return the revenue
   */
  public abstract Money revenueAfter();

  /**
   * Returns the extra revenue = revenue after − revenue before (negative only for a negative
   * change, which the factories reject).
   *
   * @return the extra revenue
   */
  public abstract Money extraRevenue();

  /**
   * Returns whether the rate would have exceeded 1 and was capped at 100 %.
   *
   * @return true if capped
   */
  public abstract boolean capped();

  @Value.Check
  void check() {
    Checks.Collector v = Checks.collector();
    v.check(() -> revenueAfter().requireSameCurrency(extraRevenue()));
    valueBefore().ifPresent(x -> v.check(() -> Checks.nonNegative("valueBefore", x)));
    valueAfter().ifPresent(x -> v.check(() -> Checks.nonNegative("valueAfter", x)));
    v.throwIfAny();
  }
}
