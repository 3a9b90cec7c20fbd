package io.clientyield.profitability.levers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
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
 * <p>Staff counts every professional head, partners included, so a firm has at least as many
 * staff as partners and the leverage staff/partners is at least 1 (a sole practitioner: 1 staff,
 * 1 partner, leverage 1). More partners than staff is an impossible combination and is rejected.
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
   * @param partners number of partners, &gt; 0 and &le; staff
   * @return the decomposition
   * @throws ValidationException naming every bad argument: a missing amount, fees &le; 0, profit in
   *     another currency than fees, staff or partners &le; 0, or more partners than staff
   */
  public static LeverDecomposition decompose(Money profit, Money fees, long staff, long partners) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("profit", profit));
    c.check(() -> Checks.notNull("fees", fees));
    c.check(() -> Checks.positive("staff", staff));
    c.check(() -> Checks.positive("partners", partners));
    if (fees != null && fees.signum() <= 0) {
      c.add("fees", fees, "must be > 0");
    }
    c.sameCurrency("profit", profit, "fees", fees);
    if (staff > 0 && partners > staff) {
      c.add("partners", partners, "must be <= staff (" + staff + "): staff counts the partners,"
          + " so leverage = staff / partners >= 1");
    }
    c.throwIfAny();
    double margin = profit.ratioTo(fees).getAsDouble();
    Money productivity = div(fees, BigDecimal.valueOf(staff));
    double leverage = (double) staff / partners;
    Money ppp = div(profit, BigDecimal.valueOf(partners));
    BigDecimal exactPpp = profit.amount().divide(BigDecimal.valueOf(partners), MathContext.DECIMAL128);
    Money up =
        Money.of(exactPpp.multiply(ONE_PERCENT_UP), profit.currency(), Money.ROUNDING);
    Money feesUp =
        div(
            Money.of(
                profit.amount().add(fees.amount().multiply(ONE_PERCENT)),
                profit.currency(),
                Money.ROUNDING),
            BigDecimal.valueOf(partners));
    return new LeverDecomposition(margin, productivity, leverage, ppp, up, up, up, feesUp);
  }

  private static Money div(Money m, BigDecimal d) {
    return Money.of(m.amount().divide(d, MathContext.DECIMAL128), m.currency(), Money.ROUNDING);
  }

  /**
   * Profit per partner decomposed into margin &times; productivity &times; leverage, with the effect
   * of +1 % on each lever.
   *
   * <p>Immutable and thread-safe.
   *
   * @param margin profit / fees (fraction, may be negative)
   * @param productivity fees / staff (money per head)
   * @param leverage staff / partners (heads per partner, &ge; 1: staff include the partners)
   * @param profitPerPartner profit / partners, rounded half-even ({@code Money.ROUNDING}) to the minor unit
   * @param afterMarginUp profit per partner with margin &times; 1.01, others held
   * @param afterProductivityUp profit per partner with productivity &times; 1.01, others held
   * @param afterLeverageUp profit per partner with leverage &times; 1.01, others held
   * @param afterFeesUp profit per partner when fees rise 1 % (rate or utilization) and cost stays:
   *     (profit + 0.01 &times; fees) / partners
   */
  public record LeverDecomposition(
      @JsonProperty("margin") double margin,
      @JsonProperty("productivity") Money productivity,
      @JsonProperty("leverage") double leverage,
      @JsonProperty("profitPerPartner") Money profitPerPartner,
      @JsonProperty("afterMarginUp") Money afterMarginUp,
      @JsonProperty("afterProductivityUp") Money afterProductivityUp,
      @JsonProperty("afterLeverageUp") Money afterLeverageUp,
      @JsonProperty("afterFeesUp") Money afterFeesUp) {

    /**
     * Validates that nothing is null, the margin is finite and the leverage finite and &ge; 1.
     */
    @JsonCreator
    public LeverDecomposition {
      Checks.finite("margin", margin);
      if (!(leverage >= 1 && leverage < Double.POSITIVE_INFINITY)) {
        throw io.clientyield.core.ValidationException.of("leverage", leverage,
            "must be finite and >= 1 (staff include the partners)");
      }
      Checks.notNull("productivity", productivity);
      Checks.notNull("profitPerPartner", profitPerPartner);
      Checks.notNull("afterMarginUp", afterMarginUp);
      Checks.notNull("afterProductivityUp", afterProductivityUp);
      Checks.notNull("afterLeverageUp", afterLeverageUp);
      Checks.notNull("afterFeesUp", afterFeesUp);
      Checks.Collector currencies = Checks.collector();
      currencies.oneCurrency("productivity", productivity, "profitPerPartner", profitPerPartner,
          "afterMarginUp", afterMarginUp, "afterProductivityUp", afterProductivityUp,
          "afterLeverageUp", afterLeverageUp, "afterFeesUp", afterFeesUp);
      currencies.throwIfAny();
    }
  }
}
