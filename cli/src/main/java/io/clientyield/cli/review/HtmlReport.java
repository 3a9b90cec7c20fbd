package io.clientyield.cli.review;

import io.clientyield.cli.report.Charts;
import io.clientyield.cli.report.Charts.Band;
import io.clientyield.cli.report.Charts.Chart;
import io.clientyield.cli.report.Charts.Estimate;
import io.clientyield.cli.report.Charts.Line;
import io.clientyield.cli.report.Format;
import io.clientyield.cli.report.HtmlPage;
import io.clientyield.forecasting.horizon.BacktestReport;
import io.clientyield.forecasting.horizon.BacktestReport.CalibrationBin;
import io.clientyield.forecasting.horizon.BacktestReport.OriginRow;
import io.clientyield.funnel.CrossStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The review as a self-contained, responsive HTML page: the headline figures first, then the
 * same sections as the console, each chart right before the table with the same rows. Charts
 * (JFreeChart, as SVG) have the element ids {@value #FORECAST}, {@value #CALIBRATION},
 * {@value #FUNNEL} and {@value #AGENTS} (their phone renderings add
 * {@value io.clientyield.cli.report.Charts#NARROW_SUFFIX}); the account portfolio is the grid
 * {@value #PORTFOLIO}.
 */
public final class HtmlReport {
  /** Chart id: the one-month forecast against what was won, at past month-ends. */
  public static final String FORECAST = "forecast";
  /** Chart id: predicted against observed chance of a win within the month. */
  public static final String CALIBRATION = "calibration";
  /** Chart id: deals worked, closed and won per regional office. */
  public static final String FUNNEL = "funnel";
  /** Chart id: win rate per sales agent with its 95 % Wilson interval. */
  public static final String AGENTS = "agents";
  /** Element id: the 3 × 3 account portfolio grid. */
  public static final String PORTFOLIO = "portfolio";

  private HtmlReport() {}

  /**
   * Renders the page.
   *
   * @param review the review
   * @return the HTML document
   */
  public static String render(Review review) {
    HtmlPage page = new HtmlPage("Sales review as of " + ReviewSections.date(review.asOf()));
    ReviewSummary summary = ReviewSummary.of(review);
    for (ReviewSections.Section s : ReviewSections.of(review)) {
      page.heading("s-" + s.id(), s.title());
      if (!s.kpis().isEmpty()) {
        page.kpis(s.kpis());
      }
      s.lines().forEach(page::paragraph);
      for (ReviewSections.Table t : s.tables()) {
        switch (t.chart()) {
          case FORECAST -> page.chart(backtest(review.backtestMonth()));
          case CALIBRATION -> page.chart(calibration(review.backtestMonth()));
          case FUNNEL -> page.chart(officeFunnel(summary.offices()));
          case AGENTS -> page.chart(agentIntervals(review.byAgent(), summary.agents()));
          case PORTFOLIO -> portfolio(page, summary);
          default -> { }
        }
        page.table(t.header(), t.rows());
      }
    }
    return page.render();
  }

  private static Chart backtest(BacktestReport b) {
    int n = b.rows().size();
    double[] x = new double[n];
    double[] actual = new double[n];
    double[] p10 = new double[n];
    double[] p50 = new double[n];
    double[] p90 = new double[n];
    double[] baseline = new double[n];
    for (int i = 0; i < n; i++) {
      OriginRow o = b.rows().get(i);
      x[i] = Charts.day(o.end());
      actual[i] = major(o.actual());
      p10[i] = major(o.modelP10());
      p50[i] = major(o.model());
      p90[i] = major(o.modelP90());
      baseline[i] = major(o.baseline());
    }
    return Charts.lines(FORECAST, "Backtest: next month's forecast against what was won, at past month-ends",
        Charts.XAxis.DATE, "end of the forecast month", Charts.YAxis.NUMBER, "won revenue (" + currencyOf(b) + ")",
        List.of(new Band("forecast P50, shaded P10–P90", x, p10, p50, p90)),
        List.of(new Line("actually won", x, actual, false, true),
            new Line("stage-weighted pipeline", x, baseline, true, false)),
        OptionalDouble.empty(), "", 380);
  }

  /** The currency code of a backtest's amounts. */
  private static String currencyOf(BacktestReport b) {
    return b.rows().isEmpty() ? "" : b.rows().get(0).actual().currency().getCurrencyCode();
  }

  private static Chart calibration(BacktestReport b) {
    List<double[]> model = new ArrayList<>();
    List<double[]> base = new ArrayList<>();
    for (CalibrationBin c : b.model().calibration()) {
      if (c.deals() > 0) {
        model.add(new double[] {c.meanPredicted().orElseThrow(), c.observed().orElseThrow()});
      }
    }
    for (CalibrationBin c : b.baseline().calibration()) {
      if (c.deals() > 0) {
        base.add(new double[] {c.meanPredicted().orElseThrow(), c.observed().orElseThrow()});
      }
    }
    return Charts.lines(CALIBRATION, "Calibration: predicted chance of a win within the month against the share"
        + " actually won", Charts.XAxis.NUMBER, "predicted chance (mean of the decile, %)", Charts.YAxis.PERCENT,
        "share won within the month", List.of(),
        List.of(line("this forecast", model, false), line("stage-weighted pipeline", base, false),
            new Line("perfect calibration", new double[] {0, 100}, new double[] {0, 1}, true, false)),
        OptionalDouble.empty(), "", 380);
  }

  private static Line line(String name, List<double[]> points, boolean dashed) {
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      x[i] = 100 * points.get(i)[0];
      y[i] = points.get(i)[1];
    }
    return new Line(name, x, y, dashed, true);
  }

  private static Chart officeFunnel(List<ReviewSummary.Group> rows) {
    List<String> names = new ArrayList<>();
    double[][] values = new double[3][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      ReviewSummary.Group g = rows.get(i);
      names.add(g.name());
      values[0][i] = g.worked();
      values[1][i] = g.closed();
      values[2][i] = g.won();
    }
    return Charts.bars(FUNNEL, "Deals worked, closed and won per regional office", "deals",
        List.of("worked", "closed", "won"), names, values);
  }

  private static Chart agentIntervals(CrossStatistics agents, List<ReviewSummary.Group> rows) {
    List<Estimate> estimates = new ArrayList<>();
    for (ReviewSummary.Group g : rows) {
      if (g.winRate().isEmpty()) {
        continue;
      }
      ReviewSummary.Share w = g.winRate().get();
      String label = g.weakAt().isEmpty() ? g.name() : g.name() + " (weak: " + String.join(", ", g.weakAt()) + ")";
      estimates.add(new Estimate(label, w.value(), w.lower(), w.upper(), !g.weakAt().isEmpty()));
    }
    OptionalDouble team = agents.team().conversion().quantitativeClosed().value();
    return Charts.intervals(AGENTS, "Win rate of closed deals per sales agent, with its 95 % interval",
        "won of closed deals", estimates, team,
        "team " + (team.isPresent() ? Format.percent(team.getAsDouble()) : ""), "weak at a stage");
  }

  private static void portfolio(HtmlPage page, ReviewSummary summary) {
    List<List<String>> cells = new ArrayList<>();
    for (ReviewSummary.PortfolioCell c : summary.portfolio()) {
      List<String> cell = new ArrayList<>();
      cell.add(ReviewSummary.stageName(c.strategy()));
      cell.add(c.attractiveness() + " attractiveness, " + c.relationship() + " relationship");
      cell.add(Format.count(c.accounts()) + " accounts, " + Format.money(c.revenue()));
      c.top().forEach(a -> cell.add(a.name() + " " + Format.money(a.revenue())));
      cells.add(cell);
    }
    page.subheading("Account portfolio");
    page.grid(PORTFOLIO, "↑ attractiveness: high (top row) to low", "relationship: weak (left) to strong →", cells);
  }

  private static double major(io.clientyield.core.Money m) {
    return m.amount().doubleValue();
  }
}
