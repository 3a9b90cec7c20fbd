package io.clientyield.benchmarks;

import io.clientyield.core.ManagerId;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.DealSink;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.events.DealEventFolder;
import io.clientyield.funnel.events.GroupedEventFolder;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

  /** Returns a fresh per-manager cross statistics accumulator for the synthetic funnel. */
  public static CrossStatisticsAccumulator<ManagerId> accumulator() {
    return CrossStatisticsAccumulator.by(STAGES, EUR, REASONS, d -> d.manager().orElse(null));
  }

  /**
   * Folds events {@code [from, to)} with the hash folder.
   *
   * @param e the events
   * @param from first index
   * @param to end index (exclusive)
   * @param expectedDeals sizing hint
   * @return the folder
   */
  public static DealEventFolder fold(SyntheticEvents e, int from, int to, int expectedDeals) {
    DealEventFolder f = new DealEventFolder(expectedDeals);
    for (int i = from; i < to; i++) {
      f.add(e.deal[i], e.manager[i], e.stage[i], e.outcome[i], e.reason[i], e.budget[i]);
    }
    return f;
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
   * Splits the events in {@code threads} contiguous parts folded in parallel, merges the
   * folders (a deal split across parts is combined) and pushes the deals to {@code sink}.
   *
   * @param e the events, any order
   * @param threads the number of threads, {@code >= 1}
   * @param sink the receiver
   */
  public static void parallel(SyntheticEvents e, int threads, DealSink sink) {
    int n = e.size();
    List<CompletableFuture<DealEventFolder>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) n * t / threads);
      int to = (int) ((long) n * (t + 1) / threads);
      parts.add(CompletableFuture.supplyAsync(() -> fold(e, from, to, expectedDeals(to - from))));
    }
    DealEventFolder all = parts.get(0).join();
    for (int t = 1; t < threads; t++) {
      all.merge(parts.get(t).join());
    }
    all.emitTo(sink);
  }

  /**
   * Streaming path for events grouped by deal: no hash lookup.
   *
   * @param e the events, grouped by deal
   * @param sink the receiver
   */
  public static void grouped(SyntheticEvents e, DealSink sink) {
    GroupedEventFolder f = new GroupedEventFolder(sink);
    for (int i = 0; i < e.size(); i++) {
      f.add(e.deal[i], e.manager[i], e.stage[i], e.outcome[i], e.reason[i], e.budget[i]);
    }
    f.finish();
  }

  /**
   * The full library work measured by the benchmark: fold, count, and compute the cross
   * statistics (Wilson intervals, weak-cell tests).
   *
   * @param e the events, any order
   * @param threads 1 for the single-threaded path
   * @return the cross statistics
   */
  public static CrossStatistics crossStatistics(SyntheticEvents e, int threads) {
    CrossStatisticsAccumulator<ManagerId> acc = accumulator();
    if (threads == 1) {
      singleThreaded(e, acc);
    } else {
      parallel(e, threads, acc);
    }
    return acc.result();
  }
}
