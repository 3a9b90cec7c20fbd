package io.clientyield.cli.review;

import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.forecasting.RevenueDistribution;
import io.clientyield.funnel.ConversionComparison;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.probability.WeightedPipeline.StagePipeline;
import io.clientyield.funnel.time.TimeInStage.DurationStats;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import io.clientyield.profitability.portfolio.PortfolioSummary;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The review as titled sections of prose lines and tables — one source for the console report
 * and the HTML page, so both always say the same.
 */
public final class ReviewSections {
  /** How many agents the console lists at the top and at the bottom. */
  public static final int AGENTS_SHOWN = 5;

  /**
   * A table: header and rows of cell text.
   *
   * @param header the column titles
   * @param rows the rows
   */
  public record Table(List<String> header, List<List<String>> rows) {}

  /**
   * A section.
   *
   * @param id a short id (used for HTML anchors and chart placement)
   * @param title the title
   * @param lines prose lines
   * @param tables tables, after the lines
   */
  public record Section(String id, String title, List<String> lines, List<Table> tables) {}

  private ReviewSections() {}

  /**
   * Builds the sections.
   *
   * @param r the review
   * @return the sections, in reading order
   */
  public static List<Section> of(Review r) {
    List<Section> s = new ArrayList<>();
    s.add(data(r.load()));
    s.add(new Section("scenario", "Pipeline scenario (Prospecting → Engaging → Won / Lost)",
        List.of("Each opportunity replayed as a run of the scenario '" + r.scenario().id() + "'; runs by state: "
            + r.runsByState().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + "."),
        List.of()));
    s.add(funnel(r));
    s.add(groups("offices", "Per regional office", r.byOffice(), Integer.MAX_VALUE));
    s.add(groups("managers", "Per manager", r.byManager(), Integer.MAX_VALUE));
    s.add(groups("agents", "Per sales agent (" + AGENTS_SHOWN + " best and worst by win rate)", r.byAgent(),
        AGENTS_SHOWN));
    s.add(forecast(r));
    s.add(cycle(r.timeInStage()));
    s.add(accounts(r));
    s.add(worked(r.worked()));
    return s;
  }

  private static Section data(CrmExport.LoadReport l) {
    List<String> lines = new ArrayList<>();
    lines.add("Rows read " + l.rowsRead() + ", used " + l.rowsUsed() + ", set aside " + l.rowsSetAside()
        + (l.setAside().isEmpty() ? "" : " (" + l.setAside() + ")") + ".");
    lines.add("Deals without an account (kept in every funnel, not in the account portfolio): "
        + l.withoutAccount() + ".");
    l.productSpellingsMatched().forEach((k, v) -> lines.add("Product spelling matched by normalized key: " + k
        + " (" + v + " rows)."));
    l.sectorCorrections().forEach((k, v) -> lines.add("Sector spelling corrected: " + k + " (" + v + " accounts)."));
    return new Section("data", "Data", lines, List.of());
  }

  private static Section funnel(Review r) {
    List<List<String>> rows = new ArrayList<>();
    for (FunnelStage st : r.funnel().stages()) {
      rows.add(List.of(st.stage(), count(st.entered()), count(st.passed()), count(st.inProgress()),
          count(st.won()), count(st.refused()), pct(st.resolvedConversion()), pct(st.conversion()),
          pct(st.cumulative())));
    }
    ConversionComparison c = r.funnel().conversion();
    List<String> lines = new ArrayList<>();
    lines.add("Deals worked " + count(c.worked()) + ", closed " + count(c.closed()) + ", won " + count(c.won())
        + ": win rate " + pct(c.quantitativeClosed()) + " of closed deals, " + pct(c.quantitative())
        + " of all worked (quantitative conversion).");
    lines.add("Financial conversion (won list-price budget / worked budget) " + pct(c.financial())
        + "; of closed budget " + pct(c.financialClosed()) + ".");
    lines.add("Won deals were listed at " + money(r.wonListValue()) + " and closed at " + money(r.wonCloseValue())
        + ": realized " + ratio(r.wonCloseValue(), r.wonListValue()) + " of list price.");
    r.funnel().weakestByLoss().ifPresent(w -> lines.add("Most deals lost at: " + w.stage()
        + w.nextStage().map(n -> " → " + n).orElse("") + " (" + count(w.lost()) + " lost)."));
    return new Section("funnel", "Stage funnel", lines, List.of(new Table(
        List.of("stage", "entered", "passed", "in progress", "won", "lost", "conversion of resolved",
            "passed of entered", "cumulative"), rows)));
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

  private static Section groups(String id, String title, CrossStatistics stats, int shownEachEnd) {
    List<GroupStatistics> groups = new ArrayList<>(stats.groups());
    groups.sort(Comparator.comparingDouble((GroupStatistics g) -> winRate(g).value().orElse(-1)).reversed()
        .thenComparing(GroupStatistics::group));
    List<GroupStatistics> shown = groups;
    if (groups.size() > 2L * shownEachEnd) {
      shown = new ArrayList<>(groups.subList(0, shownEachEnd));
      shown.addAll(groups.subList(groups.size() - shownEachEnd, groups.size()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (GroupStatistics g : shown) {
      ConversionComparison c = g.conversion();
      String flags = g.cells().stream().filter(StageCell::flagged).map(StageCell::stage)
          .collect(Collectors.joining(" "));
      rows.add(List.of(g.group(), count(c.worked()), count(c.won()), pct(winRate(g)),
          interval(winRate(g).wilson95()), pct(c.financial()), flags.isEmpty() ? "-" : "weak: " + flags));
    }
    List<String> lines = List.of(stats.groups().size() + " groups; " + stats.flaggedCount()
        + " cells flagged as converting lower than the rest of the team (Benjamini–Hochberg, FDR "
        + pct(stats.options().falseDiscoveryRate()) + ", at least " + stats.options().minTrials()
        + " resolved deals in a cell; open deals are in progress, not failures).");
    return new Section(id, title, lines, List.of(new Table(
        List.of("group", "worked", "won", "win rate", "95 % Wilson", "financial", "flags"), rows)));
  }

  private static Section forecast(Review r) {
    List<List<String>> rows = new ArrayList<>();
    for (StagePipeline p : r.weightedPipeline().stages()) {
      rows.add(List.of(p.stage(), pct(p.probability()), count(p.openDeals()), money(p.budget()), money(p.weighted())));
    }
    RevenueDistribution f = r.forecast();
    List<String> lines = new ArrayList<>();
    lines.add("Stage probabilities learned from " + count(r.funnel().conversion().closed())
        + " closed deals (Laplace smoothing); open deals weighted by them: " + money(r.weightedPipeline().weightedTotal())
        + " of " + money(r.weightedPipeline().totalBudget()) + ".");
    if (r.probabilities().entries().stream().map(e -> e.probability()).distinct().count() == 1) {
      lines.add("Every closed deal of the export passed every stage (none was lost before Engaging), so all stages"
          + " learn the same probability.");
    }
    lines.add("Won revenue from open deals (" + f.method() + "): expected " + money(f.expectedValue())
        + ", P10 " + money(f.p10()) + ", P50 " + money(f.p50()) + ", P90 " + money(f.p90())
        + " (list prices; " + count(ReviewRunner.TRIALS) + " seeded trials: mean within ±"
        + money(Money.ofMinor(Math.round(f.meanErrorBound()), f.currency())) + " (one standard error), any probability"
        + " within ±" + pct(f.cdfErrorBound()) + " (99 % DKW)).");
    lines.add("Probability of reaching the best quarter's won value " + money(r.forecastTarget()) + ": "
        + pct(r.probabilityOfTarget()) + ".");
    return new Section("forecast", "Learned probabilities, weighted pipeline and forecast", lines, List.of(
        new Table(List.of("stage", "probability", "open deals", "budget", "weighted"), rows)));
  }

  private static Section cycle(TimeInStage t) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(duration("won (engage → close), closed only", t.wonCycle()));
    rows.add(duration("lost (engage → close), closed only", t.lostCycle()));
    TimeInStage.CensoredDurations km = t.cycleKaplanMeier();
    rows.add(List.of("to close, open deals censored (Kaplan–Meier)",
        count(km.finished()) + " + " + count(km.censored()) + " open", days(km.median().age(), "not reached"),
        days(km.p90().age(), "not reached"), "-", "-"));
    List<String> lines = new ArrayList<>();
    lines.add("Closed-only cycles leave out the open deals, often the slowest: the Kaplan–Meier row counts"
        + " each open deal as still running at the as-of date; a percentile is \"not reached\" while too"
        + " many deals are still open to know it.");
    lines.add("Working days (Monday–Friday) as of " + t.asOf() + "; " + t.overdueOpenDeals().size()
        + " open deals are past the Engaging norm of " + ReviewRunner.ENGAGING_NORM + " working days.");
    t.velocity().perWorkingDay().ifPresent(v -> lines.add("Sales velocity (open deals × win rate × average won budget"
        + " / average won cycle): " + money(v) + " per working day."));
    return new Section("cycle", "Cycle length", lines, List.of(
        new Table(List.of("cycle", "deals", "median", "P90", "mean", "max"), rows)));
  }

  private static List<String> duration(String name, DurationStats d) {
    return List.of(name, count(d.count()), days(d.median()), days(d.p90()),
        d.mean().isPresent() ? String.format(Locale.ROOT, "%.1f", d.mean().getAsDouble()) : "-", days(d.max()));
  }

  private static Section accounts(Review r) {
    List<List<String>> top = new ArrayList<>();
    for (RankedClient c : r.ranking().subList(0, Math.min(5, r.ranking().size()))) {
      top.add(List.of(String.valueOf(c.rank()), c.client().value(), count(c.composite()),
          count(c.statusOutcomes().size())));
    }
    List<List<String>> cells = new ArrayList<>();
    for (PortfolioSummary.CellTotals ct : r.portfolioSummary().cells()) {
      if (ct.clients() == 0) {
        continue;
      }
      String strategy = r.portfolio().stream()
          .filter(p -> p.attractiveness() == ct.attractiveness() && p.relationship() == ct.relationship())
          .map(p -> p.strategy().name()).findFirst().orElse("-");
      cells.add(List.of(ct.attractiveness().name(), ct.relationship().name(), count(ct.clients()),
          money(ct.revenue()), strategy));
    }
    PortfolioSummary sum = r.portfolioSummary();
    List<String> lines = List.of("Composite rating = status (Won +10, refused +1 per closed deal) + campaign"
        + " + personal rating; " + r.ranking().size() + " accounts ranked.",
        "Portfolio: attractiveness = won value, account revenue, employees; relationship = win rate, composite"
        + " rating, deals worked. Top " + sum.topN() + " accounts bring " + pct(sum.topShare())
        + " of won revenue (Herfindahl " + sum.herfindahl().map(h -> String.format(Locale.ROOT, "%.3f", h)).orElse("-")
        + "); profit assumes a " + pct(r.assumedGrossMargin()) + " gross margin (the export has no costs).");
    return new Section("accounts", "Accounts: rating and portfolio", lines, List.of(
        new Table(List.of("rank", "account", "composite", "closed deals"), top),
        new Table(List.of("attractiveness", "relationship", "accounts", "won revenue", "strategy"), cells)));
  }

  private static Section worked(WorkedExamples w) {
    Map<String, Double> l = w.leads();
    List<String> lines = List.of(
        String.format(Locale.ROOT, "Leads × Cr × check: 60 leads at 2 %% → %.1f contracts; 120 at 5 %% → %.0f (5× the"
            + " revenue).", l.get("contracts.60leads.cr2pct"), l.get("contracts.120leads.cr5pct")),
        String.format(Locale.ROOT, "Website: 250 queries/day × CTR 5 %% → %.1f visits/year, %.1f leads, %.2f contracts;"
            + " optimised (site 5 %%, Cr 10 %%) → %.1f leads, %.1f contracts.", l.get("site.visitsPerYear"),
            l.get("site.leadsPerYear"), l.get("site.contractsPerYear"), l.get("optimised.leadsPerYear"),
            l.get("optimised.contractsPerYear")),
        "40 leads, spend 800: CPL " + money(w.costPerLead()) + ", CAC " + money(w.costPerContract())
            + String.format(Locale.ROOT, ", ROMI %.0f %%.", l.get("paid.romi") * 100),
        "An hour at 50 % utilisation costs " + money(w.costPerHour()) + "; for a 20 % margin charge "
            + money(w.priceForMargin()) + ".",
        "Four levers: profit per partner " + money(w.levers().profitPerPartner()) + "; +1 % margin → "
            + money(w.levers().afterMarginUp()) + ", +1 % leverage → " + money(w.levers().afterLeverageUp()) + ".",
        "Planning error: plan 100 M, executed 75 M → realization " + w.realizationRatio().orElseThrow()
            + "; to reach 100 M plan " + w.correctedPlan().plan().map(ReviewSections::money).orElse("-")
            + " (not the additive " + money(w.additivePlan()) + ").");
    return new Section("worked", "Worked examples of DOMAIN.md (data the export lacks)", lines, List.of());
  }

  // ---- formatting

  /**
   * Formats money with thousands separators and its currency code.
   *
   * @param m the money
   * @return e.g. {@code 1,234,567.00 USD}
   */
  public static String money(Money m) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(m.amount()) + " " + m.currency().getCurrencyCode();
  }

  private static String ratio(Money a, Money b) {
    if (b.amount().signum() == 0) {
      return "-";
    }
    return pct(a.amount().divide(b.amount(), 6, Money.ROUNDING).doubleValue());
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f %%", v * 100);
  }

  private static String pct(OptionalDouble v) {
    return v.isPresent() ? pct(v.getAsDouble()) : "-";
  }

  private static String pct(Optional<Double> v) {
    return v.map(ReviewSections::pct).orElse("-");
  }

  private static String pct(Proportion p) {
    return pct(p.value());
  }

  private static String interval(Optional<ConfidenceInterval> i) {
    return i.map(x -> pct(x.lower()) + " – " + pct(x.upper())).orElse("-");
  }

  private static String days(OptionalLong d) {
    return days(d, "-");
  }

  private static String days(OptionalLong d, String empty) {
    return d.isPresent() ? String.valueOf(d.getAsLong()) : empty;
  }

  static Attractiveness[] attractivenessTopDown() {
    return new Attractiveness[] {Attractiveness.HIGH, Attractiveness.MEDIUM, Attractiveness.LOW};
  }

  static Relationship[] relationshipLeftToRight() {
    return new Relationship[] {Relationship.WEAK, Relationship.MEDIUM, Relationship.STRONG};
  }
}
