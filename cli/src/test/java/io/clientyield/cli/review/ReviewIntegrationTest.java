package io.clientyield.cli.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatistics.GroupStatistics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The review's headline numbers against an independent, deliberately simple computation over
 * the bundled CSV files (split on commas: the files have no quoted fields).
 */
class ReviewIntegrationTest {
  private static final String DIR = "/io/clientyield/examples/crm-sales-opportunities/";
  private static Review review;
  private static List<String[]> pipeline;
  private static Map<String, String> officeOfAgent;
  private static Map<String, BigDecimal> priceByKey;

  @BeforeAll
  static void runReview() throws IOException {
    review = ReviewRunner.run(CrmExport.bundled());
    pipeline = rows("sales_pipeline.csv");
    officeOfAgent = rows("sales_teams.csv").stream().collect(Collectors.toMap(r -> r[0], r -> r[2]));
    priceByKey = rows("products.csv").stream()
        .collect(Collectors.toMap(r -> r[0].replace(" ", ""), r -> new BigDecimal(r[2])));
  }

  private static List<String[]> rows(String file) throws IOException {
    try (InputStream in = ReviewIntegrationTest.class.getResourceAsStream(DIR + file)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("\r\n")).skip(1).map(l -> l.split(",", -1)).collect(Collectors.toList());
    }
  }

  private static Money usd(BigDecimal amount) {
    return Money.of(amount, Money.currency("USD"));
  }

  private static BigDecimal price(String[] row) {
    return priceByKey.get(row[2].replace(" ", ""));
  }

  /** won and closed per key. */
  private static Map<String, long[]> winsAndClosed(java.util.function.Function<String[], String> key) {
    Map<String, long[]> m = new HashMap<>();
    for (String[] r : pipeline) {
      long[] n = m.computeIfAbsent(key.apply(r), k -> new long[2]);
      if (r[4].equals("Won")) {
        n[0]++;
      }
      if (r[4].equals("Won") || r[4].equals("Lost")) {
        n[1]++;
      }
    }
    return m;
  }

  private static void assertWinRates(CrossStatistics stats, Map<String, long[]> expected) {
    assertThat(stats.groups()).extracting(GroupStatistics::group)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (GroupStatistics g : stats.groups()) {
      long[] n = expected.get(g.group());
      assertThat(ReviewSections.winRate(g).successes()).as(g.group()).isEqualTo(n[0]);
      assertThat(ReviewSections.winRate(g).trials()).as(g.group()).isEqualTo(n[1]);
    }
  }

  @Test
  void countsReadUsedAndSetAside() {
    assertThat(review.load().rowsRead()).isEqualTo(pipeline.size());
    assertThat(review.load().rowsUsed() + review.load().rowsSetAside()).isEqualTo(pipeline.size());
    assertThat(review.load().withoutAccount()).isEqualTo(pipeline.stream().filter(r -> r[3].isEmpty()).count());
    assertThat(review.runsByState().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(review.load().rowsUsed());
    assertThat(review.runsByState().get("WON")).isEqualTo(pipeline.stream().filter(r -> r[4].equals("Won")).count());
    assertThat(review.runsByState().get("prospecting"))
        .isEqualTo(pipeline.stream().filter(r -> r[4].equals("Prospecting")).count());
  }

  @Test
  void winRatesPerAgentAndPerOffice() {
    assertWinRates(review.byAgent(), winsAndClosed(r -> r[1]));
    assertWinRates(review.byOffice(), winsAndClosed(r -> officeOfAgent.get(r[1])));
  }

  @Test
  void financialConversionIsWonListPriceOverWorkedListPrice() {
    BigDecimal worked = BigDecimal.ZERO;
    BigDecimal won = BigDecimal.ZERO;
    BigDecimal closeValue = BigDecimal.ZERO;
    for (String[] r : pipeline) {
      worked = worked.add(price(r));
      if (r[4].equals("Won")) {
        won = won.add(price(r));
        closeValue = closeValue.add(new BigDecimal(r[7]));
      }
    }
    assertThat(review.funnel().conversion().workedBudget()).isEqualTo(usd(worked));
    assertThat(review.funnel().conversion().wonBudget()).isEqualTo(usd(won));
    assertThat(review.funnel().conversion().financial().getAsDouble())
        .isCloseTo(won.doubleValue() / worked.doubleValue(), within(1e-12));
    assertThat(review.wonCloseValue()).isEqualTo(usd(closeValue));
  }

  @Test
  void weightedPipelineIsOpenBudgetTimesTheLaplaceWinRate() {
    long won = pipeline.stream().filter(r -> r[4].equals("Won")).count();
    long closed = won + pipeline.stream().filter(r -> r[4].equals("Lost")).count();
    double p = (won + 1.0) / (closed + 2.0);
    BigDecimal open = pipeline.stream().filter(r -> r[4].equals("Prospecting") || r[4].equals("Engaging"))
        .map(ReviewIntegrationTest::price).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(review.weightedPipeline().totalBudget()).isEqualTo(usd(open));
    assertThat(review.weightedPipeline().weightedTotal().amount().doubleValue())
        .isCloseTo(open.doubleValue() * p, within(0.01 * review.weightedPipeline().stages().size()));
    // the forecast's expected value is the weighted pipeline; its quantiles are ordered around it
    assertThat(review.forecast().expectedValue()).isEqualTo(review.weightedPipeline().weightedTotal());
    assertThat(review.forecast().p10().compareTo(review.forecast().p50())).isLessThanOrEqualTo(0);
    assertThat(review.forecast().p50().compareTo(review.forecast().p90())).isLessThanOrEqualTo(0);
  }

  @Test
  void everyAccountWithADealIsRankedAndPlacedOnce() {
    long accounts = pipeline.stream().map(r -> r[3]).filter(a -> !a.isEmpty()).distinct().count();
    assertThat(review.ranking()).hasSize((int) accounts);
    assertThat(review.portfolio()).hasSize((int) accounts);
    assertThat(review.portfolioSummary().cells().stream().mapToLong(c -> c.clients()).sum()).isEqualTo(accounts);
  }

  @Test
  void reportJsonParsesBackIntoTheLibraryResultTypes() {
    String json = ClientyieldJson.write(review);
    Review back = ClientyieldJson.read(json, Review.class);
    assertThat(back).isEqualTo(review);
    assertThat(ClientyieldJson.write(back)).isEqualTo(json);
  }

  @Test
  void reportJsonLeadsWithTheVersionTheTimeTheSourceAndACompactSummary() {
    ReviewReport report = ReviewReport.of(
        java.time.Instant.parse("2026-09-30T12:00:00.750Z"), "bundled export", review);
    String json = ClientyieldJson.write(report);
    assertThat(json).startsWith("{\"schemaVersion\":\"1.0\",\"generatedAt\":\"2026-09-30T12:00:00Z\","
        + "\"source\":\"bundled export\",\"summary\":{\"asOf\":");
    assertThat(json).doesNotContain("\"review\":").doesNotContain("statusOutcomes").doesNotContain("overdueOpenDeals");
    assertThat(json.length()).isLessThan(60_000);
    ReviewReport back = ClientyieldJson.read(json, ReviewReport.class);
    assertThat(back).isEqualTo(report);
    assertThat(ClientyieldJson.write(back)).isEqualTo(json);
    // every probability of the summary is rounded once, to four decimals
    ReviewSummary s = report.summary();
    assertThat(s.eventualValue().probabilityOfTarget()).isEqualTo(ReviewSummary.round(s.eventualValue()
        .probabilityOfTarget()));
    assertThat(String.valueOf(s.winRate().value()).length()).isLessThanOrEqualTo(6);
    assertThat(s.winRate().successes()).isEqualTo(pipeline.stream().filter(r -> r[4].equals("Won")).count());
    assertThat(s.offices()).hasSize(3);
    assertThat(s.nextMonth().accuracy().rows()).hasSize(9);
    assertThat(s.nextMonth().accuracy().calibration()).hasSize(10).allSatisfy(c -> c.predicted()
        .ifPresent(p -> assertThat(p).isEqualTo(ReviewSummary.round(p))));
    // every money figure is an amount with its currency
    assertThat(json).doesNotContainPattern("\"(expected|p10|p50|p90|revenue|wonRevenue|gapValue|wonValue|target|meanError|actual|model|baseline)\":[0-9]");
  }

  @Test
  void detailOnRequestCarriesEveryResult() {
    ReviewReport report = ReviewReport.of(java.time.Instant.parse("2026-09-30T12:00:00Z"), "bundled export",
        review, true);
    String json = ClientyieldJson.write(report);
    assertThat(json).contains("\"review\":{\"asOf\":", "statusOutcomes");
    assertThat(ClientyieldJson.read(json, ReviewReport.class)).isEqualTo(report);
  }

  @Test
  void forecastsLookAheadFromTheLatestCloseAndAreBacktestedOnPastMonthEnds() {
    assertThat(review.asOf()).isEqualTo(java.time.LocalDate.of(2017, 12, 31));
    assertThat(review.nextMonth().end()).isEqualTo(java.time.LocalDate.of(2018, 1, 31));
    assertThat(review.nextQuarter().end()).isEqualTo(java.time.LocalDate.of(2018, 3, 31));
    assertThat(review.backtestMonth().rows()).extracting(r -> r.origin().toString())
        .startsWith("2017-03-31").endsWith("2017-11-30").hasSize(9);
    assertThat(review.backtestQuarter().rows()).extracting(r -> r.origin().toString())
        .startsWith("2017-03-31").endsWith("2017-09-30").hasSize(7);
    ReviewSummary s = ReviewSummary.of(review);
    assertThat(s.nextMonth().p10().compareTo(s.nextMonth().p50())).isLessThanOrEqualTo(0);
    assertThat(s.nextMonth().p50().compareTo(s.nextMonth().p90())).isLessThanOrEqualTo(0);
    assertThat(s.nextMonth().accuracy().wape()).isPresent();
  }

  @Test
  void agentGapsToTheTeamAddUpToRoundingAndNameTheWeakStage() {
    ReviewSummary s = ReviewSummary.of(review);
    long sum = s.agents().stream().mapToLong(ReviewSummary.Group::gapDeals).sum();
    assertThat(Math.abs(sum)).isLessThanOrEqualTo(s.agents().size());
    assertThat(s.agents()).allSatisfy(g -> assertThat(g.weakAt()).allSatisfy(w ->
        assertThat(w).isIn("Prospecting", "Engaging")));
    assertThat(s.portfolio()).hasSize(9);
    assertThat(s.portfolio().stream().mapToLong(ReviewSummary.PortfolioCell::accounts).sum())
        .isEqualTo(review.portfolio().size());
  }

  @Test
  void pageLeadsWithTheHeadlineAndPutsDataQualityInAnAppendix() {
    String html = HtmlReport.render(review);
    int headline = html.indexOf("id=\"s-headline\"");
    assertThat(headline).isPositive().isLessThan(html.indexOf("id=\"s-forecast\""));
    assertThat(html.indexOf("id=\"s-data\"")).isGreaterThan(html.indexOf("id=\"s-accounts\""));
    assertThat(html).contains("Win rate of closed deals", "Next month", "Next quarter", "Pipeline at risk",
        "Eventual value of today");
    assertThat(html).doesNotContain("MONTE_CARLO", "CLIENT_REFUSED", "DOMAIN.md", "DKW", "8800");
    String text = ConsoleReport.render(review);
    assertThat(text.indexOf("== Headline")).isLessThan(text.indexOf("== Appendix: data quality"));
  }

  @Test
  void htmlIsWellFormedAndHasEveryChart() throws Exception {
    String html = HtmlReport.render(review);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    NodeList svgs = doc.getElementsByTagName("svg");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < svgs.getLength(); i++) {
      ids.add(((Element) svgs.item(i)).getAttribute("id"));
    }
    assertThat(ids).containsExactly(HtmlReport.FORECAST, HtmlReport.FORECAST + "-narrow", HtmlReport.CALIBRATION,
        HtmlReport.CALIBRATION + "-narrow", HtmlReport.FUNNEL, HtmlReport.FUNNEL + "-narrow", HtmlReport.AGENTS,
        HtmlReport.AGENTS + "-narrow");
    assertThat(html).contains("id=\"" + HtmlReport.PORTFOLIO + "\"");
    for (String agent : officeOfAgent.keySet()) {
      if (pipeline.stream().anyMatch(r -> r[1].equals(agent))) {
        assertThat(html).as(agent).contains(agent);
      }
    }
    for (ReviewSummary.PortfolioCell c : ReviewSummary.of(review).portfolio()) {
      c.top().forEach(a -> assertThat(html).contains(a.name()));
    }
  }
}
