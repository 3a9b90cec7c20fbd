package io.clientyield.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Clean SVG charts as text: grouped horizontal bars, point estimates with interval bars, a 3 × 3
 * matrix and a histogram with marked quantiles. Every chart has a {@code <title>} and an
 * {@code id} so a page (and a test) can reference it.
 */
public final class Svg {
  private static final String FONT = "font-family=\"sans-serif\" font-size=\"12\"";
  private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
      "#edc948", "#b07aa1"};
  private static final int LABEL_W = 170;
  private static final int PLOT_W = 460;

  private Svg() {}

  /**
   * A bar of a grouped bar chart.
   *
   * @param category the category (a row group)
   * @param values one value per series, all {@code >= 0}
   */
  public record Group(String category, double[] values) {}

  /**
   * A point estimate with an interval.
   *
   * @param label the row label
   * @param estimate the estimate
   * @param lower the lower bound
   * @param upper the upper bound
   * @param highlighted whether to draw it highlighted (e.g. a flagged cell)
   */
  public record Estimate(String label, double estimate, double lower, double upper, boolean highlighted) {}

  /**
   * One histogram bar.
   *
   * @param from the bin's lower edge
   * @param to the bin's upper edge
   * @param weight the bin's probability mass or count
   */
  public record Bin(double from, double to, double weight) {}

  /**
   * A grouped horizontal bar chart (e.g. deals per stage per office).
   *
   * @param id the element id
   * @param title the title
   * @param series the series names (legend)
   * @param groups the groups
   * @return the SVG element
   */
  public static String groupedBars(String id, String title, List<String> series, List<Group> groups) {
    double max = groups.stream().flatMapToDouble(g -> java.util.Arrays.stream(g.values())).max().orElse(1);
    max = max <= 0 ? 1 : max;
    int barH = 12;
    int groupH = series.size() * barH + 10;
    int h = 50 + groups.size() * groupH + 20;
    StringBuilder sb = open(id, title, LABEL_W + PLOT_W + 90, h);
    legend(sb, series, 30);
    int y = 50;
    for (Group g : groups) {
      text(sb, LABEL_W - 8, y + groupH / 2.0, "end", g.category());
      for (int s = 0; s < series.size(); s++) {
        double v = s < g.values().length ? g.values()[s] : 0;
        double w = PLOT_W * v / max;
        sb.append(fmt("<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
            LABEL_W, (double) y + s * barH, w, barH - 2, PALETTE[s % PALETTE.length]));
        text(sb, LABEL_W + w + 4, y + s * barH + barH - 3, "start", number(v));
      }
      y += groupH;
    }
    return close(sb);
  }

  /**
   * Point estimates with interval bars on a 0..1 axis (e.g. conversion with a Wilson interval),
   * with an optional reference line (e.g. the team's rate).
   *
   * @param id the element id
   * @param title the title
   * @param rows the estimates, drawn top to bottom
   * @param reference the reference value in [0, 1], or empty for none
   * @return the SVG element
   */
  public static String intervals(String id, String title, List<Estimate> rows, OptionalDouble reference) {
    double max = rows.stream().mapToDouble(Estimate::upper).max().orElse(1);
    max = Math.min(1, Math.max(0.05, Math.ceil(max * 10) / 10));
    int rowH = 18;
    int h = 60 + rows.size() * rowH + 30;
    StringBuilder sb = open(id, title, LABEL_W + PLOT_W + 60, h);
    int top = 40;
    int bottom = top + rows.size() * rowH;
    for (int t = 0; t <= 10; t++) {
      double v = max * t / 10;
      double x = LABEL_W + PLOT_W * t / 10.0;
      sb.append(fmt("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, top, x, bottom));
      text(sb, x, bottom + 14, "middle", fmt("%.0f%%", v * 100));
    }
    if (reference.isPresent()) {
      double x = LABEL_W + PLOT_W * reference.getAsDouble() / max;
      sb.append(fmt("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>%n",
          x, top - 5, x, bottom));
      text(sb, x, top - 8, "middle", fmt("team %.1f%%", reference.getAsDouble() * 100));
    }
    int y = top;
    for (Estimate e : rows) {
      double cy = y + rowH / 2.0;
      String color = e.highlighted() ? "#e15759" : "#4e79a7";
      text(sb, LABEL_W - 8, cy + 4, "end", e.label() + (e.highlighted() ? " \u25bc" : ""));
      double x1 = LABEL_W + PLOT_W * e.lower() / max;
      double x2 = LABEL_W + PLOT_W * e.upper() / max;
      double xe = LABEL_W + PLOT_W * e.estimate() / max;
      sb.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
          x1, cy, x2, cy, color));
      sb.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", xe, cy, color));
      y += rowH;
    }
    return close(sb);
  }

  /**
   * A 3 × 3 matrix: rows top to bottom, columns left to right, each cell with a count and a
   * short text.
   *
   * @param id the element id
   * @param title the title
   * @param rowLabels the row labels, top to bottom (e.g. HIGH, MEDIUM, LOW attractiveness)
   * @param columnLabels the column labels, left to right (e.g. WEAK, MEDIUM, STRONG)
   * @param counts counts[row][column]
   * @param texts texts[row][column] (e.g. the strategy)
   * @param axisY the row axis name
   * @param axisX the column axis name
   * @return the SVG element
   */
  public static String matrix(String id, String title, List<String> rowLabels, List<String> columnLabels,
      long[][] counts, String[][] texts, String axisY, String axisX) {
    int cell = 170;
    int left = 120;
    int top = 40;
    long max = 1;
    for (long[] r : counts) {
      for (long c : r) {
        max = Math.max(max, c);
      }
    }
    StringBuilder sb = open(id, title, left + 3 * cell + 20, top + 3 * cell + 60);
    for (int r = 0; r < 3; r++) {
      text(sb, left - 8, top + r * cell + cell / 2.0, "end", rowLabels.get(r));
      for (int c = 0; c < 3; c++) {
        double shade = 0.12 + 0.6 * counts[r][c] / (double) max;
        sb.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4e79a7\" fill-opacity=\"%.2f\" stroke=\"#fff\" stroke-width=\"2\"/>%n",
            left + c * cell, top + r * cell, cell, cell, shade));
        sb.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"22\" font-weight=\"bold\">%d</text>%n",
            left + c * cell + cell / 2.0, top + r * cell + 40, counts[r][c]));
        wrap(sb, left + c * cell + cell / 2.0, top + r * cell + 62, texts[r][c], 24);
      }
    }
    for (int c = 0; c < 3; c++) {
      text(sb, left + c * cell + cell / 2.0, top + 3 * cell + 16, "middle", columnLabels.get(c));
    }
    text(sb, left + 1.5 * cell, top + 3 * cell + 36, "middle", axisX + " \u2192");
    text(sb, 10, top - 12, "start", axisY + " \u2191");
    return close(sb);
  }

  /**
   * A histogram with vertical markers (e.g. P10, P50, P90 and the target).
   *
   * @param id the element id
   * @param title the title
   * @param bins the bins, in order
   * @param markers marker label to x value
   * @param xLabel the x axis caption
   * @return the SVG element
   */
  public static String histogram(String id, String title, List<Bin> bins,
      java.util.Map<String, Double> markers, String xLabel) {
    int w = PLOT_W + 140;
    int left = 60;
    int top = 40;
    int plotH = 220;
    double lo = bins.isEmpty() ? 0 : bins.get(0).from();
    double hi = bins.isEmpty() ? 1 : bins.get(bins.size() - 1).to();
    double span = hi > lo ? hi - lo : 1;
    double maxW = bins.stream().mapToDouble(Bin::weight).max().orElse(1);
    maxW = maxW <= 0 ? 1 : maxW;
    StringBuilder sb = open(id, title, w, top + plotH + 60);
    for (Bin b : bins) {
      double x = left + PLOT_W * (b.from() - lo) / span;
      double bw = Math.max(1, PLOT_W * (b.to() - b.from()) / span - 1);
      double bh = plotH * b.weight() / maxW;
      sb.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#76b7b2\"/>%n",
          x, top + plotH - bh, bw, bh));
    }
    sb.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", left, top + plotH,
        left + PLOT_W, top + plotH));
    text(sb, left, top + plotH + 16, "start", number(lo));
    text(sb, left + PLOT_W, top + plotH + 16, "end", number(hi));
    text(sb, left + PLOT_W / 2.0, top + plotH + 36, "middle", xLabel);
    int k = 0;
    for (var m : markers.entrySet()) {
      double x = left + PLOT_W * (m.getValue() - lo) / span;
      sb.append(fmt("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
          x, top - 4, x, top + plotH, PALETTE[(k + 1) % PALETTE.length]));
      text(sb, x + 3, top + 8 + 14 * k, "start", m.getKey() + " " + number(m.getValue()));
      k++;
    }
    return close(sb);
  }

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

  private static StringBuilder open(String id, String title, int w, int h) {
    StringBuilder sb = new StringBuilder();
    sb.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" %s>%n",
        escape(id), w, h, w, h, FONT));
    sb.append("<title>").append(escape(title)).append("</title>\n");
    sb.append(fmt("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", escape(title)));
    return sb;
  }

  private static String close(StringBuilder sb) {
    return sb.append("</svg>\n").toString();
  }

  private static void legend(StringBuilder sb, List<String> series, int y) {
    int x = LABEL_W;
    for (int s = 0; s < series.size(); s++) {
      sb.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n", x, y - 9,
          PALETTE[s % PALETTE.length]));
      text(sb, x + 14, y, "start", series.get(s));
      x += 24 + 8 * series.get(s).length();
    }
  }

  private static void text(StringBuilder sb, double x, double y, String anchor, String s) {
    sb.append(fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, escape(s)));
  }

  private static void wrap(StringBuilder sb, double x, double y, String s, int width) {
    StringBuilder line = new StringBuilder();
    double yy = y;
    for (String word : s.split(" ")) {
      if (line.length() + word.length() + 1 > width && line.length() > 0) {
        sb.append(fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\">%s</text>%n", x, yy,
            escape(line.toString())));
        yy += 14;
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      sb.append(fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\">%s</text>%n", x, yy,
          escape(line.toString())));
    }
  }

  private static String number(double v) {
    if (Math.abs(v) >= 1_000_000) {
      return fmt("%.2fM", v / 1_000_000);
    }
    if (Math.abs(v) >= 10_000) {
      return fmt("%.0fk", v / 1_000);
    }
    return v == Math.rint(v) ? fmt("%.0f", v) : fmt("%.2f", v);
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
