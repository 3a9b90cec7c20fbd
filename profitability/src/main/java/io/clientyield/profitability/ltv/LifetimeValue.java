package io.clientyield.profitability.ltv;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A client's lifetime value: LTV = ARPU &times; lifetime &times; margin.
 *
 * <p>Example: payments 100, 0, 200, 0, 300 over five months at a 30 % margin: paying periods 3,
 * idle 2, ARPU 200, LTV = 200 &times; 3 &times; 0.3 = 180.
 *
 * @param arpu average revenue per paying period (zero when nothing was paid)
 * @param payingPeriods lifetime in paying periods, &ge; 0
 * @param idlePeriods periods without payment, netted out of the lifetime, &ge; 0
 * @param margin the client's margin (finite fraction)
 * @param ltv arpu &times; payingPeriods &times; margin, rounded half-up
 *     <p>Immutable and thread-safe.
 */
public record LifetimeValue(
    @JsonProperty("arpu") Money arpu,
    @JsonProperty("payingPeriods") long payingPeriods,
    @JsonProperty("idlePeriods") long idlePeriods,
    @JsonProperty("margin") double margin,
    @JsonProperty("ltv") Money ltv) {

  /**
   * Validates the components.
   *
   * @param arpu average revenue per paying period (zero when nothing was paid)
   * @param payingPeriods lifetime in paying periods, &ge; 0
   * @param idlePeriods periods without payment, netted out of the lifetime, &ge; 0
   * @param margin the client's margin (finite fraction)
   * @param ltv arpu &times; payingPeriods &times; margin, rounded half-up
   *     <p>Immutable and thread-safe.
   */
  @JsonCreator
  public LifetimeValue {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("arpu", arpu));
    c.check(() -> Checks.notNull("ltv", ltv));
    c.check(() -> Checks.nonNegative("payingPeriods", payingPeriods));
    c.check(() -> Checks.nonNegative("idlePeriods", idlePeriods));
    c.check(() -> Checks.finite("margin", margin));
    c.throwIfAny();
  }

  /**
   * LTV from given parameters.
   *
   * @param arpu average revenue per paying period, &ge; 0
   * @param payingPeriods lifetime in paying periods, &ge; 0
   * @param margin margin, finite
   * @return the lifetime value with zero idle periods
   */
  public static LifetimeValue of(Money arpu, long payingPeriods, double margin) {
    Checks.notNull("arpu", arpu);
    Checks.nonNegative("payingPeriods", payingPeriods);
    Checks.finite("margin", margin);
    if (arpu.isNegative()) {
      throw ValidationException.of("arpu", arpu, "must be >= 0");
    }
    BigDecimal v =
        arpu.amount().multiply(BigDecimal.valueOf(payingPeriods)).multiply(BigDecimal.valueOf(margin));
    return new LifetimeValue(
        arpu, payingPeriods, 0, margin, Money.of(v, arpu.currency(), RoundingMode.HALF_UP));
  }

  /**
   * LTV from a payment history: one payment per period, zero for an idle period.
   *
   * @param payments per-period payments, &ge; 0, one currency, not empty
   * @param margin the client's margin, finite
   * @return ARPU = total / paying periods, lifetime = paying periods, LTV = total &times; margin
   */
  public static LifetimeValue fromPayments(List<Money> payments, double margin) {
    Checks.notNull("payments", payments);
    Checks.notEmpty("payments", payments);
    Checks.finite("margin", margin);
    Checks.Collector c = Checks.collector();
    Money first = payments.get(0);
    for (int i = 0; i < payments.size(); i++) {
      Money p = payments.get(i);
      String f = "payments[" + i + "]";
      if (p == null) {
        c.add(f, null, "must not be null");
      } else if (p.isNegative()) {
        c.add(f, p, "must be >= 0");
      } else if (first != null && !p.currency().equals(first.currency())) {
        c.add(f, p, "must be in " + first.currency());
      }
    }
    c.throwIfAny();
    MoneyAccumulator total = new MoneyAccumulator(first.currency());
    long paying = 0;
    for (Money p : payments) {
      total.add(p);
      if (!p.isZero()) {
        paying++;
      }
    }
    long idle = payments.size() - paying;
    Money arpu =
        paying == 0
            ? Money.zero(first.currency())
            : Money.of(
                total.toMoney().amount().divide(BigDecimal.valueOf(paying), MathContext.DECIMAL128),
                first.currency(),
                RoundingMode.HALF_UP);
    Money ltv =
        Money.of(
            total.toMoney().amount().multiply(BigDecimal.valueOf(margin)),
            first.currency(),
            RoundingMode.HALF_UP);
    return new LifetimeValue(arpu, paying, idle, margin, ltv);
  }
}
