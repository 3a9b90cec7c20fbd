package io.clientyield.cli.review;

import io.clientyield.cli.report.HtmlPage.Kpi;
import io.clientyield.cli.report.TextTable;

/**
 * The review as plain text for the console: the headline figures first, then a few lines and
 * aligned tables per section, in the page's order.
 */
public final class ConsoleReport {
  private ConsoleReport() {}

  /**
   * Renders the review.
   *
   * @param review the review
   * @return the text
   */
  public static String render(Review review) {
    StringBuilder sb = new StringBuilder();
    for (ReviewSections.Section s : ReviewSections.of(review)) {
      sb.append('\n').append("== ").append(s.title()).append('\n');
      for (Kpi k : s.kpis()) {
        sb.append("  ").append(k.label()).append(": ").append(k.value()).append('\n')
            .append("    ").append(k.detail()).append('\n')
            .append("    ").append(k.soWhat()).append('\n');
      }
      s.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
      for (ReviewSections.Table t : s.tables()) {
        TextTable table = TextTable.of(t.header().toArray(String[]::new));
        t.rows().forEach(r -> table.row(r.toArray()));
        sb.append(table.render());
      }
    }
    return sb.toString();
  }
}
