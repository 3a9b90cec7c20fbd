package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Proportion;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One group × stage cell of {@link CrossStatistics}: the stage conversion of the group (passed
 * of entered) with its 95 % Wilson interval, the pooled conversion of the rest of the team at
 * that stage, and the test of "this cell converts lower than the rest".
 *
 * <p>{@link #test()}, {@link #pValue()} and {@link #qValue()} are present only for tested cells:
 * at least {@code minTrials} entered and some other group entered the stage. {@link #qValue()}
 * is the Benjamini–Hochberg adjusted p-value across all tested cells of the result;
 * {@link #flagged()} is {@code qValue <= falseDiscoveryRate}.
 *
 * <p>JSON form: {@code {"stage":"proposal","conversion":{"successes":16,"trials":160},
 * "wilson95":{...},"rest":{...},"test":"NORMAL_Z","pValue":1.2E-13,"qValue":1.4E-12,"flagged":true}};
 * the optional fields are omitted when absent. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStageCell.class)
@JsonDeserialize(as = ImmutableStageCell.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"stage", "conversion", "wilson95", "rest", "test", "pValue", "qValue", "flagged"})
public abstract class StageCell {

  StageCell() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StageCell}. */
  public static final class Builder extends ImmutableStageCell.Builder {
    Builder() {}
  }

  /**
   * Returns the stage id.
   *
   * @return the id
   */
  public abstract String stage();

  /**
   * Returns the group's stage conversion: passed (successes) of entered (trials).
   *
   * @return the proportion
   */
  public abstract Proportion conversion();

  /**
   * Returns the 95 % Wilson score interval of the conversion, empty when nothing entered.
   *
   * @return the interval
   */
  public abstract Optional<ConfidenceInterval> wilson95();

  /**
   * Returns the pooled conversion of every other group at this stage.
   *
   * @return the proportion
   */
  public abstract Proportion rest();

  /**
   * Returns the test used, empty when the cell was not tested.
   *
   * @return the method
   */
  public abstract Optional<LowerConversionTest.Method> test();

  /**
   * Returns the one-sided p-value of "lower than the rest", in {@code [0, 1]}, empty when not
   * tested.
   *
   * @return the p-value
   */
  public abstract OptionalDouble pValue();

  /**
   * Returns the Benjamini–Hochberg adjusted p-value, in {@code [0, 1]}, empty when not tested.
   *
   * @return the q-value
   */
  public abstract OptionalDouble qValue();

  /**
   * Returns whether the cell is significantly below the rest of the team.
   *
   * @return true if flagged
   */
  public abstract boolean flagged();

  /**
   * Returns the deals that entered the stage in this group (the trials).
   *
   * @return the count
   */
  public long entered() {
    return conversion().trials();
  }

  /**
   * Returns the deals that passed the stage in this group.
   *
   * @return the count
   */
  public long passed() {
    return conversion().successes();
  }

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    if (stage().isBlank()) {
      c.add("stage", "\"" + stage() + "\"", "must not be blank");
    }
    boolean tested = test().isPresent();
    if (pValue().isPresent() != tested || qValue().isPresent() != tested) {
      c.add("pValue", pValue(), "test, pValue and qValue must be all present or all absent");
    }
    if (pValue().isPresent() && !(pValue().getAsDouble() >= 0 && pValue().getAsDouble() <= 1)) {
      c.add("pValue", pValue().getAsDouble(), "must be within [0, 1]");
    }
    if (qValue().isPresent() && !(qValue().getAsDouble() >= 0 && qValue().getAsDouble() <= 1)) {
      c.add("qValue", qValue().getAsDouble(), "must be within [0, 1]");
    }
    if (flagged() && !tested) {
      c.add("flagged", true, "requires a tested cell");
    }
    if (wilson95().isPresent() != (conversion().trials() > 0)) {
      c.add("wilson95", wilson95(), "must be present exactly when the cell has trials");
    }
    c.throwIfAny();
  }
}
