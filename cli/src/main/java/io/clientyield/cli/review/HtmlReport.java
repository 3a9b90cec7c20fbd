package io.clientyield.cli.review;

import io.clientyield.core.Money;
import io.clientyield.cli.report.HtmlPage;
import io.clientyield.cli.report.Svg;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The review as a self-contained HTML page: the same sections as the console, plus four SVG
 * charts with the element ids {@value #FUNNEL}, {@value #MANAGERS}, {@value #PORTFOLIO} and
 * {@value #FORECAST}.
 */
public final class HtmlReport {
  /** Chart id: the funnel per regional office. */
  public static final String FUNNEL = "funnel";
  /** Chart id: win rate per sales agent with its 95 % Wilson interval. */
  public static final String MANAGERS = "managers";
  /** Chart id: the 3 × 3 portfolio matrix. */
  public static final String PORTFOLIO = "portfolio";
  /** Chart id: the forecast distribution. */
  public static final String FORECAST = "forecast";
  /** How many bins the forecast histogram has. */
  static final int BINS = 40;

  private HtmlReport() {}

  /**
   * Renders the page.
   *
   * @param review the review
   * @return the HTML document
   */
  public static String render(Review review) {
    HtmlPage page = new HtmlPage("clientyield — profitability review of a CRM export");
    for (ReviewSections.Section s : ReviewSections.of(review)) {
      page.heading(s.title());
      s.lines().forEach(page::paragraph);
      switch (s.id()) {
        case "offices" -> page.chart(officeFunnel(review.byOffice()));
        case "agents" -> page.chart(agentIntervals(review.byAgent()));
        case "forecast" -> page.chart(forecast(review));
        case "accounts" -> page.chart(portfolio(review.portfolio()));
        default -> { }
      }
      s.tables().forEach(t -> page.table(t.header(), t.rows()));
    }
    return page.render();
  }

  private static String officeFunnel(CrossStatistics offices) {
    List<Svg.Group> groups = new ArrayList<>();
    for (GroupStatistics g : offices.groups()) {
      groups.add(new Svg.Group(g.group(), new double[] {
          g.funnel().stage("prospecting").entered(), g.funnel().stage("engaging").entered(), g.funnel().won()}));
    }
    return Svg.groupedBars(FUNNEL, "Funnel per regional office: deals worked, engaged, won",
        List.of("worked", "engaged", "won"), groups);
  }

  private static String agentIntervals(CrossStatistics agents) {
    List<GroupStatistics> sorted = new ArrayList<>(agents.groups());
    sorted.sort(Comparator.comparingDouble((GroupStatistics g) -> ReviewSections.winRate(g).value().orElse(-1))
        .reversed());
    List<Svg.Estimate> rows = new ArrayList<>();
    for (GroupStatistics g : sorted) {
      var rate = ReviewSections.winRate(g);
      if (rate.value().isEmpty()) {
        continue;
      }
      var ci = rate.wilson95().orElseThrow();
      boolean flagged = g.cells().stream().anyMatch(StageCell::flagged);
      rows.add(new Svg.Estimate(g.group(), rate.value().getAsDouble(), ci.lower(), ci.upper(), flagged));
    }
    OptionalDouble team = agents.team().conversion().quantitativeClosed().value();
    return Svg.intervals(MANAGERS, "Win rate of closed deals per sales agent, 95 % Wilson interval (▼ flagged weak)",
        rows, team);
  }

  private static String portfolio(List<Placement> placements) {
    Attractiveness[] rows = ReviewSections.attractivenessTopDown();
    Relationship[] cols = ReviewSections.relationshipLeftToRight();
    long[][] counts = new long[3][3];
    String[][] texts = new String[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        Attractiveness a = rows[i];
        Relationship r = cols[j];
        counts[i][j] = placements.stream().filter(p -> p.attractiveness() == a && p.relationship() == r).count();
        texts[i][j] = io.clientyield.profitability.portfolio.PortfolioMatrix.Strategies.DEFAULT.of(a, r).name();
      }
    }
    return Svg.matrix(PORTFOLIO, "Account portfolio: attractiveness × relationship (accounts, strategy)",
        List.of("HIGH", "MEDIUM", "LOW"), List.of("WEAK", "MEDIUM", "STRONG"), counts, texts,
        "attractiveness", "relationship");
  }

  private static String forecast(Review review) {
    RevenueDistribution f = review.forecast();
    List<Long> values = f.valuesMinor();
    List<Double> probs = f.probabilities();
    // display only: the chart works in major units as doubles; the results stay exact
    double lo = major(f.p10());
    double hi = major(f.p90());
    double span = Math.max(1, hi - lo);
    double from = Math.max(0, lo - span);
    double to = hi + span;
    double width = (to - from) / BINS;
    double[] mass = new double[BINS];
    for (int i = 0; i < values.size(); i++) {
      double v = major(values.get(i));
      if (v >= from && v < to) {
        mass[(int) Math.min(BINS - 1, (v - from) / width)] += probs.get(i);
      }
    }
    List<Svg.Bin> bins = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      bins.add(new Svg.Bin(from + b * width, from + (b + 1) * width, mass[b]));
    }
    Map<String, Double> markers = new LinkedHashMap<>();
    markers.put("P10", major(f.p10()));
    markers.put("P50", major(f.p50()));
    markers.put("P90", major(f.p90()));
    markers.put("target", major(review.forecastTarget()));
    return Svg.histogram(FORECAST, "Won revenue from open deals (USD, list prices)", bins, markers, "USD");
  }

  private static double major(long minor) {
    return minor / 100.0;
  }

  private static double major(Money m) {
    return m.amount().doubleValue();
  }
}
