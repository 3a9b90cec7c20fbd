package io.clientyield.forecasting.horizon;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;

/**
 * A forecast of won revenue in the horizon {@code (asOf, end]}: a point, its parts, a
 * distribution given as equally likely {@link #scenarios()} (sorted), and the deal-level
 * probabilities of a win within the horizon.
 *
 * <p>Quantiles use the split-conformal order statistics of the scenarios: with {@code n}
 * scenarios, {@code quantile(q)} is the {@code ceil(q (n + 1))}-th smallest for {@code q >= 0.5}
 * and the {@code floor(q (n + 1))}-th smallest below (clamped to the first and the last), so a
 * central interval {@code [quantile((1 - c) / 2), quantile((1 + c) / 2)]} has coverage
 * {@code >= c} when the scenarios are exchangeable with the outcome.
 * {@link #probabilityOfReaching} is the share of scenarios at or above the target. Immutable and
 * thread-safe.
 *
 * @param model the name of the model that made it
 * @param asOf the origin
 * @param end the last day of the horizon
 * @param point the point forecast (what accuracy measures compare with the actual)
 * @param openDeals the expected won value from deals open at the origin (the model's own,
 *     before calibration)
 * @param newBusiness the expected won value from deals that arrive within the horizon (before
 *     calibration)
 * @param setAside open deals set aside (no dated history), counted
 * @param scenarios equally likely outcomes, sorted ascending, non-empty
 * @param deals the deal-level probabilities of a win within the horizon, one per open deal used
 * @param method how the distribution was obtained, in words
 */
public record HorizonForecast(
    String model,
    LocalDate asOf,
    LocalDate end,
    Money point,
    Money openDeals,
    Money newBusiness,
    long setAside,
    List<Money> scenarios,
    List<DealProbability> deals,
    String method) {

  /** Validates the parts (one currency, sorted scenarios, probabilities in [0, 1]). */
  public HorizonForecast {
    Checks.Collector c = Checks.collector();
    if (model == null || model.isBlank()) {
      c.add("model", model, "must not be blank");
    }
    if (asOf == null || end == null) {
      c.add("asOf/end", asOf + "/" + end, "must not be null");
    } else if (end.isBefore(asOf)) {
      c.add("end", end, "must not be before asOf (" + asOf + ")");
    }
    if (point == null || openDeals == null || newBusiness == null) {
      c.add("point/openDeals/newBusiness", null, "must not be null");
    } else {
      c.sameCurrency("openDeals", openDeals, "point", point);
      c.sameCurrency("newBusiness", newBusiness, "point", point);
    }
    if (setAside < 0) {
      c.add("setAside", setAside, "must be >= 0");
    }
    if (scenarios == null) {
      c.add("scenarios", null, "must not be null");
    } else if (c.elementsNotNull("scenarios", scenarios)) {
      if (scenarios.isEmpty()) {
        c.add("scenarios", "[]", "must not be empty");
      }
      for (int i = 1; i < scenarios.size(); i++) {
        if (scenarios.get(i).compareTo(scenarios.get(i - 1)) < 0) {
          c.add("scenarios[" + i + "]", scenarios.get(i), "must not be below scenarios[" + (i - 1) + "]");
          break;
        }
      }
      if (point != null) {
        for (int i = 0; i < scenarios.size(); i++) {
          // the field name is built only for the message
          if (!scenarios.get(i).currency().equals(point.currency())) {
            c.sameCurrency("scenarios[" + i + "]", scenarios.get(i), "point", point);
            break;
          }
        }
      }
    }
    if (deals == null) {
      c.add("deals", null, "must not be null");
    } else if (deals instanceof DealProbabilityColumns columns) { // checked element by element when built
      int i = point == null ? -1 : columns.firstBudgetNotIn(point.currency());
      if (i >= 0) {
        c.sameCurrency("deals[" + i + "].budget", deals.get(i).budget(), "point", point);
      }
    } else if (c.elementsNotNull("deals", deals) && point != null) {
      for (int i = 0; i < deals.size(); i++) {
        if (!deals.get(i).budget().currency().equals(point.currency())) {
          c.sameCurrency("deals[" + i + "].budget", deals.get(i).budget(), "point", point);
          break;
        }
      }
    }
    if (method == null) {
      c.add("method", null, "must not be null");
    }
    c.throwIfAny();
    scenarios = List.copyOf(scenarios);
    deals = deals instanceof DealProbabilityColumns ? deals : List.copyOf(deals); // both immutable
  }

  /**
   * The quantile at a level (split-conformal order statistic, see the class documentation).
   *
   * @param q the level in (0, 1)
   * @return the amount
   * @throws ValidationException if q is outside (0, 1)
   */
  public Money quantile(double q) {
    if (!(q > 0 && q < 1)) {
      throw ValidationException.of("q", q, "must be within (0, 1)");
    }
    int n = scenarios.size();
    long rank = q >= 0.5 ? (long) Math.ceil(q * (n + 1) - 1e-9) : (long) Math.floor(q * (n + 1) + 1e-9);
    int i = (int) Math.max(1, Math.min(n, rank)) - 1;
    return scenarios.get(i);
  }

  /**
   * P10.
   *
   * @return {@code quantile(0.10)}
   */
  public Money p10() {
    return quantile(0.10);
  }

  /**
   * P50.
   *
   * @return {@code quantile(0.50)}
   */
  public Money p50() {
    return quantile(0.50);
  }

  /**
   * P90.
   *
   * @return {@code quantile(0.90)}
   */
  public Money p90() {
    return quantile(0.90);
  }

  /**
   * The probability of reaching a target: the share of scenarios at or above it.
   *
   * @param target the target, in the forecast's currency
   * @return the probability in [0, 1]
   * @throws ValidationException if the target is null or in another currency
   */
  public double probabilityOfReaching(Money target) {
    Checks.notNull("target", target);
    Checks.Collector c = Checks.collector();
    c.sameCurrency("target", target, "point", point);
    c.throwIfAny();
    long at = scenarios.stream().filter(s -> s.compareTo(target) >= 0).count();
    return (double) at / scenarios.size();
  }

  /**
   * The probability that one open deal is won within the horizon.
   *
   * @param id the deal
   * @param stage the stage it was in at the origin
   * @param age its age in that stage at the origin, in calendar units
   * @param probability the probability in [0, 1]
   * @param budget the value it would bring (its budget; zero when unknown)
   */
  public record DealProbability(DealId id, String stage, long age, double probability, Money budget) {
    /** Validates the parts. */
    public DealProbability {
      Checks.Collector c = Checks.collector();
      if (id == null || stage == null || budget == null) {
        c.add("id/stage/budget", null, "must not be null");
      }
      if (age < 0) {
        c.add("age", age, "must be >= 0");
      }
      if (!(probability >= 0 && probability <= 1)) {
        c.add("probability", probability, "must be within [0, 1]");
      }
      c.throwIfAny();
    }
  }
}
