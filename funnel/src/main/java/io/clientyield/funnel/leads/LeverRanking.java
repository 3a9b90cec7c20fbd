package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Which lever to pull: for each lever (leads, CTR, site conversion, Cr, check), the extra revenue
 * a given improvement brings, ranked best first (DOMAIN 3).
 *
 * <p>Revenue = queries × CTR × site conversion × Cr × check (leads × Cr × check from the leads
 * on). Changing one lever {@code x} to {@code x'} changes revenue by
 * {@code (x' − x) × (product of the other factors)}, computed exactly and rounded HALF_EVEN to
 * the minor unit. A lever is <em>unavailable</em> when a factor it needs is unknown (e.g. CTR
 * without queries). Rates are capped at 1 ({@link LeverGain#capped()}).
 *
 * <ul>
 *   <li>{@link #relative(LeadEconomics, double)}: every lever × (1 + r). Since revenue is a
 *       product, every uncapped lever then brings the <em>same</em> extra revenue; the ranking
 *       separates levers only where a rate caps at 100 %.</li>
 *   <li>{@link #absolute(LeadEconomics, double, double, Money)}: + n leads, + p percentage
 *       points on each rate, + an amount on the check. This is where levers differ: one point
 *       on a 1 % site conversion doubles revenue, one point on a 5 % CTR adds a fifth.</li>
 * </ul>
 * Ties keep the lever order of {@link Lever}.
 *
 * <p>JSON form: {@code {"baseRevenue":{...},"relative":0.1,"gains":[{"lever":"LEADS",...},...],
 * "unavailable":["CTR"]}}; the improvement fields not used are omitted. Immutable and
 * thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLeverRanking.class)
@JsonDeserialize(as = ImmutableLeverRanking.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"baseRevenue", "relative", "extraLeads", "extraRatePoints", "extraCheck",
    "gains", "unavailable"})
public abstract class LeverRanking {

  /** The largest relative improvement accepted: 1e6 (a million-fold). */
  public static final double MAX_RELATIVE = 1e6;

  LeverRanking() {}

  /**
   * Ranks the levers for the same relative improvement of each: x' = x × (1 + relative), rates
   * capped at 1.
   *
   * <p>Example: 120 leads × Cr 5 % × EUR 1 000 = EUR 6 000; +10 % on leads, Cr or check each
   * brings EUR 600.00.
   *
   * @param base the model
   * @param relative the improvement, e.g. 0.1 for +10 %, in [0, {@link #MAX_RELATIVE}]
   * @return the ranking
   * @throws ValidationException if the base is null or the improvement is out of range
   */
  public static LeverRanking relative(LeadEconomics base, double relative) {
    Checks.notNull("base", base);
    Checks.inRange("relative", relative, 0, MAX_RELATIVE);
    BigDecimal factor = BigDecimal.ONE.add(LeadEconomics.exact(relative));
    ImmutableLeverRanking.Builder b = ImmutableLeverRanking.builder().relative(relative);
    return rank(base, b, x -> x.multiply(factor), c -> c.multiply(factor), x -> x.multiply(factor));
  }

  /**
   * Ranks the levers for absolute improvements: leads + extraLeads; each rate (CTR, site
   * conversion, Cr) + extraRatePoints (0.01 is one percentage point), capped at 1; check +
   * extraCheck.
   *
   * @param base the model
   * @param extraLeads more expected leads, in [0, {@link LeadEconomics#MAX_COUNT}]
   * @param extraRatePoints more rate on each rate lever, in [0, 1]
   * @param extraCheck more average check, &gt;= 0, in the model's currency
   * @return the ranking
   * @throws ValidationException if an argument is null, out of range or in another currency
   */
  public static LeverRanking absolute(LeadEconomics base, double extraLeads,
      double extraRatePoints, Money extraCheck) {
    Checks.notNull("base", base);
    Checks.Collector v = Checks.collector();
    v.check(() -> Checks.inRange("extraLeads", extraLeads, 0, LeadEconomics.MAX_COUNT));
    v.check(() -> Checks.unitInterval("extraRatePoints", extraRatePoints));
    if (extraCheck == null) {
      v.add("extraCheck", null, "must not be null");
    } else {
      if (extraCheck.isNegative()) {
        v.add("extraCheck", extraCheck, "must be >= 0");
      }
      base.averageCheck().ifPresent(c -> v.check(() -> c.requireSameCurrency(extraCheck)));
    }
    v.throwIfAny();
    BigDecimal leads = LeadEconomics.exact(extraLeads);
    BigDecimal points = LeadEconomics.exact(extraRatePoints);
    ImmutableLeverRanking.Builder b = ImmutableLeverRanking.builder().extraLeads(extraLeads)
        .extraRatePoints(extraRatePoints).extraCheck(extraCheck);
    return rank(base, b, x -> x.add(leads), c -> c.add(extraCheck.amount()), x -> x.add(points));
  }

  private interface Step {
    BigDecimal apply(BigDecimal x);
  }

  private static final Field[] CHAIN = {Field.QUERIES, Field.CTR, Field.SITE_CONVERSION, Field.CR};

  private static LeverRanking rank(LeadEconomics base, ImmutableLeverRanking.Builder b,
      Step countStep, Step checkStep, Step rateStep) {
    Optional<Money> check = base.averageCheck();
    b.baseRevenue(base.revenue());
    List<BigDecimal> extras = new ArrayList<>();
    List<LeverGain> gains = new ArrayList<>();
    Set<Lever> unavailable = EnumSet.noneOf(Lever.class);
    for (Lever lever : Lever.values()) {
      Optional<Object[]> g = check.isEmpty() ? Optional.empty()
          : gain(base, lever, check.get(), countStep, checkStep, rateStep);
      if (g.isEmpty()) {
        unavailable.add(lever);
        continue;
      }
      extras.add((BigDecimal) g.get()[0]);
      gains.add((LeverGain) g.get()[1]);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < gains.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, BigDecimal>comparing(extras::get).reversed()
        .thenComparing(i -> gains.get(i).lever()));
    order.forEach(i -> b.addGain(gains.get(i)));
    return b.unavailable(unavailable).build();
  }

  /** Returns {exact extra revenue, gain}, or empty when a needed factor is unknown. */
  private static Optional<Object[]> gain(LeadEconomics base, Lever lever, Money check,
      Step countStep, Step checkStep, Step rateStep) {
    BigDecimal c = check.amount();
    if (lever == Lever.AVERAGE_CHECK) {
      OptionalDouble contracts = base.value(Field.CONTRACTS);
      if (contracts.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal k = LeadEconomics.exact(contracts.getAsDouble());
      BigDecimal after = k.multiply(checkStep.apply(c));
      return result(lever, check, k.multiply(c), after, OptionalDouble.empty(),
          OptionalDouble.empty(), false);
    }
    Field field;
    List<Field> others = new ArrayList<>();
    switch (lever) {
      case LEADS:
        field = Field.LEADS;
        others.add(Field.CR);
        break;
      case CR:
        field = Field.CR;
        others.add(Field.LEADS);
        break;
      case SITE_CONVERSION:
        field = Field.SITE_CONVERSION;
        others.add(Field.VISITS);
        others.add(Field.CR);
        break;
      default:
        field = Field.CTR;
        others.add(Field.QUERIES);
        others.add(Field.SITE_CONVERSION);
        others.add(Field.CR);
        break;
    }
    OptionalDouble x = base.value(field);
    if (x.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal rest = c;
    for (Field f : others) {
      OptionalDouble y = base.value(f);
      if (y.isEmpty()) {
        return Optional.empty();
      }
      rest = rest.multiply(LeadEconomics.exact(y.getAsDouble()));
    }
    BigDecimal before = LeadEconomics.exact(x.getAsDouble());
    BigDecimal after = field.isRate() ? rateStep.apply(before) : countStep.apply(before);
    boolean capped = field.isRate() && after.compareTo(BigDecimal.ONE) > 0;
    if (capped) {
      after = BigDecimal.ONE;
    }
    return result(lever, check, before.multiply(rest), after.multiply(rest),
        OptionalDouble.of(x.getAsDouble()), OptionalDouble.of(after.doubleValue()), capped);
  }

  private static Optional<Object[]> result(Lever lever, Money check, BigDecimal revenueBefore,
      BigDecimal revenueAfter, OptionalDouble valueBefore, OptionalDouble valueAfter,
      boolean capped) {
    BigDecimal extra = revenueAfter.subtract(revenueBefore);
    Optional<Money> after = LeadEconomics.money(revenueAfter, check.currency(), Money.ROUNDING);
    Optional<Money> extraMoney = LeadEconomics.money(extra, check.currency(), Money.ROUNDING);
    if (after.isEmpty() || extraMoney.isEmpty()) {
      return Optional.empty();
    }
    LeverGain g = LeverGain.builder().lever(lever).valueBefore(valueBefore).valueAfter(valueAfter)
        .revenueAfter(after.get()).extraRevenue(extraMoney.get()).capped(capped).build();
    return Optional.of(new Object[] {extra, g});
  }

  /**
   * Returns the revenue before any change.
   *
   * @return the revenue, empty without contracts or check (then every lever is unavailable)
   */
  public abstract Optional<Money> baseRevenue();

  /**
   * Returns the relative improvement, for a ranking made by {@link #relative}.
   *
   * @return the improvement, if relative
   */
  public abstract OptionalDouble relative();

  /**
   * Returns the extra leads, for a ranking made by {@link #absolute}.
   *
   * @return the extra leads, if absolute
   */
  public abstract OptionalDouble extraLeads();

  /**
   * Returns the extra rate points, for a ranking made by {@link #absolute}.
   *
   * @return the extra rate, if absolute
   */
  public abstract OptionalDouble extraRatePoints();

  /**
   * Returns the extra check, for a ranking made by {@link #absolute}.
   *
   * @return the extra check, if absolute
   */
  public abstract Optional<Money> extraCheck();

  /**
   * Returns the gains of the available levers, the largest extra revenue first.
   *
   * @return the ranked gains
   */
  public abstract List<LeverGain> gains();

  /**
   * Returns the levers that could not be evaluated because a factor they need is unknown.
   *
   * @return the unavailable levers
   */
  public abstract Set<Lever> unavailable();

  /**
   * Returns the lever with the largest extra revenue.
   *
   * @return the best gain, empty when no lever is available
   */
  public Optional<LeverGain> best() {
    return gains().isEmpty() ? Optional.empty() : Optional.of(gains().get(0));
  }

  @Value.Check
  void check() {
    Checks.Collector v = Checks.collector();
    if (relative().isPresent() == extraLeads().isPresent()) {
      v.add("relative", relative().isPresent() ? relative().getAsDouble() : null,
          "must be present exactly when extraLeads is absent");
    }
    Set<Lever> seen = EnumSet.noneOf(Lever.class);
    for (LeverGain g : gains()) {
      if (!seen.add(g.lever()) || unavailable().contains(g.lever())) {
        v.add("gains", g.lever(), "must list each lever once and not as unavailable");
      }
    }
    for (int i = 1; i < gains().size(); i++) {
      if (gains().get(i).extraRevenue().compareTo(gains().get(i - 1).extraRevenue()) > 0) {
        v.add("gains[" + i + "]", gains().get(i).extraRevenue(),
            "must not exceed the gain before it (ranked best first)");
      }
    }
    v.throwIfAny();
  }
}
