package io.clientyield.forecasting;

import io.clientyield.funnel.leads.LeadTargets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Replenishing a plan when planned clients refuse.
 *
 * <ul>
 *   <li>lost budget = Σ of the refused deals' latest budget values;
 *   <li>prospects needed = {@code ⌈lost / (average budget × conversion)⌉} (rounded up: a
 *       fractional prospect cannot be approached; the exact quotient is also returned); empty
 *       when the denominator is 0 (no conversions measured or zero average budget);
 *   <li>coverage = weighted pipeline / target; the coverage the measured error requires is
 *       {@code 1 / r} (or {@code 1 / (μ − z_c σ)} for confidence c); an alert is raised when
 *       coverage is below it. Example: target 100, r = 0.75 → required 1.333; a weighted
 *       pipeline of 120 covers 1.2 → alert.
 * </ul>
 *
 * <p>Coverage results are never NaN or infinite: the coverage is empty when the target is 0;
 * the required coverage is empty (and the alert raised, with the reason) when the ratio is
 * {@code <= 0}, unknown, or so small that {@code 1 / r} overflows a double (r below about 5.6 ×
 * 10^-309).
 *
 * <p>Stateless and thread-safe.
 */
public final class Replenishment {

  private Replenishment() {}

  /**
   * Returns the budget lost with refused deals: the sum of each one's latest value.
   *
   * <p>The sum is kept in a {@code long} of minor units (at most {@link Long#MAX_VALUE}, about
   * EUR 9.2 × 10^16); a budget or a running sum beyond that is a {@link ValidationException}
   * naming the deal ({@code refused[i].budget}), never a wrapped-around sum.
   *
   * @param refused the refused planned deals, one currency
   * @param currency the currency (used when the collection is empty)
   * @return the lost budget
   * @throws ValidationException if a deal is null ({@code refused[i]}) or in another currency, or
   *     the sum does not fit in a long of minor units
   */
  public static Money lostBudget(Collection<PlannedDeal> refused, java.util.Currency currency) {
    Checks.notNull("refused", refused);
    Checks.notNull("currency", currency);
    long sum = 0;
    int i = 0;
    for (PlannedDeal d : refused) {
      Money m = Checks.notNull("refused", i, d).latest().amount();
      if (!m.currency().equals(currency)) {
        throw ValidationException.of("refused[" + i + "].budget", m, "must be in " + currency);
      }
      try {
        sum = Math.addExact(sum, m.minorUnits());
      } catch (ArithmeticException | ValidationException e) {
        throw ValidationException.of("refused[" + i + "].budget", m, "must keep the lost budget (the sum of"
            + " refused[0.." + i + "]) within a long of minor units (at most " + Long.MAX_VALUE
            + ")");
      }
      i++;
    }
    return Money.ofMinor(sum, currency);
  }

  /**
   * Returns the prospects needed to replace a lost budget: {@code ⌈lost / (avg × conv)⌉}.
   *
   * <p>Example: lost EUR 25 000 000, average budget EUR 5 000 000, conversion 20 of 100 → 25 / (5
   * × 0.2) = 25 prospects.
   *
   * @param lost the lost budget, {@code >= 0}
   * @param averageBudget the average budget of a converted prospect, {@code >= 0}, same currency
   * @param conversion the prospect-to-won conversion measured by the funnel
   * @return the count (rounded up) and the exact quotient, or empty with the reason
   * @throws ValidationException on null, negative or mixed-currency amounts, or (field {@code
   *     prospects}) when the count does not fit in a long
   */
  public static ProspectsNeeded prospectsNeeded(Money lost, Money averageBudget, Proportion conversion) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("lost", lost));
    c.check(() -> Checks.notNull("averageBudget", averageBudget));
    c.check(() -> Checks.notNull("conversion", conversion));
    c.throwIfAny();
    if (lost.isNegative()) {
      c.add("lost", lost, "must be >= 0");
    }
    if (averageBudget.isNegative()) {
      c.add("averageBudget", averageBudget, "must be >= 0");
    }
    if (!lost.currency().equals(averageBudget.currency())) {
      c.add("averageBudget", averageBudget, "must be in " + lost.currency());
    }
    c.throwIfAny();
    // the one home of "how many more leads reach a target": funnel's LeadTargets
    LeadTargets.LeadsNeeded answer;
    try {
      answer = LeadTargets.leadsNeeded(lost, averageBudget, conversion);
    } catch (ValidationException e) { // more than a long holds: name this method's result
      ValidationException.Violation v = e.violations().get(0);
      throw ValidationException.of("prospects", v.rejectedValue(), v.rule());
    }
    if (answer.leads().isEmpty()) {
      return new ProspectsNeeded(Optional.empty(), OptionalDouble.empty(), answer.reason());
    }
    return new ProspectsNeeded(Optional.of(answer.leads().getAsLong()), answer.expected(),
        Optional.empty());
  }

  /**
   * Returns plan coverage and the alert against the required coverage {@code 1 / r}.
   *
   * @param weightedPipeline Σ budget × win probability of open deals, {@code >= 0}
   * @param target the target, {@code >= 0}, same currency
   * @param realizationRatio the measured ratio, finite and {@code >= 0}
   * @return the check: coverage empty when the target is 0; required empty (alert) when r is 0
   *     or {@code 1 / r} is not a finite double
   * @throws ValidationException on a null or negative amount, mixed currencies, or a ratio that
   *     is NaN, infinite or negative
   */
  public static CoverageCheck coverage(Money weightedPipeline, Money target, double realizationRatio) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.nonNegative("realizationRatio", realizationRatio));
    checkAmounts(c, weightedPipeline, target);
    c.throwIfAny();
    return check(weightedPipeline, target, OptionalDouble.of(realizationRatio));
  }

  /**
   * Returns plan coverage and the alert against the required coverage {@code 1 / (μ − z_c σ)}.
   *
   * @param weightedPipeline Σ budget × win probability of open deals, {@code >= 0}
   * @param target the target, {@code >= 0}, same currency
   * @param estimate the ratio estimate
   * @param confidence c in {@code (0, 1)}
   * @return the check (alert with a reason when the required coverage is undefined: σ unknown,
   *     {@code μ − z_c σ <= 0} or not finite, or {@code 1 / (μ − z_c σ)} not finite)
   * @throws ValidationException on a null or negative amount, mixed currencies, a null estimate
   *     or c outside {@code (0, 1)}
   */
  public static CoverageCheck coverage(
      Money weightedPipeline, Money target, RatioEstimate estimate, double confidence) {
    Checks.Collector c = Checks.collector();
    checkAmounts(c, weightedPipeline, target);
    c.check(() -> Checks.notNull("estimate", estimate));
    if (!(confidence > 0 && confidence < 1)) {
      c.add("confidence", confidence, "must be within (0, 1)");
    }
    c.throwIfAny();
    return check(weightedPipeline, target, CorrectedTargets.lowerRatio(estimate, confidence));
  }

  private static void checkAmounts(Checks.Collector c, Money pipeline, Money target) {
    if (pipeline == null) {
      c.add("weightedPipeline", null, "must not be null");
    } else if (pipeline.isNegative()) {
      c.add("weightedPipeline", pipeline, "must be >= 0");
    }
    if (target == null) {
      c.add("target", null, "must not be null");
    } else if (target.isNegative()) {
      c.add("target", target, "must be >= 0");
    } else if (pipeline != null && !pipeline.currency().equals(target.currency())) {
      c.add("target", target, "must be in " + pipeline.currency());
    }
  }

  private static CoverageCheck check(Money pipeline, Money target, OptionalDouble ratio) {
    OptionalDouble coverage = pipeline.ratioTo(target);
    if (coverage.isPresent() && !Double.isFinite(coverage.getAsDouble())) {
      coverage = OptionalDouble.empty(); // cannot happen within Money's range; never report ∞
    }
    double required = ratio.isPresent() ? 1 / ratio.getAsDouble() : Double.NaN;
    if (ratio.isEmpty() || !(ratio.getAsDouble() > 0) || !Double.isFinite(required)) {
      return new CoverageCheck(coverage, OptionalDouble.empty(), true, Optional.of(
          "the required coverage is undefined (realization ratio "
              + (ratio.isPresent() ? Checks.render(ratio.getAsDouble()) : "unknown")
              + (ratio.isPresent() && ratio.getAsDouble() > 0 ? ": 1 / r overflows" : "")
              + ")"));
    }
    if (coverage.isEmpty()) {
      return new CoverageCheck(coverage, OptionalDouble.of(required), false,
          Optional.of("the target is 0: any pipeline covers it"));
    }
    boolean alert = coverage.getAsDouble() < required;
    return new CoverageCheck(coverage, OptionalDouble.of(required), alert,
        alert ? Optional.of(String.format(Locale.ROOT,
            "coverage %.4f is below the %.4f the measured error requires",
            coverage.getAsDouble(), required)) : Optional.empty());
  }

  /**
   * Plan coverage against the coverage the measured planning error requires.
   *
   * <p>Never NaN or infinite: an undefined value is empty (see {@link Replenishment}).
   *
   * <p>Immutable and thread-safe.
   *
   * @param coverage weighted pipeline / target (1.2 = 120 %); empty when the target is 0
   * @param required the required coverage {@code 1 / r}; empty when undefined
   * @param alert true when coverage is below the required coverage, or the requirement is undefined
   * @param reason the explanation of an alert or of an empty value
   */
  @JsonPropertyOrder({"coverage", "required", "alert", "reason"})
  public record CoverageCheck(
      @JsonProperty("coverage") OptionalDouble coverage,
      @JsonProperty("required") OptionalDouble required,
      @JsonProperty("alert") boolean alert,
      @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

    /**
     * Normalizes absent values to empty and validates: a present coverage finite and {@code >= 0},
     * a present required coverage finite and {@code > 0}.
     */
    public CoverageCheck {
      coverage = coverage == null ? OptionalDouble.empty() : coverage;
      required = required == null ? OptionalDouble.empty() : required;
      reason = reason == null ? Optional.empty() : reason;
      Checks.Collector c = Checks.collector();
      OptionalDouble cov = coverage;
      OptionalDouble req = required;
      if (cov.isPresent()) {
        c.check(() -> Checks.nonNegative("coverage", cov.getAsDouble()));
      }
      if (req.isPresent()) {
        c.check(() -> Checks.positive("required", req.getAsDouble()));
      }
      c.throwIfAny();
    }

    @JsonCreator
    static CoverageCheck fromJson(
        @JsonProperty("coverage") OptionalDouble coverage,
        @JsonProperty("required") OptionalDouble required,
        @JsonProperty("alert") boolean alert,
        @JsonProperty("reason") Optional<String> reason) {
      return new CoverageCheck(coverage, required, alert, reason);
    }
  }

  /**
   * Prospects needed to replace a lost budget, or an explicit empty with the reason.
   *
   * <p>Immutable and thread-safe.
   *
   * @param prospects the whole number of prospects (rounded up)
   * @param exact the exact quotient {@code lost / (average × conversion)} (an expected count)
   * @param reason why the answer is empty
   */
  @JsonPropertyOrder({"prospects", "exact", "reason"})
  public record ProspectsNeeded(
      @JsonProperty("prospects") Optional<Long> prospects,
      @JsonProperty("exact") OptionalDouble exact,
      @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

    /**
     * Normalizes absent values to empty and validates: exactly one of prospects and reason present;
     * prospects {@code >= 0}; a present exact quotient finite and {@code >= 0}.
     */
    public ProspectsNeeded {
      prospects = prospects == null ? Optional.empty() : prospects;
      exact = exact == null ? OptionalDouble.empty() : exact;
      reason = reason == null ? Optional.empty() : reason;
      Checks.Collector c = Checks.collector();
      Optional<Long> count = prospects;
      OptionalDouble quotient = exact;
      if (count.isPresent()) {
        c.check(() -> Checks.nonNegative("prospects", count.get()));
      }
      if (quotient.isPresent()) {
        c.check(() -> Checks.nonNegative("exact", quotient.getAsDouble()));
      }
      c.throwIfAny();
      if (prospects.isPresent() == reason.isPresent()) {
        throw ValidationException.of("reason", reason.orElse(null),
            "must be present exactly when prospects is empty");
      }
    }

    @JsonCreator
    static ProspectsNeeded fromJson(
        @JsonProperty("prospects") Optional<Long> prospects,
        @JsonProperty("exact") OptionalDouble exact,
        @JsonProperty("reason") Optional<String> reason) {
      return new ProspectsNeeded(prospects, exact, reason);
    }
  }
}
