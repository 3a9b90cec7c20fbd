package io.clientyield.forecasting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The plan needed to reach a target given the measured realization ratio.
 *
 * <p>If plans are realized at ratio {@code r = executed / plan}, then reaching target T needs
 * {@code plan = T / r}. The correction is <b>multiplicative</b>.
 *
 * <p>Worked example (DOMAIN 5.2): plan 100 M, refined 80 M, executed 75 M → {@code r = 0.75},
 * error 25 % of plan. For a target of 100 M plan {@code 100 / 0.75 = 133.3 M} (exactly
 * EUR 133 333 333.33: the quotient is rounded half-even ({@link Money#ROUNDING}) to the minor unit, so {@code plan × r}
 * differs from T by at most {@code r × 0.005} of a major unit). The <i>additive</i> answer, "add
 * the lost 25 % back", gives {@code 100 + 25 = 125 M}; but 125 M realized at 0.75 yields only
 * {@code 125 × 0.75 = 93.75 M}, 6.25 M short of the target, because the 25 % is lost on the
 * larger plan too.
 *
 * <p>With dispersion: if the ratio over n periods has mean μ and standard deviation σ, under a
 * normal model of the ratio the plan that reaches T with confidence c (one-sided) is {@code T /
 * (μ − z_c σ)}, {@code z_c = Φ⁻¹(c)} (1.2816 for 0.90). If {@code μ − z_c σ ≤ 0} no finite plan
 * suffices and the answer is an explicit empty with the reason.
 *
 * <p>Undefined answers are explicit empties with a reason, never an exception from inside the
 * division: a ratio {@code <= 0} (including 0, a zero divisor), a lower ratio {@code μ − z_c σ}
 * that is not a finite double (the estimate's values are so large that it overflows), and a plan
 * {@code T / r} beyond Money's range ({@link Money#MAX_INTEGER_DIGITS} integer digits, for a tiny
 * ratio). Only invalid arguments are {@link ValidationException}s.
 *
 * <p>Stateless and thread-safe.
 */
public final class CorrectedTargets {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private CorrectedTargets() {}

  /**
   * Returns {@code target / ratio}, rounded half-even ({@link Money#ROUNDING}) to the minor unit.
   *
   * <p>Example: target EUR 100 000 000.00, ratio 0.75 → EUR 133 333 333.33.
   *
   * @param target the target, {@code >= 0}
   * @param realizationRatio the measured ratio, finite and {@code >= 0}
   * @return the plan, or an explicit empty when the ratio is 0
   * @throws ValidationException on a null or negative target or a bad ratio
   */
  public static CorrectedPlan planFor(Money target, double realizationRatio) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("target", target));
    c.check(() -> Checks.nonNegative("realizationRatio", realizationRatio));
    c.check(() -> Checks.finite("realizationRatio", realizationRatio));
    c.throwIfAny();
    if (target.isNegative()) {
      throw ValidationException.of("target", target, "must be >= 0");
    }
    return divide(target, realizationRatio);
  }

  /**
   * Returns {@code target / (μ − z_c σ)}: the plan that reaches the target with confidence c
   * under a normal model of the realization ratio.
   *
   * @param target the target, {@code >= 0}
   * @param estimate the ratio estimate (needs a standard deviation, so at least 2 periods)
   * @param confidence c in {@code (0, 1)}
   * @return the plan, or an explicit empty when σ is unknown, {@code μ − z_c σ ≤ 0}, {@code μ −
   *     z_c σ} overflows a double, or the plan exceeds Money's range
   * @throws ValidationException on bad input
   */
  public static CorrectedPlan planFor(Money target, RatioEstimate estimate, double confidence) {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("target", target));
    c.check(() -> Checks.notNull("estimate", estimate));
    if (!(confidence > 0 && confidence < 1)) {
      c.add("confidence", confidence, "must be within (0, 1)");
    }
    c.throwIfAny();
    if (target.isNegative()) {
      throw ValidationException.of("target", target, "must be >= 0");
    }
    if (estimate.standardDeviation().isEmpty()) {
      return new CorrectedPlan(Optional.empty(), OptionalDouble.empty(),
          Optional.of("the ratio's standard deviation needs at least 2 periods, got "
              + estimate.periods()));
    }
    return divide(target, lower(estimate, confidence));
  }

  /**
   * Returns {@code μ − z_c σ}, the ratio reached with confidence c under a normal model.
   *
   * @param estimate the estimate
   * @param confidence c in {@code (0, 1)}
   * @return the lower ratio (may be {@code <= 0}), or empty when σ is unknown or {@code μ − z_c
   *     σ} is not a finite double (overflow; never NaN or infinity)
   * @throws ValidationException if the estimate is null or c is outside {@code (0, 1)}
   */
  public static OptionalDouble lowerRatio(RatioEstimate estimate, double confidence) {
    Checks.notNull("estimate", estimate);
    if (!(confidence > 0 && confidence < 1)) {
      throw ValidationException.of("confidence", confidence, "must be within (0, 1)");
    }
    if (estimate.standardDeviation().isEmpty()) {
      return OptionalDouble.empty();
    }
    double r = lower(estimate, confidence);
    return Double.isFinite(r) ? OptionalDouble.of(r) : OptionalDouble.empty();
  }

  /** {@code μ − z_c σ}; infinite when it overflows (σ known). */
  private static double lower(RatioEstimate estimate, double confidence) {
    double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
    return estimate.mean() - z * estimate.standardDeviation().getAsDouble();
  }

  private static CorrectedPlan divide(Money target, double ratio) {
    if (!Double.isFinite(ratio)) {
      return new CorrectedPlan(Optional.empty(), OptionalDouble.empty(),
          Optional.of("the effective realization ratio μ − z σ is not finite (" + ratio
              + "): the estimate's mean and standard deviation are too large to combine"));
    }
    ratio += 0.0; // -0.0 becomes 0.0
    if (!(ratio > 0)) {
      return new CorrectedPlan(Optional.empty(), OptionalDouble.of(ratio),
          Optional.of(String.format(Locale.ROOT,
              "the effective realization ratio (%.6f) is <= 0: no finite plan reaches the target",
              ratio)));
    }
    try {
      return new CorrectedPlan(Optional.of(target.dividedBy(ratio, Money.ROUNDING)),
          OptionalDouble.of(ratio), Optional.empty());
    } catch (ValidationException e) {
      // the divisor is finite and > 0 here, so the only rule Money.dividedBy can report is the
      // range of its result (field "result"): the quotient exceeds Money's range (tiny ratio)
      if (!e.violations().stream().allMatch(v -> v.field().equals("result"))) {
        throw e;
      }
      return new CorrectedPlan(Optional.empty(), OptionalDouble.of(ratio),
          Optional.of("the plan exceeds the representable amount: " + e.getMessage()));
    }
  }

  /**
   * The plan needed to reach a target, or an explicit empty with the reason.
   *
   * <p>Immutable and thread-safe.
   *
   * @param plan the plan to set, rounded half-even to the minor unit; empty when undefined
   * @param effectiveRatio the ratio divided by ({@code r}, or {@code μ − z σ}), finite; empty when
   *     it could not be computed
   * @param reason why the plan is empty; absent when a plan was found
   */
  @JsonPropertyOrder({"plan", "effectiveRatio", "reason"})
  public record CorrectedPlan(
      @JsonProperty("plan") Optional<Money> plan,
      @JsonProperty("effectiveRatio") OptionalDouble effectiveRatio,
      @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) {

    /**
     * Normalizes absent values to empty and validates: exactly one of plan and reason present; a
     * present effective ratio finite.
     */
    public CorrectedPlan {
      plan = plan == null ? Optional.empty() : plan;
      effectiveRatio = effectiveRatio == null ? OptionalDouble.empty() : effectiveRatio;
      reason = reason == null ? Optional.empty() : reason;
      if (effectiveRatio.isPresent()) {
        Checks.finite("effectiveRatio", effectiveRatio.getAsDouble());
      }
      if (plan.isPresent() == reason.isPresent()) {
        throw ValidationException.of("reason", reason.orElse(null),
            "must be present exactly when plan is empty");
      }
    }

    @JsonCreator
    static CorrectedPlan fromJson(
        @JsonProperty("plan") Optional<Money> plan,
        @JsonProperty("effectiveRatio") OptionalDouble effectiveRatio,
        @JsonProperty("reason") Optional<String> reason) {
      return new CorrectedPlan(plan, effectiveRatio, reason);
    }
  }
}
