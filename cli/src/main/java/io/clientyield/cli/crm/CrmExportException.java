package io.clientyield.cli.crm;

/**
 * A malformed export file: names the file, the line and the column.
 */
public final class CrmExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;

  /**
   * Creates the error.
   *
   * @param file the file: its path when read from a folder, its name when bundled
   * @param line the 1-based line number (0 when unknown)
   * @param column the column name or number
   * @param problem what is wrong
   * @param cause the underlying error, may be null
   */
  public CrmExportException(String file, long line, String column, String problem, Throwable cause) {
    super(file + ", line " + line + ", column " + column + ": " + problem, cause);
    this.file = file;
    this.line = line;
    this.column = column;
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
