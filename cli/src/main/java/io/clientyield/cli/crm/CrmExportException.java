package io.clientyield.cli.crm;

/**
 * A malformed export file: names the file, the line and the column.
 */
public final class CrmExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The longest prefix of a rejected value a message shows. */
  public static final int SHOWN = 40;

  private final String file;
  private final long line;
  private final String column;

  /**
   * Creates the error.
   *
   * @param file the file: its path when read from a folder, its name when bundled
   * @param line the 1-based line number (0 when the problem is the file as a whole: the message
   *     then names the file only)
   * @param column the column name or number
   * @param problem what is wrong
   * @param cause the underlying error, may be null
   */
  public CrmExportException(String file, long line, String column, String problem, Throwable cause) {
    super(line <= 0 ? file + ": " + problem : file + ", line " + line + ", column " + column + ": " + problem,
        cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /**
   * Shows a rejected value as a short quoted prefix: {@code 'abc'}, or the first
   * {@value #SHOWN} characters followed by an ellipsis and the full length.
   *
   * @param value the value
   * @return the value as shown in a message
   */
  public static String shown(String value) {
    StringBuilder sb = new StringBuilder("'");
    int n = value.length();
    for (int i = 0; i < Math.min(n, SHOWN); i++) {
      char c = value.charAt(i);
      sb.append(c < ' ' ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    sb.append(n > SHOWN ? "…' (" + n + " characters)" : "'");
    return sb.toString();
  }

  /**
   * Returns the file: its path when read from a folder, its name when bundled.
   *
   * @return the file
   */
  public String file() {
    return file;
  }

  /**
   * Returns the 1-based line number.
   *
   * @return the line
   */
  public long line() {
    return line;
  }

  /**
   * Returns the column.
   *
   * @return the column
   */
  public String column() {
    return column;
  }
}
