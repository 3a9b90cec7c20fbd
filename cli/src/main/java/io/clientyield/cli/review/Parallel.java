package io.clientyield.cli.review;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The review's independent sections on their own threads (a machine has at least two cores):
 * every section is a pure function of the export, so running them side by side gives the same
 * review. A failure comes back as itself (a {@code ValidationException} stays one). The threads
 * are daemons and end with the review.
 */
final class Parallel implements AutoCloseable {
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "clientyield-review");
    t.setDaemon(true);
    return t;
  });

  /** Starts a section. */
  <T> CompletableFuture<T> start(Supplier<T> section) {
    return CompletableFuture.supplyAsync(section, threads);
  }

  /** Waits for a section and returns its result, or throws what it threw. */
  static <T> T join(CompletableFuture<T> section) {
    try {
      return section.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
