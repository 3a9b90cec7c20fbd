package io.clientyield.spark;

import io.clientyield.core.ValidationException;
import io.clientyield.profitability.repeat.RepeatSummaries;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import java.time.LocalDate;
import java.util.Currency;

/**
 * {@link RepeatSummaryAccumulator} as a Spark aggregator: the per-client repeat summaries
 * ({@link RepeatSummaries}: x, t_x, T, repeat spend and hold-out purchases, the input of the
 * BG/NBD and Gamma-Gamma fits) of purchase rows mapped by {@link PurchaseRows}.
 *
 * <pre>{@code
 * RepeatSummaryAggregator agg = RepeatSummaryAggregator.of(usd, calibrationEnd, holdoutEnd);
 * RepeatSummaries summaries = agg.read(purchases.select(agg.toColumn()).first());
 * }</pre>
 */
public final class RepeatSummaryAggregator
    extends AccumulatorAggregator<Purchase, RepeatSummaryAccumulator, RepeatSummaries> {
  private static final long serialVersionUID = 1L;

  private final String currencyCode;
  private final String calibrationEnd;
  private final String holdoutEnd;
  private final int daysPerUnit;

  private RepeatSummaryAggregator(Currency currency, LocalDate calibrationEnd, LocalDate holdoutEnd,
      int daysPerUnit, PurchaseRows rows) {
    super(rows, RepeatSummaries.class);
    this.currencyCode = currency.getCurrencyCode();
    this.calibrationEnd = calibrationEnd.toString();
    this.holdoutEnd = holdoutEnd.toString();
    this.daysPerUnit = daysPerUnit;
  }

  /**
   * Summaries in weeks, over rows in the standard columns ({@link PurchaseRows#standard()}).
   *
   * @param currency the currency of every purchase
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the hold-out period (= calibrationEnd for none)
   * @return the aggregator
   * @throws ValidationException if a setting is missing or holdoutEnd is before calibrationEnd
   */
  public static RepeatSummaryAggregator of(Currency currency, LocalDate calibrationEnd, LocalDate holdoutEnd) {
    return of(currency, calibrationEnd, holdoutEnd, RepeatSummaryAccumulator.WEEK, PurchaseRows.standard());
  }

  /**
   * Summaries over rows mapped by {@code rows}.
   *
   * @param currency the currency of every purchase
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the hold-out period (= calibrationEnd for none)
   * @param daysPerUnit days per time unit (7 for weeks, 1 for days), &ge; 1
   * @param rows the mapping of rows to purchases
   * @return the aggregator
   * @throws ValidationException if a setting is missing or out of range, or holdoutEnd is
   *     before calibrationEnd
   */
  public static RepeatSummaryAggregator of(Currency currency, LocalDate calibrationEnd, LocalDate holdoutEnd,
      int daysPerUnit, PurchaseRows rows) {
    new RepeatSummaryAccumulator(currency, calibrationEnd, holdoutEnd, daysPerUnit); // validates now
    if (rows == null) {
      throw ValidationException.of("rows", null, "must not be null");
    }
    return new RepeatSummaryAggregator(currency, calibrationEnd, holdoutEnd, daysPerUnit, rows);
  }

  @Override
  protected RepeatSummaryAccumulator newAccumulator() {
    return new RepeatSummaryAccumulator(Currency.getInstance(currencyCode), LocalDate.parse(calibrationEnd),
        LocalDate.parse(holdoutEnd), daysPerUnit);
  }

  @Override
  protected byte[] encode(RepeatSummaryAccumulator accumulator) {
    return accumulator.encode();
  }

  @Override
  protected RepeatSummaryAccumulator decode(byte[] state) {
    return RepeatSummaryAccumulator.decode(Currency.getInstance(currencyCode), LocalDate.parse(calibrationEnd),
        LocalDate.parse(holdoutEnd), daysPerUnit, state);
  }
}
