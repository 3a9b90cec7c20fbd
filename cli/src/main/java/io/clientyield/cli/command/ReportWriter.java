package io.clientyield.cli.command;

import io.clientyield.cli.review.ConsoleReport;
import io.clientyield.cli.review.HtmlReport;
import io.clientyield.cli.review.Review;
import io.clientyield.cli.review.ReviewReport;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes the review's reports so that a failure never leaves a mixed set: every report is
 * rendered and written to a temporary file in the target folder first; only when all are
 * complete are they moved into place, and if a move fails the files already replaced are put
 * back as they were. The CLI and the examples' {@code ProfitabilityReview} both write through it.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Checks, before any work, that reports can be written to a folder: creates it when missing
   * and checks that it is a writable folder.
   *
   * @param out the folder
   * @throws ValidationException naming the folder when it is a file, cannot be created or is
   *     not writable
   */
  public static void checkOutput(Path out) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw ValidationException.of("out", out.toString(), "must be a folder, not a file");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw ValidationException.of("out", out.toString(), "must be a folder that can be created (" + e + ")");
    }
    if (!Files.isWritable(out)) {
      throw ValidationException.of("out", out.toString(), "must be a writable folder");
    }
  }

  /**
   * Renders and writes the review's reports in the given formats.
   *
   * @param out the target folder (created if missing)
   * @param review the review
   * @param source what was reviewed, for {@code source} in the JSON and the text's first line
   * @param clock gives {@code generatedAt} of {@code report.json}
   * @param formats the formats to write
   * @return the files written, in the order of {@link ReportFormat}
   * @throws IOException if a file cannot be written (no report is then replaced)
   */
  public static List<Path> write(Path out, Review review, String source, Clock clock, Set<ReportFormat> formats)
      throws IOException {
    return write(out, review, source, clock, formats, false);
  }

  /**
   * Renders and writes the review's reports in the given formats, {@code report.json} with every
   * result and its per-deal detail when asked (compact otherwise: the summary only).
   *
   * @param out the target folder (created if missing)
   * @param review the review
   * @param source what was reviewed, for {@code source} in the JSON and the text's first line
   * @param clock gives {@code generatedAt} of {@code report.json}
   * @param formats the formats to write
   * @param detail whether {@code report.json} carries the whole review besides its summary
   * @return the files written, in the order of {@link ReportFormat}
   * @throws IOException if a file cannot be written (no report is then replaced)
   */
  public static List<Path> write(Path out, Review review, String source, Clock clock, Set<ReportFormat> formats,
      boolean detail) throws IOException {
    Map<String, Supplier<String>> files = new LinkedHashMap<>();
    for (ReportFormat f : ReportFormat.values()) {
      if (formats.contains(f)) {
        files.put(f.fileName(), switch (f) {
          case html -> () -> HtmlReport.render(review);
          case json -> () -> ClientyieldJson.write(ReviewReport.of(clock.instant(), source, review, detail));
          case text -> () -> "clientyield profitability review of the " + source + "\n" + ConsoleReport.render(review);
        });
      }
    }
    return writeTogether(out, files);
  }

  /**
   * Writes files together: each content to a temporary file in the folder, then all moved into
   * place; on any failure no file of the set is replaced (those already moved are restored) and
   * no temporary file is left.
   *
   * @param out the folder (created if missing)
   * @param files file name to its content, rendered in this order
   * @return the files written
   * @throws IOException if a file cannot be written or moved
   */
  public static List<Path> writeTogether(Path out, Map<String, Supplier<String>> files) throws IOException {
    Files.createDirectories(out);
    List<Path> temporary = new ArrayList<>();
    List<Path> targets = new ArrayList<>();
    try {
      for (var e : files.entrySet()) {
        Path target = out.resolve(e.getKey());
        Path tmp = Files.createTempFile(out, "." + e.getKey() + ".", ".tmp");
        temporary.add(tmp);
        targets.add(target);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          // temporary files are private; a report is an ordinary file
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.writeString(tmp, e.getValue().get(), StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      for (Path t : temporary) {
        Files.deleteIfExists(t);
      }
      throw e;
    }
    // all complete: set the old files aside, move the new ones in, restore on failure
    Path[] backups = new Path[targets.size()];
    int moved = 0;
    try {
      for (int i = 0; i < targets.size(); i++) {
        if (Files.exists(targets.get(i))) {
          Path b = Files.createTempFile(out, "." + targets.get(i).getFileName() + ".", ".old");
          backups[i] = b;
          move(targets.get(i), b);
        }
      }
      for (; moved < targets.size(); moved++) {
        move(temporary.get(moved), targets.get(moved));
      }
    } catch (IOException | RuntimeException e) {
      for (int i = 0; i < moved; i++) {
        Files.deleteIfExists(targets.get(i));
      }
      for (int i = 0; i < targets.size(); i++) {
        if (backups[i] != null) {
          if (Files.exists(backups[i]) && !Files.exists(targets.get(i))) {
            move(backups[i], targets.get(i));
          } else {
            Files.deleteIfExists(backups[i]);
          }
        }
      }
      for (Path t : temporary) {
        Files.deleteIfExists(t);
      }
      throw e;
    }
    for (Path b : backups) {
      if (b != null) {
        Files.deleteIfExists(b);
      }
    }
    return List.copyOf(targets);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
