package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.DealId;
import io.clientyield.core.ValidationException;

/**
 * An open deal that has been in its current stage longer than the stage's norm.
 *
 * <p>JSON form: {@code {"deal":"D-17","stage":"proposal","days":12,"norm":10}}. Immutable and
 * thread-safe.
 *
 * @param deal the deal id
 * @param stage the current stage id
 * @param days working days in the stage up to the "as of" date
 * @param norm the stage's norm in working days, {@code < days}
 */
@JsonPropertyOrder({"deal", "stage", "days", "norm"})
public record OverdueDeal(
    @JsonProperty("deal") DealId deal,
    @JsonProperty("stage") String stage,
    @JsonProperty("days") long days,
    @JsonProperty("norm") long norm) {

  /** Validates the components (see the record description). */
  @JsonCreator
  public OverdueDeal {
    Checks.Collector c = Checks.collector();
    if (deal == null) {
      c.add("deal", null, "must not be null");
    }
    c.check(() -> Checks.notBlank("stage", stage));
    c.check(() -> Checks.nonNegative("norm", norm));
    if (days <= norm) {
      c.add("days", days, "must be > norm (" + norm + ")");
    }
    c.throwIfAny();
  }

  /**
   * Returns the working days beyond the norm, {@code days - norm}.
   *
   * @return the excess, {@code >= 1}
   */
  public long excess() {
    return days - norm;
  }
}
