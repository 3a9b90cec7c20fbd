package io.clientyield.profitability.ltv;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * Computes a client's {@link LifetimeValue} (DOMAIN 4.7): LTV = ARPU &times; lifetime &times;
 * margin, from given parameters or from a payment history, rounded once at the end with
 * {@link Money#ROUNDING} (half-even).
 *
 * <p>Example: payments 100, 0, 200, 0, 300 over five months at a 30 % margin: paying periods 3,
 * idle 2, ARPU 200, LTV = 200 &times; 3 &times; 0.3 = 180.
 *
 * <p>Stateless and thread-safe.
 */
public final class LifetimeValues {

  /** The largest margin: profit cannot exceed revenue while costs are non-negative. */
  private static final double MAX_MARGIN = 1.0;

  private LifetimeValues() {}

  /**
   * LTV from given parameters: {@code arpu × payingPeriods × margin}, rounded half-even
   * ({@code Money.ROUNDING}).
   *
   * @param arpu average revenue per paying period, &ge; 0
   * @param payingPeriods lifetime in paying periods, &ge; 0
   * @param margin margin, finite and &le; 1
   * @return the lifetime value with zero idle periods
   * @throws ValidationException naming every bad argument, or {@code ltv} if the product has more
   *     than {@link Money#MAX_INTEGER_DIGITS} integer digits
   */
  public static LifetimeValue lifetimeValue(Money arpu, long payingPeriods, double margin) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("arpu", arpu));
    c.check(() -> Checks.nonNegative("payingPeriods", payingPeriods));
    checkMargin(c, margin);
    if (arpu != null && arpu.isNegative()) {
      c.add("arpu", arpu, "must be >= 0");
    }
    c.throwIfAny();
    BigDecimal v = arpu.amount().multiply(BigDecimal.valueOf(payingPeriods))
        .multiply(BigDecimal.valueOf(margin));
    return new LifetimeValue(Optional.of(arpu), payingPeriods, 0, margin,
        ltv(v, arpu));
  }

  /**
   * LTV from a payment history: one payment per period, zero for an idle period.
   *
   * <p>A history without any paying period (all payments zero) has an empty ARPU and a zero LTV.
   *
   * @param payments per-period payments, &ge; 0, one currency, not empty, no null element
   * @param margin the client's margin, finite and &le; 1
   * @return ARPU = total / paying periods (empty with none), lifetime = paying periods, LTV =
   *     total &times; margin
   * @throws ValidationException naming every bad argument ({@code payments[i]} for an element)
   */
  public static LifetimeValue lifetimeValue(List<Money> payments, double margin) {
    Checks.notNull("payments", payments);
    Checks.notEmpty("payments", payments);
    Checks.Collector c = Checks.collector();
    checkMargin(c, margin);
    Money first = null;
    for (int i = 0; i < payments.size(); i++) {
      Money p = payments.get(i);
      String f = "payments[" + i + "]";
      if (p == null) {
        c.add(f, null, "must not be null");
        continue;
      }
      if (first == null) {
        first = p;
      }
      if (p.isNegative()) {
        c.add(f, p, "must be >= 0");
      }
      if (!p.currency().equals(first.currency())) {
        c.add(f, p, mix(first, p));
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
    BigDecimal sum = total.result().amount();
    Optional<Money> arpu = paying == 0 ? Optional.empty()
        : Optional.of(Money.of(sum.divide(BigDecimal.valueOf(paying), MathContext.DECIMAL128),
            first.currency(), Money.ROUNDING));
    Money ltv = ltv(sum.multiply(BigDecimal.valueOf(margin)), first);
    return new LifetimeValue(arpu, paying, idle, margin, ltv);
  }

  private static void checkMargin(Checks.Collector c, double margin) {
    if (!(Double.isFinite(margin) && margin <= MAX_MARGIN)) {
      c.add("margin", margin, "must be finite and <= 1 (profit cannot exceed revenue)");
    }
  }

  private static String mix(Money expected, Money actual) {
    return "must be in " + expected.currency().getCurrencyCode() + ": cannot mix "
        + expected.currency().getCurrencyCode() + " and " + actual.currency().getCurrencyCode();
  }

  private static Money ltv(BigDecimal value, Money like) {
    try {
      return Money.of(value, like.currency(), Money.ROUNDING);
    } catch (ValidationException e) {
      throw ValidationException.of("ltv", value.toPlainString(),
          "must have at most " + Money.MAX_INTEGER_DIGITS + " integer digits");
    }
  }

  /**
   * A client's lifetime value: LTV = ARPU &times; lifetime &times; margin, as computed by
   * {@link LifetimeValues}. Its JSON form is its components.
   *
   * <p>Example: payments 100, 0, 200, 0, 300 over five months at a 30 % margin: paying periods 3,
   * idle 2, ARPU 200, LTV = 200 &times; 3 &times; 0.3 = 180.
   *
   * <p>Inputs are validated at the boundary, all problems of one call reported together in one
   * {@link ValidationException}: money must be present, non-negative and in one currency; the
   * margin must be finite and at most 1 (profit cannot exceed revenue while costs are
   * non-negative; a negative margin, a loss-making client, gives a negative LTV); period counts
   * must be &ge; 0. Nothing is ever NaN or infinite: ARPU of a history without a paying period has
   * a zero denominator and is {@linkplain Optional#empty() empty} (its LTV is then zero).
   *
   * <p>Immutable and thread-safe.
   *
   * @param arpu average revenue per paying period, &ge; 0; empty when there was no paying period
   *     (undefined: zero revenue over zero periods)
   * @param payingPeriods lifetime in paying periods, &ge; 0
   * @param idlePeriods periods without payment, netted out of the lifetime, &ge; 0
   * @param margin the client's margin, a finite fraction &le; 1
   * @param ltv arpu &times; payingPeriods &times; margin, rounded half-even ({@code Money.ROUNDING}),
   *     in the currency of arpu
   */
  public record LifetimeValue(
      @JsonProperty("arpu") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Money> arpu,
      @JsonProperty("payingPeriods") long payingPeriods,
      @JsonProperty("idlePeriods") long idlePeriods,
      @JsonProperty("margin") double margin,
      @JsonProperty("ltv") Money ltv) {

    /**
     * Validates the components, reporting every violation at once.
     *
     * @throws ValidationException if ltv is missing, arpu is negative, arpu and ltv differ in
     *     currency, arpu is empty although there were paying periods, a count is negative, or the
     *     margin is out of range
     */
    @JsonCreator
    public LifetimeValue {
      arpu = arpu == null ? Optional.empty() : arpu;
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.notNull("ltv", ltv));
      c.check(() -> Checks.nonNegative("payingPeriods", payingPeriods));
      c.check(() -> Checks.nonNegative("idlePeriods", idlePeriods));
      checkMargin(c, margin);
      if (arpu.isPresent()) {
        Money a = arpu.get();
        if (a.isNegative()) {
          c.add("arpu", a, "must be >= 0");
        }
        if (ltv != null && !a.currency().equals(ltv.currency())) {
          c.add("ltv", ltv, mix(a, ltv));
        }
      } else if (payingPeriods > 0) {
        c.add("arpu", null, "must be present when payingPeriods (" + payingPeriods + ") > 0");
      }
      c.throwIfAny();
    }
  }
}
