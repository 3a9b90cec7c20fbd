package io.clientyield.benchmarks;

import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.review.Review;
import io.clientyield.cli.review.ReviewRunner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The main review at CRM scale (issue 18's target: 1,000,000 rows in at most 30 s with
 * {@code -Xmx2g}, time linear in the rows), a documented single-shot main rather than JMH: one
 * review of a million rows is the unit of work, and a cold run is what a user waits for.
 *
 * <p>For each row count: writes a {@link SyntheticCrmExport} (seed 42) to a temporary folder,
 * then times {@code CrmExport.fromFolder} and {@code ReviewRunner.run} once each, and prints
 * one line with the row count, load and review seconds (wall clock), their sum, seconds per
 * 100 000 rows, the process CPU time of both (all threads, a fairer figure on a shared machine)
 * and the peak heap used. Run each size in its own JVM (see benchmarks/README.md).
 */
public final class ReviewScaling {
  private ReviewScaling() {}

  /**
   * Runs the measurement.
   *
   * @param args row counts (default 100000)
   * @throws IOException if the export cannot be written
   */
  public static void main(String[] args) throws IOException {
    String[] sizes = args.length == 0 ? new String[] {"100000"} : args;
    for (String s : sizes) {
      int rows = Integer.parseInt(s);
      Path dir = Files.createTempDirectory("clientyield-scaling-");
      try {
        SyntheticCrmExport.write(dir, rows, 42L);
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        CrmExport export = CrmExport.fromFolder(dir);
        long t1 = System.nanoTime();
        double loadCpu = (cpuNanos() - c0) / 1e9;
        Review review = ReviewRunner.run(export);
        long t2 = System.nanoTime();
        double cpu = (cpuNanos() - c0) / 1e9;
        double load = (t1 - t0) / 1e9;
        double run = (t2 - t1) / 1e9;
        System.out.printf(Locale.ROOT,
            "rows %,9d  used %,9d  load %6.2f s  review %6.2f s  total %6.2f s  per 100k %5.2f s"
                + "  process CPU %6.2f s (load %5.2f s)  peak heap %,d MB  (won %s)%n",
            rows, export.opportunities().size(), load, run, load + run, (load + run) / rows * 100_000,
            cpu, loadCpu, peakHeapMb(), review.wonCloseValue());
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /** CPU time of the whole process (all threads, GC and JIT included), in nanoseconds. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
