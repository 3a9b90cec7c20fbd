package io.clientyield.funnel.leads;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The lead-economics chain of one channel for one period: queries × CTR = visits; visits × site
 * conversion = leads; leads × Cr = contracts; contracts × check = revenue.
 *
 * <p>Counts are <em>expected counts</em> (doubles, may be fractional, e.g. 12.5 visits a day);
 * round only for display. Rates are doubles in [0, 1]. Any consistent subset of inputs is
 * enough: each product relation c = a × b derives the missing third value from the other two,
 * repeatedly, and {@link #isGiven(Field)} says which values were given. A value that is given
 * and also derivable must agree within {@link #RELATIVE_TOLERANCE}, else a
 * {@link ValidationException} names both sides. A value that cannot be derived is empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class LeadEconomics {

  /** Relative tolerance for given-versus-derived agreement: 1e-9. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /** Rounding of money divisions at the currency scale. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  private final Map<Field, Double> values;
  private final Map<Field, Boolean> given;
  private final Money averageCheck;
  private final Money spend;
  private final OptionalDouble grossMargin;

  private LeadEconomics(Map<Field, Double> values, Map<Field, Boolean> given, Money averageCheck,
      Money spend, OptionalDouble grossMargin) {
    this.values = values;
    this.given = given;
    this.averageCheck = averageCheck;
    this.spend = spend;
    this.grossMargin = grossMargin;
  }

  /** @return a new builder with no inputs */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param field the quantity
   * @return its value (expected count or rate), empty when neither given nor derivable
   */
  public OptionalDouble value(Field field) {
    Double v = values.get(field);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * @param field the quantity
   * @return true when the value was given as input, false when derived or absent
   */
  public boolean isGiven(Field field) {
    return Boolean.TRUE.equals(given.get(field));
  }

  /** @return the average check, if given */
  public Optional<Money> averageCheck() {
    return Optional.ofNullable(averageCheck);
  }

  /** @return the spend of the period, if given */
  public Optional<Money> spend() {
    return Optional.ofNullable(spend);
  }

  /** @return revenue = contracts × check, rounded HALF_EVEN to the currency scale; empty if either is missing */
  public Optional<Money> revenue() {
    OptionalDouble c = value(Field.CONTRACTS);
    if (averageCheck == null || c.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(averageCheck.multipliedBy(c.getAsDouble(), ROUNDING));
  }

  /** @return CPL = spend / leads; empty without spend or with zero/unknown leads */
  public Optional<Money> costPerLead() {
    return spendPer(Field.LEADS);
  }

  /** @return CAC = spend / contracts; empty without spend or with zero/unknown contracts */
  public Optional<Money> costPerContract() {
    return spendPer(Field.CONTRACTS);
  }

  /** @return cost per visitor = spend / visits; empty when undefined */
  public Optional<Money> costPerVisitor() {
    return spendPer(Field.VISITS);
  }

  /** @return revenue per visitor = revenue / visits; empty when undefined */
  public Optional<Money> revenuePerVisitor() {
    OptionalDouble v = value(Field.VISITS);
    return revenue().filter(r -> v.isPresent() && v.getAsDouble() > 0)
        .map(r -> r.dividedBy(v.getAsDouble(), ROUNDING));
  }

  /**
   * ROMI = (revenue × gross margin − spend) / spend.
   *
   * @return the ratio; empty without revenue, margin or spend, or when spend is zero
   */
  public OptionalDouble romi() {
    Optional<Money> r = revenue();
    if (r.isEmpty() || grossMargin.isEmpty() || spend == null || spend.isZero()) {
      return OptionalDouble.empty();
    }
    double gross = r.get().amount().doubleValue() * grossMargin.getAsDouble();
    double s = spend.amount().doubleValue();
    return OptionalDouble.of((gross - s) / s);
  }

  /**
   * Scales every count and money amount by an explicit period factor (e.g. 365 to go from a
   * day to a year); rates stay unchanged.
   *
   * @param factor a finite positive factor
   * @return the scaled model
   */
  public LeadEconomics scaledBy(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw ValidationException.of("factor", factor, "must be finite and > 0");
    }
    Map<Field, Double> v = new EnumMap<>(Field.class);
    values.forEach((f, x) -> v.put(f, isRate(f) ? x : x * factor));
    return new LeadEconomics(v, given, averageCheck,
        spend == null ? null : spend.multipliedBy(factor, ROUNDING), grossMargin);
  }

  /**
   * Inverse question: expected leads needed for a revenue target, target / (Cr × check).
   *
   * @param revenueTarget the target revenue, same currency as the check
   * @return the expected lead count; empty without Cr or check, or when Cr × check is zero
   */
  public OptionalDouble leadsNeededFor(Money revenueTarget) {
    OptionalDouble cr = value(Field.CR);
    if (averageCheck == null || cr.isEmpty() || cr.getAsDouble() == 0 || averageCheck.isZero()) {
      return OptionalDouble.empty();
    }
    averageCheck.requireSameCurrency(revenueTarget);
    return OptionalDouble.of(revenueTarget.amount().doubleValue()
        / (cr.getAsDouble() * averageCheck.amount().doubleValue()));
  }

  /**
   * Inverse question: the highest CPL that still breaks even (ROMI = 0),
   * Cr × check × gross margin, rounded HALF_EVEN to the currency scale.
   *
   * @return the break-even CPL; empty without Cr, check or margin
   */
  public Optional<Money> breakEvenCostPerLead() {
    OptionalDouble cr = value(Field.CR);
    if (averageCheck == null || cr.isEmpty() || grossMargin.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(averageCheck.multipliedBy(cr.getAsDouble() * grossMargin.getAsDouble(),
        ROUNDING));
  }

  private Optional<Money> spendPer(Field f) {
    OptionalDouble d = value(f);
    if (spend == null || d.isEmpty() || d.getAsDouble() <= 0) {
      return Optional.empty();
    }
    return Optional.of(spend.dividedBy(d.getAsDouble(), ROUNDING));
  }

  static boolean isRate(Field f) {
    return f == Field.CTR || f == Field.SITE_CONVERSION || f == Field.CR;
  }

  /** Collects the inputs of a {@link LeadEconomics}; not thread-safe. */
  public static final class Builder {
    private final Map<Field, Double> values = new EnumMap<>(Field.class);
    private Money averageCheck;
    private Money spend;
    private OptionalDouble grossMargin = OptionalDouble.empty();

    private Builder() {}

    /**
     * Gives one quantity.
     *
     * @param field the quantity
     * @param value an expected count ≥ 0, or a rate in [0, 1]
     * @return this builder
     * @throws ValidationException naming the field if the value is negative, NaN, infinite or
     *     (for a rate) above 1
     */
    public Builder set(Field field, double value) {
      String name = field.name().toLowerCase();
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw ValidationException.of(name, value, "must be finite and >= 0");
      }
      if (isRate(field) && value > 1) {
        throw ValidationException.of(name, value, "must be in [0, 1]");
      }
      values.put(field, value);
      return this;
    }

    /** @param check the average contract value @return this builder */
    public Builder averageCheck(Money check) {
      this.averageCheck = check;
      return this;
    }

    /** @param spend the period's spend @return this builder */
    public Builder spend(Money spend) {
      this.spend = spend;
      return this;
    }

    /** @param margin gross margin in [0, 1] @return this builder */
    public Builder grossMargin(double margin) {
      if (!(margin >= 0 && margin <= 1)) {
        throw ValidationException.of("grossMargin", margin, "must be in [0, 1]");
      }
      this.grossMargin = OptionalDouble.of(margin);
      return this;
    }

    /**
     * Derives the missing values and checks consistency.
     *
     * @return the model
     * @throws ValidationException when a given value contradicts the derived one
     */
    public LeadEconomics build() {
      Map<Field, Double> v = new EnumMap<>(values);
      Map<Field, Boolean> g = new EnumMap<>(Field.class);
      values.keySet().forEach(f -> g.put(f, true));
      Field[][] rel = {
        {Field.QUERIES, Field.CTR, Field.VISITS},
        {Field.VISITS, Field.SITE_CONVERSION, Field.LEADS},
        {Field.LEADS, Field.CR, Field.CONTRACTS}
      };
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Field[] r : rel) {
          Double a = v.get(r[0]);
          Double b = v.get(r[1]);
          Double c = v.get(r[2]);
          if (a != null && b != null) {
            double p = a * b;
            if (c == null) {
              v.put(r[2], p);
              changed = true;
            } else if (Math.abs(p - c) > RELATIVE_TOLERANCE * Math.max(Math.abs(p), Math.abs(c))) {
              throw ValidationException.of(r[2].name().toLowerCase(), c,
                  "contradicts " + r[0].name().toLowerCase() + " × " + r[1].name().toLowerCase()
                      + " = " + a + " × " + b + " = " + p);
            }
          } else if (a != null && c != null && a > 0) {
            double q = c / a;
            if (isRate(r[1]) && q > 1) {
              throw ValidationException.of(r[1].name().toLowerCase(), q,
                  "derived as " + r[2].name().toLowerCase() + " / " + r[0].name().toLowerCase()
                      + " must be in [0, 1]");
            }
            v.put(r[1], q);
            changed = true;
          } else if (b != null && c != null && b > 0) {
            v.put(r[0], c / b);
            changed = true;
          }
        }
      }
      return new LeadEconomics(v, g, averageCheck, spend, grossMargin);
    }
  }
}
