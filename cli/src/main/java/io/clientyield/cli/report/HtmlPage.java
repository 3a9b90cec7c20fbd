package io.clientyield.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML page (inline CSS and SVG, no scripts, no external resources) built from
 * sections of text, tables and charts.
 */
public final class HtmlPage {
  private final String title;
  private final List<String> parts = new ArrayList<>();

  /**
   * Starts a page.
   *
   * @param title the page title
   */
  public HtmlPage(String title) {
    this.title = title;
  }

  /**
   * Adds a section heading.
   *
   * @param heading the heading
   * @return this page
   */
  public HtmlPage heading(String heading) {
    parts.add("<h2>" + Svg.escape(heading) + "</h2>");
    return this;
  }

  /**
   * Adds a paragraph of plain text.
   *
   * @param text the text
   * @return this page
   */
  public HtmlPage paragraph(String text) {
    parts.add("<p>" + Svg.escape(text) + "</p>");
    return this;
  }

  /**
   * Adds a table.
   *
   * @param header the column titles
   * @param rows the rows
   * @return this page
   */
  public HtmlPage table(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("<table><thead><tr>");
    header.forEach(h -> sb.append("<th>").append(Svg.escape(h)).append("</th>"));
    sb.append("</tr></thead><tbody>");
    for (List<String> r : rows) {
      sb.append("<tr>");
      r.forEach(c -> sb.append("<td>").append(Svg.escape(c)).append("</td>"));
      sb.append("</tr>");
    }
    parts.add(sb.append("</tbody></table>").toString());
    return this;
  }

  /**
   * Adds a chart (an SVG element from {@link Svg}).
   *
   * @param svg the SVG element
   * @return this page
   */
  public HtmlPage chart(String svg) {
    parts.add("<figure>" + svg + "</figure>");
    return this;
  }

  /**
   * Adds preformatted text.
   *
   * @param text the text
   * @return this page
   */
  public HtmlPage pre(String text) {
    parts.add("<pre>" + Svg.escape(text) + "</pre>");
    return this;
  }

  /**
   * Renders the page as well-formed XHTML-compatible HTML5.
   *
   * @return the document
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
        .append(Svg.escape(title)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:2px 8px;")
        .append("text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}")
        .append("figure{margin:1em 0}pre{background:#f7f7f7;padding:.5em}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(Svg.escape(title)).append("</h1>\n");
    parts.forEach(p -> sb.append(p).append('\n'));
    return sb.append("</body>\n</html>\n").toString();
  }
}
