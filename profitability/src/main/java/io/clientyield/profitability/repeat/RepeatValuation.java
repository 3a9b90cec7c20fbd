package io.clientyield.profitability.repeat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.profitability.repeat.RepeatValuation.ClientValue;
import java.util.Optional;

import io.clientyield.core.ClientId;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import io.clientyield.profitability.ltv.LifetimeValues;
import io.clientyield.profitability.portfolio.ClientFacts;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Customer lifetime value from the two models: the discounted expected margin over a horizon of
 * {@code steps} steps of {@code stepLength} time units,
 * <pre>
 *   CLV = margin × E[Z | x, z̄] × Σ_{k=1..K} (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1 + d)^k
 * </pre>
 * with E[Y] from the {@link BgNbdModel} and E[Z] from the {@link GammaGammaModel} (which must have
 * q &gt; 1, so that every expected spend is finite). The revenue is rounded half-even
 * ({@link Money#ROUNDING}) to the minor unit, then multiplied by the margin and rounded half-even
 * again — exactly as
 * {@link LifetimeValues#lifetimeValue(Money, long, double)} does
 * with one paying period, so
 * {@link #lifetimeValue(ClientValue)} carries the same amount.
 *
 * <p>Example (CDNOW, weeks): 52 steps of 1 week at 0.2 % a week, margin 0.3.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purchases the purchase model
 * @param spend the spend model, q &gt; 1
 * @param steps K, the number of discounting steps, in [1, 100 000]
 * @param stepLength Δ, time units per step, finite and &gt; 0
 * @param discountRate d, the discount rate per step, finite and &ge; 0
 * @param margin the margin on revenue, finite and &le; 1 (as for {@link LifetimeValue})
 * @param currency the currency of the spend model's amounts
 */
public record RepeatValuation(
    @JsonProperty("purchases") BgNbdModel purchases,
    @JsonProperty("spend") GammaGammaModel spend,
    @JsonProperty("steps") int steps,
    @JsonProperty("stepLength") double stepLength,
    @JsonProperty("discountRate") double discountRate,
    @JsonProperty("margin") double margin,
    @JsonProperty("currency") Currency currency) {

  /** The name of the CLV criterion in {@link ClientFacts#values()}. */
  public static final String CRITERION = "expectedClv";

  /**
   * Validates the configuration, reporting every problem at once.
   *
   * @param purchases the purchase model
   * @param spend the spend model, q &gt; 1
   * @param steps in [1, 100 000]
   * @param stepLength finite, &gt; 0
   * @param discountRate finite, &ge; 0
   * @param margin finite, &le; 1
   * @param currency the currency
   * @throws ValidationException naming every bad part (the horizon too, when beyond the series'
   *     bound of 9 999 α)
   */
  @JsonCreator
  public RepeatValuation {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("purchases", purchases));
    c.check(() -> Checks.notNull("spend", spend));
    c.check(() -> Checks.notNull("currency", currency));
    c.check(() -> Checks.inRange("steps", steps, 1, 100_000));
    c.check(() -> Checks.positive("stepLength", stepLength));
    c.check(() -> Checks.nonNegative("discountRate", discountRate));
    if (!(Double.isFinite(margin) && margin <= 1)) {
      c.add("margin", margin, "must be finite and <= 1 (profit cannot exceed revenue)");
    }
    if (spend != null && !(spend.q() > 1)) {
      c.add("spend.q", spend.q(), "must be > 1 for a finite expected spend");
    }
    if (c.isEmpty() && purchases != null) {
      double limit = purchases.alpha() * (BgNbdModel.MAX_Z / (1 - BgNbdModel.MAX_Z));
      if (!(steps * stepLength <= limit)) {
        c.add("steps × stepLength", steps * stepLength, "must be <= 9999 alpha (" + Checks.render(limit) + ")");
      }
    }
    c.throwIfAny();
  }

  /**
   * The value of one client.
   *
   * @param s the client's summary (in this valuation's currency)
   * @return the value
   * @throws ValidationException if the summary's currency differs
   */
  public ClientValue value(RepeatSummary s) {
    Checks.notNull("summary", s);
    if (!s.repeatSpend().currency().equals(currency)) {
      throw ValidationException.of("summary[" + s.client() + "].repeatSpend", s.repeatSpend(),
          "must be in " + currency.getCurrencyCode());
    }
    long x = s.repeatPurchases();
    double tx = s.lastPurchaseTime();
    double bigT = s.observationTime();
    double alive = purchases.probabilityAliveUnchecked(x, tx, bigT);
    double previous = 0;
    double discounted = 0;
    double factor = 1;
    for (int k = 1; k <= steps; k++) {
      double cumulative = purchases.expectedPurchasesUnchecked(k * stepLength, x, tx, bigT);
      factor /= 1 + discountRate;
      discounted += Math.max(0, cumulative - previous) * factor;
      previous = Math.max(previous, cumulative);
    }
    double meanSpend = spend.expectedSpend(s).orElseThrow(); // q > 1: always present
    Money revenue = Money.of(BigDecimal.valueOf(meanSpend * discounted), currency, Money.ROUNDING);
    Money clv = revenue.multipliedBy(margin, Money.ROUNDING);
    return new ClientValue(s.client(), alive, previous, discounted, meanSpend, revenue, clv);
  }

  /**
   * The values of many clients, in the given order.
   *
   * @param summaries the clients, no null element
   * @return one value per client
   */
  public List<ClientValue> values(List<RepeatSummary> summaries) {
    List<RepeatSummary> list = Checks.elementsNotNull("summaries", summaries);
    List<ClientValue> out = new ArrayList<>(list.size());
    for (RepeatSummary s : list) {
      out.add(value(s));
    }
    return out;
  }

  /**
   * The value of a segment: the sum over its clients.
   *
   * @param summaries the segment's clients, no null element
   * @return the segment's value
   */
  public SegmentValue segment(List<RepeatSummary> summaries) {
    return segmentValue(values(summaries));
  }

  /**
   * The value of a segment from its clients' values: the money sums are exact over the rounded
   * per-client amounts, the mean is rounded half-even ({@link Money#ROUNDING}).
   *
   * @param values the clients' values, no null element, all in this valuation's currency
   * @return the segment's value
   * @throws ValidationException if an element is null or in another currency
   */
  public SegmentValue segmentValue(List<ClientValue> values) {
    List<ClientValue> list = Checks.elementsNotNull("values", values);
    MoneyAccumulator revenue = new MoneyAccumulator(currency);
    MoneyAccumulator clv = new MoneyAccumulator(currency);
    double purchases = 0;
    for (ClientValue v : list) {
      revenue.add(v.discountedRevenue());
      clv.add(v.clv());
      purchases += v.expectedPurchases();
    }
    Optional<Money> mean = list.isEmpty() ? Optional.empty()
        : Optional.of(clv.result().dividedBy(list.size(), Money.ROUNDING));
    return new SegmentValue(list.size(), purchases, revenue.result(), clv.result(), mean);
  }

  /**
   * The client's value as a {@link LifetimeValue}: the horizon is one paying period whose revenue
   * (ARPU) is the discounted expected revenue, so its LTV equals {@link ClientValue#clv()}.
   *
   * @param value a value computed by this valuation
   * @return {@code LifetimeValues.lifetimeValue(discountedRevenue, 1, margin)}
   */
  public LifetimeValue lifetimeValue(ClientValue value) {
    Checks.notNull("value", value);
    return LifetimeValues.lifetimeValue(value.discountedRevenue(), 1, margin);
  }

  /**
   * An attractiveness criterion of the portfolio matrix on the CLV: named {@link #CRITERION},
   * higher is better, percentile rank among the clients.
   *
   * @param weight the criterion's weight, finite and &ge; 0
   * @return the criterion
   */
  public static Criterion attractivenessCriterion(double weight) {
    return new Criterion(CRITERION, true, weight, Normalization.percentileRank());
  }

  /**
   * Adds the client's CLV (major units) to its portfolio facts under {@link #CRITERION}.
   *
   * @param facts the client's facts (same client as the value)
   * @param value the client's value
   * @return the facts with the CLV set
   * @throws ValidationException if the clients differ
   */
  public static ClientFacts withClv(ClientFacts facts, ClientValue value) {
    Checks.notNull("facts", facts);
    Checks.notNull("value", value);
    if (!facts.client().equals(value.client())) {
      throw ValidationException.of("value.client", value.client(), "must be the facts' client " + facts.client());
    }
    return facts.with(CRITERION, value.clv().amount().doubleValue());
  }

  /**
   * One client's expected value over a horizon, from the BG/NBD and Gamma-Gamma models (see
   * {@link RepeatValuation}).
   *
   * <p>Immutable and thread-safe.
   *
   * @param client the client
   * @param probabilityAlive P(alive) at the end of calibration, in [0, 1]
   * @param expectedPurchases expected purchases over the horizon (fractional, undiscounted), &ge; 0
   * @param discountedPurchases the same, each step's purchases discounted, &ge; 0
   * @param expectedSpend expected spend per purchase in major units, &ge; 0
   * @param discountedRevenue expectedSpend × discountedPurchases, rounded half-even
   * @param clv discountedRevenue × margin, rounded half-even: the customer lifetime value
   */
  public record ClientValue(
      @JsonProperty("client") ClientId client,
      @JsonProperty("probabilityAlive") double probabilityAlive,
      @JsonProperty("expectedPurchases") double expectedPurchases,
      @JsonProperty("discountedPurchases") double discountedPurchases,
      @JsonProperty("expectedSpend") double expectedSpend,
      @JsonProperty("discountedRevenue") Money discountedRevenue,
      @JsonProperty("clv") Money clv) {

    /**
     * Validates the parts.
     *
     * @param client the client
     * @param probabilityAlive in [0, 1]
     * @param expectedPurchases finite, &ge; 0
     * @param discountedPurchases finite, &ge; 0
     * @param expectedSpend finite, &ge; 0
     * @param discountedRevenue &ge; 0
     * @param clv in the currency of discountedRevenue
     * @throws ValidationException naming every bad part
     */
    @JsonCreator
    public ClientValue {
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.notNull("client", client));
      c.check(() -> Checks.unitInterval("probabilityAlive", probabilityAlive));
      c.check(() -> Checks.nonNegative("expectedPurchases", expectedPurchases));
      c.check(() -> Checks.nonNegative("discountedPurchases", discountedPurchases));
      c.check(() -> Checks.nonNegative("expectedSpend", expectedSpend));
      c.check(() -> Checks.notNull("discountedRevenue", discountedRevenue));
      c.check(() -> Checks.notNull("clv", clv));
      if (discountedRevenue != null && discountedRevenue.isNegative()) {
        c.add("discountedRevenue", discountedRevenue, "must be >= 0");
      }
      c.sameCurrency("clv", clv, "discountedRevenue", discountedRevenue);
      c.throwIfAny();
    }
  }

  /**
   * The expected value of a segment of clients: sums of their {@link ClientValue}s (money sums exact
   * over the rounded per-client amounts).
   *
   * <p>Immutable and thread-safe.
   *
   * @param clients the number of clients, &ge; 0
   * @param expectedPurchases their expected purchases over the horizon (fractional), &ge; 0
   * @param discountedRevenue the sum of their discounted revenue
   * @param clv the sum of their lifetime values
   * @param meanClv clv / clients, rounded half-even; empty for an empty segment
   */
  public record SegmentValue(
      @JsonProperty("clients") long clients,
      @JsonProperty("expectedPurchases") double expectedPurchases,
      @JsonProperty("discountedRevenue") Money discountedRevenue,
      @JsonProperty("clv") Money clv,
      @JsonProperty("meanClv") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Money> meanClv) {

    /**
     * Validates the parts.
     *
     * @param clients &ge; 0
     * @param expectedPurchases finite, &ge; 0
     * @param discountedRevenue not null
     * @param clv in the currency of discountedRevenue
     * @param meanClv present exactly when clients &gt; 0
     * @throws ValidationException naming every bad part
     */
    @JsonCreator
    public SegmentValue {
      meanClv = meanClv == null ? Optional.empty() : meanClv;
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.nonNegative("clients", clients));
      c.check(() -> Checks.nonNegative("expectedPurchases", expectedPurchases));
      c.check(() -> Checks.notNull("discountedRevenue", discountedRevenue));
      c.check(() -> Checks.notNull("clv", clv));
      c.sameCurrency("clv", clv, "discountedRevenue", discountedRevenue);
      c.sameCurrency("meanClv", meanClv.orElse(null), "discountedRevenue", discountedRevenue);
      if (meanClv.isPresent() != (clients > 0)) {
        c.add("meanClv", meanClv.orElse(null), "must be present exactly when clients > 0");
      }
      c.throwIfAny();
    }
  }
}
