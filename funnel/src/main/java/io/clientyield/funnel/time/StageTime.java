package io.clientyield.funnel.time;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import java.util.OptionalLong;
import org.immutables.value.Value;

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
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStageTime.class)
@JsonDeserialize(as = ImmutableStageTime.class)
@JsonPropertyOrder({"stage", "norm", "completed", "overdue", "ongoing", "ongoingOverdue"})
public abstract class StageTime {

  StageTime() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StageTime}. */
  public static final class Builder extends ImmutableStageTime.Builder {
    Builder() {}
  }

  /**
   * Returns the stage id.
   *
   * @return the stage id
   */
  public abstract String stage();

  /**
   * Returns the stage's norm in working days.
   *
   * @return the norm, empty if none
   */
  public abstract OptionalLong norm();

  /**
   * Returns the summary of completed stays.
   *
   * @return the statistics
   */
  public abstract DurationStats completed();

  /**
   * Returns the completed stays longer than the norm ({@code days > norm}); 0 without a norm.
   *
   * @return the count
   */
  public abstract long overdue();

  /**
   * Returns the open deals now in this stage (with a history).
   *
   * @return the count
   */
  public abstract long ongoing();

  /**
   * Returns the open deals now in this stage longer than the norm as of the report date.
   *
   * @return the count
   */
  public abstract long ongoingOverdue();

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notBlank("stage", stage()));
    c.check(() -> Checks.inRange("overdue", overdue(), 0, completed().count()));
    c.check(() -> Checks.nonNegative("ongoing", ongoing()));
    c.check(() -> Checks.inRange("ongoingOverdue", ongoingOverdue(), 0, ongoing()));
    if (norm().isPresent()) {
      c.check(() -> Checks.nonNegative("norm", norm().getAsLong()));
    } else if (overdue() != 0 || ongoingOverdue() != 0) {
      c.add("overdue", overdue(), "must be 0 without a norm");
    }
    c.throwIfAny();
  }
}
