package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.Rate;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is known of one channel for one period (DOMAIN 3): the given quantities of the chain
 * queries × CTR = visits; visits × site conversion = leads; leads × Cr = contracts; contracts ×
 * average check = revenue; paid clicks × CPC = spend — plus the money, the gross margin, the
 * period and the tolerance. Only what was given is held here; {@link LeadEconomics#metrics}
 * derives the rest.
 *
 * <p>Counts are <em>expected counts</em> (doubles, may be fractional, e.g. 12.5 visits a day);
 * rates are doubles in [0, 1]; money is exact ({@link Money}).
 *
 * <p><b>Consistency.</b> Any consistent subset of quantities is enough: each product relation
 * derives its missing third value from the other two, repeatedly; spend, CPC and clicks derive
 * each other the same way. The compact constructor (so the builder and the JSON reader as well)
 * rejects, all at once in one {@link ValidationException} naming each field and value: a rate
 * outside [0, 1], a negative, non-finite or absurd count (above {@link #MAX_COUNT}), negative
 * money, money in different currencies, a given value that contradicts its relation beyond the
 * relative tolerance ({@link #RELATIVE_TOLERANCE} unless a looser one is stated for rounded
 * real-world figures), a derived rate above 1, and a given spend that differs from clicks × CPC
 * by more than half a minor unit per click.
 *
 * <p><b>Paid clicks.</b> Only {@link LeadQuantity#CLICKS} counts paid clicks (given, or derived
 * as spend / CPC); visits are never taken as paid clicks. So a CPC without clicks gives neither
 * a spend nor a CPC ceiling: state the clicks (equal to the visits when every visit is paid).
 *
 * <p><b>Period.</b> The period is a label of what the counts and spend are per: a length such as
 * {@code day}, {@code month} or {@code year}, or a dated {@link ReportingPeriod} given through
 * {@link Builder#period(ReportingPeriod)} and kept as its label (e.g. {@code 2026-Q1}). A label
 * rather than a {@code ReportingPeriod} because "per day" has no dates; {@link PeriodScale}
 * converts between lengths and always states its factor.
 *
 * <p>JSON form (absent values omitted): {@code {"inputs":{"LEADS":120.0,"CR":0.05},
 * "averageCheck":{"amount":"1000.00","currency":"EUR"},"spend":{...},"costPerClick":{...},
 * "grossMargin":0.4,"period":"day","tolerance":0.001}}.
 *
 * <p>Example (DOMAIN 3): 250 queries/day × CTR 5 % × site conversion 1 % × Cr 5 %, scaled by 365
 * days: 4 562.5 visits, 45.6 leads, 2.28 contracts a year.
 *
 * <p>Immutable and thread-safe.
 *
 * @param quantities the given quantities (JSON {@code inputs}): expected counts in [0,
 *     {@link #MAX_COUNT}] and rates in [0, 1], in {@link LeadQuantity} order
 * @param averageCheck the average check (average contract value), &gt;= 0
 * @param spend the given spend of the period (the channel's marketing budget), &gt;= 0
 * @param costPerClick the given CPC, the cost per paid click, &gt;= 0
 * @param grossMargin the gross margin in [0, 1] (share of revenue left after direct costs)
 * @param period what the counts and spend are per, a non-blank label of at most
 *     {@link #MAX_PERIOD_LENGTH} characters
 * @param tolerance the stated relative tolerance for given-versus-derived agreement, in [0,
 *     {@link #MAX_TOLERANCE}]; absent means {@link #RELATIVE_TOLERANCE}
 */
@JsonPropertyOrder({"inputs", "averageCheck", "spend", "costPerClick", "grossMargin", "period",
    "tolerance"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LeadInputs(
    @JsonProperty("inputs") Map<LeadQuantity, Double> quantities,
    @JsonProperty("averageCheck") Optional<Money> averageCheck,
    @JsonProperty("spend") Optional<Money> spend,
    @JsonProperty("costPerClick") Optional<Money> costPerClick,
    @JsonProperty("grossMargin") OptionalDouble grossMargin,
    @JsonProperty("period") Optional<String> period,
    @JsonProperty("tolerance") OptionalDouble tolerance) {

  /** The default relative tolerance for given-versus-derived agreement: 1e-9. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /** The largest expected count accepted, given or derived: 1e15 per period. */
  public static final double MAX_COUNT = 1e15;

  /** The loosest relative tolerance accepted: 0.5. */
  public static final double MAX_TOLERANCE = 0.5;

  /** The longest period label accepted: 64 characters. */
  public static final int MAX_PERIOD_LENGTH = 64;

  /** Validates every input and their consistency (absent optionals may be null). */
  @JsonCreator
  public LeadInputs {
    averageCheck = averageCheck == null ? Optional.empty() : averageCheck;
    spend = spend == null ? Optional.empty() : spend;
    costPerClick = costPerClick == null ? Optional.empty() : costPerClick;
    grossMargin = grossMargin == null ? OptionalDouble.empty() : grossMargin;
    period = period == null ? Optional.empty() : period;
    tolerance = tolerance == null ? OptionalDouble.empty() : tolerance;
    quantities = LeadSolver.solve(quantities, averageCheck.orElse(null), spend.orElse(null),
        costPerClick.orElse(null), grossMargin, period.orElse(null), tolerance).given;
  }

  /**
   * Returns a new builder with no inputs.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with these inputs, to change one and rebuild.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(quantities);
    b.averageCheck = averageCheck.orElse(null);
    b.spend = spend.orElse(null);
    b.costPerClick = costPerClick.orElse(null);
    b.grossMargin = grossMargin;
    b.period = period.orElse(null);
    b.tolerance = tolerance;
    return b;
  }

  /**
   * Returns the relative tolerance in force: the stated one, or {@link #RELATIVE_TOLERANCE}.
   *
   * @return the tolerance
   */
  public double effectiveTolerance() {
    return tolerance.orElse(RELATIVE_TOLERANCE);
  }

  /**
   * Returns whether a quantity was given.
   *
   * @param quantity the quantity
   * @return true when given
   * @throws ValidationException if the quantity is null
   */
  public boolean isGiven(LeadQuantity quantity) {
    Checks.notNull("quantity", quantity);
    return quantities.containsKey(quantity);
  }

  /**
   * Scales every given count and the given spend by an explicit factor (e.g. 365 to go from a
   * day to a year of 365 days); rates, the check, the CPC and the margin stay unchanged, and the
   * rest is re-derived, so provenance is kept. The spend is rounded with {@link Money#ROUNDING}.
   * A stated period label is kept, prefixed by the factor: {@code day} scaled by 365 is per
   * {@code 365 × day} (use {@link #scaled(PeriodScale)} to name the result {@code year}).
   *
   * @param factor a finite factor &gt; 0
   * @return the scaled inputs
   * @throws ValidationException if the factor is not finite and positive, a scaled count exceeds
   *     {@link #MAX_COUNT}, or the scaled label exceeds {@link #MAX_PERIOD_LENGTH}
   */
  public LeadInputs scaledBy(double factor) {
    Checks.positive("factor", factor);
    return scale(factor, period.map(p -> Checks.render(factor) + " × " + p).orElse(null));
  }

  /**
   * Scales the inputs by a stated period scale, e.g. {@code PeriodScale.dayToYear(365)} (see
   * {@link #scaledBy(double)}); the result is per {@code scale.to()}.
   *
   * @param scale the scale; when these inputs state their period, {@code scale.from()} must
   *     equal it
   * @return the scaled inputs, their period set to {@code scale.to()}
   * @throws ValidationException if the scale is null or starts from another period
   */
  public LeadInputs scaled(PeriodScale scale) {
    Checks.notNull("scale", scale);
    if (period.isPresent() && !period.get().equals(scale.from())) {
      throw ValidationException.of("scale.from", scale.from(),
          "must equal the model's period \"" + period.get() + "\"");
    }
    return scale(scale.factor(), scale.to());
  }

  private LeadInputs scale(double factor, String newPeriod) {
    Checks.positive("factor", factor);
    Map<LeadQuantity, Double> v = new EnumMap<>(LeadQuantity.class);
    quantities.forEach((f, x) -> v.put(f, f.isRate() ? x : x * factor));
    return new LeadInputs(v, averageCheck,
        spend.map(s -> s.multipliedBy(factor, Money.ROUNDING)), costPerClick, grossMargin,
        Optional.ofNullable(newPeriod), tolerance);
  }

  /** Returns the given inputs, e.g. {@code LeadInputs{leads=60, cr=0.02, per day}}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("LeadInputs{");
    quantities.forEach((f, x) -> s.append(f.label()).append('=').append(Checks.render(x))
        .append(", "));
    averageCheck.ifPresent(m -> s.append("averageCheck=").append(m).append(", "));
    spend.ifPresent(m -> s.append("spend=").append(m).append(", "));
    costPerClick.ifPresent(m -> s.append("costPerClick=").append(m).append(", "));
    grossMargin.ifPresent(m -> s.append("grossMargin=").append(Checks.render(m)).append(", "));
    period.ifPresent(p -> s.append("per ").append(p).append(", "));
    tolerance.ifPresent(t -> s.append("tolerance=").append(Checks.render(t)).append(", "));
    if (s.charAt(s.length() - 1) == ' ') {
      s.setLength(s.length() - 2);
    }
    return s.append('}').toString();
  }

  /**
   * Collects {@link LeadInputs}; each setter validates its argument at once (a null is a
   * {@link ValidationException} naming the field) and {@link #build()} checks consistency.
   * Every attribute is optional. Not thread-safe.
   */
  public static final class Builder {
    private final Map<LeadQuantity, Double> values = new EnumMap<>(LeadQuantity.class);
    private Money averageCheck;
    private Money spend;
    private Money costPerClick;
    private OptionalDouble grossMargin = OptionalDouble.empty();
    private String period;
    private OptionalDouble tolerance = OptionalDouble.empty();

    private Builder() {}

    /**
     * Gives one quantity (replacing an earlier value of the same quantity).
     *
     * @param quantity the quantity
     * @param value an expected count in [0, {@link #MAX_COUNT}], or a rate in [0, 1]
     * @return this builder
     * @throws ValidationException naming the quantity if it is null, or the value is NaN,
     *     infinite, negative, above {@link #MAX_COUNT}, or (for a rate) above 1
     */
    public Builder set(LeadQuantity quantity, double value) {
      Checks.notNull("field", quantity);
      LeadSolver.checkValue(quantity, value);
      values.put(quantity, value);
      return this;
    }

    /**
     * Gives one rate as a validated {@link Rate}, e.g.
     * {@code set(LeadQuantity.CTR, Rate.ofPercent(5))}.
     *
     * @param quantity a rate quantity (CTR, site conversion, Cr)
     * @param rate the rate
     * @return this builder
     * @throws ValidationException if either is null or the quantity is a count
     */
    public Builder set(LeadQuantity quantity, Rate rate) {
      Checks.notNull("field", quantity);
      Checks.notNull(quantity.label(), rate);
      if (!quantity.isRate()) {
        throw ValidationException.of("field", quantity, "must be a rate field to take a Rate");
      }
      return set(quantity, rate.value());
    }

    /**
     * Removes a given quantity, so that it is derived again.
     *
     * @param quantity the quantity
     * @return this builder
     * @throws ValidationException if the quantity is null
     */
    public Builder unset(LeadQuantity quantity) {
      Checks.notNull("field", quantity);
      values.remove(quantity);
      return this;
    }

    /**
     * Gives the average check (average contract value).
     *
     * @param check the check, &gt;= 0
     * @return this builder
     * @throws ValidationException if null or negative
     */
    public Builder averageCheck(Money check) {
      this.averageCheck = LeadSolver.nonNegative("averageCheck", check);
      return this;
    }

    /**
     * Gives the spend of the period (the marketing budget of the channel).
     *
     * @param spend the spend, &gt;= 0
     * @return this builder
     * @throws ValidationException if null or negative
     */
    public Builder spend(Money spend) {
      this.spend = LeadSolver.nonNegative("spend", spend);
      return this;
    }

    /**
     * Gives CPC, the cost per paid click (spend = clicks × CPC; see the paid-click rule of
     * {@link LeadInputs}).
     *
     * @param cpc the CPC, &gt;= 0
     * @return this builder
     * @throws ValidationException if null or negative
     */
    public Builder costPerClick(Money cpc) {
      this.costPerClick = LeadSolver.nonNegative("costPerClick", cpc);
      return this;
    }

    /**
     * Gives the gross margin (share of revenue left after direct costs).
     *
     * @param margin gross margin in [0, 1]
     * @return this builder
     * @throws ValidationException if outside [0, 1] or NaN
     */
    public Builder grossMargin(double margin) {
      this.grossMargin = OptionalDouble.of(Checks.unitInterval("grossMargin", margin));
      return this;
    }

    /**
     * Gives the gross margin as a validated {@link Rate}.
     *
     * @param margin the margin
     * @return this builder
     * @throws ValidationException if null
     */
    public Builder grossMargin(Rate margin) {
      Checks.notNull("grossMargin", margin);
      return grossMargin(margin.value());
    }

    /**
     * States what the counts and spend are per, e.g. {@code day}, {@code month}, {@code year};
     * a channel comparison refuses to mix periods.
     *
     * @param period a non-blank label of at most {@link #MAX_PERIOD_LENGTH} characters
     * @return this builder
     * @throws ValidationException if null, blank or too long
     */
    public Builder period(String period) {
      Checks.notNull("period", period);
      LeadSolver.checkPeriod(period);
      this.period = period;
      return this;
    }

    /**
     * States a dated reporting period the counts and spend are totals of, kept as its label
     * ({@code 2026-09}, {@code 2026-Q1}, {@code 2026} or {@code 2026-09-01..2026-09-15}).
     *
     * @param period the reporting period
     * @return this builder
     * @throws ValidationException if null
     */
    public Builder period(ReportingPeriod period) {
      Checks.notNull("period", period);
      return period(period.label());
    }

    /**
     * States a looser relative tolerance for given-versus-derived agreement, for rounded
     * real-world figures (e.g. 0.01 accepts visits within 1 % of queries × CTR); the default
     * is {@link #RELATIVE_TOLERANCE}. It also loosens spend versus clicks × CPC.
     *
     * @param tolerance the relative tolerance in [0, {@link #MAX_TOLERANCE}]
     * @return this builder
     * @throws ValidationException if outside the range or NaN
     */
    public Builder tolerance(double tolerance) {
      LeadSolver.checkTolerance(tolerance);
      this.tolerance = OptionalDouble.of(tolerance);
      return this;
    }

    /**
     * Checks consistency and builds the inputs.
     *
     * @return the inputs
     * @throws ValidationException listing every contradiction (a given value that disagrees
     *     with its relation, a derived rate above 1, mixed currencies, spend ≠ clicks × CPC)
     */
    public LeadInputs build() {
      return new LeadInputs(values, Optional.ofNullable(averageCheck), Optional.ofNullable(spend),
          Optional.ofNullable(costPerClick), grossMargin, Optional.ofNullable(period), tolerance);
    }
  }
}
