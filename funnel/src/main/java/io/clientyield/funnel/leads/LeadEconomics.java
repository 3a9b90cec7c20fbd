package io.clientyield.funnel.leads;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The forward questions of lead economics (DOMAIN 3): the metrics of one channel, the channels
 * side by side, and which lever brings the most revenue. The inverse questions ("what is needed
 * to reach a target") are {@link LeadTargets}.
 *
 * <p>Formulas (counts are expected counts, rates in [0, 1]; every money result is computed from
 * the exact decimal product of its inputs and rounded once to the minor unit with
 * {@link Money#ROUNDING}):
 * <ul>
 *   <li>revenue = contracts × average check (= leads × Cr × check); gross profit = revenue ×
 *       gross margin; marketing profit = revenue × margin − spend;</li>
 *   <li>CPL = spend / leads (the source material wrote it upside down as leads / spend); CAC =
 *       spend / contracts; cost per visitor = spend / visits; cost per call = spend / calls;
 *       revenue per visitor = revenue / visits; profit per visitor = profit / visits; an
 *       inquiry is a lead, so cost per inquiry = CPL and turnover from inquiries = revenue;</li>
 *   <li>ROMI = (revenue × gross margin − spend) / spend.</li>
 * </ul>
 * A metric whose input is missing or whose divisor is zero is empty.
 *
 * <p>Example (DOMAIN 3): 40 leads, Cr 10 %, check EUR 500.00, spend EUR 800.00, margin 50 %: CPL
 * EUR 20.00, CAC EUR 200.00, ROMI (2 000 × 0.5 − 800) / 800 = 0.25.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeadEconomics {

  private LeadEconomics() {}

  /**
   * Returns every value (given or derived) and every metric of one channel and period.
   *
   * @param inputs the inputs
   * @return the metrics
   * @throws ValidationException if the inputs are null
   */
  public static LeadMetrics metrics(LeadInputs inputs) {
    Checks.notNull("inputs", inputs);
    return metrics(LeadSolver.solve(inputs), inputs.period());
  }

  static LeadMetrics metrics(LeadSolver.Solution s, Optional<String> period) {
    Optional<Money> revenue = s.revenueExact().flatMap(r -> s.money(r, Money.ROUNDING));
    Optional<Money> gross = s.grossExact().flatMap(g -> s.money(g, Money.ROUNDING));
    Optional<Money> profit = s.profitExact().flatMap(p -> s.money(p, Money.ROUNDING));
    return new LeadMetrics(s.values, s.given.keySet(), Optional.ofNullable(s.averageCheck),
        Optional.ofNullable(s.spend), Optional.ofNullable(s.costPerClick), s.grossMargin, period,
        revenue, gross, profit,
        s.spendPer(LeadQuantity.LEADS), s.spendPer(LeadQuantity.CONTRACTS),
        s.spendPer(LeadQuantity.VISITS), s.spendPer(LeadQuantity.CALLS),
        s.per(s.revenueExact(), LeadQuantity.VISITS), s.per(s.profitExact(), LeadQuantity.VISITS),
        romi(s));
  }

  private static OptionalDouble romi(LeadSolver.Solution s) {
    return s.profitExact()
        .filter(p -> !s.spend.isZero())
        .map(p -> OptionalDouble.of(
            p.divide(s.spend.amount(), MathContext.DECIMAL64).doubleValue()))
        .orElse(OptionalDouble.empty());
  }

  /**
   * Ranks the levers for the same relative improvement of each: x' = x × (1 + relative), rates
   * capped at 1 (see {@link LeverRanking}).
   *
   * <p>Example: 120 leads × Cr 5 % × EUR 1 000 = EUR 6 000; +10 % on leads, Cr or check each
   * brings EUR 600.00.
   *
   * @param base the inputs
   * @param relative the improvement, e.g. 0.1 for +10 %, in [0, {@link LeverRanking#MAX_RELATIVE}]
   * @return the ranking
   * @throws ValidationException if the base is null or the improvement is out of range
   */
  public static LeverRanking leverRanking(LeadInputs base, double relative) {
    return LeverRanker.relative(base, relative);
  }

  /**
   * Ranks the levers for absolute improvements: leads + extraLeads; each rate (CTR, site
   * conversion, Cr) + extraRatePoints (0.01 is one percentage point), capped at 1; check +
   * extraCheck (see {@link LeverRanking}).
   *
   * @param base the inputs
   * @param extraLeads more expected leads, in [0, {@link LeadInputs#MAX_COUNT}]
   * @param extraRatePoints more rate on each rate lever, in [0, 1]
   * @param extraCheck more average check, &gt;= 0, in the model's currency
   * @return the ranking
   * @throws ValidationException if an argument is null, out of range or in another currency
   */
  public static LeverRanking leverRanking(LeadInputs base, double extraLeads,
      double extraRatePoints, Money extraCheck) {
    return LeverRanker.absolute(base, extraLeads, extraRatePoints, extraCheck);
  }

  /**
   * Compares channels without fallbacks: a channel that lacks an input has the metrics that need
   * it undefined (see {@link ChannelComparison}).
   *
   * @param channels the channels, names unique, money in one currency
   * @return the comparison, rows in input order
   * @throws ValidationException if a channel is null, names repeat or currencies differ
   */
  public static ChannelComparison compareChannels(List<ChannelComparison.Channel> channels) {
    return ChannelRanker.compare(channels, ChannelComparison.Defaults.none());
  }

  /**
   * Compares channels by CPL, CAC and ROMI, each with its own Cr (lead maturity) where known,
   * filling a channel's missing Cr, average check or gross margin from the defaults (see
   * {@link ChannelComparison}).
   *
   * <p>Example: cold calls 200 leads for EUR 2 000 at Cr 1 %, referrals 20 leads for EUR 1 000
   * at Cr 25 %, check EUR 2 000: cold calls have the lower CPL (10 vs 50), referrals the lower
   * CAC (200 vs 1 000).
   *
   * @param channels the channels, names unique, money in one currency
   * @param defaults the fallbacks
   * @return the comparison, rows in input order
   * @throws ValidationException naming {@code channels[i]} if a channel is null, names repeat,
   *     currencies or stated periods differ, or a fallback contradicts a channel's inputs
   */
  public static ChannelComparison compareChannels(List<ChannelComparison.Channel> channels,
      ChannelComparison.Defaults defaults) {
    return ChannelRanker.compare(channels, defaults);
  }
}
