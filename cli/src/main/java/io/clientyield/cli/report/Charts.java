package io.clientyield.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Charts for a report, drawn by JFreeChart and written as SVG by JFreeSVG: axes zoomed to the
 * data with round ticks, thousands separators ({@link Format}), legends below the plot, reference
 * lines in their own colour. Each chart is rendered twice, wide for a laptop and narrow for a
 * phone (the page shows one of them by the width of the screen); both carry a {@code <title>},
 * an {@code aria-label} and a {@code viewBox}, so they scale to the width of the page.
 */
public final class Charts {
  /** Width of the wide rendering, in SVG units. */
  public static final int WIDE = 760;
  /** Width of the narrow rendering, in SVG units. */
  public static final int NARROW = 360;
  /** The id suffix of the narrow rendering. */
  public static final String NARROW_SUFFIX = "-narrow";

  private static final Color BLUE = new Color(0x4e79a7);
  private static final Color ORANGE = new Color(0xf28e2b);
  private static final Color GREEN = new Color(0x59a14f);
  private static final Color RED = new Color(0xc0392b);
  private static final Color GREY = new Color(0x555555);
  private static final Color GRID = new Color(0xdddddd);
  private static final Color[] SERIES = {BLUE, new Color(0x76b7b2), GREEN, ORANGE};
  private static final Color[] LINES = {BLUE, GREEN, new Color(0xb07aa1)};
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {6f, 4f}, 0f);

  private Charts() {}

  /**
   * A chart rendered for a wide and a narrow screen.
   *
   * @param id the element id of the wide rendering (the narrow one adds {@link #NARROW_SUFFIX})
   * @param title the title (also the accessible name)
   * @param wide the wide SVG element
   * @param narrow the narrow SVG element
   */
  public record Chart(String id, String title, String wide, String narrow) {}

  /**
   * One row of an interval chart.
   *
   * @param label the row label
   * @param estimate the estimate
   * @param lower the interval's lower bound
   * @param upper the interval's upper bound
   * @param highlighted whether to draw it in the warning colour
   */
  public record Estimate(String label, double estimate, double lower, double upper, boolean highlighted) {}

  /**
   * A line of a line chart.
   *
   * @param name the legend text
   * @param x the x values (for a date axis: days since 1970-01-01)
   * @param y the y values, one per x
   * @param dashed whether the line is dashed
   * @param markers whether each point gets a marker
   */
  public record Line(String name, double[] x, double[] y, boolean dashed, boolean markers) {}

  /**
   * A line with a shaded band around it (e.g. P50 within P10–P90).
   *
   * @param name the legend text
   * @param x the x values (for a date axis: days since 1970-01-01)
   * @param low the band's lower edge
   * @param mid the line
   * @param high the band's upper edge
   */
  public record Band(String name, double[] x, double[] low, double[] mid, double[] high) {}

  /** How the x axis of a line chart reads its values. */
  public enum XAxis {
    /** Plain numbers with round ticks. */
    NUMBER,
    /** Days since 1970-01-01, shown as dates. */
    DATE
  }

  /** How the y axis of a line chart formats its values. */
  public enum YAxis {
    /** Numbers with thousands separators. */
    NUMBER,
    /** Shares shown as percentages (0.5 is 50 %). */
    PERCENT
  }

  /**
   * Days since 1970-01-01 of a date, for a {@link XAxis#DATE} axis.
   *
   * @param d the date
   * @return the epoch day
   */
  public static double day(LocalDate d) {
    return d.toEpochDay();
  }

  /**
   * Horizontal grouped bars, one group per category, one bar per series.
   *
   * @param id the element id
   * @param title the title
   * @param valueAxis the value axis label, with its unit
   * @param series the series names (legend)
   * @param categories the categories, top to bottom
   * @param values {@code values[series][category]}
   * @return the chart
   */
  public static Chart bars(String id, String title, String valueAxis, List<String> series, List<String> categories,
      double[][] values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int s = 0; s < series.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        data.addValue(values[s][c], series.get(s), categories.get(c));
      }
    }
    CategoryAxis categoryAxis = new CategoryAxis(null);
    categoryAxis.setTickLabelFont(TICK);
    categoryAxis.setCategoryMargin(0.25);
    NumberAxis valueAx = numberAxis(valueAxis, YAxis.NUMBER);
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int s = 0; s < series.size(); s++) {
      renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
    }
    CategoryPlot plot = new CategoryPlot(data, categoryAxis, valueAx, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
    style(plot);
    int height = 110 + categories.size() * (series.size() * 16 + 18);
    return render(id, title, new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), height);
  }

  /**
   * Estimates with their intervals, one row each, on a percentage axis zoomed to the data, with
   * an optional reference line (e.g. the team's rate) in its own colour.
   *
   * @param id the element id
   * @param title the title
   * @param valueAxis the value axis label
   * @param rows the rows, top to bottom
   * @param reference the reference value, or empty for none
   * @param referenceLabel the legend text of the reference line
   * @param highlightLabel the legend text of a highlighted row
   * @return the chart
   */
  public static Chart intervals(String id, String title, String valueAxis, List<Estimate> rows,
      OptionalDouble reference, String referenceLabel, String highlightLabel) {
    YIntervalSeries normal = new YIntervalSeries("estimate, 95 % interval");
    YIntervalSeries highlighted = new YIntervalSeries(highlightLabel);
    String[] labels = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Estimate e = rows.get(i);
      int y = rows.size() - 1 - i;
      labels[y] = e.label();
      (e.highlighted() ? highlighted : normal).add(y, e.estimate(), e.lower(), e.upper());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(normal);
    data.addSeries(highlighted);
    SymbolAxis names = new SymbolAxis(null, labels);
    names.setTickLabelFont(TICK);
    names.setGridBandsVisible(false);
    names.setAxisLineVisible(false);
    NumberAxis value = numberAxis(valueAxis, YAxis.PERCENT);
    value.setAutoRangeIncludesZero(false);
    YIntervalRenderer renderer = new YIntervalRenderer();
    renderer.setSeriesPaint(0, BLUE);
    renderer.setSeriesPaint(1, RED);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    // the interval's ends are short caps; the estimate is the dot drawn by the second renderer
    renderer.setDefaultShape(new Rectangle2D.Double(-1, -5, 2, 10));
    XYSeries normalPoints = new XYSeries("estimate", false, true);
    XYSeries highlightedPoints = new XYSeries(highlightLabel, false, true);
    for (int i = 0; i < normal.getItemCount(); i++) {
      normalPoints.add(normal.getX(i), normal.getYValue(i));
    }
    for (int i = 0; i < highlighted.getItemCount(); i++) {
      highlightedPoints.add(highlighted.getX(i), highlighted.getYValue(i));
    }
    XYSeriesCollection points = new XYSeriesCollection();
    points.addSeries(normalPoints);
    points.addSeries(highlightedPoints);
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, BLUE);
    dots.setSeriesPaint(1, RED);
    dots.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    dots.setSeriesShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
    XYPlot plot = new XYPlot(data, names, value, renderer);
    plot.setDataset(1, points);
    plot.setRenderer(1, dots);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    style(plot);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(legendItem("estimate (dot), 95 % interval (line)", BLUE, false));
    if (!highlighted.isEmpty()) {
      legend.add(legendItem(highlightLabel, RED, false));
    }
    if (reference.isPresent()) {
      ValueMarker m = new ValueMarker(reference.getAsDouble(), ORANGE, DASHED);
      plot.addRangeMarker(m);
      legend.add(legendItem(referenceLabel, ORANGE, true));
      double lo = Math.min(reference.getAsDouble(), rows.stream().mapToDouble(Estimate::lower).min().orElse(0));
      double hi = Math.max(reference.getAsDouble(), rows.stream().mapToDouble(Estimate::upper).max().orElse(1));
      double pad = Math.max(0.01, (hi - lo) * 0.05);
      value.setRange(Math.max(0, lo - pad), Math.min(1, hi + pad));
    }
    plot.setFixedLegendItems(legend);
    int height = 110 + rows.size() * 22;
    return render(id, title, new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), height);
  }

  /**
   * Lines (and lines within bands) over a numeric or date x axis, with an optional vertical
   * reference line.
   *
   * @param id the element id
   * @param title the title
   * @param xAxis the x axis kind
   * @param xLabel the x axis label
   * @param yAxis the y axis kind
   * @param yLabel the y axis label, with its unit
   * @param bands lines with shaded bands, drawn first
   * @param lines plain lines, drawn over the bands
   * @param xMarker an x value to mark with a vertical line, or empty
   * @param xMarkerLabel the legend text of that line
   * @param height the height of the rendering
   * @return the chart
   */
  public static Chart lines(String id, String title, XAxis xAxis, String xLabel, YAxis yAxis, String yLabel,
      List<Band> bands, List<Line> lines, OptionalDouble xMarker, String xMarkerLabel, int height) {
    ValueAxis x;
    if (xAxis == XAxis.DATE) {
      DateAxis d = new DateAxis(xLabel, java.util.TimeZone.getTimeZone(ZoneOffset.UTC), java.util.Locale.ROOT);
      d.setLabelFont(LABEL);
      d.setTickLabelFont(TICK);
      x = d;
    } else {
      NumberAxis n = numberAxis(xLabel, YAxis.NUMBER);
      n.setAutoRangeIncludesZero(false);
      n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      n.setLowerMargin(0);
      n.setUpperMargin(0);
      x = n;
    }
    NumberAxis y = numberAxis(yLabel, yAxis);
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    int index = 0;
    LegendItemCollection legend = new LegendItemCollection();
    for (Band b : bands) {
      YIntervalSeries s = new YIntervalSeries(b.name());
      for (int i = 0; i < b.x().length; i++) {
        s.add(xValue(xAxis, b.x()[i]), b.mid()[i], b.low()[i], b.high()[i]);
      }
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      data.addSeries(s);
      DeviationRenderer r = new DeviationRenderer(true, true);
      Color c = SERIES[index % SERIES.length];
      r.setSeriesPaint(0, c);
      r.setSeriesFillPaint(0, c);
      r.setSeriesStroke(0, new BasicStroke(2f));
      r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
      r.setAlpha(0.2f);
      plot.setDataset(index, data);
      plot.setRenderer(index, r);
      legend.add(legendItem(b.name(), c, false));
      index++;
    }
    for (Line l : lines) {
      XYSeries s = new XYSeries(l.name(), false, true);
      for (int i = 0; i < l.x().length; i++) {
        s.add(xValue(xAxis, l.x()[i]), l.y()[i]);
      }
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, l.markers());
      Color c = l.dashed() ? GREY : LINES[index % LINES.length];
      r.setSeriesPaint(0, c);
      r.setSeriesStroke(0, l.dashed() ? DASHED : new BasicStroke(2f));
      r.setSeriesShape(0, new Rectangle2D.Double(-3, -3, 6, 6));
      plot.setDataset(index, new XYSeriesCollection(s));
      plot.setRenderer(index, r);
      legend.add(legendItem(l.name(), c, l.dashed()));
      index++;
    }
    if (xMarker.isPresent()) {
      plot.addDomainMarker(new ValueMarker(xValue(xAxis, xMarker.getAsDouble()), RED, DASHED));
      legend.add(legendItem(xMarkerLabel, RED, true));
    }
    plot.setFixedLegendItems(legend);
    style(plot);
    return render(id, title, new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), height);
  }

  private static double xValue(XAxis axis, double x) {
    return axis == XAxis.DATE ? LocalDate.ofEpochDay((long) x).atStartOfDay(ZoneOffset.UTC).toInstant()
        .toEpochMilli() : x;
  }

  private static NumberAxis numberAxis(String label, YAxis kind) {
    NumberAxis a = new NumberAxis(label);
    a.setLabelFont(LABEL);
    a.setTickLabelFont(TICK);
    a.setNumberFormatOverride(kind == YAxis.PERCENT ? Format.axisPercent() : Format.axisNumber());
    return a;
  }

  private static LegendItem legendItem(String text, Paint paint, boolean dashed) {
    LegendItem item = new LegendItem(text, null, null, null, new Line2D.Double(-8, 0, 8, 0),
        dashed ? DASHED : new BasicStroke(3f), paint);
    item.setLabelFont(TICK);
    return item;
  }

  private static void style(org.jfree.chart.plot.Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setInsets(new RectangleInsets(8, 4, 4, 16));
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
    } else if (plot instanceof CategoryPlot cp) {
      cp.setRangeGridlinePaint(GRID);
    }
  }

  private static Chart render(String id, String title, JFreeChart chart, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setItemFont(TICK);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setMargin(new RectangleInsets(6, 4, 4, 4));
    }
    String wide = svg(chart, id, title, WIDE, height);
    String narrow = svg(chart, id + NARROW_SUFFIX, title, NARROW, Math.max(height, Math.round(height * 1.15f)));
    return new Chart(id, title, wide, narrow);
  }

  private static String svg(JFreeChart chart, String id, String title, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    String element = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    int open = element.indexOf('>', element.indexOf("<svg"));
    String escaped = HtmlPage.escape(title);
    return "<svg id=\"" + HtmlPage.escape(id) + "\" xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:jfreesvg=\"http://www.jfree.org/jfreesvg/svg\""
        + " viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"" + escaped + "\" class=\"chart\">"
        + "<title>" + escaped + "</title>" + element.substring(open + 1);
  }
}
