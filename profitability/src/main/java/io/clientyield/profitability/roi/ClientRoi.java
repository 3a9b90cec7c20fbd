package io.clientyield.profitability.roi;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The client's return on our service (DOMAIN 4.4).
 *
 * <p>Example: extra revenue 1 000 000 at a 20 % client margin plus 50 000 savings is a benefit of
 * 250 000; at a price of 100 000 the ROI is 1.5 (150 %). Monthly benefits 30 000, 30 000, 30 000,
 * 30 000 against a price of 100 000 pay back in month 4 (cumulative 120 000).
 *
 * <p>Stateless; immutable and thread-safe.
 */
public final class ClientRoi {

  private ClientRoi() {}

  /**
   * Benefit = extra revenue &times; client margin + cost savings, rounded half-even ({@code Money.ROUNDING}).
   *
   * @param extraRevenue the client's extra revenue
   * @param clientMargin the client's margin on that revenue: a finite fraction &le; 1 (profit
   *     cannot exceed revenue; a negative margin is a loss-making client)
   * @param costSavings the client's cost savings, same currency
   * @return the benefit
   * @throws io.clientyield.core.ValidationException if an argument is missing, the margin is
   *     not finite or above 1, or the currencies differ
   */
  public static Money benefit(Money extraRevenue, double clientMargin, Money costSavings) {
    Checks.notNull("extraRevenue", extraRevenue);
    Checks.notNull("costSavings", costSavings);
    if (!(Double.isFinite(clientMargin) && clientMargin <= 1)) {
      throw io.clientyield.core.ValidationException.of("clientMargin", clientMargin,
          "must be finite and <= 1 (profit cannot exceed revenue)");
    }
    extraRevenue.requireSameCurrency(costSavings);
    return extraRevenue
        .multipliedBy(BigDecimal.valueOf(clientMargin), Money.ROUNDING)
        .plus(costSavings);
  }

  /**
   * ROI = (benefit &minus; price) / price. Its sign is the sign of benefit &minus; price, which is
   * why a negative price (where the division would turn the sign around) is rejected.
   *
   * @param benefit the benefit (any sign)
   * @param price the price paid, &ge; 0, same currency
   * @return the ROI as a fraction (1.5 means 150 %); empty when the price is zero
   * @throws io.clientyield.core.ValidationException if an argument is missing, the price is
   *     negative, or the currencies differ (naming both)
   */
  public static OptionalDouble roi(Money benefit, Money price) {
    Checks.notNull("benefit", benefit);
    Checks.notNull("price", price);
    if (price.isNegative()) {
      throw io.clientyield.core.ValidationException.of("price", price, "must be >= 0");
    }
    benefit.requireSameCurrency(price);
    return benefit.minus(price).ratioTo(price);
  }

  /**
   * The payback month: the first month (1-based) whose cumulative benefit reaches the price.
   *
   * @param monthlyBenefits benefit per month, in order, no nulls, same currency as price
   * @param price the price to pay back
   * @return the 1-based month; empty if never paid back within the stream; 0 when the price is
   *     zero or negative (paid back before the first month)
   */
  public static OptionalInt paybackMonth(List<Money> monthlyBenefits, Money price) {
    Checks.notNull("monthlyBenefits", monthlyBenefits);
    Checks.notNull("price", price);
    for (int i = 0; i < monthlyBenefits.size(); i++) {
      Money m = monthlyBenefits.get(i);
      if (m == null) {
        throw io.clientyield.core.ValidationException.of(
            "monthlyBenefits[" + i + "]", null, "must not be null");
      }
      m.requireSameCurrency(price);
    }
    if (price.signum() <= 0) {
      return OptionalInt.of(0);
    }
    MoneyAccumulator cum = new MoneyAccumulator(price.currency());
    long target = price.minorUnits();
    for (int i = 0; i < monthlyBenefits.size(); i++) {
      cum.add(monthlyBenefits.get(i));
      if (cum.minorUnits() >= target) {
        return OptionalInt.of(i + 1);
      }
    }
    return OptionalInt.empty();
  }
}
