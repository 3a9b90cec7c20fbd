package io.clientyield.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

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

  @Test
  void pageWithEveryChartKindIsWellFormedAndEscapesText() throws Exception {
    Map<String, Double> markers = new LinkedHashMap<>();
    markers.put("P10", 2.0);
    markers.put("P90", 8.0);
    String html = new HtmlPage("Review <&> \"quoted\"")
        .heading("Funnel")
        .paragraph("a < b & c")
        .table(List.of("office", "won"), List.of(List.of("East & West", "12")))
        .chart(Svg.groupedBars("funnel", "Funnel per office", List.of("entered", "won"),
            List.of(new Svg.Group("Central", new double[] {10, 4}), new Svg.Group("East", new double[] {0, 0}))))
        .chart(Svg.intervals("managers", "Win rate", List.of(
            new Svg.Estimate("Anna", 0.6, 0.5, 0.7, false), new Svg.Estimate("Bob <b>", 0.3, 0.2, 0.4, true)), OptionalDouble.of(0.5)))
        .chart(Svg.matrix("portfolio", "Portfolio", List.of("HIGH", "MEDIUM", "LOW"),
            List.of("WEAK", "MEDIUM", "STRONG"), new long[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}},
            new String[][] {{"a", "b", "c"}, {"d", "e", "f"}, {"g", "h", "protect revenue & deprioritise"}},
            "attractiveness", "relationship"))
        .chart(Svg.histogram("forecast", "Forecast", List.of(new Svg.Bin(0, 5, 0.3), new Svg.Bin(5, 10, 0.7)),
            markers, "won revenue"))
        .pre("x < y")
        .render();
    Document doc = parse(html);
    assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(4);
    assertThat(html).contains("id=\"funnel\"", "id=\"managers\"", "id=\"portfolio\"", "id=\"forecast\"")
        .contains("Bob &lt;b&gt;").doesNotContain("Bob <b>")
        .contains("team 50.0%");
  }

  @Test
  void intervalsDrawTheReferenceLineOnlyWhenThereIsOne() {
    List<Svg.Estimate> rows = List.of(new Svg.Estimate("Anna", 0.6, 0.5, 0.7, false));
    assertThat(Svg.intervals("m", "Win rate", rows, OptionalDouble.of(0.25))).contains("team 25.0%");
    assertThat(Svg.intervals("m", "Win rate", rows, OptionalDouble.empty())).doesNotContain("team")
        .doesNotContain("NaN");
  }

  @Test
  void textTableAlignsNumbersRight() {
    String t = TextTable.of("agent", "won").row("Anna", 5).row("Bob", 120).render();
    assertThat(t).isEqualTo("  agent  won\n  -----  ---\n  Anna     5\n  Bob    120\n");
  }
}
