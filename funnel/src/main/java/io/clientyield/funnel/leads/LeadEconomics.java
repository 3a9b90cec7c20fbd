package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.Rate;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The lead-economics model of one channel for one period (DOMAIN 3): queries × CTR = visits;
 * visits × site conversion = leads; leads × Cr = contracts; contracts × average check = revenue;
 * paid clicks × CPC = spend.
 *
 * <p>Counts are <em>expected counts</em> (doubles, may be fractional, e.g. 12.5 visits a day);
 * round only for display. Rates are doubles in [0, 1]. Money is exact ({@link Money}); every
 * money result is computed from the exact decimal product of its inputs and rounded once to
 * the currency's minor unit with {@link Money#ROUNDING} unless a method says otherwise.
 *
 * <p><b>Derivation.</b> Any consistent subset of inputs is enough: each product relation
 * {@code c = a × b} (queries × CTR = visits, visits × site conversion = leads, leads × Cr =
 * contracts) derives the missing third value from the other two, repeatedly, and
 * {@link #isGiven(Field)} says which values were given. Money: spend = clicks × CPC (HALF_EVEN),
 * CPC = spend / clicks (HALF_EVEN), clicks = spend / CPC; {@link #isSpendGiven()} and
 * {@link #isCostPerClickGiven()} say which money was given. A value that cannot be derived is
 * empty.
 *
 * <p><b>Validation.</b> {@link Builder#build()} and the JSON reader reject, all at once in one
 * {@link ValidationException} naming each field and value: a rate outside [0, 1], a negative,
 * non-finite or absurd count (above {@link #MAX_COUNT}), negative money, money in different
 * currencies, a given value that contradicts its relation beyond the relative tolerance
 * ({@link #RELATIVE_TOLERANCE} unless {@link Builder#tolerance(double)} states a looser one for
 * rounded real-world figures; e.g. visits given and also queries × CTR that disagree), a
 * derived rate above 1, and a
 * given spend that differs from clicks × CPC by more than half a minor unit per click.
 *
 * <p>JSON form: the inputs only, derived values being recomputed on read, e.g.
 * {@code {"inputs":{"LEADS":120.0,"CR":0.05},"averageCheck":{"amount":"1000.00","currency":"EUR"},
 * "spend":{...},"costPerClick":{...},"grossMargin":0.4,"period":"day"}} (absent values omitted). Use
 * {@link #metrics()} for a JSON snapshot with every derived value and metric.
 *
 * <p>Example (DOMAIN 3): 250 queries/day × CTR 5 % = 12.5 visits/day; × site conversion 1 %
 * × Cr 5 %, scaled by 365 days: 4 562.5 visits, 45.6 leads, 2.28 contracts a year.
 *
 * <p>Immutable and thread-safe.
 */
@JsonPropertyOrder({"inputs", "averageCheck", "spend", "costPerClick", "grossMargin", "period",
    "tolerance"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class LeadEconomics {

  /** The default relative tolerance for given-versus-derived agreement of counts and rates: 1e-9. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /** The largest expected count accepted, given or derived: 1e15 per period. */
  public static final double MAX_COUNT = 1e15;

  /** The loosest relative tolerance accepted: 0.5. */
  public static final double MAX_TOLERANCE = 0.5;

  /** The longest period label accepted: 64 characters. */
  public static final int MAX_PERIOD_LENGTH = 64;


  private static final MathContext MC = MathContext.DECIMAL128;

  private static final Field[][] RELATIONS = {
    {Field.QUERIES, Field.CTR, Field.VISITS},
    {Field.VISITS, Field.SITE_CONVERSION, Field.LEADS},
    {Field.LEADS, Field.CR, Field.CONTRACTS}
  };

  private final Map<Field, Double> inputs;
  private final Map<Field, Double> values;
  private final Money averageCheck;
  private final Money spendInput;
  private final Money costPerClickInput;
  private final Money spend;
  private final Money costPerClick;
  private final OptionalDouble grossMargin;
  private final String period;
  private final OptionalDouble tolerance;

  private LeadEconomics(Map<Field, Double> inputs, Map<Field, Double> values, Money averageCheck,
      Money spendInput, Money costPerClickInput, Money spend, Money costPerClick,
      OptionalDouble grossMargin, String period, OptionalDouble tolerance) {
    this.inputs = Collections.unmodifiableMap(inputs);
    this.values = Collections.unmodifiableMap(values);
    this.averageCheck = averageCheck;
    this.spendInput = spendInput;
    this.costPerClickInput = costPerClickInput;
    this.spend = spend;
    this.costPerClick = costPerClick;
    this.grossMargin = grossMargin;
    this.period = period;
    this.tolerance = tolerance;
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
   * Returns a builder preset with this model's given inputs (not its derived values), to change
   * one input and rebuild.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(inputs);
    b.averageCheck = averageCheck;
    b.spend = spendInput;
    b.costPerClick = costPerClickInput;
    b.grossMargin = grossMargin;
    b.period = period;
    b.tolerance = tolerance;
    return b;
  }

  @JsonCreator
  static LeadEconomics fromJson(
      @JsonProperty("inputs") Map<Field, Double> inputs,
      @JsonProperty("averageCheck") Optional<Money> averageCheck,
      @JsonProperty("spend") Optional<Money> spend,
      @JsonProperty("costPerClick") Optional<Money> costPerClick,
      @JsonProperty("grossMargin") OptionalDouble grossMargin,
      @JsonProperty("period") Optional<String> period,
      @JsonProperty("tolerance") OptionalDouble tolerance) {
    Checks.notNull("inputs", inputs);
    return create(inputs, orNull(averageCheck), orNull(spend), orNull(costPerClick),
        grossMargin == null ? OptionalDouble.empty() : grossMargin,
        period == null ? null : period.orElse(null),
        tolerance == null ? OptionalDouble.empty() : tolerance);
  }

  private static Money orNull(Optional<Money> m) {
    return m == null ? null : m.orElse(null);
  }

  @JsonProperty("inputs")
  Map<Field, Double> jsonInputs() {
    return inputs;
  }

  @JsonProperty("averageCheck")
  Optional<Money> jsonAverageCheck() {
    return averageCheck();
  }

  @JsonProperty("spend")
  Optional<Money> jsonSpend() {
    return Optional.ofNullable(spendInput);
  }

  @JsonProperty("costPerClick")
  Optional<Money> jsonCostPerClick() {
    return Optional.ofNullable(costPerClickInput);
  }

  @JsonProperty("grossMargin")
  OptionalDouble jsonGrossMargin() {
    return grossMargin;
  }

  @JsonProperty("period")
  Optional<String> jsonPeriod() {
    return period();
  }

  @JsonProperty("tolerance")
  OptionalDouble jsonTolerance() {
    return tolerance;
  }

  /**
   * Returns the relative tolerance used for given-versus-derived agreement.
   *
   * @return the stated tolerance, or {@link #RELATIVE_TOLERANCE}
   */
  public double tolerance() {
    return tolerance.orElse(RELATIVE_TOLERANCE);
  }

  /**
   * Returns a quantity, given or derived.
   *
   * @param field the quantity
   * @return its value (expected count or rate), empty when neither given nor derivable
   * @throws ValidationException if the field is null
   */
  public OptionalDouble value(Field field) {
    Checks.notNull("field", field);
    Double v = values.get(field);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * Returns whether a quantity was given as input.
   *
   * @param field the quantity
   * @return true when given, false when derived or absent
   * @throws ValidationException if the field is null
   */
  public boolean isGiven(Field field) {
    Checks.notNull("field", field);
    return inputs.containsKey(field);
  }

  /**
   * Returns the quantities given as input.
   *
   * @return an unmodifiable set, in {@link Field} order
   */
  public Set<Field> givenFields() {
    return inputs.isEmpty()
        ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(inputs.keySet()));
  }

  /**
   * Returns the average check (average contract value), if given.
   *
   * @return the check
   */
  public Optional<Money> averageCheck() {
    return Optional.ofNullable(averageCheck);
  }

  /**
   * Returns the spend of the period: given, or derived as clicks × CPC (HALF_EVEN).
   *
   * @return the spend, empty when neither given nor derivable
   */
  public Optional<Money> spend() {
    return Optional.ofNullable(spend);
  }

  /**
   * Returns whether the spend was given (rather than derived or absent).
   *
   * @return true when given
   */
  public boolean isSpendGiven() {
    return spendInput != null;
  }

  /**
   * Returns CPC, the cost per paid click: given, or derived as spend / clicks (HALF_EVEN).
   *
   * @return the CPC, empty when neither given nor derivable (no clicks, or zero clicks)
   */
  public Optional<Money> costPerClick() {
    return Optional.ofNullable(costPerClick);
  }

  /**
   * Returns whether the CPC was given (rather than derived or absent).
   *
   * @return true when given
   */
  public boolean isCostPerClickGiven() {
    return costPerClickInput != null;
  }

  /**
   * Returns the gross margin in [0, 1], if given.
   *
   * @return the margin
   */
  public OptionalDouble grossMargin() {
    return grossMargin;
  }

  /**
   * Returns the period the counts and spend are per, e.g. {@code day} or {@code year}, if stated.
   *
   * @return the period label
   */
  public Optional<String> period() {
    return Optional.ofNullable(period);
  }

  /**
   * Returns the revenue from new contracts = contracts × average check (= leads × Cr × check).
   *
   * @return the revenue, empty without contracts or check
   */
  public Optional<Money> revenue() {
    return revenueExact().flatMap(r -> money(r, Money.ROUNDING));
  }

  /**
   * Returns the turnover from inquiries: every inquiry is a lead here, so this equals
   * {@link #revenue()} = inquiries × Cr × check.
   *
   * @return the turnover, empty without contracts or check
   */
  public Optional<Money> turnoverFromInquiries() {
    return revenue();
  }

  /**
   * Returns the gross profit = revenue × gross margin.
   *
   * @return the gross profit, empty without revenue or margin
   */
  public Optional<Money> grossProfit() {
    return grossExact().flatMap(g -> money(g, Money.ROUNDING));
  }

  /**
   * Returns the marketing profit = revenue × gross margin − spend (may be negative).
   *
   * @return the profit, empty without revenue, margin or spend
   */
  public Optional<Money> profit() {
    return profitExact().flatMap(p -> money(p, Money.ROUNDING));
  }

  /**
   * Returns CPL = spend / leads (the cost per lead; not leads / spend as the source material
   * wrote it).
   *
   * @return the CPL, empty without spend or with zero or unknown leads
   */
  public Optional<Money> costPerLead() {
    return spendPer(Field.LEADS);
  }

  /**
   * Returns the cost per inquiry = budget (spend) / inquiries; an inquiry is a lead here, so
   * this equals {@link #costPerLead()}.
   *
   * @return the cost, empty without spend or with zero or unknown leads
   */
  public Optional<Money> costPerInquiry() {
    return costPerLead();
  }

  /**
   * Returns CAC, the cost per contract = spend / contracts.
   *
   * @return the CAC, empty without spend or with zero or unknown contracts
   */
  public Optional<Money> costPerContract() {
    return spendPer(Field.CONTRACTS);
  }

  /**
   * Returns the cost per visitor = spend / visits.
   *
   * @return the cost, empty without spend or with zero or unknown visits
   */
  public Optional<Money> costPerVisitor() {
    return spendPer(Field.VISITS);
  }

  /**
   * Returns the cost per call = spend / calls.
   *
   * @return the cost, empty without spend or with zero or unknown calls
   */
  public Optional<Money> costPerCall() {
    return spendPer(Field.CALLS);
  }

  /**
   * Returns the revenue per visitor = revenue / visits (from the unrounded revenue).
   *
   * @return the revenue per visitor, empty without revenue or with zero or unknown visits
   */
  public Optional<Money> revenuePerVisitor() {
    return per(revenueExact(), Field.VISITS);
  }

  /**
   * Returns the profit per visitor = (revenue × gross margin − spend) / visits (may be negative).
   *
   * @return the profit per visitor, empty without revenue, margin, spend, or visits &gt; 0
   */
  public Optional<Money> profitPerVisitor() {
    return per(profitExact(), Field.VISITS);
  }

  /**
   * Returns ROMI = (revenue × gross margin − spend) / spend, a ratio ≥ −1 (0.25 means a 25 %
   * return), computed from the unrounded revenue.
   *
   * @return the ratio; empty without revenue, margin or spend, or when spend is zero
   */
  public OptionalDouble romi() {
    Optional<BigDecimal> p = profitExact();
    if (p.isEmpty() || spend.isZero()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(p.get().divide(spend.amount(), MathContext.DECIMAL64).doubleValue());
  }

  /**
   * Returns a snapshot of every value and metric of this model, for display and JSON.
   *
   * @return the metrics
   */
  public LeadMetrics metrics() {
    ImmutableLeadMetrics.Builder b = LeadMetrics.builder()
        .putAllValues(values)
        .addAllGiven(inputs.keySet())
        .averageCheck(averageCheck())
        .spend(spend())
        .costPerClick(costPerClick())
        .grossMargin(grossMargin)
        .period(period())
        .revenue(revenue())
        .grossProfit(grossProfit())
        .profit(profit())
        .costPerLead(costPerLead())
        .costPerContract(costPerContract())
        .costPerVisitor(costPerVisitor())
        .costPerCall(costPerCall())
        .revenuePerVisitor(revenuePerVisitor())
        .profitPerVisitor(profitPerVisitor())
        .romi(romi());
    return b.build();
  }

  /**
   * Scales every count and the spend by an explicit period factor (e.g. 365 to go from a day to
   * a year); rates, the check, the CPC and the margin stay unchanged. The given inputs are
   * scaled and the rest re-derived, so provenance is kept. The spend is rounded HALF_EVEN. A
   * bare factor does not say which period results, so the period label is dropped; use
   * {@link #scaled(PeriodScale)} to keep it.
   *
   * @param factor a finite factor &gt; 0
   * @return the scaled model
   * @throws ValidationException if the factor is not finite and positive, or a scaled count
   *     exceeds {@link #MAX_COUNT}
   */
  public LeadEconomics scaledBy(double factor) {
    return scaledBy(factor, null);
  }

  private LeadEconomics scaledBy(double factor, String newPeriod) {
    Checks.positive("factor", factor);
    Map<Field, Double> v = new EnumMap<>(Field.class);
    inputs.forEach((f, x) -> v.put(f, f.isRate() ? x : x * factor));
    return create(v, averageCheck,
        spendInput == null ? null : spendInput.multipliedBy(factor, Money.ROUNDING),
        costPerClickInput, grossMargin, newPeriod, tolerance);
  }

  /**
   * Scales the model by a stated period scale, e.g. {@code PeriodScale.dayToYear(365)} (see
   * {@link #scaledBy(double)}); the result is per {@code scale.to()}.
   *
   * @param scale the scale; when this model states its period, {@code scale.from()} must equal it
   * @return the scaled model, its period set to {@code scale.to()}
   * @throws ValidationException if the scale is null or starts from another period
   */
  public LeadEconomics scaled(PeriodScale scale) {
    Checks.notNull("scale", scale);
    if (period != null && !period.equals(scale.from())) {
      throw ValidationException.of("scale.from", scale.from(),
          "must equal the model's period \"" + period + "\"");
    }
    return scaledBy(scale.factor(), scale.to());
  }

  /**
   * Inverse question: the expected leads needed for a revenue target, target / (Cr × check).
   *
   * @param revenueTarget the target revenue, same currency as the check, &gt;= 0
   * @return the expected lead count; empty without Cr or check, or when Cr × check is zero
   * @throws ValidationException if the target is null, negative or in another currency
   */
  public OptionalDouble leadsNeededFor(Money revenueTarget) {
    return planFor(revenueTarget).leadsNeeded();
  }

  /**
   * Inverse question: what is needed to reach a revenue target with this model's rates, check
   * and CPL: contracts = target / check; leads = contracts / Cr; visits = leads / site
   * conversion; queries = visits / CTR; spend = target × spend / revenue (at the current CPL,
   * rounded up to the minor unit). Each is empty when a needed input is missing or a divisor is
   * zero.
   *
   * @param revenueTarget the target revenue, same currency as the check, &gt;= 0
   * @return the plan
   * @throws ValidationException if the target is null, negative or in another currency
   */
  public RevenueTargetPlan planFor(Money revenueTarget) {
    Checks.notNull("revenueTarget", revenueTarget);
    if (revenueTarget.isNegative()) {
      throw ValidationException.of("revenueTarget", revenueTarget, "must be >= 0");
    }
    requireCurrency("revenueTarget", revenueTarget);
    BigDecimal target = revenueTarget.amount();
    Optional<BigDecimal> contracts = averageCheck == null
        ? Optional.empty() : quotient(target, averageCheck.amount());
    Optional<BigDecimal> leads = contracts.flatMap(c -> quotient(c, Field.CR));
    Optional<BigDecimal> visits = leads.flatMap(l -> quotient(l, Field.SITE_CONVERSION));
    Optional<BigDecimal> queries = visits.flatMap(v -> quotient(v, Field.CTR));
    Optional<Money> spendNeeded = spend == null ? Optional.empty()
        : revenueExact().flatMap(r -> quotient(target.multiply(spend.amount()), r))
            .flatMap(s -> money(s, RoundingMode.CEILING));
    return RevenueTargetPlan.builder()
        .revenueTarget(revenueTarget)
        .contractsNeeded(toDouble(contracts))
        .leadsNeeded(toDouble(leads))
        .visitsNeeded(toDouble(visits))
        .queriesNeeded(toDouble(queries))
        .spendNeeded(spendNeeded)
        .build();
  }

  /**
   * Inverse question: the highest costs that still meet a target ROMI {@code t}, with
   * {@code k = gross margin / (1 + t)}: max spend = contracts × check × k (at the current
   * volumes); max CPL = Cr × check × k; max cost per contract = check × k; max CPC = leads per
   * click × Cr × check × k, where leads per click is leads / clicks when clicks are known and
   * otherwise the site conversion (every visit taken as a paid click). Ceilings are rounded
   * <em>down</em> to the minor unit so that paying them still meets the target. Each is empty
   * when a needed input is missing.
   *
   * @param targetRomi the target ROMI, finite and &gt; −1 (0 is break-even)
   * @return the ceilings
   * @throws ValidationException if the target is not finite or is &lt;= −1 (any cost meets it)
   */
  public CostCeilings ceilingsFor(double targetRomi) {
    if (!(targetRomi > -1) || !Double.isFinite(targetRomi)) {
      throw ValidationException.of("targetRomi", targetRomi,
          "must be finite and > -1 (a target of -1 or less is met at any cost)");
    }
    ImmutableCostCeilings.Builder b = CostCeilings.builder().targetRomi(targetRomi);
    if (averageCheck != null && grossMargin.isPresent()) {
      BigDecimal k = exact(grossMargin.getAsDouble())
          .divide(BigDecimal.ONE.add(exact(targetRomi)), MC);
      BigDecimal perContract = averageCheck.amount().multiply(k);
      b.maxCostPerContract(money(perContract, RoundingMode.DOWN));
      OptionalDouble contracts = value(Field.CONTRACTS);
      if (contracts.isPresent()) {
        b.maxSpend(money(perContract.multiply(exact(contracts.getAsDouble())), RoundingMode.DOWN));
      }
      OptionalDouble cr = value(Field.CR);
      if (cr.isPresent()) {
        BigDecimal perLead = perContract.multiply(exact(cr.getAsDouble()));
        b.maxCostPerLead(money(perLead, RoundingMode.DOWN));
        leadsPerClick().ifPresent(
            lpc -> b.maxCostPerClick(money(perLead.multiply(lpc), RoundingMode.DOWN)));
      }
    }
    return b.build();
  }

  /**
   * Inverse question: the highest CPL that still breaks even (ROMI = 0),
   * Cr × check × gross margin, rounded down to the minor unit.
   *
   * @return the break-even CPL; empty without Cr, check or margin
   */
  public Optional<Money> breakEvenCostPerLead() {
    return ceilingsFor(0).maxCostPerLead();
  }

  // ----- exact helpers -----

  Optional<BigDecimal> revenueExact() {
    OptionalDouble c = value(Field.CONTRACTS);
    if (averageCheck == null || c.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(averageCheck.amount().multiply(exact(c.getAsDouble())));
  }

  Optional<BigDecimal> grossExact() {
    if (grossMargin.isEmpty()) {
      return Optional.empty();
    }
    return revenueExact().map(r -> r.multiply(exact(grossMargin.getAsDouble())));
  }

  private Optional<BigDecimal> profitExact() {
    if (spend == null) {
      return Optional.empty();
    }
    return grossExact().map(g -> g.subtract(spend.amount()));
  }

  private Optional<BigDecimal> leadsPerClick() {
    OptionalDouble clicks = value(Field.CLICKS);
    OptionalDouble leads = value(Field.LEADS);
    if (clicks.isPresent() && leads.isPresent()) {
      return quotient(exact(leads.getAsDouble()), exact(clicks.getAsDouble()));
    }
    OptionalDouble sc = value(Field.SITE_CONVERSION);
    return sc.isPresent() ? Optional.of(exact(sc.getAsDouble())) : Optional.empty();
  }

  private Optional<BigDecimal> quotient(BigDecimal numerator, Field field) {
    OptionalDouble d = value(field);
    return d.isEmpty() ? Optional.empty() : quotient(numerator, exact(d.getAsDouble()));
  }

  private static Optional<BigDecimal> quotient(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0
        ? Optional.empty() : Optional.of(numerator.divide(denominator, MC));
  }

  private static OptionalDouble toDouble(Optional<BigDecimal> x) {
    if (x.isEmpty()) {
      return OptionalDouble.empty();
    }
    double d = x.get().doubleValue();
    return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
  }

  private Optional<Money> spendPer(Field f) {
    return spend == null ? Optional.empty() : per(Optional.of(spend.amount()), f);
  }

  private Optional<Money> per(Optional<BigDecimal> amount, Field f) {
    OptionalDouble d = value(f);
    if (amount.isEmpty() || d.isEmpty() || d.getAsDouble() <= 0) {
      return Optional.empty();
    }
    return money(amount.get().divide(exact(d.getAsDouble()), MC), Money.ROUNDING);
  }

  /** Money in the model's currency; empty when beyond {@link Money#MAX_INTEGER_DIGITS}. */
  private Optional<Money> money(BigDecimal amount, RoundingMode rounding) {
    return money(amount, currency(), rounding);
  }

  static Optional<Money> money(BigDecimal amount, java.util.Currency currency,
      RoundingMode rounding) {
    BigDecimal r = amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), rounding);
    if (r.precision() - r.scale() > Money.MAX_INTEGER_DIGITS) {
      return Optional.empty();
    }
    return Optional.of(Money.of(r, currency));
  }

  /**
   * Returns the currency of the model's money, if any money was given.
   *
   * @return the currency of the check, spend or CPC
   */
  Optional<java.util.Currency> currencyIfAny() {
    Money m = averageCheck != null ? averageCheck : spend != null ? spend : costPerClick;
    return m == null ? Optional.empty() : Optional.of(m.currency());
  }

  private java.util.Currency currency() {
    return currencyIfAny().orElseThrow();
  }

  private void requireCurrency(String field, Money m) {
    Optional<java.util.Currency> c = currencyIfAny();
    if (c.isPresent() && !c.get().equals(m.currency())) {
      throw ValidationException.of(field, m.currency().getCurrencyCode(),
          "must equal " + c.get().getCurrencyCode() + ", the currency of the model");
    }
  }

  static BigDecimal exact(double d) {
    return BigDecimal.valueOf(d);
  }

  // ----- construction -----

  static LeadEconomics create(Map<Field, Double> givenValues, Money averageCheck, Money spend,
      Money costPerClick, OptionalDouble grossMargin, String period, OptionalDouble tolerance) {
    Checks.Collector v = Checks.collector();
    if (tolerance.isPresent()) {
      v.check(() -> checkTolerance(tolerance.getAsDouble()));
    }
    double tol = tolerance.orElse(RELATIVE_TOLERANCE);
    if (period != null) {
      v.check(() -> checkPeriod(period));
    }
    Map<Field, Double> given = new EnumMap<>(Field.class);
    givenValues.forEach((f, x) -> {
      if (f == null) {
        v.add("inputs", null, "must not contain a null field");
      } else if (x == null) {
        v.add(f.label(), null, "must not be null");
      } else {
        v.check(() -> checkValue(f, x));
        given.put(f, x);
      }
    });
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

    Map<Field, Double> vals = new EnumMap<>(given);
    derive(vals);
    checkRelations(given, vals, v, tol);
    v.throwIfAny();

    Money effSpend = spend;
    Money effCpc = costPerClick;
    Double clicks = vals.get(Field.CLICKS);
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
        if (derived > MAX_COUNT) {
          v.add("clicks", derived, "derived as spend / costPerClick must be <= " + Checks.render(MAX_COUNT));
        }
        vals.put(Field.CLICKS, derived);
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
    return new LeadEconomics(given, vals, averageCheck, spend, costPerClick, effSpend, effCpc,
        grossMargin, period, tolerance);
  }

  static void checkTolerance(double tolerance) {
    Checks.inRange("tolerance", tolerance, 0, MAX_TOLERANCE);
  }

  static void checkPeriod(String period) {
    Checks.notBlank("period", period);
    if (period.length() > MAX_PERIOD_LENGTH) {
      throw ValidationException.of("period", period,
          "must have at most " + MAX_PERIOD_LENGTH + " characters");
    }
  }

  static void checkValue(Field field, double value) {
    if (field.isRate()) {
      Checks.unitInterval(field.label(), value);
    } else if (!(value >= 0 && value <= MAX_COUNT)) {
      throw ValidationException.of(field.label(), value,
          "must be finite, >= 0 and <= " + Checks.render(MAX_COUNT));
    }
  }

  private static void derive(Map<Field, Double> v) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Field[] r : RELATIONS) {
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

  private static void checkRelations(Map<Field, Double> given, Map<Field, Double> v,
      Checks.Collector violations, double tolerance) {
    for (Field[] r : RELATIONS) {
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
        Field zero = a != null && a == 0 ? r[0] : r[1];
        violations.add(r[2].label(), c, "must be 0 when " + zero.label() + " is 0");
      }
    }
    v.forEach((f, x) -> {
      if (given.containsKey(f)) {
        return;
      }
      if (f.isRate() && x > 1) {
        violations.add(f.label(), x, "derived from its relation must be in [0, 1]");
      } else if (!f.isRate() && !(x <= MAX_COUNT)) {
        violations.add(f.label(), x, "derived from its relation must be <= "
            + Checks.render(MAX_COUNT));
      }
    });
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LeadEconomics)) {
      return false;
    }
    LeadEconomics m = (LeadEconomics) o;
    return inputs.equals(m.inputs) && Objects.equals(averageCheck, m.averageCheck)
        && Objects.equals(spendInput, m.spendInput)
        && Objects.equals(costPerClickInput, m.costPerClickInput)
        && grossMargin.equals(m.grossMargin) && Objects.equals(period, m.period)
        && tolerance.equals(m.tolerance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputs, averageCheck, spendInput, costPerClickInput, grossMargin, period,
        tolerance);
  }

  /** Returns the values with given ones marked, e.g. {@code LeadEconomics{leads=60*, cr=0.02*, contracts=1.2}}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("LeadEconomics{");
    values.forEach((f, x) -> s.append(f.label()).append('=').append(Checks.render(x))
        .append(inputs.containsKey(f) ? "*" : "").append(", "));
    if (averageCheck != null) {
      s.append("averageCheck=").append(averageCheck).append(", ");
    }
    if (spend != null) {
      s.append("spend=").append(spend).append(isSpendGiven() ? "*" : "").append(", ");
    }
    if (costPerClick != null) {
      s.append("costPerClick=").append(costPerClick).append(isCostPerClickGiven() ? "*" : "")
          .append(", ");
    }
    grossMargin.ifPresent(m -> s.append("grossMargin=").append(Checks.render(m)).append(", "));
    if (period != null) {
      s.append("per ").append(period).append(", ");
    }
    tolerance.ifPresent(t -> s.append("tolerance=").append(Checks.render(t)).append(", "));
    if (s.charAt(s.length() - 1) == ' ') {
      s.setLength(s.length() - 2);
    }
    return s.append('}').toString();
  }

  /** Collects the inputs of a {@link LeadEconomics}; each setter validates at once. Not thread-safe. */
  public static final class Builder {
    private final Map<Field, Double> values = new EnumMap<>(Field.class);
    private Money averageCheck;
    private Money spend;
    private Money costPerClick;
    private OptionalDouble grossMargin = OptionalDouble.empty();
    private String period;
    private OptionalDouble tolerance = OptionalDouble.empty();

    private Builder() {}

    /**
     * Gives one quantity (replacing an earlier value of the same field).
     *
     * @param field the quantity
     * @param value an expected count in [0, {@link #MAX_COUNT}], or a rate in [0, 1]
     * @return this builder
     * @throws ValidationException naming the field if it is null, or the value is NaN,
     *     infinite, negative, above {@link #MAX_COUNT}, or (for a rate) above 1
     */
    public Builder set(Field field, double value) {
      Checks.notNull("field", field);
      checkValue(field, value);
      values.put(field, value);
      return this;
    }

    /**
     * Gives one rate as a validated {@link Rate}, e.g. {@code set(Field.CTR, Rate.ofPercent(5))}.
     *
     * @param field a rate field (CTR, site conversion, Cr)
     * @param rate the rate
     * @return this builder
     * @throws ValidationException if either is null or the field is a count
     */
    public Builder set(Field field, Rate rate) {
      Checks.notNull("field", field);
      Checks.notNull(field.label(), rate);
      if (!field.isRate()) {
        throw ValidationException.of("field", field, "must be a rate field to take a Rate");
      }
      return set(field, rate.value());
    }

    /**
     * Removes a given quantity, so that it is derived again.
     *
     * @param field the quantity
     * @return this builder
     * @throws ValidationException if the field is null
     */
    public Builder unset(Field field) {
      Checks.notNull("field", field);
      values.remove(field);
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
      this.averageCheck = nonNegative("averageCheck", check);
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
      this.spend = nonNegative("spend", spend);
      return this;
    }

    /**
     * Gives CPC, the cost per paid click (spend = clicks × CPC).
     *
     * @param cpc the CPC, &gt;= 0
     * @return this builder
     * @throws ValidationException if null or negative
     */
    public Builder costPerClick(Money cpc) {
      this.costPerClick = nonNegative("costPerClick", cpc);
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
     * States the period the counts and spend are per, e.g. {@code day}, {@code month},
     * {@code year} or {@code 2026-Q1}; a channel comparison refuses to mix periods.
     *
     * @param period a non-blank label of at most {@link #MAX_PERIOD_LENGTH} characters
     * @return this builder
     * @throws ValidationException if null, blank or too long
     */
    public Builder period(String period) {
      Checks.notNull("period", period);
      checkPeriod(period);
      this.period = period;
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
     * States a looser relative tolerance for given-versus-derived agreement, for rounded
     * real-world figures (e.g. 0.01 accepts visits within 1 % of queries × CTR); the default
     * is {@link #RELATIVE_TOLERANCE}. It also loosens spend versus clicks × CPC.
     *
     * @param tolerance the relative tolerance in [0, {@link #MAX_TOLERANCE}]
     * @return this builder
     * @throws ValidationException if outside the range or NaN
     */
    public Builder tolerance(double tolerance) {
      checkTolerance(tolerance);
      this.tolerance = OptionalDouble.of(tolerance);
      return this;
    }

    private static Money nonNegative(String field, Money m) {
      Checks.notNull(field, m);
      if (m.isNegative()) {
        throw ValidationException.of(field, m, "must be >= 0");
      }
      return m;
    }

    /**
     * Derives the missing values and checks consistency.
     *
     * @return the model
     * @throws ValidationException listing every contradiction (a given value that disagrees
     *     with its relation, a derived rate above 1, mixed currencies, spend ≠ clicks × CPC)
     */
    public LeadEconomics build() {
      return create(values, averageCheck, spend, costPerClick, grossMargin, period, tolerance);
    }
  }
}
