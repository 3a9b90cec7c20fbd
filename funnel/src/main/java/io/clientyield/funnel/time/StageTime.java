package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import java.util.OptionalLong;

/**
 * Time spent in one stage, in working days.
 *
 * <p>{@link #completed()} summarises the finished stays (the deal entered the next stage, or
 * closed); {@link #overdue()} counts those above the norm. {@link #ongoing()} counts open deals
 * now in the stage and {@link #ongoingOverdue()} those of them above the norm as of the report
 * date (listed in {@link TimeInStage#overdueOpenDeals()}).
 *
 * <p>JSON form: {@code {"stage":"proposal","norm":10,"completed":{...},"overdue":1,
 * "ongoing":2,"ongoingOverdue":1}}. Immutable and thread-safe.
 *
 * @param stage the stage id
 * @param norm the stage's norm in working days
 * @param completed the summary of completed stays
 * @param overdue the completed stays longer than the norm ({@code days > norm}); 0 without a norm
 * @param ongoing the open deals now in this stage (with a history)
 * @param ongoingOverdue the open deals now in this stage longer than the norm as of the report date
 */
@JsonPropertyOrder({"stage", "norm", "completed", "overdue", "ongoing", "ongoingOverdue"})
public record StageTime(
    @JsonProperty("stage") String stage,
    @JsonProperty("norm") OptionalLong norm,
    @JsonProperty("completed") DurationStats completed,
    @JsonProperty("overdue") long overdue,
    @JsonProperty("ongoing") long ongoing,
    @JsonProperty("ongoingOverdue") long ongoingOverdue) {

  /** Validates the components, reporting every violation at once. */
  @JsonCreator
  public StageTime {
    norm = norm == null ? OptionalLong.empty() : norm;
    Checks.Collector c = Checks.collector();
    if (stage == null) {
      c.add("stage", null, "must not be null");
    }
    if (completed == null) {
      c.add("completed", null, "must not be null");
    }
    c.throwIfAny();
    c.check(() -> Checks.notBlank("stage", stage));
    c.check(() -> Checks.inRange("overdue", overdue, 0, completed.count()));
    c.check(() -> Checks.nonNegative("ongoing", ongoing));
    c.check(() -> Checks.inRange("ongoingOverdue", ongoingOverdue, 0, ongoing));
    if (norm.isPresent()) {
      long n = norm.getAsLong();
      c.check(() -> Checks.nonNegative("norm", n));
    } else if (overdue != 0 || ongoingOverdue != 0) {
      c.add("overdue", overdue, "must be 0 without a norm");
    }
    c.throwIfAny();
  }
}
