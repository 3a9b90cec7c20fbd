package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongToDoubleFunction;

/**
 * The inverse questions of lead economics (DOMAIN 3), "what is needed to reach a target": the one
 * home of how many more leads (or contracts) a revenue target needs, and of the highest costs
 * that still meet a target ROMI.
 *
 * <ul>
 *   <li><b>Leads needed</b>, the one formula: leads = shortfall / (value per contract ×
 *       conversion), contracts = shortfall / value per contract.
 *       {@link #plan(LeadInputs, Money)} walks a model's chain backwards from a revenue target
 *       (the shortfall is the whole target); {@link #additionalLeads(LeadInputs, Money)} counts
 *       the leads <em>beyond</em> the model's current ones; {@link #leadsNeeded(Money, Money,
 *       Proportion)} is the same rule for any shortfall (a lost budget, a gap to plan) with a
 *       conversion measured as a proportion, rounded up to a whole count;
 *       {@link #leadsNeeded(LongToDoubleFunction, double, long)} answers "how many with a
 *       given confidence" for any chance of reaching the target that grows with the leads.</li>
 *   <li><b>Cost ceilings</b> for a target ROMI t, with k = gross margin / (1 + t):
 *       {@link #ceilings(LeadInputs, double)}, {@link #breakEvenCostPerLead(LeadInputs)}.</li>
 * </ul>
 *
 * <p>Example (DOMAIN 3): Cr 5 %, check EUR 1 000.00, target EUR 6 000.00 → 6 contracts, 120
 * leads; with a gross margin of 40 % the CPL that still breaks even is EUR 20.00.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeadTargets {

  private LeadTargets() {}

  /**
   * What is needed to reach a revenue target with these inputs' rates, check and CPL:
   * contracts = target / check; leads = contracts / Cr; visits = leads / site conversion;
   * queries = visits / CTR; spend = target × spend / revenue (at the current CPL, rounded up to
   * the minor unit). Each is empty when a needed input is missing or a divisor is zero.
   *
   * @param inputs the inputs
   * @param revenueTarget the target revenue, same currency as the inputs' money, &gt;= 0
   * @return the plan
   * @throws ValidationException if an argument is null, or the target is negative or in another
   *     currency
   */
  public static RevenueTargetPlan plan(LeadInputs inputs, Money revenueTarget) {
    LeadSolver.Solution s = solveWithTarget(inputs, revenueTarget);
    BigDecimal target = revenueTarget.amount();
    Optional<BigDecimal> contracts = s.averageCheck == null
        ? Optional.empty() : LeadSolver.quotient(target, s.averageCheck.amount());
    Optional<BigDecimal> leads = contracts.flatMap(c -> per(s, c, LeadQuantity.CR));
    Optional<BigDecimal> visits = leads.flatMap(l -> per(s, l, LeadQuantity.SITE_CONVERSION));
    Optional<BigDecimal> queries = visits.flatMap(v -> per(s, v, LeadQuantity.CTR));
    Optional<Money> spendNeeded = s.spend == null ? Optional.empty()
        : s.revenueExact()
            .flatMap(r -> LeadSolver.quotient(target.multiply(s.spend.amount()), r))
            .flatMap(x -> s.money(x, RoundingMode.CEILING));
    return new RevenueTargetPlan(revenueTarget, LeadSolver.toDouble(contracts),
        LeadSolver.toDouble(leads), LeadSolver.toDouble(visits), LeadSolver.toDouble(queries),
        spendNeeded);
  }

  /**
   * How many leads beyond the current ones reach a revenue target: ⌈max(0, target − revenue) /
   * (check × Cr)⌉, where revenue = leads × Cr × check of these inputs (exact, unrounded).
   *
   * <p>Example: 60 leads at Cr 2 %, check EUR 1 000.00 bring EUR 1 200; a target of EUR
   * 6 000.00 needs 4 800 / 20 = 240 more leads.
   *
   * @param current the inputs as they are
   * @param revenueTarget the target revenue, same currency, &gt;= 0
   * @return the whole number (rounded up) and the exact expected count, or empty with the reason
   *     (no check, no Cr, no leads, or a zero check × Cr)
   * @throws ValidationException if an argument is null, the target is negative or in another
   *     currency, or the count does not fit in a long
   */
  public static LeadsNeeded additionalLeads(LeadInputs current, Money revenueTarget) {
    LeadSolver.Solution s = solveWithTarget(current, revenueTarget);
    OptionalDouble cr = s.value(LeadQuantity.CR);
    if (s.averageCheck == null || cr.isEmpty()) {
      return LeadsNeeded.none("the average check and Cr must be known");
    }
    Optional<BigDecimal> revenue = s.revenueExact();
    if (revenue.isEmpty()) {
      return LeadsNeeded.none("the current leads must be known");
    }
    BigDecimal shortfall = revenueTarget.amount().subtract(revenue.get()).max(BigDecimal.ZERO);
    return needed(shortfall,
        s.averageCheck.amount().multiply(LeadSolver.exact(cr.getAsDouble())),
        "check × Cr is 0 (check " + s.averageCheck + ", Cr " + Checks.render(cr.getAsDouble())
            + ")");
  }

  /**
   * How many leads (prospects) replace a shortfall: ⌈shortfall / (value per contract ×
   * conversion)⌉, computed exactly with the conversion as successes / trials. With the
   * conversion 1 of 1 this is the number of contracts.
   *
   * <p>Example: lost EUR 25 000 000, average budget EUR 5 000 000, conversion 20 of 100 → 25
   * leads.
   *
   * @param shortfall the revenue still missing (a lost budget, a gap to plan), &gt;= 0
   * @param valuePerContract the average value of a won contract, &gt;= 0, same currency
   * @param conversion the measured lead-to-contract conversion
   * @return the whole number (rounded up) and the exact expected count, or empty with the reason
   *     when value × conversion is 0 (no conversion measured, none converted, or a zero value)
   * @throws ValidationException on null, negative or mixed-currency amounts, or (field
   *     {@code leads}) when the count does not fit in a long
   */
  public static LeadsNeeded leadsNeeded(Money shortfall, Money valuePerContract,
      Proportion conversion) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("conversion", conversion));
    checkAmounts(c, shortfall, valuePerContract);
    c.throwIfAny();
    return needed(shortfall.amount().multiply(BigDecimal.valueOf(conversion.trials())),
        valuePerContract.amount().multiply(BigDecimal.valueOf(conversion.successes())),
        "value × conversion is 0 (value " + valuePerContract + ", conversion " + conversion
            + ")");
  }

  /**
   * How many leads replace a shortfall with a conversion given as a rate (e.g. a Cr):
   * ⌈shortfall / (value per contract × conversion)⌉, exact in the decimal value of the rate.
   *
   * @param shortfall the revenue still missing, &gt;= 0
   * @param valuePerContract the average value of a won contract, &gt;= 0, same currency
   * @param conversion the lead-to-contract conversion in [0, 1]
   * @return the whole number (rounded up) and the exact expected count, or empty with the reason
   *     when value × conversion is 0
   * @throws ValidationException on null, negative or mixed-currency amounts, a conversion
   *     outside [0, 1], or (field {@code leads}) a count beyond a long
   */
  public static LeadsNeeded leadsNeeded(Money shortfall, Money valuePerContract,
      double conversion) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.unitInterval("conversion", conversion));
    checkAmounts(c, shortfall, valuePerContract);
    c.throwIfAny();
    return needed(shortfall.amount(),
        valuePerContract.amount().multiply(LeadSolver.exact(conversion)),
        "value × conversion is 0 (value " + valuePerContract + ", conversion "
            + Checks.render(conversion) + ")");
  }

  /**
   * The smallest number k of additional leads in [0, maxLeads] whose chance of reaching the
   * target is at least the confidence, for a chance that does not decrease as leads are added
   * (adding a lead never lowers the chance of reaching a target). Found by exponential then
   * binary search, so about 2 log2(k) evaluations. The caller supplies the chance, e.g.
   * {@code P(X + b·B_k ≥ target)} for a revenue distribution X and k leads of budget b each won
   * with probability p ({@code B_k ~ Binomial(k, p)}).
   *
   * @param probabilityOfReaching k ↦ the chance of reaching the target with k more leads, in
   *     [0, 1] and non-decreasing in k
   * @param confidence the required chance, in (0, 1)
   * @param maxLeads the search limit, &gt;= 0
   * @return k with its chance, or empty with the chance at {@code maxLeads} and the reason
   * @throws ValidationException if the function is null, the confidence is outside (0, 1), the
   *     limit is negative, or the function returns a value outside [0, 1] (field
   *     {@code probabilityOfReaching})
   */
  public static LeadsNeeded leadsNeeded(LongToDoubleFunction probabilityOfReaching,
      double confidence, long maxLeads) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("probabilityOfReaching", probabilityOfReaching));
    if (!(confidence > 0 && confidence < 1)) {
      c.add("confidence", confidence, "must be within (0, 1)");
    }
    c.check(() -> Checks.nonNegative("maxLeads", maxLeads));
    c.throwIfAny();
    LongToDoubleFunction p = k -> {
      double x = probabilityOfReaching.applyAsDouble(k);
      if (!(x >= 0 && x <= 1)) {
        throw ValidationException.of("probabilityOfReaching", x,
            "must be in [0, 1] (with " + k + " more leads)");
      }
      return x;
    };
    double p0 = p.applyAsDouble(0);
    if (p0 >= confidence) {
      return LeadsNeeded.found(0, OptionalDouble.empty(), OptionalDouble.of(p0));
    }
    double pMax = p.applyAsDouble(maxLeads);
    if (pMax < confidence) {
      return new LeadsNeeded(OptionalLong.empty(), OptionalDouble.empty(),
          OptionalDouble.of(pMax), Optional.of(String.format(Locale.ROOT,
              "even %d leads reach the target with probability %.6f < %.6f",
              maxLeads, pMax, confidence)));
    }
    long lo = 0; // fails
    long hi = 1;
    while (hi < maxLeads && p.applyAsDouble(hi) < confidence) {
      lo = hi;
      hi = hi > maxLeads / 2 ? maxLeads : hi * 2;
    }
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (p.applyAsDouble(mid) >= confidence) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return LeadsNeeded.found(hi, OptionalDouble.empty(), OptionalDouble.of(p.applyAsDouble(hi)));
  }

  /**
   * The highest costs that still meet a target ROMI {@code t}, with
   * {@code k = gross margin / (1 + t)}: max spend = contracts × check × k (at the current
   * volumes); max CPL = Cr × check × k; max cost per contract = check × k; max CPC = leads per
   * paid click × Cr × check × k, with leads per paid click = leads / clicks. Under the paid-click
   * rule ({@link LeadQuantity#CLICKS}) the max CPC is empty when clicks are unknown or zero:
   * visits are never taken as paid clicks. Ceilings are rounded <em>down</em> to the minor unit
   * so that paying them still meets the target. Each is empty when a needed input is missing.
   *
   * @param inputs the inputs
   * @param targetRomi the target ROMI, finite and &gt; −1 (0 is break-even)
   * @return the ceilings
   * @throws ValidationException if the inputs are null or the target is not finite or is
   *     &lt;= −1 (any cost meets it)
   */
  public static CostCeilings ceilings(LeadInputs inputs, double targetRomi) {
    Checks.notNull("inputs", inputs);
    if (!(targetRomi > -1) || !Double.isFinite(targetRomi)) {
      throw ValidationException.of("targetRomi", targetRomi,
          "must be finite and > -1 (a target of -1 or less is met at any cost)");
    }
    LeadSolver.Solution s = LeadSolver.solve(inputs);
    Optional<Money> maxSpend = Optional.empty();
    Optional<Money> maxCpl = Optional.empty();
    Optional<Money> maxCac = Optional.empty();
    Optional<Money> maxCpc = Optional.empty();
    if (s.averageCheck != null && s.grossMargin.isPresent()) {
      BigDecimal k = LeadSolver.exact(s.grossMargin.getAsDouble())
          .divide(BigDecimal.ONE.add(LeadSolver.exact(targetRomi)), LeadSolver.MC);
      BigDecimal perContract = s.averageCheck.amount().multiply(k);
      maxCac = s.money(perContract, RoundingMode.DOWN);
      OptionalDouble contracts = s.value(LeadQuantity.CONTRACTS);
      if (contracts.isPresent()) {
        maxSpend = s.money(perContract.multiply(LeadSolver.exact(contracts.getAsDouble())),
            RoundingMode.DOWN);
      }
      OptionalDouble cr = s.value(LeadQuantity.CR);
      if (cr.isPresent()) {
        BigDecimal perLead = perContract.multiply(LeadSolver.exact(cr.getAsDouble()));
        maxCpl = s.money(perLead, RoundingMode.DOWN);
        maxCpc = leadsPerPaidClick(s)
            .flatMap(lpc -> s.money(perLead.multiply(lpc), RoundingMode.DOWN));
      }
    }
    return new CostCeilings(targetRomi, maxSpend, maxCpl, maxCac, maxCpc);
  }

  /**
   * The highest CPL that still breaks even (ROMI = 0), Cr × check × gross margin, rounded down
   * to the minor unit.
   *
   * @param inputs the inputs
   * @return the break-even CPL; empty without Cr, check or margin
   * @throws ValidationException if the inputs are null
   */
  public static Optional<Money> breakEvenCostPerLead(LeadInputs inputs) {
    return ceilings(inputs, 0).maxCostPerLead();
  }

  /** Leads per paid click = leads / clicks: the paid-click rule, nothing else is a click. */
  private static Optional<BigDecimal> leadsPerPaidClick(LeadSolver.Solution s) {
    OptionalDouble clicks = s.value(LeadQuantity.CLICKS);
    OptionalDouble leads = s.value(LeadQuantity.LEADS);
    if (clicks.isEmpty() || leads.isEmpty()) {
      return Optional.empty();
    }
    return LeadSolver.quotient(LeadSolver.exact(leads.getAsDouble()),
        LeadSolver.exact(clicks.getAsDouble()));
  }

  private static Optional<BigDecimal> per(LeadSolver.Solution s, BigDecimal x, LeadQuantity q) {
    OptionalDouble d = s.value(q);
    return d.isEmpty() ? Optional.empty() : LeadSolver.quotient(x, LeadSolver.exact(d.getAsDouble()));
  }

  private static LeadSolver.Solution solveWithTarget(LeadInputs inputs, Money revenueTarget) {
    Checks.notNull("inputs", inputs);
    Checks.notNull("revenueTarget", revenueTarget);
    if (revenueTarget.isNegative()) {
      throw ValidationException.of("revenueTarget", revenueTarget, "must be >= 0");
    }
    LeadSolver.Solution s = LeadSolver.solve(inputs);
    s.currency().ifPresent(c -> {
      if (!c.equals(revenueTarget.currency())) {
        throw ValidationException.of("revenueTarget", revenueTarget.currency().getCurrencyCode(),
            "must equal " + c.getCurrencyCode() + ", the currency of the model");
      }
    });
    return s;
  }

  private static void checkAmounts(Checks.Collector c, Money shortfall, Money value) {
    c.check(() -> Checks.notNull("shortfall", shortfall));
    c.check(() -> Checks.notNull("valuePerContract", value));
    if (shortfall == null || value == null) {
      return;
    }
    if (shortfall.isNegative()) {
      c.add("shortfall", shortfall, "must be >= 0");
    }
    if (value.isNegative()) {
      c.add("valuePerContract", value, "must be >= 0");
    }
    if (!shortfall.currency().equals(value.currency())) {
      c.add("valuePerContract", value, "must be in " + shortfall.currency());
    }
  }

  /** The one rule: ⌈numerator / denominator⌉ leads, with the exact quotient; empty when 0. */
  static LeadsNeeded needed(BigDecimal numerator, BigDecimal denominator, String reasonIfZero) {
    if (denominator.signum() == 0) {
      return LeadsNeeded.none(reasonIfZero);
    }
    BigDecimal exact = numerator.divide(denominator, LeadSolver.MC);
    BigDecimal whole = numerator.divide(denominator, 0, RoundingMode.CEILING);
    long count;
    try {
      count = whole.longValueExact();
    } catch (ArithmeticException e) {
      throw ValidationException.of("leads", whole, "must be at most " + Long.MAX_VALUE
          + ": the shortfall needs more leads than a long holds");
    }
    return LeadsNeeded.found(count, OptionalDouble.of(exact.doubleValue()),
        OptionalDouble.empty());
  }

  /**
   * How many leads are needed, or an explicit empty with the reason (computed by
   * {@link LeadTargets}). A quotient answer carries the exact expected count; a confidence
   * answer carries the chance of reaching the target with that many leads (with the search
   * limit when empty).
   *
   * <p>JSON form: {@code {"leads":25,"expected":25.0}},
   * {@code {"leads":7,"probabilityOfReaching":0.91}} or
   * {@code {"probabilityOfReaching":0.4,"reason":"even 100 leads reach ..."}}. Immutable and
   * thread-safe.
   *
   * @param leads the whole number of leads (rounded up); empty exactly when a reason is given
   * @param expected the exact quotient shortfall / (value × conversion), an expected count
   *     &gt;= 0, for a quotient answer
   * @param probabilityOfReaching the chance of reaching the target with {@code leads} leads (with
   *     the limit when empty), in [0, 1], for a confidence answer
   * @param reason why the answer is empty
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  @JsonPropertyOrder({"leads", "expected", "probabilityOfReaching", "reason"})
  public record LeadsNeeded(OptionalLong leads, OptionalDouble expected,
      OptionalDouble probabilityOfReaching, Optional<String> reason) {

    /** Validates that exactly one of leads and reason is present and the ranges. */
    @JsonCreator
    public LeadsNeeded {
      leads = leads == null ? OptionalLong.empty() : leads;
      expected = expected == null ? OptionalDouble.empty() : expected;
      probabilityOfReaching = probabilityOfReaching == null ? OptionalDouble.empty()
          : probabilityOfReaching;
      reason = reason == null ? Optional.empty() : reason;
      Checks.Collector c = Checks.collector();
      OptionalLong l = leads;
      OptionalDouble e = expected;
      OptionalDouble p = probabilityOfReaching;
      l.ifPresent(x -> c.check(() -> Checks.nonNegative("leads", x)));
      e.ifPresent(x -> c.check(() -> Checks.nonNegative("expected", x)));
      p.ifPresent(x -> c.check(() -> Checks.unitInterval("probabilityOfReaching", x)));
      if (leads.isPresent() == reason.isPresent()) {
        c.add("reason", reason.orElse(null), "must be present exactly when leads is empty");
      }
      c.throwIfAny();
    }

    static LeadsNeeded found(long leads, OptionalDouble expected, OptionalDouble probability) {
      return new LeadsNeeded(OptionalLong.of(leads), expected, probability, Optional.empty());
    }

    static LeadsNeeded none(String reason) {
      return new LeadsNeeded(OptionalLong.empty(), OptionalDouble.empty(),
          OptionalDouble.empty(), Optional.of(reason));
    }
  }
}
