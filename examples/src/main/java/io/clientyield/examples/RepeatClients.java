package io.clientyield.examples;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.cli.report.HtmlPage;
import io.clientyield.cli.report.Charts;
import io.clientyield.cli.report.TextTable;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import io.clientyield.profitability.ltv.LifetimeValues;
import io.clientyield.profitability.repeat.BgNbdFitter.BgNbdFit;
import io.clientyield.profitability.repeat.BgNbdFitter;
import io.clientyield.profitability.repeat.BgNbdModel;
import io.clientyield.profitability.repeat.RepeatValuation.ClientValue;
import io.clientyield.profitability.repeat.Estimate;
import io.clientyield.profitability.repeat.GammaGammaFitter.GammaGammaFit;
import io.clientyield.profitability.repeat.GammaGammaFitter;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.profitability.repeat.RepeatSummaries;
import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator;
import io.clientyield.profitability.repeat.RepeatValuation;
import io.clientyield.profitability.repeat.RepeatValuation.SegmentValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Repeat clients of the on-line music store CDNOW (the bundled 1/10 sample, 2 357 clients): fits
 * the BG/NBD purchase model and the Gamma-Gamma spend model on weeks 1–39 of 1997, prints the
 * parameters with standard errors next to the published ones, compares the expected with the
 * actual repeat purchases in the hold-out weeks 40–78 (in total and by the number of calibration
 * purchases), lists the 10 most valuable clients, and writes {@code repeat-clients.html} with the
 * tracking chart (cumulative repeat purchases by week, expected vs actual) to
 * {@code target/clientyield-repeat} of the examples module.
 *
 * <p>Lifetime value here: one year ahead in 52 weekly steps, discounted at 10 % a year
 * (0.1835 % a week), at an assumed margin of 30 % (CDNOW's margin is not in the data).
 *
 * <p>Run from the repository root with {@code mvn -q -pl examples -am -DskipTests package exec:exec
 * -Dexec.executable=java -Dexec.args="-cp %classpath io.clientyield.examples.RepeatClients"}.
 */
public final class RepeatClients {
  /** The system property naming the output folder. */
  public static final String OUTPUT_PROPERTY = "clientyield.repeat.dir";
  /** The first day of the cohort's first purchases. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1997, 1, 1);
  /** The last day of calibration (end of week 39). */
  public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  /** The last day of the hold-out period (end of week 78). */
  public static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  /** Weeks of the hold-out period (1997-10-01 .. 1998-06-30 = 273 days). */
  public static final int HOLDOUT_WEEKS = 39;
  /** Weeks tracked in the chart. */
  public static final int TRACKED_WEEKS = 78;
  /** US dollar, the data's currency. */
  public static final Currency USD = Currency.getInstance("USD");
  /** Weekly discount rate equivalent to 10 % a year. */
  public static final double WEEKLY_DISCOUNT = Math.pow(1.10, 1 / 52.0) - 1;
  /** The assumed margin on revenue. */
  public static final double MARGIN = 0.30;

  private static final String SAMPLE = "/io/clientyield/examples/cdnow/CDNOW_sample.txt";

  private RepeatClients() {}

  /**
   * Expected against actual hold-out purchases of a group of clients.
   *
   * @param group the group's label, e.g. {@code "3"} or {@code "7+"} calibration repeat purchases
   * @param clients the number of clients
   * @param actual their repeat purchases in the hold-out weeks
   * @param expected the model's expectation of those (fractional)
   */
  public record HoldoutRow(String group, long clients, long actual, double expected) {}

  /**
   * Everything the program prints and draws.
   *
   * @param purchases the purchases read
   * @param summaries the per-client summaries
   * @param purchaseFit the BG/NBD fit
   * @param spendFit the Gamma-Gamma fit
   * @param byCalibrationPurchases hold-out comparison by calibration repeat purchases 0..6, 7+
   * @param total the hold-out comparison over every client
   * @param mostValuable the 10 clients of highest lifetime value, highest first
   * @param segment the lifetime value of all clients
   * @param actualByWeek cumulative actual repeat purchases at the end of weeks 1..78
   * @param expectedByWeek cumulative expected repeat purchases at the end of weeks 1..78
   */
  public record Analysis(int purchases, RepeatSummaries summaries, BgNbdFit purchaseFit, GammaGammaFit spendFit,
      List<HoldoutRow> byCalibrationPurchases, HoldoutRow total, List<ClientValue> mostValuable,
      SegmentValue segment, List<Double> actualByWeek, List<Double> expectedByWeek) {}

  /**
   * Runs the analysis on the bundled sample, prints it and writes the HTML page.
   *
   * @param args ignored
   * @throws IOException if the page cannot be written
   */
  public static void main(String[] args) throws IOException {
    Analysis a;
    try (InputStream in = Objects.requireNonNull(RepeatClients.class.getResourceAsStream(SAMPLE), SAMPLE)) {
      a = analyze(read(in));
    }
    System.out.print(render(a));
    Path out = Path.of(System.getProperty(OUTPUT_PROPERTY, "target/clientyield-repeat"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("repeat-clients.html"), html(a), StandardCharsets.UTF_8);
    System.out.println("Wrote " + out.resolve("repeat-clients.html"));
  }

  /**
   * Reads CDNOW sample lines ({@code master_id sample_id date number_of_cds dollar_value}); the
   * client is the sample id.
   *
   * @param in the text
   * @return the purchases, in file order
   */
  public static List<Purchase> read(InputStream in) {
    List<Purchase> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] c = line.trim().split("\\s+");
        if (c.length == 5) {
          out.add(Purchase.of(ClientId.of(c[1]), LocalDate.parse(c[2], DateTimeFormatter.BASIC_ISO_DATE),
              Money.of(c[4], "USD")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Summarizes, fits, compares with the hold-out period and values the clients.
   *
   * @param purchases the cohort's purchases to {@link #HOLDOUT_END}
   * @return the analysis
   */
  public static Analysis analyze(List<Purchase> purchases) {
    RepeatSummaryAccumulator acc = new RepeatSummaryAccumulator(USD, CALIBRATION_END, HOLDOUT_END);
    purchases.forEach(acc::add);
    RepeatSummaries summaries = acc.result();
    List<RepeatSummary> clients = summaries.summaries();
    BgNbdFit purchaseFit = BgNbdFitter.DEFAULT.fit(clients);
    GammaGammaFit spendFit = GammaGammaFitter.DEFAULT.fit(clients);
    BgNbdModel model = purchaseFit.model();

    long[] n = new long[8];
    long[] actual = new long[8];
    double[] expected = new double[8];
    for (RepeatSummary s : clients) {
      int g = (int) Math.min(7, s.repeatPurchases());
      n[g]++;
      actual[g] += s.holdoutPurchases();
      expected[g] += model.expectedPurchases(HOLDOUT_WEEKS, s);
    }
    List<HoldoutRow> rows = new ArrayList<>();
    long totalActual = 0;
    double totalExpected = 0;
    for (int g = 0; g < 8; g++) {
      rows.add(new HoldoutRow(g == 7 ? "7+" : String.valueOf(g), n[g], actual[g], expected[g]));
      totalActual += actual[g];
      totalExpected += expected[g];
    }
    HoldoutRow total = new HoldoutRow("all", clients.size(), totalActual, totalExpected);

    RepeatValuation valuation = new RepeatValuation(model, spendFit.model(), 52, 1, WEEKLY_DISCOUNT, MARGIN, USD);
    List<ClientValue> values = valuation.values(clients);
    List<ClientValue> top = values.stream()
        .sorted(Comparator.comparing((ClientValue v) -> v.clv().amount()).reversed()
            .thenComparing(ClientValue::client))
        .limit(10).toList();
    SegmentValue segment = valuation.segmentValue(values);

    return new Analysis(purchases.size(), summaries, purchaseFit, spendFit, rows, total, top, segment,
        actualByWeek(purchases), expectedByWeek(model, purchases));
  }

  /** Cumulative repeat purchases (distinct days after each client's first) by the end of each week. */
  private static List<Double> actualByWeek(List<Purchase> purchases) {
    Map<ClientId, TreeSet<Long>> days = new HashMap<>();
    for (Purchase p : purchases) {
      days.computeIfAbsent(p.client(), k -> new TreeSet<>()).add(ChronoUnit.DAYS.between(FIRST_DAY, p.date()));
    }
    long[] perWeek = new long[TRACKED_WEEKS];
    for (TreeSet<Long> d : days.values()) {
      d.stream().skip(1).forEach(day -> perWeek[(int) (day / 7)]++);
    }
    List<Double> out = new ArrayList<>();
    long cumulative = 0;
    for (long c : perWeek) {
      cumulative += c;
      out.add((double) cumulative);
    }
    return out;
  }

  /** Σ over clients of E[X(end of week − first purchase)], clients grouped by their first day. */
  private static List<Double> expectedByWeek(BgNbdModel model, List<Purchase> purchases) {
    Map<ClientId, Long> first = new HashMap<>();
    for (Purchase p : purchases) {
      first.merge(p.client(), ChronoUnit.DAYS.between(FIRST_DAY, p.date()), Math::min);
    }
    Map<Long, Long> byFirstDay = new TreeMap<>();
    first.values().forEach(d -> byFirstDay.merge(d, 1L, Long::sum));
    List<Double> out = new ArrayList<>();
    for (int w = 1; w <= TRACKED_WEEKS; w++) {
      long lastDay = 7L * w - 1;
      double sum = 0;
      for (Map.Entry<Long, Long> e : byFirstDay.entrySet()) {
        if (e.getKey() < lastDay) {
          sum += e.getValue() * model.expectedRepeatPurchases((lastDay - e.getKey()) / 7.0);
        }
      }
      out.add(sum);
    }
    return out;
  }

  /**
   * The console report.
   *
   * @param a the analysis
   * @return the text
   */
  public static String render(Analysis a) {
    StringBuilder sb = new StringBuilder();
    sb.append("clientyield repeat clients: CDNOW 1/10 sample, ").append(a.purchases()).append(" purchases of ")
        .append(a.summaries().summaries().size()).append(" clients; calibration weeks 1-39 (to ")
        .append(CALIBRATION_END).append("), hold-out weeks 40-78 (to ").append(HOLDOUT_END).append(")\n\n");
    BgNbdFit f = a.purchaseFit();
    sb.append("== BG/NBD (purchases and dropout), time unit: weeks\n");
    sb.append(TextTable.of("parameter", "estimate", "std. error", "published")
        .row("r", fmt(f.r().value(), 4), se(f.r()), "0.243")
        .row("alpha", fmt(f.alpha().value(), 4), se(f.alpha()), "4.414")
        .row("a", fmt(f.a().value(), 4), se(f.a()), "0.793")
        .row("b", fmt(f.b().value(), 4), se(f.b()), "2.426")
        .row("log-likelihood", fmt(f.logLikelihood(), 2), "", "-9582.4").render());
    GammaGammaFit g = a.spendFit();
    sb.append("\n== Gamma-Gamma (spend per purchase, USD), on ").append(g.clients())
        .append(" repeat clients with a positive spend\n");
    sb.append(TextTable.of("parameter", "estimate", "std. error", "published")
        .row("p", fmt(g.p().value(), 3), se(g.p()), "6.25")
        .row("q", fmt(g.q().value(), 3), se(g.q()), "3.74")
        .row("gamma", fmt(g.gamma().value(), 3), se(g.gamma()), "15.44").render());
    sb.append("  correlation of frequency and mean spend: ")
        .append(g.frequencySpendCorrelation().isPresent() ? fmt(g.frequencySpendCorrelation().getAsDouble(), 3) : "n/a")
        .append(" (the model assumes independence; near 0 is fine)\n");
    sb.append("\n== Hold-out weeks 40-78: repeat purchases, actual vs expected\n");
    TextTable t = TextTable.of("calibration purchases", "clients", "actual", "expected", "actual/client",
        "expected/client");
    for (HoldoutRow r : a.byCalibrationPurchases()) {
      row(t, r);
    }
    row(t, a.total());
    sb.append(t.render());
    sb.append("\n== The 10 most valuable clients: next 52 weeks, 10 % a year discount, margin 30 %\n");
    TextTable v = TextTable.of("client", "P(alive)", "purchases (52 wk)", "spend/purchase", "CLV");
    for (ClientValue c : a.mostValuable()) {
      v.row(c.client(), fmt(c.probabilityAlive(), 3), fmt(c.expectedPurchases(), 2), fmt(c.expectedSpend(), 2),
          c.clv());
    }
    sb.append(v.render());
    SegmentValue s = a.segment();
    sb.append("  all ").append(s.clients()).append(" clients: CLV ").append(s.clv()).append(", mean ")
        .append(s.meanClv().map(Money::toString).orElse("n/a")).append(", ")
        .append(fmt(s.expectedPurchases(), 0)).append(" expected purchases\n");
    ClientValue best = a.mostValuable().get(0);
    LifetimeValue ltv = LifetimeValues.lifetimeValue(best.discountedRevenue(), 1, MARGIN);
    sb.append("  as LifetimeValue (client ").append(best.client()).append("): ARPU ")
        .append(ltv.arpu().map(Money::toString).orElse("n/a")).append(" x 1 period x ")
        .append(fmt(MARGIN, 2)).append(" = ").append(ltv.ltv()).append('\n');
    return sb.toString();
  }

  private static void row(TextTable t, HoldoutRow r) {
    t.row(r.group(), r.clients(), r.actual(), fmt(r.expected(), 1),
        r.clients() == 0 ? "n/a" : fmt((double) r.actual() / r.clients(), 3),
        r.clients() == 0 ? "n/a" : fmt(r.expected() / r.clients(), 3));
  }

  private static String se(Estimate e) {
    return e.standardError().isPresent() ? fmt(e.standardError().getAsDouble(), 4) : "n/a";
  }

  private static String fmt(double v, int digits) {
    return String.format(Locale.ROOT, "%,." + digits + "f", v);
  }

  /**
   * The HTML page: the console report's tables and the tracking chart.
   *
   * @param a the analysis
   * @return the document
   */
  public static String html(Analysis a) {
    HtmlPage page = new HtmlPage("Repeat clients: CDNOW 1/10 sample");
    page.paragraph("BG/NBD and Gamma-Gamma fitted on weeks 1-39 of 1997; weeks 40-78 held out. "
        + "The chart tracks the cumulative repeat purchases of the cohort week by week: the model's "
        + "expectation (grey, dashed) against what the clients did (solid); right of the red dashed line, the "
        + "model forecasts weeks it never saw.");
    page.chart(trackingChart(a.actualByWeek(), a.expectedByWeek(), 39));
    page.pre(render(a));
    return page.render();
  }

  /**
   * The tracking chart: two cumulative series by week, with the end of calibration marked.
   *
   * @param actual cumulative actual values, one per week
   * @param expected cumulative expected values, one per week
   * @param calibrationWeeks the week after which the hold-out starts
   * @return the chart (element id {@code tracking})
   */
  public static Charts.Chart trackingChart(List<Double> actual, List<Double> expected, int calibrationWeeks) {
    int weeks = actual.size();
    double[] x = new double[weeks + 1];
    double[] a = new double[weeks + 1];
    double[] e = new double[weeks + 1];
    for (int i = 1; i <= weeks; i++) {
      x[i] = i;
      a[i] = actual.get(i - 1);
      e[i] = expected.get(i - 1);
    }
    return Charts.lines("tracking", "Tracking: cumulative repeat purchases by week, expected against actual",
        Charts.XAxis.NUMBER, "week", Charts.YAxis.NUMBER, "cumulative repeat purchases", List.of(),
        List.of(new Charts.Line("actual", x, a, false, false), new Charts.Line("expected (BG/NBD)", x, e, true, false)),
        OptionalDouble.of(calibrationWeeks), "end of calibration", 380);
  }
}
