package io.clientyield.funnel.leads;

import io.clientyield.core.Money;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.leads.LeverRanking.Gain;
import io.clientyield.funnel.leads.LeverRanking.Lever;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Computes {@link LeverRanking}s (package-private; see {@link LeadEconomics#leverRanking}). */
final class LeverRanker {

  private LeverRanker() {}

  static LeverRanking relative(LeadInputs base, double relative) {
    Checks.notNull("base", base);
    Checks.inRange("relative", relative, 0, LeverRanking.MAX_RELATIVE);
    BigDecimal factor = BigDecimal.ONE.add(LeadSolver.exact(relative));
    UnaryOperator<BigDecimal> times = x -> x.multiply(factor);
    return rank(LeadSolver.solve(base), OptionalDouble.of(relative), OptionalDouble.empty(),
        OptionalDouble.empty(), Optional.empty(), times, times, times);
  }

  static LeverRanking absolute(LeadInputs base, double extraLeads, double extraRatePoints,
      Money extraCheck) {
    Checks.notNull("base", base);
    Checks.Collector v = Checks.collector();
    v.check(() -> Checks.inRange("extraLeads", extraLeads, 0, LeadInputs.MAX_COUNT));
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
    BigDecimal leads = LeadSolver.exact(extraLeads);
    BigDecimal points = LeadSolver.exact(extraRatePoints);
    return rank(LeadSolver.solve(base), OptionalDouble.empty(), OptionalDouble.of(extraLeads),
        OptionalDouble.of(extraRatePoints), Optional.of(extraCheck), x -> x.add(leads),
        c -> c.add(extraCheck.amount()), x -> x.add(points));
  }

  private static LeverRanking rank(LeadSolver.Solution base, OptionalDouble relative,
      OptionalDouble extraLeads, OptionalDouble extraRatePoints, Optional<Money> extraCheck,
      UnaryOperator<BigDecimal> countStep, UnaryOperator<BigDecimal> checkStep,
      UnaryOperator<BigDecimal> rateStep) {
    Optional<Money> check = Optional.ofNullable(base.averageCheck);
    Optional<Money> baseRevenue = base.revenueExact().flatMap(r -> base.money(r, Money.ROUNDING));
    List<BigDecimal> extras = new ArrayList<>();
    List<Gain> gains = new ArrayList<>();
    Set<Lever> unavailable = EnumSet.noneOf(Lever.class);
    for (Lever lever : Lever.values()) {
      Optional<Object[]> g = check.isEmpty() ? Optional.empty()
          : gain(base, lever, check.get(), countStep, checkStep, rateStep);
      if (g.isEmpty()) {
        unavailable.add(lever);
        continue;
      }
      extras.add((BigDecimal) g.get()[0]);
      gains.add((Gain) g.get()[1]);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < gains.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, BigDecimal>comparing(extras::get).reversed()
        .thenComparing(i -> gains.get(i).lever()));
    List<Gain> ranked = new ArrayList<>();
    order.forEach(i -> ranked.add(gains.get(i)));
    return new LeverRanking(baseRevenue, relative, extraLeads, extraRatePoints, extraCheck,
        ranked, unavailable);
  }

  /** Returns {exact extra revenue, gain}, or empty when a needed factor is unknown. */
  private static Optional<Object[]> gain(LeadSolver.Solution base, Lever lever, Money check,
      UnaryOperator<BigDecimal> countStep, UnaryOperator<BigDecimal> checkStep,
      UnaryOperator<BigDecimal> rateStep) {
    BigDecimal c = check.amount();
    if (lever == Lever.AVERAGE_CHECK) {
      OptionalDouble contracts = base.value(LeadQuantity.CONTRACTS);
      if (contracts.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal k = LeadSolver.exact(contracts.getAsDouble());
      BigDecimal after = k.multiply(checkStep.apply(c));
      return result(lever, check, k.multiply(c), after, OptionalDouble.empty(),
          OptionalDouble.empty(), false);
    }
    LeadQuantity field;
    List<LeadQuantity> others = new ArrayList<>();
    switch (lever) {
      case LEADS:
        field = LeadQuantity.LEADS;
        others.add(LeadQuantity.CR);
        break;
      case CR:
        field = LeadQuantity.CR;
        others.add(LeadQuantity.LEADS);
        break;
      case SITE_CONVERSION:
        field = LeadQuantity.SITE_CONVERSION;
        others.add(LeadQuantity.VISITS);
        others.add(LeadQuantity.CR);
        break;
      default:
        field = LeadQuantity.CTR;
        others.add(LeadQuantity.QUERIES);
        others.add(LeadQuantity.SITE_CONVERSION);
        others.add(LeadQuantity.CR);
        break;
    }
    OptionalDouble x = base.value(field);
    if (x.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal rest = c;
    for (LeadQuantity f : others) {
      OptionalDouble y = base.value(f);
      if (y.isEmpty()) {
        return Optional.empty();
      }
      rest = rest.multiply(LeadSolver.exact(y.getAsDouble()));
    }
    BigDecimal before = LeadSolver.exact(x.getAsDouble());
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
    Optional<Money> after = LeadSolver.money(revenueAfter, check.currency(), Money.ROUNDING);
    Optional<Money> extraMoney = LeadSolver.money(extra, check.currency(), Money.ROUNDING);
    if (after.isEmpty() || extraMoney.isEmpty()) {
      return Optional.empty();
    }
    Gain g = new Gain(lever, valueBefore, valueAfter, after.get(), extraMoney.get(), capped);
    return Optional.of(new Object[] {extra, g});
  }
}
