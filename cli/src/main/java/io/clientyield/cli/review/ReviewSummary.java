package io.clientyield.cli.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.forecasting.horizon.BacktestReport;
import io.clientyield.forecasting.horizon.BacktestReport.IntervalCoverage;
import io.clientyield.forecasting.horizon.HorizonForecast;
import io.clientyield.funnel.ConversionComparison;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The compact block that leads {@code report.json}: what a sales director reads first, in the
 * same order as the page. Every probability and share is rounded once, here, to
 * {@value #DECIMALS} decimals ({@link #round}); every amount is {@link Money} (amount and
 * currency).
 *
 * @param asOf the as-of date (the latest close date in the export)
 * @param coveredFrom the first dated record of the export
 * @param rowsRead rows read from the export
 * @param rowsSetAside rows set aside (see the load report)
 * @param worked deals worked
 * @param closed deals closed (won or lost)
 * @param won deals won
 * @param open deals still open
 * @param winRate won of closed deals, with its 95 % Wilson interval
 * @param wonRevenue the close value of the won deals
 * @param wonListValue the list-price value of the won deals
 * @param nextMonth the forecast of won revenue in the next month, with its backtested accuracy
 * @param nextQuarter the forecast of won revenue in the next three months, with its backtested
 *     accuracy
 * @param atRisk open deals past the Engaging norm
 * @param eventualValue the eventual won value of today's open deals (no time limit)
 * @param offices the regional offices, best win rate first
 * @param agents the sales agents, best win rate first
 * @param portfolio the cells of the account portfolio matrix, top row first
 */
public record ReviewSummary(
    @JsonProperty("asOf") LocalDate asOf,
    @JsonProperty("coveredFrom") LocalDate coveredFrom,
    @JsonProperty("rowsRead") long rowsRead,
    @JsonProperty("rowsSetAside") long rowsSetAside,
    @JsonProperty("worked") long worked,
    @JsonProperty("closed") long closed,
    @JsonProperty("won") long won,
    @JsonProperty("open") long open,
    @JsonProperty("winRate") Share winRate,
    @JsonProperty("wonRevenue") Money wonRevenue,
    @JsonProperty("wonListValue") Money wonListValue,
    @JsonProperty("nextMonth") Forecast nextMonth,
    @JsonProperty("nextQuarter") Forecast nextQuarter,
    @JsonProperty("atRisk") AtRisk atRisk,
    @JsonProperty("eventualValue") EventualValue eventualValue,
    @JsonProperty("offices") List<Group> offices,
    @JsonProperty("agents") List<Group> agents,
    @JsonProperty("portfolio") List<PortfolioCell> portfolio) {

  /** Decimals of every rounded probability or share. */
  public static final int DECIMALS = 4;

  /**
   * Copies the lists.
   *
   * @param asOf the as-of date (the latest close date in the export)
   * @param coveredFrom the first dated record of the export
   * @param rowsRead rows read from the export
   * @param rowsSetAside rows set aside (see the load report)
   * @param worked deals worked
   * @param closed deals closed (won or lost)
   * @param won deals won
   * @param open deals still open
   * @param winRate won of closed deals, with its 95 % Wilson interval
   * @param wonRevenue the close value of the won deals
   * @param wonListValue the list-price value of the won deals
   * @param nextMonth the forecast of won revenue in the next month
   * @param nextQuarter the forecast of won revenue in the next three months
   * @param atRisk open deals past the Engaging norm
   * @param eventualValue the eventual won value of today's open deals (no time limit)
   * @param offices the regional offices, best win rate first
   * @param agents the sales agents, best win rate first
   * @param portfolio the cells of the account portfolio matrix, top row first
   */
  public ReviewSummary {
    offices = List.copyOf(offices);
    agents = List.copyOf(agents);
    portfolio = List.copyOf(portfolio);
  }

  /**
   * A share with its 95 % interval, rounded to {@value #DECIMALS} decimals.
   *
   * @param value the share, e.g. {@code 0.6316}
   * @param lower the interval's lower bound
   * @param upper the interval's upper bound
   * @param successes the numerator (e.g. deals won)
   * @param trials the denominator (e.g. deals closed)
   */
  public record Share(
      @JsonProperty("value") double value,
      @JsonProperty("lower") double lower,
      @JsonProperty("upper") double upper,
      @JsonProperty("successes") long successes,
      @JsonProperty("trials") long trials) {}

  /**
   * A forecast of won revenue in a horizon, with its backtest.
   *
   * @param horizonMonths the horizon in months
   * @param from the first day of the horizon
   * @param to the last day of the horizon
   * @param p10 the 10th percentile
   * @param p50 the median (the point forecast)
   * @param p90 the 90th percentile
   * @param openDeals the expected won value from deals open on the as-of date (before
   *     calibration)
   * @param newBusiness the expected won value from deals not yet in the pipeline (before
   *     calibration)
   * @param method how the distribution was obtained
   * @param accuracy the same forecast replayed at past month-ends
   */
  public record Forecast(
      @JsonProperty("horizonMonths") int horizonMonths,
      @JsonProperty("from") LocalDate from,
      @JsonProperty("to") LocalDate to,
      @JsonProperty("p10") Money p10,
      @JsonProperty("p50") Money p50,
      @JsonProperty("p90") Money p90,
      @JsonProperty("openDeals") Money openDeals,
      @JsonProperty("newBusiness") Money newBusiness,
      @JsonProperty("method") String method,
      @JsonProperty("accuracy") Accuracy accuracy) {}

  /**
   * The backtested accuracy of a forecast beside the stage-weighted baseline (shares rounded).
   *
   * @param origins the past month-ends replayed
   * @param wape the model's weighted absolute percentage error, empty when nothing was won
   * @param bias the model's bias (positive = over-forecast), empty like WAPE
   * @param covered80 how many origins' actuals fell inside the model's P10–P90
   * @param brier the model's deal-level Brier score, empty without deals
   * @param baselineWape the stage-weighted baseline's WAPE
   * @param baselineBrier the baseline's Brier score
   * @param rows one row per past month-end
   * @param calibration predicted against observed chance of a win within the horizon, by decile
   */
  public record Accuracy(
      @JsonProperty("origins") long origins,
      @JsonProperty("wape") OptionalDouble wape,
      @JsonProperty("bias") OptionalDouble bias,
      @JsonProperty("covered80") long covered80,
      @JsonProperty("brier") OptionalDouble brier,
      @JsonProperty("baselineWape") OptionalDouble baselineWape,
      @JsonProperty("baselineBrier") OptionalDouble baselineBrier,
      @JsonProperty("rows") List<BacktestRow> rows,
      @JsonProperty("calibration") List<CalibrationRow> calibration) {
    /**
     * Copies the lists.
     *
     * @param origins the past month-ends replayed
     * @param wape the model's WAPE
     * @param bias the model's bias
     * @param covered80 how many origins' actuals fell inside the model's P10–P90
     * @param brier the model's deal-level Brier score
     * @param baselineWape the baseline's WAPE
     * @param baselineBrier the baseline's Brier score
     * @param rows one row per past month-end
     * @param calibration predicted against observed chance by decile
     */
    public Accuracy {
      rows = List.copyOf(rows);
      calibration = List.copyOf(calibration);
    }
  }

  /**
   * One past month-end of a backtest.
   *
   * @param origin the month-end the forecast was made on
   * @param end the last day of its horizon
   * @param actual the close value won in the horizon
   * @param p10 the forecast's P10
   * @param p50 the forecast's P50 (its point)
   * @param p90 the forecast's P90
   * @param baseline the stage-weighted pipeline on the same day
   */
  public record BacktestRow(
      @JsonProperty("origin") LocalDate origin,
      @JsonProperty("end") LocalDate end,
      @JsonProperty("actual") Money actual,
      @JsonProperty("p10") Money p10,
      @JsonProperty("p50") Money p50,
      @JsonProperty("p90") Money p90,
      @JsonProperty("baseline") Money baseline) {}

  /**
   * One probability decile of the deal-level forecasts, for the model and the baseline.
   *
   * @param from the decile's lowest probability
   * @param to its highest
   * @param deals the model's deal forecasts in it
   * @param predicted their mean probability (rounded), empty without deals
   * @param observed the share of them won within the horizon (rounded), empty without deals
   * @param baselineDeals the baseline's deal forecasts in it
   * @param baselinePredicted their mean probability (rounded)
   * @param baselineObserved the share of them won within the horizon (rounded)
   */
  public record CalibrationRow(
      @JsonProperty("from") double from,
      @JsonProperty("to") double to,
      @JsonProperty("deals") long deals,
      @JsonProperty("predicted") OptionalDouble predicted,
      @JsonProperty("observed") OptionalDouble observed,
      @JsonProperty("baselineDeals") long baselineDeals,
      @JsonProperty("baselinePredicted") OptionalDouble baselinePredicted,
      @JsonProperty("baselineObserved") OptionalDouble baselineObserved) {}

  /**
   * Open deals past their stage norm.
   *
   * @param deals how many
   * @param value their list-price value
   * @param normWorkingDays the Engaging norm, in working days
   */
  public record AtRisk(
      @JsonProperty("deals") long deals,
      @JsonProperty("value") Money value,
      @JsonProperty("normWorkingDays") long normWorkingDays) {}

  /**
   * The eventual won value of today's open deals, whenever they close: not a forecast of any
   * period.
   *
   * @param expected the expected value
   * @param p10 the 10th percentile
   * @param p50 the median
   * @param p90 the 90th percentile
   * @param target the won list-price value of the best quarter
   * @param probabilityOfTarget the probability of eventually reaching the target (rounded)
   * @param meanError one standard error of the expected value (Monte Carlo)
   */
  public record EventualValue(
      @JsonProperty("expected") Money expected,
      @JsonProperty("p10") Money p10,
      @JsonProperty("p50") Money p50,
      @JsonProperty("p90") Money p90,
      @JsonProperty("target") Money target,
      @JsonProperty("probabilityOfTarget") double probabilityOfTarget,
      @JsonProperty("meanError") Money meanError) {}

  /**
   * One group (office or agent) against the team.
   *
   * @param name the group
   * @param worked deals worked
   * @param closed deals closed
   * @param won deals won
   * @param winRate won of closed, with its interval; empty before any deal closed
   * @param weakAt the stages where the group converts lower than the rest of the team
   *     (significant after the false-discovery correction)
   * @param gapDeals won deals above (+) or below (−) what the team's win rate gives on the
   *     group's closed deals, rounded to whole deals
   * @param gapValue {@code gapDeals} at the team's average won list price
   * @param wonValue the list-price value of the group's won deals
   */
  public record Group(
      @JsonProperty("name") String name,
      @JsonProperty("worked") long worked,
      @JsonProperty("closed") long closed,
      @JsonProperty("won") long won,
      @JsonProperty("winRate") java.util.Optional<Share> winRate,
      @JsonProperty("weakAt") List<String> weakAt,
      @JsonProperty("gapDeals") long gapDeals,
      @JsonProperty("gapValue") Money gapValue,
      @JsonProperty("wonValue") Money wonValue) {
    /**
     * Copies the list.
     *
     * @param name the group
     * @param worked deals worked
     * @param closed deals closed
     * @param won deals won
     * @param winRate won of closed, with its interval; empty before any deal closed
     * @param weakAt the stages where the group converts lower than the rest of the team
     * @param gapDeals won deals above or below the team's rate on the same closed deals
     * @param gapValue {@code gapDeals} at the team's average won list price
     * @param wonValue the list-price value of the group's won deals
     */
    public Group {
      weakAt = List.copyOf(weakAt);
    }
  }

  /**
   * One cell of the portfolio matrix.
   *
   * @param attractiveness the row (how attractive the accounts are)
   * @param relationship the column (how strong the relationship is)
   * @param strategy what to do with the cell's accounts
   * @param accounts how many accounts
   * @param revenue their won close value
   * @param top the largest accounts of the cell by revenue, at most three
   */
  public record PortfolioCell(
      @JsonProperty("attractiveness") String attractiveness,
      @JsonProperty("relationship") String relationship,
      @JsonProperty("strategy") String strategy,
      @JsonProperty("accounts") long accounts,
      @JsonProperty("revenue") Money revenue,
      @JsonProperty("top") List<Account> top) {
    /**
     * Copies the list.
     *
     * @param attractiveness the row
     * @param relationship the column
     * @param strategy what to do with the cell's accounts
     * @param accounts how many accounts
     * @param revenue their won close value
     * @param top the largest accounts of the cell by revenue
     */
    public PortfolioCell {
      top = List.copyOf(top);
    }
  }

  /**
   * An account and its won close value.
   *
   * @param name the account
   * @param revenue its won close value
   */
  public record Account(@JsonProperty("name") String name, @JsonProperty("revenue") Money revenue) {}

  /**
   * Rounds a probability or share once, to {@value #DECIMALS} decimals.
   *
   * @param p the value
   * @return the rounded value
   */
  public static double round(double p) {
    return java.math.BigDecimal.valueOf(p).setScale(DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static OptionalDouble round(OptionalDouble p) {
    return p.isPresent() ? OptionalDouble.of(round(p.getAsDouble())) : OptionalDouble.empty();
  }

  /**
   * Builds the summary of a review.
   *
   * @param r the review
   * @return the summary
   */
  public static ReviewSummary of(Review r) {
    ConversionComparison c = r.funnel().conversion();
    RevenueDistribution f = r.forecast();
    EventualValue eventual = new EventualValue(f.expectedValue(), f.p10(), f.p50(), f.p90(), r.forecastTarget(),
        r.probabilityOfTarget(), Money.ofMinor(Math.round(f.meanErrorBound()), f.currency()));
    AtRisk atRisk = new AtRisk(r.timeInStage().overdueOpenDeals().size(), r.overdueValue(),
        ReviewRunner.ENGAGING_NORM);
    return new ReviewSummary(r.asOf(), r.coveredFrom(), r.load().rowsRead(), r.load().rowsSetAside(),
        c.worked(), c.closed(), c.won(), c.worked() - c.closed(),
        share(c.quantitativeClosed()).orElseThrow(), r.wonCloseValue(), r.wonListValue(),
        forecast(r.nextMonth(), r.backtestMonth(), 1), forecast(r.nextQuarter(), r.backtestQuarter(), 3),
        atRisk, eventual, groups(r.byOffice()), groups(r.byAgent()), portfolio(r));
  }


  static java.util.Optional<Share> share(Proportion p) {
    if (p.value().isEmpty()) {
      return java.util.Optional.empty();
    }
    var ci = p.wilson95().orElseThrow();
    return java.util.Optional.of(new Share(round(p.value().getAsDouble()), round(ci.lower()), round(ci.upper()),
        p.successes(), p.trials()));
  }

  private static Forecast forecast(HorizonForecast f, BacktestReport b, int months) {
    IntervalCoverage c80 = b.model().coverage().stream().filter(c -> Math.abs(c.nominal() - 0.8) < 1e-9)
        .findFirst().orElseThrow();
    List<BacktestRow> rows = b.rows().stream().map(o -> new BacktestRow(o.origin(), o.end(), o.actual(),
        o.modelP10(), o.model(), o.modelP90(), o.baseline())).toList();
    List<CalibrationRow> calibration = new ArrayList<>();
    for (int i = 0; i < b.model().calibration().size(); i++) {
      var m = b.model().calibration().get(i);
      var base = b.baseline().calibration().get(i);
      calibration.add(new CalibrationRow(round(m.from()), round(m.to()), m.deals(), round(m.meanPredicted()),
          round(m.observed()), base.deals(), round(base.meanPredicted()), round(base.observed())));
    }
    Accuracy a = new Accuracy(b.rows().size(), round(b.model().wape()), round(b.model().bias()), c80.covered(),
        round(b.model().brier()), round(b.baseline().wape()), round(b.baseline().brier()), rows, calibration);
    return new Forecast(months, f.asOf().plusDays(1), f.end(), f.p10(), f.point(), f.p90(), f.openDeals(),
        f.newBusiness(), f.method(), a);
  }

  static List<Group> groups(CrossStatistics stats) {
    ConversionComparison team = stats.team().conversion();
    double teamRate = team.quantitativeClosed().value().orElse(0);
    Money averageWon = team.won() == 0 ? Money.zero(team.wonBudget().currency())
        : team.wonBudget().dividedBy(team.won(), RoundingMode.HALF_EVEN);
    List<GroupStatistics> sorted = new ArrayList<>(stats.groups());
    sorted.sort(Comparator.comparingDouble((GroupStatistics g) -> g.conversion().quantitativeClosed().value()
        .orElse(-1)).reversed().thenComparing(GroupStatistics::group));
    List<Group> out = new ArrayList<>();
    for (GroupStatistics g : sorted) {
      ConversionComparison gc = g.conversion();
      long gap = Math.round(gc.won() - teamRate * gc.closed());
      List<String> weak = g.cells().stream().filter(StageCell::flagged).map(StageCell::stage)
          .map(ReviewSummary::stageName).toList();
      out.add(new Group(g.group(), gc.worked(), gc.closed(), gc.won(), share(gc.quantitativeClosed()), weak, gap,
          averageWon.multipliedBy(gap), gc.wonBudget()));
    }
    return out;
  }

  /**
   * A stage id in plain words.
   *
   * @param stage the id, e.g. {@code engaging}
   * @return e.g. {@code Engaging}
   */
  static String stageName(String stage) {
    return stage.isEmpty() ? stage : stage.substring(0, 1).toUpperCase(Locale.ROOT) + stage.substring(1);
  }

  static List<PortfolioCell> portfolio(Review r) {
    List<PortfolioCell> out = new ArrayList<>();
    Map<String, Money> revenue = r.revenueByAccount();
    Money zero = Money.zero(r.wonListValue().currency());
    for (Attractiveness a : ReviewSections.attractivenessTopDown()) {
      for (Relationship rel : ReviewSections.relationshipLeftToRight()) {
        List<Placement> in = r.portfolio().stream()
            .filter(p -> p.attractiveness() == a && p.relationship() == rel).toList();
        List<Account> accounts = in.stream()
            .map(p -> new Account(p.client().value(), revenue.getOrDefault(p.client().value(), zero)))
            .sorted(Comparator.comparing(Account::revenue).reversed().thenComparing(Account::name)).toList();
        Money total = accounts.stream().map(Account::revenue).reduce(zero, Money::plus);
        String strategy = io.clientyield.profitability.portfolio.PortfolioMatrix.Strategies.DEFAULT.of(a, rel)
            .name();
        out.add(new PortfolioCell(a.name().toLowerCase(Locale.ROOT), rel.name().toLowerCase(Locale.ROOT), strategy,
            accounts.size(), total, accounts.subList(0, Math.min(3, accounts.size()))));
      }
    }
    return out;
  }
}
