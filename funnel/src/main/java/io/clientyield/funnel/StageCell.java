package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Proportion;
import io.clientyield.core.internal.Checks;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One group × stage cell of {@link CrossStatistics}: the stage conversion of the group (passed
 * of entered) with its 95 % Wilson interval, the pooled conversion of the rest of the team at
 * that stage, and the test of "this cell converts lower than the rest".
 *
 * <p>{@link #test()}, {@link #pValue()} and {@link #qValue()} are present only for tested cells:
 * at least {@code minTrials} entered and some other group entered the stage. {@link #zStatistic()}
 * is the two-proportion z statistic (pooled variance) of the same comparison, reported beside the
 * p-value whichever test gave it (negative: the cell converts lower than the rest); it is absent
 * for untested cells and when the pooled conversion is 0 or 1 (no variance). {@link #qValue()}
 * is the Benjamini–Hochberg adjusted p-value across all tested cells of the result;
 * {@link #flagged()} is {@code qValue <= falseDiscoveryRate}.
 *
 * <p>JSON form: {@code {"stage":"proposal","conversion":{"successes":16,"trials":160},
 * "wilson95":{...},"rest":{...},"test":"NORMAL_Z","zStatistic":-7.3,"pValue":1.2E-13,
 * "qValue":1.4E-12,"flagged":true}}; the optional fields are omitted when absent. Built by
 * {@link CrossStatisticsAccumulator} (no public builder). Immutable and thread-safe.
 *
 * @param stage the stage id
 * @param conversion the group's stage conversion: passed (successes) of entered (trials)
 * @param wilson95 the 95 % Wilson score interval of the conversion, empty when nothing entered
 * @param rest the pooled conversion of every other group at this stage
 * @param test the test used, empty when the cell was not tested
 * @param zStatistic the two-proportion z statistic, empty when not tested or undefined
 * @param pValue the one-sided p-value of "lower than the rest", in {@code [0, 1]}, empty when not
 *     tested
 * @param qValue the Benjamini–Hochberg adjusted p-value, in {@code [0, 1]}, empty when not tested
 * @param flagged whether the cell is significantly below the rest of the team
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"stage", "conversion", "wilson95", "rest", "test", "zStatistic", "pValue",
    "qValue", "flagged"})
public record StageCell(
    @JsonProperty("stage") String stage,
    @JsonProperty("conversion") Proportion conversion,
    @JsonProperty("wilson95") Optional<ConfidenceInterval> wilson95,
    @JsonProperty("rest") Proportion rest,
    @JsonProperty("test") Optional<ConversionTestMethod> test,
    @JsonProperty("zStatistic") OptionalDouble zStatistic,
    @JsonProperty("pValue") OptionalDouble pValue,
    @JsonProperty("qValue") OptionalDouble qValue,
    @JsonProperty("flagged") boolean flagged) {

  /** Validates the test fields and the interval, reporting every violation at once. */
  @JsonCreator
  public StageCell {
    wilson95 = wilson95 == null ? Optional.empty() : wilson95;
    test = test == null ? Optional.empty() : test;
    zStatistic = zStatistic == null ? OptionalDouble.empty() : zStatistic;
    pValue = pValue == null ? OptionalDouble.empty() : pValue;
    qValue = qValue == null ? OptionalDouble.empty() : qValue;
    Checks.Collector c = Checks.collector();
    if (stage == null) {
      c.add("stage", null, "must not be null");
    }
    if (conversion == null) {
      c.add("conversion", null, "must not be null");
    }
    if (rest == null) {
      c.add("rest", null, "must not be null");
    }
    c.throwIfAny();
    if (stage.isBlank()) {
      c.add("stage", "\"" + stage + "\"", "must not be blank");
    }
    boolean tested = test.isPresent();
    if (pValue.isPresent() != tested || qValue.isPresent() != tested) {
      c.add("pValue", pValue, "test, pValue and qValue must be all present or all absent");
    }
    if (zStatistic.isPresent() && !tested) {
      c.add("zStatistic", zStatistic.getAsDouble(), "requires a tested cell");
    }
    if (zStatistic.isPresent() && !Double.isFinite(zStatistic.getAsDouble())) {
      c.add("zStatistic", zStatistic.getAsDouble(), "must be finite");
    }
    if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
      c.add("pValue", pValue.getAsDouble(), "must be within [0, 1]");
    }
    if (qValue.isPresent() && !(qValue.getAsDouble() >= 0 && qValue.getAsDouble() <= 1)) {
      c.add("qValue", qValue.getAsDouble(), "must be within [0, 1]");
    }
    if (flagged && !tested) {
      c.add("flagged", true, "requires a tested cell");
    }
    if (wilson95.isPresent() != (conversion.trials() > 0)) {
      c.add("wilson95", wilson95, "must be present exactly when the cell has trials");
    }
    c.throwIfAny();
  }

  /**
   * Returns the deals that entered the stage in this group (the trials).
   *
   * @return the count
   */
  public long entered() {
    return conversion.trials();
  }

  /**
   * Returns the deals that passed the stage in this group.
   *
   * @return the count
   */
  public long passed() {
    return conversion.successes();
  }
}
