package io.clientyield.cli.review;

import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.report.Format;
import io.clientyield.cli.report.HtmlPage.Kpi;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.forecasting.horizon.BacktestReport;
import io.clientyield.forecasting.horizon.BacktestReport.CalibrationBin;
import io.clientyield.forecasting.horizon.BacktestReport.OriginRow;
import io.clientyield.forecasting.horizon.HorizonForecaster;
import io.clientyield.funnel.ConversionComparison;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.funnel.time.TimeInStage.DurationStats;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import io.clientyield.profitability.portfolio.PortfolioSummary;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The review as titled sections of headline figures, prose lines and tables — one source for
 * the console report and the HTML page, so both always say the same, in the same order: the
 * headline, the forecast and its backtest, offices, managers, agents, the stage funnel, the
 * cycle, the accounts, then the appendices (data quality, worked examples of the method).
 * Every number goes through {@link Format}.
 */
public final class ReviewSections {
  /** Section id: the headline figures. */
  public static final String HEADLINE = "headline";
  /** Section id: the forecast and its backtest. */
  public static final String FORECAST = "forecast";
  /** Section id: the regional offices. */
  public static final String OFFICES = "offices";
  /** Section id: the sales agents. */
  public static final String AGENTS = "agents";
  /** Section id: the accounts. */
  public static final String ACCOUNTS = "accounts";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  /**
   * A table: header and rows of cell text, with the chart (if any) that shows the same rows and
   * stands right before it on the page.
   *
   * @param chart the id of the chart shown before the table, empty for none
   * @param header the column titles
   * @param rows the rows
   */
  public record Table(String chart, List<String> header, List<List<String>> rows) {
    /**
     * A table without a chart.
     *
     * @param header the column titles
     * @param rows the rows
     */
    public Table(List<String> header, List<List<String>> rows) {
      this("", header, rows);
    }
  }

  /**
   * A section.
   *
   * @param id a short id (used for HTML anchors and chart placement)
   * @param title the title
   * @param kpis headline figures, first
   * @param lines prose lines
   * @param tables tables, after the lines
   */
  public record Section(String id, String title, List<Kpi> kpis, List<String> lines, List<Table> tables) {}

  private ReviewSections() {}

  /**
   * Builds the sections.
   *
   * @param r the review
   * @return the sections, in reading order
   */
  public static List<Section> of(Review r) {
    ReviewSummary s = ReviewSummary.of(r);
    List<Section> out = new ArrayList<>();
    out.add(headline(r, s));
    out.add(forecast(r, s));
    out.add(groups(OFFICES, "Regional offices", "office", r.byOffice(), s.offices(), HtmlReport.FUNNEL));
    out.add(groups("managers", "Managers (each leads a team of agents)", "manager", r.byManager(),
        ReviewSummary.groups(r.byManager()), ""));
    out.add(groups(AGENTS, "Sales agents", "agent", r.byAgent(), s.agents(), HtmlReport.AGENTS));
    out.add(funnel(r));
    out.add(cycle(r.timeInStage()));
    out.add(accounts(r, s));
    out.add(data(r));
    out.add(worked(r.worked()));
    return out;
  }

  /**
   * A date as the page writes it.
   *
   * @param d the date
   * @return e.g. {@code 31 Dec 2017}
   */
  public static String date(LocalDate d) {
    return d.format(DAY);
  }

  private static Section headline(Review r, ReviewSummary s) {
    List<Kpi> kpis = new ArrayList<>();
    kpis.add(new Kpi("As of", date(s.asOf()), "deals dated " + date(s.coveredFrom()) + " – " + date(s.asOf())
        + "; " + Format.count(s.worked()) + " deals worked",
        "Every figure below counts what was known on " + date(s.asOf()) + "."));
    ReviewSummary.Share w = s.winRate();
    kpis.add(new Kpi("Win rate of closed deals", Format.percent(w.value()),
        "95 % interval " + Format.percent(w.lower()) + " – " + Format.percent(w.upper()) + "; "
            + Format.count(w.successes()) + " won of " + Format.count(w.trials()) + " closed",
        "About " + Math.round(w.value() * 10) + " in 10 deals that reach a decision are won; "
            + Format.count(s.open()) + " deals are still open and not counted as lost."));
    kpis.add(new Kpi("Won revenue", Format.money(s.wonRevenue()),
        "close value of " + Format.count(s.won()) + " won deals; list price " + Format.money(s.wonListValue()),
        "Deals were signed at " + ratio(s.wonRevenue(), s.wonListValue()) + " of list price."));
    kpis.add(forecastKpi("Next month", s.nextMonth()));
    kpis.add(forecastKpi("Next quarter", s.nextQuarter()));
    ReviewSummary.AtRisk risk = s.atRisk();
    kpis.add(new Kpi("Pipeline at risk", Format.count(risk.deals()) + " deals",
        "worth " + Format.money(risk.value()) + " at list price; open longer than the Engaging norm of "
            + risk.normWorkingDays() + " working days",
        "Chase or close these deals: until they are, they inflate the pipeline without turning into revenue."));
    return new Section(HEADLINE, "Headline", kpis, List.of(), List.of());
  }

  private static Kpi forecastKpi(String label, ReviewSummary.Forecast f) {
    ReviewSummary.Accuracy a = f.accuracy();
    String accuracy = a.origins() == 0 ? "not backtested (too little history)"
        : "backtested at " + a.origins() + " past month-ends: typical error (WAPE) " + Format.percent(a.wape())
            + ", actual inside P10–P90 " + a.covered80() + " of " + a.origins() + " times";
    return new Kpi(label + " (" + period(f) + ")", "P50 " + Format.money(f.p50()),
        "P10 " + Format.money(f.p10()) + " · P90 " + Format.money(f.p90()) + "; " + accuracy,
        "Plan on about " + Format.money(f.p50()) + "; 8 times in 10 it lands between P10 and P90, so commit"
            + " to no more than P10.");
  }

  private static String period(ReviewSummary.Forecast f) {
    return f.horizonMonths() == 1 ? f.to().format(MONTH) : f.from().format(MONTH) + " – " + f.to().format(MONTH);
  }

  private static String method(String method) {
    if (method.startsWith(HorizonForecaster.CONFORMAL.substring(0, 14))) {
      return "range calibrated on the model's own errors at past dates (split-conformal)";
    }
    return "range from the model alone: too few past dates to calibrate it, so it shows only the chance in"
        + " each deal and is too narrow";
  }

  private static Section forecast(Review r, ReviewSummary s) {
    List<String> lines = new ArrayList<>();
    lines.add("Won revenue is the close value of deals won in the period. The forecast adds the open deals,"
        + " each weighted by its chance of being won within the period given its stage and age, and the new"
        + " deals expected to arrive and be won in time (arrival rate of the last eight weeks).");
    lines.add("Accuracy: the same forecast was made at past month-ends with only what was known then and"
        + " compared with what was actually won; beside it, the usual stage-weighted pipeline (each open deal at"
        + " the stage's win rate, no time limit). WAPE is the total absolute error as a share of the total"
        + " actual: lower is better.");
    List<List<String>> forecasts = new ArrayList<>();
    for (ReviewSummary.Forecast f : List.of(s.nextMonth(), s.nextQuarter())) {
      forecasts.add(List.of(f.horizonMonths() == 1 ? "next month" : "next quarter", period(f),
          Format.money(f.p10()), Format.money(f.p50()), Format.money(f.p90()), Format.money(f.openDeals()),
          Format.money(f.newBusiness())));
    }
    List<List<String>> accuracy = new ArrayList<>();
    for (ReviewSummary.Forecast f : List.of(s.nextMonth(), s.nextQuarter())) {
      ReviewSummary.Accuracy a = f.accuracy();
      accuracy.add(List.of(f.horizonMonths() == 1 ? "one month" : "one quarter", Format.count(a.origins()),
          Format.percent(a.wape()), signedPercent(a.bias()), a.covered80() + " of " + a.origins(),
          Format.percent(a.baselineWape()), brier(a.brier()), brier(a.baselineBrier())));
    }
    lines.add("Next month: " + method(s.nextMonth().method()) + ". Next quarter: " + method(s.nextQuarter().method())
        + ". \"From open deals\" and \"from new deals\" are the model's own expectation before that calibration.");
    RevenueDistribution e = r.forecast();
    lines.add("Eventual value of today's open deals (whenever they close; not a forecast of any period): expected "
        + Format.money(e.expectedValue()) + ", P10 " + Format.money(e.p10()) + ", P90 " + Format.money(e.p90())
        + " at list price; chance of eventually matching the best quarter's won value "
        + Format.money(r.forecastTarget()) + ": " + Format.percent(r.probabilityOfTarget()) + ".");
    List<Table> tables = new ArrayList<>();
    tables.add(new Table(List.of("forecast", "period", "P10", "P50", "P90", "from open deals", "from new deals"),
        forecasts));
    tables.add(new Table(List.of("backtest", "past month-ends", "WAPE", "bias", "actual inside P10–P90",
        "stage-weighted WAPE", "Brier score", "stage-weighted Brier"), accuracy));
    tables.add(new Table(HtmlReport.FORECAST, List.of("month-end", "won in the next month", "forecast P50", "P10", "P90",
        "stage-weighted"), backtestRows(r.backtestMonth())));
    tables.add(new Table(HtmlReport.CALIBRATION, List.of("predicted chance", "open deals", "predicted (mean)",
        "won in the month", "stage-weighted predicted", "stage-weighted won"), calibrationRows(r.backtestMonth())));
    return new Section(FORECAST, "Forecast of won revenue: next month and next quarter", List.of(), lines, tables);
  }

  private static String brier(OptionalDouble b) {
    return b.isPresent() ? Format.number(b.getAsDouble(), 3) : Format.NONE;
  }

  private static String signedPercent(OptionalDouble v) {
    if (v.isEmpty()) {
      return Format.NONE;
    }
    double x = v.getAsDouble();
    return (x < 0 ? "−" : "+") + Format.percent(Math.abs(x));
  }

  private static List<List<String>> backtestRows(BacktestReport b) {
    List<List<String>> rows = new ArrayList<>();
    for (OriginRow o : b.rows()) {
      rows.add(List.of(date(o.origin()), Format.money(o.actual()), Format.money(o.model()),
          Format.money(o.modelP10()), Format.money(o.modelP90()), Format.money(o.baseline())));
    }
    return rows;
  }

  private static List<List<String>> calibrationRows(BacktestReport b) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < b.model().calibration().size(); i++) {
      CalibrationBin m = b.model().calibration().get(i);
      CalibrationBin base = b.baseline().calibration().get(i);
      if (m.deals() == 0 && base.deals() == 0) {
        continue;
      }
      rows.add(List.of(Format.percent(m.from()) + " – " + Format.percent(m.to()), Format.count(m.deals()),
          Format.percent(m.meanPredicted()), Format.percent(m.observed()),
          Format.percent(base.meanPredicted()), Format.percent(base.observed())));
    }
    return rows;
  }

  /**
   * The win rate of a group: won of closed deals.
   *
   * @param g the group
   * @return the proportion
   */
  public static Proportion winRate(GroupStatistics g) {
    return g.conversion().quantitativeClosed();
  }

  private static Section groups(String id, String title, String noun, CrossStatistics stats,
      List<ReviewSummary.Group> groups, String chart) {
    List<List<String>> rows = new ArrayList<>();
    for (ReviewSummary.Group g : groups) {
      rows.add(List.of(g.name(), Format.count(g.worked()), Format.count(g.closed()), Format.count(g.won()),
          g.winRate().map(w -> Format.percent(w.value())).orElse(Format.NONE),
          g.winRate().map(w -> Format.percent(w.lower()) + " – " + Format.percent(w.upper())).orElse(Format.NONE),
          Format.signedCount(g.gapDeals()), Format.signedMoney(g.gapValue()),
          g.weakAt().isEmpty() ? "" : String.join(", ", g.weakAt())));
    }
    ConversionComparison team = stats.team().conversion();
    long flagged = groups.stream().filter(g -> !g.weakAt().isEmpty()).count();
    List<String> lines = new ArrayList<>();
    lines.add("Team: " + Format.count(team.won()) + " won of " + Format.count(team.closed()) + " closed ("
        + Format.percent(team.quantitativeClosed().value()) + "). \"vs team\" is how many more (+) or fewer (−)"
        + " deals each " + noun + " won than the team's win rate gives on the same closed deals, and what that is"
        + " worth at the team's average won deal.");
    lines.add(flagged == 0 ? "No " + noun + " converts significantly lower than the rest of the team at any stage."
        : Format.count(flagged) + " of " + Format.count(groups.size()) + " " + noun + "s convert significantly lower"
            + " than the rest of the team at the stage named under \"weak at\" (checked for chance across all "
            + noun + "s and stages, 5 % false discoveries).");
    return new Section(id, title, List.of(), lines, List.of(new Table(chart,
        List.of(noun, "worked", "closed", "won", "win rate", "95 % interval", "vs team (deals)", "vs team (value)",
            "weak at"), rows)));
  }

  private static Section funnel(Review r) {
    List<List<String>> rows = new ArrayList<>();
    for (FunnelStage st : r.funnel().stages()) {
      rows.add(List.of(ReviewSummary.stageName(st.stage()), Format.count(st.entered()), Format.count(st.passed()),
          Format.count(st.refused()), Format.count(st.inProgress()),
          Format.percent(st.resolvedConversion().value()),
          Format.percent(st.conversion().value()), Format.percent(st.cumulative().value())));
    }
    ConversionComparison c = r.funnel().conversion();
    List<String> lines = new ArrayList<>();
    lines.add("Deals worked " + Format.count(c.worked()) + ", closed " + Format.count(c.closed()) + ", won "
        + Format.count(c.won()) + ". Of the list-price value worked, " + Format.percent(c.financial())
        + " was won; of the value closed, " + Format.percent(c.financialClosed()) + ".");
    r.funnel().weakestByLoss().ifPresent(w -> lines.add("Most deals are lost at " + ReviewSummary.stageName(w.stage())
        + " (" + Format.count(w.lost()) + " lost)."));
    return new Section("funnel", "Stage funnel", List.of(), lines, List.of(new Table(
        List.of("stage", "entered", "passed", "lost", "still open", "passed of resolved", "passed of entered",
            "cumulative"), rows)));
  }

  private static Section cycle(TimeInStage t) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(duration("won (engaged → closed)", t.wonCycle()));
    rows.add(duration("lost (engaged → closed)", t.lostCycle()));
    TimeInStage.CensoredDurations km = t.cycleKaplanMeier();
    rows.add(List.of("engaged → closed, open deals counted as still running",
        Format.count(km.finished()) + " closed + " + Format.count(km.censored()) + " open",
        days(km.median().age(), "not reached yet"), days(km.p90().age(), "not reached yet"), Format.NONE,
        Format.NONE));
    List<String> lines = new ArrayList<>();
    lines.add("Working days, Monday to Friday. The first two rows count closed deals only and read short: the"
        + " open deals, often the slowest, are left out. The last row (Kaplan–Meier) counts each open deal as"
        + " still running on the as-of date; a percentile is \"not reached yet\" while too many deals are"
        + " still open to know it. " + Format.count(t.overdueOpenDeals().size()) + " open deals are past the"
        + " Engaging norm of " + ReviewRunner.ENGAGING_NORM + " working days.");
    t.velocity().perWorkingDay().ifPresent(v -> lines.add("Sales velocity (open deals × win rate × average won"
        + " value / average won cycle): " + Format.money(v) + " per working day."));
    return new Section("cycle", "Cycle length", List.of(), lines, List.of(
        new Table(List.of("cycle", "deals", "median", "P90", "mean", "longest"), rows)));
  }

  private static List<String> duration(String name, DurationStats d) {
    return List.of(name, Format.count(d.count()), days(d.median()), days(d.p90()),
        d.mean().isPresent() ? Format.number(d.mean().getAsDouble(), 1) : Format.NONE, days(d.max()));
  }

  private static Section accounts(Review r, ReviewSummary s) {
    List<List<String>> cells = new ArrayList<>();
    for (ReviewSummary.PortfolioCell c : s.portfolio()) {
      cells.add(List.of(c.attractiveness(), c.relationship(), Format.count(c.accounts()), Format.money(c.revenue()),
          c.strategy(), String.join(", ", c.top().stream().map(a -> a.name() + " " + Format.money(a.revenue()))
              .toList())));
    }
    List<List<String>> top = new ArrayList<>();
    for (RankedClient c : r.ranking().subList(0, Math.min(5, r.ranking().size()))) {
      top.add(List.of(Format.count(c.rank()), c.client().value(), Format.count(c.composite()),
          Format.count(c.statusOutcomes().size()),
          Format.money(r.revenueByAccount().getOrDefault(c.client().value(), Money.zero(r.wonListValue().currency())))));
    }
    PortfolioSummary sum = r.portfolioSummary();
    List<String> lines = List.of(
        "Attractiveness weighs won value 50 %, the account's own revenue 30 % and its employees 20 %; relationship"
            + " weighs win rate 40 %, rating 40 % and deals worked 20 % (each by rank among the accounts). The top "
            + sum.topN() + " accounts bring " + sum.topShare().map(Format::percent).orElse(Format.NONE) + " of won revenue.",
        "Rating = 10 points per won deal and 1 per lost deal, plus campaign and personal points; "
            + Format.count(r.ranking().size()) + " accounts rated. Profit assumes a "
            + Format.percent(r.assumedGrossMargin()) + " gross margin (the export has no costs).");
    return new Section(ACCOUNTS, "Accounts: portfolio and rating", List.of(), lines, List.of(
        new Table(HtmlReport.PORTFOLIO, List.of("attractiveness", "relationship", "accounts", "won revenue", "what to do",
            "largest accounts"), cells),
        new Table(List.of("rank", "account", "rating", "closed deals", "won revenue"), top)));
  }

  private static Section data(Review r) {
    CrmExport.LoadReport l = r.load();
    List<String> lines = new ArrayList<>();
    lines.add("Rows read " + Format.count(l.rowsRead()) + ", used " + Format.count(l.rowsUsed()) + ", set aside "
        + Format.count(l.rowsSetAside()) + (l.setAside().isEmpty() ? "" : " (" + l.setAside() + ")") + ".");
    if (l.blankLines() > 0) {
      lines.add("Blank lines skipped: " + Format.count(l.blankLines()) + ".");
    }
    if (!l.tablesAbsent().isEmpty()) {
      lines.add("Tables the export does not have (reviewed without them): " + String.join(", ", l.tablesAbsent())
          + ".");
    }
    lines.add("Deals without an account (in every funnel, not in the account portfolio): "
        + Format.count(l.withoutAccount()) + ".");
    l.productSpellingsMatched().forEach((k, v) -> lines.add("Product spelling matched: " + k + " ("
        + Format.count(v) + " rows)."));
    l.sectorCorrections().forEach((k, v) -> lines.add("Sector spelling corrected: " + k + " (" + Format.count(v)
        + " accounts)."));
    List<String> states = new ArrayList<>();
    for (Map.Entry<String, Long> e : r.runsByState().entrySet()) {
      states.add(state(e.getKey()) + " " + Format.count(e.getValue()));
    }
    lines.add("Each deal replayed through the pipeline Prospecting → Engaging → won or lost: "
        + String.join(", ", states) + ".");
    if (r.backtestMonth().undated() > 0) {
      lines.add("Deals without any date (left out of the forecasts): " + Format.count(r.backtestMonth().undated())
          + ".");
    }
    return new Section("data", "Appendix: data quality", List.of(), lines, List.of());
  }

  private static String state(String s) {
    if (s.equals("WON")) {
      return "won";
    }
    if (s.startsWith("CLIENT_REFUSED")) {
      return "lost";
    }
    return "open at " + ReviewSummary.stageName(s);
  }

  private static Section worked(WorkedExamples w) {
    Map<String, Double> l = w.leads();
    List<String> lines = List.of(
        "Leads × conversion × average check: 60 leads at 2 % give " + Format.number(l.get("contracts.60leads.cr2pct"), 1)
            + " contracts; 120 at 5 % give " + Format.number(l.get("contracts.120leads.cr5pct"), 0)
            + " (five times the revenue).",
        "Website: 250 searches a day at a 5 % click rate give " + Format.number(l.get("site.visitsPerYear"), 1)
            + " visits, " + Format.number(l.get("site.leadsPerYear"), 1) + " leads and "
            + Format.number(l.get("site.contractsPerYear"), 2) + " contracts a year; with a 5 % site conversion and"
            + " 10 % close rate, " + Format.number(l.get("optimised.leadsPerYear"), 1) + " leads and "
            + Format.number(l.get("optimised.contractsPerYear"), 1) + " contracts.",
        "40 leads for a spend of 800: cost per lead " + Format.money(w.costPerLead()) + ", per contract "
            + Format.money(w.costPerContract()) + ", return on marketing " + Format.percent(l.get("paid.romi")) + ".",
        "An hour at 50 % utilisation costs " + Format.money(w.costPerHour()) + "; for a 20 % margin charge "
            + Format.money(w.priceForMargin()) + ".",
        "Four levers: profit per partner " + Format.money(w.levers().profitPerPartner()) + "; +1 % margin → "
            + Format.money(w.levers().afterMarginUp()) + ", +1 % leverage → "
            + Format.money(w.levers().afterLeverageUp()) + ".",
        "Planning error: plan 100 M, executed 75 M → realization "
            + Format.percent(w.realizationRatio().orElseThrow()) + "; to reach 100 M plan "
            + w.correctedPlan().plan().map(Format::money).orElse(Format.NONE) + " (not the additive "
            + Format.money(w.additivePlan()) + ").");
    return new Section("worked", "Appendix: worked examples of the method (figures the export lacks)", List.of(),
        lines, List.of());
  }

  // ---- formatting

  /**
   * Formats money (kept for callers of the earlier API; same as {@link Format#money}).
   *
   * @param m the money
   * @return e.g. {@code 1,234,567 USD}
   */
  public static String money(Money m) {
    return Format.money(m);
  }

  private static String ratio(Money a, Money b) {
    if (b.amount().signum() == 0) {
      return Format.NONE;
    }
    return Format.percent(a.amount().divide(b.amount(), 6, Money.ROUNDING).doubleValue());
  }

  private static String days(OptionalLong d) {
    return days(d, Format.NONE);
  }

  private static String days(OptionalLong d, String empty) {
    return d.isPresent() ? Format.count(d.getAsLong()) : empty;
  }

  static Attractiveness[] attractivenessTopDown() {
    return new Attractiveness[] {Attractiveness.HIGH, Attractiveness.MEDIUM, Attractiveness.LOW};
  }

  static Relationship[] relationshipLeftToRight() {
    return new Relationship[] {Relationship.WEAK, Relationship.MEDIUM, Relationship.STRONG};
  }
}
