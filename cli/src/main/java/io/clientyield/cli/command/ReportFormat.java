package io.clientyield.cli.command;

/** The reports the review can write, each to its own file. */
public enum ReportFormat {
  /** {@code report.html}: the page with tables and charts. */
  html("report.html"),
  /** {@code report.json}: every result in the library's JSON forms. */
  json("report.json"),
  /** {@code report.txt}: the console report as plain text. */
  text("report.txt");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Returns the file the format is written to.
   *
   * @return the file name
   */
  public String fileName() {
    return fileName;
  }
}
