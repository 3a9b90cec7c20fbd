package io.clientyield.cli.report;

import io.clientyield.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The one number formatter of a report: every count, amount and percentage on a page, in its
 * console text and on its chart axes goes through here, so {@code 8,800} never stands beside
 * {@code 8800}. Thousands are separated by a comma; money is in whole units with its currency
 * code once it reaches {@value #WHOLE_UNITS_FROM} (cents only below, and only when there are any); percentages have one
 * decimal and a space before the sign.
 */
public final class Format {
  /** From this amount on, money is shown in whole units. */
  public static final int WHOLE_UNITS_FROM = 1000;
  /** The text of a value that is undefined (an empty ratio, a missing date). */
  public static final String NONE = "–";

  private Format() {}

  private static DecimalFormat pattern(String p) {
    DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f;
  }

  /**
   * A count with thousands separators.
   *
   * @param n the count
   * @return e.g. {@code 8,800}
   */
  public static String count(long n) {
    return pattern("#,##0").format(n);
  }

  /**
   * A decimal number with thousands separators.
   *
   * @param v the number
   * @param decimals the decimals shown
   * @return e.g. {@code 1,234.5}
   */
  public static String number(double v, int decimals) {
    return pattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)).format(v);
  }

  /**
   * Money with thousands separators and its currency code: whole units from {@value
   * #WHOLE_UNITS_FROM} on, cents below.
   *
   * @param m the money
   * @return e.g. {@code 1,234,567 USD} or {@code 20.00 EUR}
   */
  public static String money(Money m) {
    BigDecimal a = m.amount();
    boolean whole = a.abs().compareTo(BigDecimal.valueOf(WHOLE_UNITS_FROM)) >= 0 || a.signum() == 0
        || a.stripTrailingZeros().scale() <= 0;
    String text = whole
        ? pattern("#,##0").format(a.setScale(0, Money.ROUNDING))
        : pattern("#,##0.00").format(a);
    return text + " " + m.currency().getCurrencyCode();
  }

  /**
   * A share as a percentage with one decimal.
   *
   * @param share the share (0.639 = 63.9 %)
   * @return e.g. {@code 63.9 %}
   */
  public static String percent(double share) {
    return pattern("0.0").format(BigDecimal.valueOf(share).movePointRight(2)) + " %";
  }

  /**
   * A share that may be undefined.
   *
   * @param share the share
   * @return the percentage, or {@value #NONE}
   */
  public static String percent(OptionalDouble share) {
    return share.isPresent() ? percent(share.getAsDouble()) : NONE;
  }

  /**
   * A signed difference of shares in percentage points.
   *
   * @param points the difference (0.05 = +5.0 points)
   * @return e.g. {@code +5.0 pts}
   */
  public static String points(double points) {
    String s = pattern("0.0").format(BigDecimal.valueOf(Math.abs(points)).movePointRight(2));
    return (points < 0 ? "−" : "+") + s + " pts";
  }

  /**
   * A signed count.
   *
   * @param n the count
   * @return e.g. {@code +12} or {@code −3}
   */
  public static String signedCount(long n) {
    return n == 0 ? "0" : (n < 0 ? "−" : "+") + count(Math.abs(n));
  }

  /**
   * Signed money.
   *
   * @param m the money
   * @return e.g. {@code +12,000 USD}
   */
  public static String signedMoney(Money m) {
    int sign = m.amount().signum();
    return sign == 0 ? money(m) : sign < 0 ? "−" + money(m.negated()) : "+" + money(m);
  }

  /**
   * The format of a chart's value axis: thousands separators, no decimals unless the axis needs
   * them.
   *
   * @return a new format
   */
  public static NumberFormat axisNumber() {
    DecimalFormat f = pattern("#,##0.##");
    return f;
  }

  /**
   * The format of a chart's percentage axis (values are shares: 0.5 is 50 %).
   *
   * @return a new format
   */
  public static NumberFormat axisPercent() {
    DecimalFormat f = pattern("0.# %");
    return f;
  }
}
