package io.clientyield.examples;

import io.clientyield.cli.command.ReportFormat;
import io.clientyield.cli.command.ReportWriter;
import io.clientyield.core.ValidationException;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.crm.CrmExportException;
import io.clientyield.cli.review.ConsoleReport;
import io.clientyield.cli.review.Review;
import io.clientyield.cli.review.ReviewRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;

/**
 * The main example: a profitability review of a real CRM export ("CRM Sales Opportunities",
 * bundled), using every module of the library. Prints a console report and writes, through the
 * CLI's {@link ReportWriter} (temporary files moved into place together),
 * {@code report.html} (the headline first, then the forecast with its backtest, offices,
 * managers, agents, funnel, cycle and accounts, each with its chart) and {@code report.json} (a
 * {@code ReviewReport}: {@code schemaVersion}, {@code generatedAt}, {@code source} and the compact
 * summary) to {@code target/clientyield-report} of the examples module.
 *
 * <p>Run from the repository root with {@code mvn -q -pl examples -am -DskipTests package exec:java};
 * add {@code -Dexec.args=/path/to/folder} to review your own export with the same four CSV files.
 */
public final class ProfitabilityReview {
  /** The system property naming the output folder. */
  public static final String OUTPUT_PROPERTY = "clientyield.report.dir";

  /**
   * The system property that fixes {@code generatedAt} of {@code report.json} (an ISO instant
   * such as {@code 2026-09-30T12:00:00Z}), for reproducible output; the current time otherwise.
   */
  public static final String GENERATED_AT_PROPERTY = "clientyield.report.generatedAt";

  private ProfitabilityReview() {}

  /**
   * Runs the review.
   *
   * @param args optional: a folder with {@code accounts.csv}, {@code products.csv},
   *     {@code sales_teams.csv} and {@code sales_pipeline.csv}
   * @throws IOException if the report cannot be written
   */
  public static void main(String[] args) throws IOException {
    CrmExport export;
    try {
      export = args.length > 0 ? CrmExport.fromFolder(Path.of(args[0])) : CrmExport.bundled();
    } catch (CrmExportException e) {
      System.err.println("Cannot read the export: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path out = Path.of(System.getProperty(OUTPUT_PROPERTY, "target/clientyield-report"));
    try {
      ReportWriter.checkOutput(out); // before the work, not after it
    } catch (ValidationException e) {
      System.err.println("Cannot write the reports: " + e.getMessage());
      System.exit(2);
      return;
    }
    String fixed = System.getProperty(GENERATED_AT_PROPERTY);
    Clock clock;
    try {
      clock = fixed == null ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      System.err.println(GENERATED_AT_PROPERTY + " must be an ISO instant such as"
          + " 2026-09-30T12:00:00Z, not " + fixed);
      System.exit(2);
      return;
    }
    write(ReviewRunner.run(export), out,
        args.length > 0 ? args[0] : "bundled CRM Sales Opportunities export", clock);
  }

  /**
   * Prints the review and writes {@code report.html} and {@code report.json}.
   *
   * @param review the review
   * @param out the output folder (created if missing)
   * @param source what was reviewed, for the first line
   * @throws IOException if a file cannot be written
   */
  public static void write(Review review, Path out, String source) throws IOException {
    write(review, out, source, Clock.systemUTC());
  }

  /**
   * Prints the review and writes {@code report.html} and {@code report.json}, whose
   * {@code generatedAt} is the clock's instant (inject a fixed clock for reproducible output).
   *
   * @param review the review
   * @param out the output folder (created if missing)
   * @param source what was reviewed, for the first line and {@code source} in the JSON
   * @param clock the clock giving {@code generatedAt}
   * @throws IOException if a file cannot be written
   */
  public static void write(Review review, Path out, String source, Clock clock)
      throws IOException {
    System.out.println("clientyield profitability review of the " + source);
    System.out.print(ConsoleReport.render(review));
    // the CLI's writer: both files rendered to temporary files first, then moved in together
    List<Path> written = ReportWriter.write(out, review, source, clock,
        EnumSet.of(ReportFormat.html, ReportFormat.json));
    System.out.println();
    System.out.println("Written: " + written.get(0).toAbsolutePath() + " and " + written.get(1).toAbsolutePath());
  }
}
