package io.clientyield.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.core.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlPageTest {

  /**
   * Parses a page as XML: the page is well-formed when this succeeds.
   *
   * @param html the page
   * @return the document
   */
  public static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Charts.Chart> everyKind() {
    return List.of(
        Charts.bars("funnel", "Funnel per office", "deals", List.of("entered", "won"), List.of("Central", "East"),
            new double[][] {{12_000, 0}, {4_000, 0}}),
        Charts.intervals("managers", "Win rate", "won of closed", List.of(
            new Charts.Estimate("Anna", 0.6, 0.5, 0.7, false), new Charts.Estimate("Bob <b>", 0.3, 0.2, 0.4, true)),
            OptionalDouble.of(0.5), "team 50.0 %", "weak"),
        Charts.lines("tracking", "Tracking", Charts.XAxis.NUMBER, "week", Charts.YAxis.NUMBER, "purchases",
            List.of(new Charts.Band("forecast", new double[] {1, 2, 3}, new double[] {1, 2, 3},
                new double[] {2, 3, 4}, new double[] {3, 4, 5})),
            List.of(new Charts.Line("actual", new double[] {1, 2, 3}, new double[] {2, 3, 5}, false, true)),
            OptionalDouble.of(2), "end of calibration", 300));
  }

  @Test
  void pageWithEveryChartKindIsWellFormedResponsiveAndEscapesText() throws Exception {
    HtmlPage page = new HtmlPage("Review <&> \"quoted\"")
        .heading("s-funnel", "Funnel")
        .kpis(List.of(new HtmlPage.Kpi("Win rate", "63.9 %", "of 6,711 closed", "About 6 in 10 are won.")))
        .paragraph("a < b & c")
        .table(List.of("office", "won", "value"), List.of(List.of("East & West", "12,000", "1,234 USD")))
        .grid("portfolio", "rows", "columns", List.of(List.of("a", "b")))
        .pre("x < y");
    everyKind().forEach(page::chart);
    String html = page.render();
    Document doc = parse(html);
    NodeList svgs = doc.getElementsByTagName("svg");
    assertThat(svgs.getLength()).isEqualTo(6);
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      assertThat(svg.getAttribute("viewBox")).as("viewBox").isNotBlank();
      assertThat(svg.getAttribute("width")).as("no fixed width").isEmpty();
      assertThat(svg.getAttribute("aria-label")).isNotBlank();
      assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
    }
    assertThat(html).contains("name=\"viewport\"", "id=\"funnel\"", "id=\"funnel-narrow\"", "id=\"managers\"",
            "id=\"tracking\"", "<td class=\"n\">12,000</td>", "<td>East &amp; West</td>")
        .contains("Bob &lt;b&gt;").doesNotContain("Bob <b>")
        .contains("12,000").doesNotContain("NaN");
  }

  @Test
  void clipPathsOfTwoChartsNeverShareAnId() {
    List<Charts.Chart> charts = everyKind();
    assertThat(charts.get(0).wide()).contains("funnel-").doesNotContain("managers-");
    assertThat(charts.get(1).wide()).contains("managers-").doesNotContain("funnel-");
  }

  @Test
  void intervalsDrawTheReferenceLineOnlyWhenThereIsOne() {
    List<Charts.Estimate> rows = List.of(new Charts.Estimate("Anna", 0.6, 0.5, 0.7, false));
    assertThat(Charts.intervals("m", "Win rate", "won", rows, OptionalDouble.of(0.25), "team 25.0 %", "weak").wide())
        .contains("team 25.0 %");
    assertThat(Charts.intervals("m", "Win rate", "won", rows, OptionalDouble.empty(), "team", "weak").wide())
        .doesNotContain(">team<").doesNotContain("NaN");
  }

  @Test
  void oneFormatterForCountsMoneyAndPercentages() {
    assertThat(Format.count(8800)).isEqualTo("8,800");
    assertThat(Format.money(Money.of("3135972.80", "USD"))).isEqualTo("3,135,973 USD");
    assertThat(Format.money(Money.of("20.00", "EUR"))).isEqualTo("20 EUR");
    assertThat(Format.money(Money.of("20.50", "EUR"))).isEqualTo("20.50 EUR");
    assertThat(Format.money(Money.of("0.00", "USD"))).isEqualTo("0 USD");
    assertThat(Format.percent(0.7303999999999364)).isEqualTo("73.0 %");
    assertThat(Format.signedMoney(Money.of("-1200", "USD"))).isEqualTo("−1,200 USD");
    assertThat(Format.axisPercent().format(0.55)).isEqualTo("55 %");
  }

  @Test
  void textTableAlignsNumbersRight() {
    String t = TextTable.of("agent", "won").row("Anna", 5).row("Bob", 120).render();
    assertThat(t).isEqualTo("  agent  won\n  -----  ---\n  Anna     5\n  Bob    120\n");
  }
}
