package io.clientyield.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A self-contained, responsive HTML page (inline CSS and SVG, no scripts, no external
 * resources): a viewport for phones, headline figures as cards, sections of text, tables that
 * scroll inside their own box and charts that scale to the width of the page (each chart is
 * given in a wide and a narrow rendering; the page shows the one that fits).
 */
public final class HtmlPage {
  /** A cell is numeric (right-aligned) when it reads as a number with an optional unit. */
  private static final Pattern NUMERIC = Pattern.compile(
      "^[−+\\-]?[0-9][0-9,.]*( ?%| pts| [A-Z]{3}| days)?( – [−+\\-]?[0-9][0-9,.]*( ?%| [A-Z]{3})?)?$|^–$");
  private static final String STYLE = String.join("\n",
      "*{box-sizing:border-box}",
      "body{font-family:'DejaVu Sans',sans-serif;font-size:16px;line-height:1.45;max-width:1100px;"
          + "margin:0 auto;padding:12px 16px;color:#222}",
      "h1{font-size:1.5em;margin:.4em 0}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}",
      "h3{font-size:1.05em;margin:1em 0 .3em}",
      "p{margin:.4em 0;overflow-wrap:anywhere}",
      ".kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:12px;margin:1em 0}",
      ".kpi{border:1px solid #ccd;border-radius:6px;padding:10px 12px;background:#f8f9fc}",
      ".kpi .label{font-size:.85em;color:#555}.kpi .value{font-size:1.35em;font-weight:bold;margin:.1em 0}",
      ".kpi .detail{font-size:.85em;color:#333}.kpi .so{font-size:.9em;margin-top:.4em}",
      ".scroll{overflow-x:auto;max-width:100%;margin:.5em 0}",
      "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;"
          + "vertical-align:top}th{background:#f3f3f3}td.n,th.n{text-align:right;white-space:nowrap}",
      "figure{margin:1em 0}figcaption{font-weight:bold;margin-bottom:.3em}",
      "figure svg{display:block;width:100%;height:auto}",
      "figure .narrow{display:none}",
      "@media (max-width:600px){body{font-size:15px;padding:8px 10px}figure .wide{display:none}"
          + "figure .narrow{display:block}}",
      "pre{background:#f7f7f7;padding:.5em;overflow-x:auto}",
      ".grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:4px}",
      ".cell{border:1px solid #bcd;border-radius:4px;padding:6px;background:#eef3f9;font-size:.85em;"
          + "overflow-wrap:break-word;min-width:0}",
      ".cell b{display:block}.axis{font-size:.85em;color:#555;margin:.2em 0}");

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
   * A headline figure.
   *
   * @param label what it is
   * @param value the figure
   * @param detail the figure's context (interval, base, period)
   * @param soWhat one plain sentence of what it means
   */
  public record Kpi(String label, String value, String detail, String soWhat) {}

  /**
   * Escapes text for XML content and attributes.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Adds a section heading.
   *
   * @param id the anchor id
   * @param heading the heading
   * @return this page
   */
  public HtmlPage heading(String id, String heading) {
    parts.add("<h2 id=\"" + escape(id) + "\">" + escape(heading) + "</h2>");
    return this;
  }

  /**
   * Adds a section heading.
   *
   * @param heading the heading
   * @return this page
   */
  public HtmlPage heading(String heading) {
    parts.add("<h2>" + escape(heading) + "</h2>");
    return this;
  }

  /**
   * Adds a sub-heading.
   *
   * @param heading the heading
   * @return this page
   */
  public HtmlPage subheading(String heading) {
    parts.add("<h3>" + escape(heading) + "</h3>");
    return this;
  }

  /**
   * Adds a paragraph of plain text.
   *
   * @param text the text
   * @return this page
   */
  public HtmlPage paragraph(String text) {
    parts.add("<p>" + escape(text) + "</p>");
    return this;
  }

  /**
   * Adds headline figures as cards.
   *
   * @param kpis the figures
   * @return this page
   */
  public HtmlPage kpis(List<Kpi> kpis) {
    StringBuilder sb = new StringBuilder("<div class=\"kpis\">");
    for (Kpi k : kpis) {
      sb.append("<div class=\"kpi\"><div class=\"label\">").append(escape(k.label()))
          .append("</div><div class=\"value\">").append(escape(k.value()))
          .append("</div><div class=\"detail\">").append(escape(k.detail()))
          .append("</div><div class=\"so\">").append(escape(k.soWhat())).append("</div></div>");
    }
    parts.add(sb.append("</div>").toString());
    return this;
  }

  /**
   * Adds a table in its own horizontally scrolling box; cells that read as numbers are
   * right-aligned, text left-aligned.
   *
   * @param header the column titles
   * @param rows the rows
   * @return this page
   */
  public HtmlPage table(List<String> header, List<List<String>> rows) {
    boolean[] numeric = new boolean[header.size()];
    for (int i = 0; i < header.size(); i++) {
      boolean any = false;
      boolean all = true;
      for (List<String> r : rows) {
        if (i < r.size() && !r.get(i).isEmpty()) {
          any = true;
          all &= NUMERIC.matcher(r.get(i)).matches();
        }
      }
      numeric[i] = any && all;
    }
    StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table><thead><tr>");
    for (int i = 0; i < header.size(); i++) {
      sb.append(numeric[i] ? "<th class=\"n\">" : "<th>").append(escape(header.get(i))).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (List<String> r : rows) {
      sb.append("<tr>");
      for (int i = 0; i < r.size(); i++) {
        sb.append(i < numeric.length && numeric[i] ? "<td class=\"n\">" : "<td>").append(escape(r.get(i)))
            .append("</td>");
      }
      sb.append("</tr>");
    }
    parts.add(sb.append("</tbody></table></div>").toString());
    return this;
  }

  /**
   * Adds a chart with its caption: the wide rendering on wide screens, the narrow one on phones.
   *
   * @param chart the chart
   * @return this page
   */
  public HtmlPage chart(Charts.Chart chart) {
    parts.add("<figure><figcaption>" + escape(chart.title()) + "</figcaption><div class=\"wide\">" + chart.wide()
        + "</div><div class=\"narrow\">" + chart.narrow() + "</div></figure>");
    return this;
  }

  /**
   * Adds a 3 × 3 grid of text cells with its axis captions (e.g. a portfolio matrix).
   *
   * @param id the element id
   * @param rowAxis what the rows mean, top to bottom
   * @param columnAxis what the columns mean, left to right
   * @param cells nine cells, row by row; each a bold first line and further lines
   * @return this page
   */
  public HtmlPage grid(String id, String rowAxis, String columnAxis, List<List<String>> cells) {
    StringBuilder sb = new StringBuilder("<div id=\"" + escape(id) + "\"><p class=\"axis\">" + escape(rowAxis)
        + "</p><div class=\"grid\">");
    for (List<String> cell : cells) {
      sb.append("<div class=\"cell\">");
      for (int i = 0; i < cell.size(); i++) {
        sb.append(i == 0 ? "<b>" : "<div>").append(escape(cell.get(i))).append(i == 0 ? "</b>" : "</div>");
      }
      sb.append("</div>");
    }
    parts.add(sb.append("</div><p class=\"axis\">").append(escape(columnAxis)).append("</p></div>").toString());
    return this;
  }

  /**
   * Adds preformatted text.
   *
   * @param text the text
   * @return this page
   */
  public HtmlPage pre(String text) {
    parts.add("<pre>" + escape(text) + "</pre>");
    return this;
  }

  /**
   * Renders the page as well-formed XHTML-compatible HTML5.
   *
   * @return the document
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
        .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n<h1>")
        .append(escape(title)).append("</h1>\n");
    parts.forEach(p -> sb.append(p).append('\n'));
    return sb.append("</body>\n</html>\n").toString();
  }
}
