package io.clientyield.funnel.leads;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The fixed-point solver of the lead-economics chain (package-private): validates what was
 * given, derives every derivable quantity from the three product relations (queries × CTR =
 * visits, visits × site conversion = leads, leads × Cr = contracts) and the money relation
 * (spend = clicks × CPC), and checks that given and derived values agree. {@link LeadInputs}
 * runs it to reject contradictions; the calculators run it to read the derived values.
 *
 * <p>The paid-click rule (see {@link LeadQuantity#CLICKS}) lives here and only here: paid clicks
 * are the {@code CLICKS} quantity, given or derived as spend / CPC; visits are never taken as
 * paid clicks.
 */
final class LeadSolver {

  /** The precision of every exact quotient. */
  static final MathContext MC = MathContext.DECIMAL128;

  private static final LeadQuantity[][] RELATIONS = {
    {LeadQuantity.QUERIES, LeadQuantity.CTR, LeadQuantity.VISITS},
    {LeadQuantity.VISITS, LeadQuantity.SITE_CONVERSION, LeadQuantity.LEADS},
    {LeadQuantity.LEADS, LeadQuantity.CR, LeadQuantity.CONTRACTS}
  };

  private LeadSolver() {}

  /**
   * A solved model: the given quantities, every derived one, and the effective spend and CPC.
   */
  static final class Solution {
    final Map<LeadQuantity, Double> given;
    final Map<LeadQuantity, Double> values;
    final Money averageCheck;
    final Money spend;
    final Money costPerClick;
    final OptionalDouble grossMargin;

    Solution(Map<LeadQuantity, Double> given, Map<LeadQuantity, Double> values,
        Money averageCheck, Money spend, Money costPerClick, OptionalDouble grossMargin) {
      this.given = Collections.unmodifiableMap(given);
      this.values = Collections.unmodifiableMap(values);
      this.averageCheck = averageCheck;
      this.spend = spend;
      this.costPerClick = costPerClick;
      this.grossMargin = grossMargin;
    }

    OptionalDouble value(LeadQuantity q) {
      Double v = values.get(q);
      return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The currency of the model's money, if any money was given. */
    Optional<Currency> currency() {
      Money m = averageCheck != null ? averageCheck : spend != null ? spend : costPerClick;
      return m == null ? Optional.empty() : Optional.of(m.currency());
    }

    /** Revenue = contracts × check, exact. */
    Optional<BigDecimal> revenueExact() {
      OptionalDouble c = value(LeadQuantity.CONTRACTS);
      if (averageCheck == null || c.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(averageCheck.amount().multiply(exact(c.getAsDouble())));
    }

    /** Gross profit = revenue × margin, exact. */
    Optional<BigDecimal> grossExact() {
      if (grossMargin.isEmpty()) {
        return Optional.empty();
      }
      return revenueExact().map(r -> r.multiply(exact(grossMargin.getAsDouble())));
    }

    /** Marketing profit = revenue × margin − spend, exact. */
    Optional<BigDecimal> profitExact() {
      if (spend == null) {
        return Optional.empty();
      }
      return grossExact().map(g -> g.subtract(spend.amount()));
    }

    /** amount / quantity in the model's currency, HALF_EVEN; empty unless the quantity is > 0. */
    Optional<Money> per(Optional<BigDecimal> amount, LeadQuantity q) {
      OptionalDouble d = value(q);
      if (amount.isEmpty() || d.isEmpty() || d.getAsDouble() <= 0) {
        return Optional.empty();
      }
      return LeadSolver.money(amount.get().divide(exact(d.getAsDouble()), MC), currency().orElseThrow(),
          Money.ROUNDING);
    }

    /** spend / quantity; empty without spend. */
    Optional<Money> spendPer(LeadQuantity q) {
      return spend == null ? Optional.empty() : per(Optional.of(spend.amount()), q);
    }

    /** amount rounded to the model's currency; empty without currency or beyond Money's range. */
    Optional<Money> money(BigDecimal amount, RoundingMode rounding) {
      return currency().flatMap(c -> LeadSolver.money(amount, c, rounding));
    }
  }

  /** The exact decimal value of a double. */
  static BigDecimal exact(double d) {
    return BigDecimal.valueOf(d);
  }

  /** numerator / denominator to {@link #MC}; empty when the denominator is zero. */
  static Optional<BigDecimal> quotient(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0
        ? Optional.empty() : Optional.of(numerator.divide(denominator, MC));
  }

  /** A finite double of an exact value; empty when absent or beyond the double range. */
  static OptionalDouble toDouble(Optional<BigDecimal> x) {
    if (x.isEmpty()) {
      return OptionalDouble.empty();
    }
    double d = x.get().doubleValue();
    return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
  }

  /** amount rounded to the currency's minor unit; empty beyond {@link Money#MAX_INTEGER_DIGITS}. */
  static Optional<Money> money(BigDecimal amount, Currency currency, RoundingMode rounding) {
    BigDecimal r = amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), rounding);
    if (r.precision() - r.scale() > Money.MAX_INTEGER_DIGITS) {
      return Optional.empty();
    }
    return Optional.of(Money.of(r, currency));
  }

  static void checkTolerance(double tolerance) {
    Checks.inRange("tolerance", tolerance, 0, LeadInputs.MAX_TOLERANCE);
  }

  static void checkPeriod(String period) {
    Checks.notBlank("period", period);
    if (period.length() > LeadInputs.MAX_PERIOD_LENGTH) {
      throw ValidationException.of("period", period,
          "must have at most " + LeadInputs.MAX_PERIOD_LENGTH + " characters");
    }
  }

  static void checkValue(LeadQuantity quantity, double value) {
    if (quantity.isRate()) {
      Checks.unitInterval(quantity.label(), value);
    } else if (!(value >= 0 && value <= LeadInputs.MAX_COUNT)) {
      throw ValidationException.of(quantity.label(), value,
          "must be finite, >= 0 and <= " + Checks.render(LeadInputs.MAX_COUNT));
    }
  }

  static Money nonNegative(String field, Money m) {
    Checks.notNull(field, m);
    if (m.isNegative()) {
      throw ValidationException.of(field, m, "must be >= 0");
    }
    return m;
  }

  /** Solves validated inputs. */
  static Solution solve(LeadInputs in) {
    return solve(in.quantities(), in.averageCheck().orElse(null), in.spend().orElse(null),
        in.costPerClick().orElse(null), in.grossMargin(), in.period().orElse(null),
        in.tolerance());
  }

  /**
   * Validates the inputs all at once and solves them.
   *
   * @throws ValidationException listing every violation
   */
  static Solution solve(Map<LeadQuantity, Double> givenValues, Money averageCheck, Money spend,
      Money costPerClick, OptionalDouble grossMargin, String period, OptionalDouble tolerance) {
    Checks.Collector v = Checks.collector();
    if (givenValues == null) {
      v.add("inputs", null, "must not be null");
    }
    if (tolerance.isPresent()) {
      v.check(() -> checkTolerance(tolerance.getAsDouble()));
    }
    double tol = tolerance.orElse(LeadInputs.RELATIVE_TOLERANCE);
    if (period != null) {
      v.check(() -> checkPeriod(period));
    }
    Map<LeadQuantity, Double> given = new EnumMap<>(LeadQuantity.class);
    if (givenValues != null) {
      // entries read as Object: a raw or polluted map must fail here, not with a cast deep inside
      for (Map.Entry<?, ?> e : ((Map<?, ?>) givenValues).entrySet()) {
        if (!(e.getKey() instanceof LeadQuantity)) {
          v.add("inputs", e.getKey(), "must contain only lead quantities as keys");
        } else if (!(e.getValue() instanceof Double)) {
          v.add(((LeadQuantity) e.getKey()).label(), e.getValue(), "must be a number");
        } else {
          LeadQuantity f = (LeadQuantity) e.getKey();
          double x = (Double) e.getValue();
          v.check(() -> checkValue(f, x));
          given.put(f, x);
        }
      }
    }
    Money reference = null;
    String[] names = {"averageCheck", "spend", "costPerClick"};
    Money[] money = {averageCheck, spend, costPerClick};
    for (int i = 0; i < money.length; i++) {
      Money m = money[i];
      if (m == null) {
        continue;
      }
      if (m.isNegative()) {
        v.add(names[i], m, "must be >= 0");
      }
      if (reference == null) {
        reference = m;
      } else if (!reference.currency().equals(m.currency())) {
        v.add(names[i], m.currency().getCurrencyCode(), "must equal "
            + reference.currency().getCurrencyCode() + ": cannot mix currencies in one model");
      }
    }
    if (grossMargin.isPresent()) {
      v.check(() -> Checks.unitInterval("grossMargin", grossMargin.getAsDouble()));
    }
    v.throwIfAny();

    Map<LeadQuantity, Double> vals = new EnumMap<>(given);
    derive(vals);
    checkRelations(given, vals, v, tol);
    v.throwIfAny();

    Money effSpend = spend;
    Money effCpc = costPerClick;
    Double clicks = vals.get(LeadQuantity.CLICKS);
    if (spend != null && costPerClick != null) {
      if (clicks != null) {
        BigDecimal product = costPerClick.amount().multiply(exact(clicks));
        BigDecimal halfMinor = BigDecimal.ONE.movePointLeft(spend.amount().scale())
            .divide(BigDecimal.valueOf(2));
        BigDecimal allowed = halfMinor.multiply(exact(Math.max(1.0, clicks)))
            .max(spend.amount().multiply(exact(tol)));
        if (product.subtract(spend.amount()).abs().compareTo(allowed) > 0) {
          v.add("spend", spend, "contradicts clicks × costPerClick = " + Checks.render(clicks)
              + " × " + costPerClick.amount().toPlainString() + " = "
              + product.stripTrailingZeros().toPlainString());
        }
      } else if (costPerClick.signum() > 0) {
        double derived = spend.amount().divide(costPerClick.amount(), MC).doubleValue();
        if (derived > LeadInputs.MAX_COUNT) {
          v.add("clicks", derived, "derived as spend / costPerClick must be <= "
              + Checks.render(LeadInputs.MAX_COUNT));
        }
        vals.put(LeadQuantity.CLICKS, derived);
      }
    } else if (costPerClick != null && clicks != null) {
      effSpend = money(costPerClick.amount().multiply(exact(clicks)), costPerClick.currency(),
          Money.ROUNDING).orElse(null);
      if (effSpend == null) {
        v.add("spend", null, "derived as clicks × costPerClick must have at most "
            + Money.MAX_INTEGER_DIGITS + " integer digits");
      }
    } else if (spend != null && clicks != null && clicks > 0) {
      effCpc = money(spend.amount().divide(exact(clicks), MC), spend.currency(), Money.ROUNDING)
          .orElse(null);
    }
    v.throwIfAny();
    return new Solution(given, vals, averageCheck, effSpend, effCpc, grossMargin);
  }

  private static void derive(Map<LeadQuantity, Double> v) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (LeadQuantity[] r : RELATIONS) {
        Double a = v.get(r[0]);
        Double b = v.get(r[1]);
        Double c = v.get(r[2]);
        if (a != null && b != null && c == null) {
          v.put(r[2], a * b);
          changed = true;
        } else if (a != null && c != null && b == null && a > 0) {
          v.put(r[1], c / a);
          changed = true;
        } else if (b != null && c != null && a == null && b > 0) {
          v.put(r[0], c / b);
          changed = true;
        }
      }
    }
  }

  private static void checkRelations(Map<LeadQuantity, Double> given,
      Map<LeadQuantity, Double> v, Checks.Collector violations, double tolerance) {
    for (LeadQuantity[] r : RELATIONS) {
      Double a = v.get(r[0]);
      Double b = v.get(r[1]);
      Double c = v.get(r[2]);
      if (a != null && b != null && c != null) {
        double p = a * b;
        if (Math.abs(p - c) > tolerance * Math.max(Math.abs(p), Math.abs(c))) {
          violations.add(r[2].label(), c, "contradicts " + r[0].label() + " × " + r[1].label()
              + " = " + Checks.render(a) + " × " + Checks.render(b) + " = " + Checks.render(p));
        }
      } else if (c != null && c > 0 && (a != null && a == 0 || b != null && b == 0)) {
        LeadQuantity zero = a != null && a == 0 ? r[0] : r[1];
        violations.add(r[2].label(), c, "must be 0 when " + zero.label() + " is 0");
      }
    }
    v.forEach((f, x) -> {
      if (given.containsKey(f)) {
        return;
      }
      if (f.isRate() && x > 1) {
        violations.add(f.label(), x, "derived from its relation must be in [0, 1]");
      } else if (!f.isRate() && !(x <= LeadInputs.MAX_COUNT)) {
        violations.add(f.label(), x, "derived from its relation must be <= "
            + Checks.render(LeadInputs.MAX_COUNT));
      }
    });
  }
}
