package io.clientyield.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned plain-text table for the console: a header row, data rows, numeric columns
 * right-aligned (a column is numeric when every non-empty cell starts with a digit, a sign or
 * a currency-free number).
 */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  private TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /**
   * Starts a table.
   *
   * @param header the column titles
   * @return the table
   */
  public static TextTable of(String... header) {
    return new TextTable(Arrays.asList(header));
  }

  /**
   * Adds a row; cells beyond the header are an error, missing cells are blank.
   *
   * @param cells the cells (rendered with {@link String#valueOf(Object)})
   * @return this table
   */
  public TextTable row(Object... cells) {
    if (cells.length > header.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
    }
    List<String> r = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      r.add(i < cells.length ? String.valueOf(cells[i]) : "");
    }
    rows.add(r);
    return this;
  }

  /**
   * Renders the table with two leading spaces per line.
   *
   * @return the text, ending with a newline
   */
  public String render() {
    int n = header.size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    for (int i = 0; i < n; i++) {
      width[i] = header.get(i).length();
      numeric[i] = true;
      boolean any = false;
      for (List<String> r : rows) {
        String c = r.get(i);
        width[i] = Math.max(width[i], c.length());
        if (!c.isEmpty()) {
          any = true;
          char f = c.charAt(0);
          numeric[i] &= Character.isDigit(f) || f == '-' || f == '+' || f == '.' || f == '\u2212' || f == '\u2013';
        }
      }
      numeric[i] &= any;
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width, numeric);
    StringBuilder rule = new StringBuilder("  ");
    for (int i = 0; i < n; i++) {
      rule.append("-".repeat(width[i])).append(i + 1 < n ? "  " : "");
    }
    sb.append(rule).append('\n');
    for (List<String> r : rows) {
      line(sb, r, width, numeric);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
    StringBuilder l = new StringBuilder("  ");
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(numeric[i] ? pad + c : c + pad);
      if (i + 1 < cells.size()) {
        l.append("  ");
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  @Override
  public String toString() {
    return render();
  }
}
