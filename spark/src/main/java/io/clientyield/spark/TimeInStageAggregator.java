package io.clientyield.spark;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.funnel.time.TimeInStageAccumulator;
import java.time.LocalDate;
import java.util.Currency;

/**
 * {@link TimeInStageAccumulator} as a Spark aggregator: the {@link TimeInStage} of the rows
 * (working days per stage against the norms, the overdue open deals, cycle lengths and the sales
 * velocity). The rows need the stages' entry dates and, for closed deals, the closed-on date
 * ({@link DealRows.Builder#enteredOn}, {@link DealRows.Builder#closedOn}); budgets are in one
 * currency.
 *
 * <pre>{@code
 * TimeInStageAggregator agg = TimeInStageAggregator.of(norms, calendar, asOf, usd, rows);
 * TimeInStage time = agg.read(deals.select(agg.toColumn()).first());
 * }</pre>
 */
public final class TimeInStageAggregator
    extends AccumulatorAggregator<Deal, TimeInStageAccumulator, TimeInStage> {
  private static final long serialVersionUID = 1L;

  /** The norms and the calendar as the library's JSON (serializable, read once per executor). */
  private final String normsJson;
  private final String calendarJson;
  private final String asOf;
  private final String currencyCode;
  private transient StageNorms norms;
  private transient BusinessCalendar calendar;

  private TimeInStageAggregator(StageNorms norms, BusinessCalendar calendar, LocalDate asOf,
      Currency currency, DealRows rows) {
    super(rows, TimeInStage.class);
    this.normsJson = ClientyieldJson.write(norms);
    this.calendarJson = ClientyieldJson.write(calendar);
    this.asOf = asOf.toString();
    this.currencyCode = currency.getCurrencyCode();
    this.norms = norms;
    this.calendar = calendar;
  }

  /**
   * The time in stage of the rows.
   *
   * @param norms the stages and their norms in working days
   * @param calendar the business calendar that defines working days
   * @param asOf the date up to which ongoing stays of open deals are measured
   * @param currency the currency of every budget
   * @param rows the mapping of rows to deals (with the entry dates and the closed-on date)
   * @return the aggregator
   * @throws ValidationException if a setting is missing
   */
  public static TimeInStageAggregator of(StageNorms norms, BusinessCalendar calendar, LocalDate asOf,
      Currency currency, DealRows rows) {
    new TimeInStageAccumulator(norms, calendar, asOf, currency); // validates the settings now
    if (rows == null) {
      throw ValidationException.of("rows", null, "must not be null");
    }
    return new TimeInStageAggregator(norms, calendar, asOf, currency, rows);
  }

  private StageNorms norms() {
    if (norms == null) {
      norms = ClientyieldJson.read(normsJson, StageNorms.class);
    }
    return norms;
  }

  private BusinessCalendar calendar() {
    if (calendar == null) {
      calendar = ClientyieldJson.read(calendarJson, BusinessCalendar.class);
    }
    return calendar;
  }

  @Override
  protected TimeInStageAccumulator newAccumulator() {
    return new TimeInStageAccumulator(norms(), calendar(), LocalDate.parse(asOf),
        Currency.getInstance(currencyCode));
  }

  @Override
  protected byte[] encode(TimeInStageAccumulator accumulator) {
    return accumulator.encode();
  }

  @Override
  protected TimeInStageAccumulator decode(byte[] state) {
    return TimeInStageAccumulator.decode(norms(), calendar(), LocalDate.parse(asOf),
        Currency.getInstance(currencyCode), state);
  }
}
