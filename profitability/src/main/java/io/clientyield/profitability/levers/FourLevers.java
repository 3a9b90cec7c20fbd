package io.clientyield.profitability.levers;

import io.clientyield.core.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decomposes profit per partner (DOMAIN 4.3): margin &times; productivity &times; leverage =
 * profit/fees &times; fees/staff &times; staff/partners = profit/partners.
 *
 * <p>Example: profit 300 000, fees 1 200 000, staff 12, partners 3: margin 0.25, productivity
 * 100 000 per head, leverage 4, profit per partner 100 000. +1 % on margin, productivity or
 * leverage each gives 101 000; +1 % fees at the same cost gives (300 000 + 12 000) / 3 = 104 000.
 *
 * <p>Stateless; immutable and thread-safe.
 */
public final class FourLevers {

  private static final BigDecimal ONE_PERCENT_UP = new BigDecimal("1.01");
  private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");

  private FourLevers() {}

  /**
   * Decomposes profit per partner.
   *
   * @param profit the firm's profit for the period (may be negative)
   * @param fees the firm's fees (revenue) for the period, &gt; 0, same currency
   * @param staff head count of professional staff (partners included), &gt; 0
   * @param partners number of partners, &gt; 0
   * @return the decomposition
   * @throws ValidationException naming every bad argument
   */
  public static LeverDecomposition decompose(Money profit, Money fees, long staff, long partners) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("profit", profit));
    c.check(() -> Checks.notNull("fees", fees));
    c.check(() -> Checks.positive("staff", staff));
    c.check(() -> Checks.positive("partners", partners));
    c.throwIfAny();
    if (fees.signum() <= 0) {
      throw ValidationException.of("fees", fees, "must be > 0");
    }
    profit.requireSameCurrency(fees);
    double margin = profit.ratioTo(fees).getAsDouble();
    Money productivity = div(fees, BigDecimal.valueOf(staff));
    double leverage = (double) staff / partners;
    Money ppp = div(profit, BigDecimal.valueOf(partners));
    BigDecimal exactPpp = profit.amount().divide(BigDecimal.valueOf(partners), MathContext.DECIMAL128);
    Money up =
        Money.of(exactPpp.multiply(ONE_PERCENT_UP), profit.currency(), RoundingMode.HALF_UP);
    Money feesUp =
        div(
            Money.of(
                profit.amount().add(fees.amount().multiply(ONE_PERCENT)),
                profit.currency(),
                RoundingMode.HALF_UP),
            BigDecimal.valueOf(partners));
    return new LeverDecomposition(margin, productivity, leverage, ppp, up, up, up, feesUp);
  }

  private static Money div(Money m, BigDecimal d) {
    return Money.of(m.amount().divide(d, MathContext.DECIMAL128), m.currency(), RoundingMode.HALF_UP);
  }
}
