package io.clientyield.cli.command;

import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.crm.CrmExportException;
import io.clientyield.cli.crm.CrmMapping;
import io.clientyield.cli.review.Review;
import io.clientyield.cli.review.ReviewRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clientyield review <folder>}: loads the export (through the mapping), runs the review
 * and writes the reports. The output folder is checked before the work; progress goes to
 * standard error, the files written to standard output.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Reviews the CRM export in FOLDER and writes report.html, report.json and report.txt.")
public final class ReviewCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FOLDER", description = "the folder holding the export's CSV files")
  Path folder = Path.of(".");

  @Option(names = "--out", paramLabel = "DIR", description = "where the reports go (default: ${DEFAULT-VALUE})")
  Path out = Path.of("clientyield-report");

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "review the export as it stood on DATE (yyyy-mm-dd): later deals left out, later closes open")
  @org.jspecify.annotations.Nullable LocalDate asOf;

  @Option(names = "--format", split = ",", paramLabel = "FORMAT",
      description = "the reports to write, any of ${COMPLETION-CANDIDATES} (default: all)")
  @org.jspecify.annotations.Nullable List<ReportFormat> formats;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "a JSON mapping of the export's files and columns (default: the bundled export's)")
  @org.jspecify.annotations.Nullable Path mapping;

  @Option(names = "--detail",
      description = "report.json carries every result with its per-deal detail, not only the summary")
  boolean detail;

  @CommandLine.Spec
  CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  /** The clock that gives {@code generatedAt} (tests fix it). */
  Clock clock = Clock.systemUTC();

  /** Creates the command (picocli calls it). */
  public ReviewCommand() {}

  @Override
  public Integer call() throws Exception {
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    PrintWriter err = cl.getErr();
    PrintWriter stdout = cl.getOut();
    if (!Files.isDirectory(folder)) {
      throw new CrmExportException(folder.toString(), 0, "-", "not a folder", null);
    }
    ReportWriter.checkOutput(out);
    CrmMapping m = mapping == null ? CrmMapping.bundled() : CrmMapping.read(mapping);
    long start = System.nanoTime();
    CrmExport export = CrmExport.fromFolder(folder, m, (file, rows) -> {
      err.printf(Locale.ROOT, "clientyield: read %,d rows of %s%n", rows, file);
      err.flush();
    });
    if (asOf != null) {
      export = export.asOf(asOf);
    }
    if (export.opportunities().isEmpty()) {
      throw new CrmExportException(folder.resolve(m.pipeline().file()).toString(), 0, "-",
          "no row can be reviewed (set aside: " + export.report().setAside() + ")", null);
    }
    err.printf(Locale.ROOT, "clientyield: loaded %,d opportunities (%,d set aside) in %.1f s; reviewing%n",
        export.opportunities().size(), export.report().rowsSetAside(), (System.nanoTime() - start) / 1e9);
    err.flush();
    Review review = ReviewRunner.run(export);
    Set<ReportFormat> chosen = formats == null || formats.isEmpty()
        ? EnumSet.allOf(ReportFormat.class) : EnumSet.copyOf(formats);
    err.printf(Locale.ROOT, "clientyield: reviewed in %.1f s; writing %s%n", (System.nanoTime() - start) / 1e9,
        chosen);
    err.flush();
    for (Path p : ReportWriter.write(out, review, folder.toString(), clock, chosen, detail)) {
      stdout.println(p.toAbsolutePath());
    }
    stdout.flush();
    return ClientyieldCommand.OK;
  }
}
