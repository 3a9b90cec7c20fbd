package io.clientyield.benchmarks;

import io.clientyield.core.ManagerId;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.internal.DealEventFolder;
import io.clientyield.funnel.internal.EventColumns;
import io.clientyield.funnel.internal.GroupedEventFolder;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The library side of the comparison, through its public API only: events fold into deals
 * ({@link DealEventFolder} or, for grouped input, {@link GroupedEventFolder}) which are pushed
 * into a {@link CrossStatisticsAccumulator} (or any {@link DealSink}).
 */
public final class LibraryFunnel {
  /** The stages s0..s6. */
  public static final Stages STAGES = stages();
  /** The currency of the synthetic budgets. */
  public static final Currency EUR = Currency.getInstance("EUR");
  /** The reason names r0..r9, indexed like the events' reason codes. */
  public static final List<String> REASONS = reasons();

  private LibraryFunnel() {}

  private static Stages stages() {
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < SyntheticEvents.STAGES; s++) {
      ids.add("s" + s);
    }
    return Stages.of(ids);
  }

  private static List<String> reasons() {
    List<String> r = new ArrayList<>();
    for (int i = 0; i < SyntheticEvents.REASONS; i++) {
      r.add("r" + i);
    }
    return List.copyOf(r);
  }

  /**
   * Returns a fresh per-manager cross statistics accumulator for the synthetic funnel.
   *
   * @return the accumulator
   */
  public static CrossStatisticsAccumulator<ManagerId> accumulator() {
    return CrossStatisticsAccumulator.by(STAGES, EUR, REASONS, d -> d.manager().orElse(null));
  }

  /**
   * Folds events {@code [from, to)} with the hash folder's bulk {@code addAll}.
   *
   * @param e the events
   * @param from first index
   * @param to end index (exclusive)
   * @param expectedDeals sizing hint
   * @return the folder
   */
  public static DealEventFolder fold(SyntheticEvents e, int from, int to, int expectedDeals) {
    DealEventFolder f = new DealEventFolder(expectedDeals);
    f.addAll(columns(e), from, to);
    return f;
  }

  /**
   * The events as the library's columnar input (a view over the same arrays).
   *
   * @param e the events
   * @return the columns
   */
  public static EventColumns columns(SyntheticEvents e) {
    return EventColumns.of(e.deal, e.manager, e.stage, e.outcome, e.reason, e.budget);
  }

  /** Sizing hint: about 3 events per deal, with 10 % headroom so the folder need not grow. */
  static int expectedDeals(int events) {
    return events / 3 + events / 30 + 16;
  }

  /**
   * Single-threaded: fold all events, push the deals to {@code sink}.
   *
   * @param e the events, any order
   * @param sink the receiver
   */
  public static void singleThreaded(SyntheticEvents e, DealSink sink) {
    fold(e, 0, e.size(), expectedDeals(e.size())).emitTo(sink);
  }

  /**
   * Folds the events of one deal-key partition: scans all events, folds those whose
   * {@link DealEventFolder#partitionOf} is {@code part} into a folder sized for its share
   * ({@link DealEventFolder#addAll(EventColumns, int, int, int, int)}).
   *
   * @param e the events, any order
   * @param part this partition, in {@code [0, parts)}
   * @param parts the number of partitions
   * @return the folder, holding exactly the deals of this partition
   */
  public static DealEventFolder foldPartition(SyntheticEvents e, int part, int parts) {
    DealEventFolder f = new DealEventFolder(expectedDeals(e.size()) / parts + 16);
    f.addAll(columns(e), 0, e.size(), part, parts);
    return f;
  }

  /**
   * Runs {@code work(part)} for every part in {@code [0, threads)}, part 0 on the calling
   * thread and the others on fresh threads (not the common pool, which has one thread on a
   * 2-core machine), and returns the results in part order.
   */
  private static <T> List<T> onThreads(int threads, java.util.function.IntFunction<T> work) {
    List<T> out = new ArrayList<>(java.util.Collections.nCopies(threads, null));
    List<Thread> started = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int t = 1; t < threads; t++) {
      int part = t;
      Thread th = new Thread(() -> {
        T r = work.apply(part);
        synchronized (out) {
          out.set(part, r);
        }
      }, "fold-" + t);
      th.setUncaughtExceptionHandler((x, ex) -> failure[0] = ex);
      th.start();
      started.add(th);
    }
    T first = work.apply(0);
    for (Thread th : started) {
      try {
        th.join();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", ex);
      }
    }
    if (failure[0] != null) {
      throw new IllegalStateException("a fold thread failed", failure[0]);
    }
    synchronized (out) {
      out.set(0, first);
      return new ArrayList<>(out);
    }
  }

  /**
   * Splits the events by deal-key partition across {@code threads} threads, each folding the
   * deals of its partition (so no deal is split), and pushes every partition's deals to
   * {@code sink} in turn.
   *
   * @param e the events, any order
   * @param threads the number of threads, {@code >= 1}
   * @param sink the receiver
   */
  public static void parallel(SyntheticEvents e, int threads, DealSink sink) {
    for (DealEventFolder f : onThreads(threads, part -> foldPartition(e, part, threads))) {
      f.emitTo(sink);
    }
  }

  /**
   * Streaming path for events grouped by deal: no hash lookup.
   *
   * @param e the events, grouped by deal
   * @param sink the receiver
   */
  public static void grouped(SyntheticEvents e, DealSink sink) {
    GroupedEventFolder f = new GroupedEventFolder(sink);
    f.addAll(columns(e), 0, e.size());
    f.finish();
  }

  /**
   * The full library work measured by the benchmark: fold, count, and compute the cross
   * statistics (Wilson intervals, weak-cell tests). With several threads each thread folds its
   * deal-key partition and emits to its own accumulator; the accumulators (per manager × stage
   * counts, not deals) are merged.
   *
   * @param e the events, any order
   * @param threads 1 for the single-threaded path
   * @return the cross statistics
   */
  public static CrossStatistics crossStatistics(SyntheticEvents e, int threads) {
    if (threads == 1) {
      CrossStatisticsAccumulator<ManagerId> acc = accumulator();
      singleThreaded(e, io.clientyield.funnel.internal.FunnelSinks.of(acc));
      return acc.result();
    }
    List<CrossStatisticsAccumulator<ManagerId>> parts = onThreads(threads, part -> {
      CrossStatisticsAccumulator<ManagerId> acc = accumulator();
      foldPartition(e, part, threads).emitTo(io.clientyield.funnel.internal.FunnelSinks.of(acc));
      return acc;
    });
    CrossStatisticsAccumulator<ManagerId> all = parts.get(0);
    for (int t = 1; t < threads; t++) {
      all.merge(parts.get(t));
    }
    return all.result();
  }
}
