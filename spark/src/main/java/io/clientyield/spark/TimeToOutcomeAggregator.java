package io.clientyield.spark;

import io.clientyield.funnel.Deal;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.survival.TimeToOutcome;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator.GroupKey;
import java.time.LocalDate;
import java.util.List;

/**
 * {@link TimeToOutcomeAccumulator} as a Spark aggregator: the censoring-aware time to outcome
 * per stage ({@link TimeToOutcome}), pooled or per manager or attribute. The rows need the
 * stages' entry dates and the closed-on date ({@link DealRows.Builder#enteredOn},
 * {@link DealRows.Builder#closedOn}).
 */
public final class TimeToOutcomeAggregator
    extends AccumulatorAggregator<Deal, TimeToOutcomeAccumulator, TimeToOutcome> {
  private static final long serialVersionUID = 1L;

  private final List<String> stageIds;
  private final String asOf;
  /** The calendar as the library's JSON (serializable, read once per executor). */
  private final String calendarJson;
  private final long minAtRisk;
  /** {@code null}: pooled; {@code ""}: by manager; else the attribute name. */
  private final String grouping;
  private transient Stages stages;
  private transient BusinessCalendar calendar;

  private TimeToOutcomeAggregator(Stages stages, LocalDate asOf, BusinessCalendar calendar,
      long minAtRisk, String grouping, DealRows rows) {
    super(rows, TimeToOutcome.class);
    this.stageIds = List.copyOf(stages.ids());
    this.asOf = asOf.toString();
    this.calendarJson = ClientyieldJson.write(calendar);
    this.minAtRisk = minAtRisk;
    this.grouping = grouping;
    this.stages = stages;
    this.calendar = calendar;
    newAccumulator(); // validates the settings now
  }

  /**
   * Pooled estimates (no groups).
   *
   * @param stages the stages
   * @param asOf the as-of date (open deals censored there)
   * @param calendar counts ages
   * @param minAtRisk the fewest deals at risk for a group's own curve ({@code >= 1})
   * @param rows the mapping of rows to deals (with entry and closed-on dates)
   * @return the aggregator
   */
  public static TimeToOutcomeAggregator pooled(Stages stages, LocalDate asOf, BusinessCalendar calendar,
      long minAtRisk, DealRows rows) {
    return new TimeToOutcomeAggregator(stages, asOf, calendar, minAtRisk, null, rows);
  }

  /**
   * Estimates per manager (and pooled).
   *
   * @param stages the stages
   * @param asOf the as-of date (open deals censored there)
   * @param calendar counts ages
   * @param minAtRisk the fewest deals at risk for a group's own curve ({@code >= 1})
   * @param rows the mapping of rows to deals (with the manager, entry and closed-on dates)
   * @return the aggregator
   */
  public static TimeToOutcomeAggregator byManager(Stages stages, LocalDate asOf, BusinessCalendar calendar,
      long minAtRisk, DealRows rows) {
    return new TimeToOutcomeAggregator(stages, asOf, calendar, minAtRisk, "", rows);
  }

  /**
   * Estimates per deal attribute (and pooled).
   *
   * @param stages the stages
   * @param asOf the as-of date (open deals censored there)
   * @param calendar counts ages
   * @param minAtRisk the fewest deals at risk for a group's own curve ({@code >= 1})
   * @param rows the mapping of rows to deals (with the attribute, entry and closed-on dates)
   * @param attribute the attribute name
   * @return the aggregator
   */
  public static TimeToOutcomeAggregator byAttribute(Stages stages, LocalDate asOf, BusinessCalendar calendar,
      long minAtRisk, DealRows rows, String attribute) {
    if (attribute == null || attribute.isBlank()) {
      throw ValidationException.of("attribute", attribute, "must be a non-blank attribute name");
    }
    return new TimeToOutcomeAggregator(stages, asOf, calendar, minAtRisk, attribute, rows);
  }

  private GroupKey key() {
    if (grouping == null) {
      return TimeToOutcomeAccumulator.POOLED;
    }
    return grouping.isEmpty() ? TimeToOutcomeAccumulator.BY_MANAGER : GroupKey.attribute(grouping);
  }

  private Stages stages() {
    if (stages == null) {
      stages = Stages.of(stageIds);
    }
    return stages;
  }

  private BusinessCalendar calendar() {
    if (calendar == null) {
      calendar = ClientyieldJson.read(calendarJson, BusinessCalendar.class);
    }
    return calendar;
  }

  @Override
  protected TimeToOutcomeAccumulator newAccumulator() {
    return new TimeToOutcomeAccumulator(stages(), LocalDate.parse(asOf), calendar(), minAtRisk, key());
  }

  @Override
  protected byte[] encode(TimeToOutcomeAccumulator accumulator) {
    return accumulator.encode();
  }

  @Override
  protected TimeToOutcomeAccumulator decode(byte[] state) {
    return TimeToOutcomeAccumulator.decode(stages(), LocalDate.parse(asOf), calendar(), minAtRisk, key(), state);
  }
}
