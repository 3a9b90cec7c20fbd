package io.clientyield.funnel.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Generators and the boxed reference fold for the event folder tests. */
final class EventFolderGenerators {
  private EventFolderGenerators() {}

  /** One interaction event, boxed (test only). */
  record Event(long key, int group, int stage, int outcome, int reason, long budget) {}

  /** One emitted deal, boxed (test only). */
  record FoldedDeal(int group, int stage, int outcome, int reason, long budget) {}

  static final Comparator<FoldedDeal> ORDER =
      Comparator.comparingInt(FoldedDeal::group)
          .thenComparingInt(FoldedDeal::stage)
          .thenComparingInt(FoldedDeal::outcome)
          .thenComparingInt(FoldedDeal::reason)
          .thenComparingLong(FoldedDeal::budget);

  static Gen<Event> event() {
    Gen<Long> key = SourceDSL.longs().between(-20, 20);
    // the largest value of each code is mapped to the largest the folders accept (order kept),
    // so the packing of a deal's state is exercised at its bounds
    Gen<Integer> group = SourceDSL.integers().between(0, 4).map(g -> g == 4 ? Integer.MAX_VALUE : g);
    Gen<Integer> stage = SourceDSL.integers().between(0, 6)
        .map(x -> x == 6 ? EventFoldRules.MAX_STAGE : x);
    Gen<Integer> outcome = SourceDSL.integers().between(-1, DealSink.MAX_OUTCOME);
    Gen<Integer> reason = SourceDSL.integers().between(-1, 3)
        .map(r -> r == 3 ? EventFoldRules.MAX_REASON : r);
    // small budgets, and every fifth one beyond 32 bits (the folder stores a budget in two ints)
    Gen<Long> budget = SourceDSL.longs().between(-1, 1000)
        .map(b -> b < 0 ? DealSink.NO_BUDGET : b == 1000 ? Long.MAX_VALUE
            : b % 5 == 0 ? b * 9_000_000_000_000L + b : b);
    return key.zip(group, stage, outcome, (k, g, s, o) -> new long[] {k, g, s, o})
        .zip(reason, budget, (a, r, b) -> new Event(a[0], (int) a[1], (int) a[2], (int) a[3], r, b));
  }

  static Gen<List<Event>> events() {
    return SourceDSL.lists().of(event()).ofSizeBetween(0, 200);
  }

  /** Stable-sorts events by key so that each deal's events are consecutive. */
  static List<Event> grouped(List<Event> events) {
    List<Event> copy = new ArrayList<>(events);
    copy.sort(Comparator.comparingLong(Event::key));
    return copy;
  }

  static void feed(DealEventFolder folder, List<Event> events) {
    for (Event e : events) {
      folder.add(e.key(), e.group(), e.stage(), e.outcome(), e.reason(), e.budget());
    }
  }

  /** The events as columns. */
  static EventColumns columns(List<Event> events) {
    int n = events.size();
    long[] k = new long[n];
    int[] g = new int[n];
    int[] s = new int[n];
    int[] o = new int[n];
    int[] r = new int[n];
    long[] b = new long[n];
    for (int i = 0; i < n; i++) {
      Event e = events.get(i);
      k[i] = e.key();
      g[i] = e.group();
      s[i] = e.stage();
      o[i] = e.outcome();
      r[i] = e.reason();
      b[i] = e.budget();
    }
    return EventColumns.of(k, g, s, o, r, b);
  }

  static List<FoldedDeal> emitted(DealEventFolder folder) {
    List<FoldedDeal> out = new ArrayList<>();
    folder.emitTo((g, s, o, r, b) -> out.add(new FoldedDeal(g, s, o, r, b)));
    out.sort(ORDER);
    return out;
  }

  static List<FoldedDeal> groupedFold(List<Event> events) {
    List<FoldedDeal> out = new ArrayList<>();
    GroupedEventFolder folder =
        new GroupedEventFolder((g, s, o, r, b) -> out.add(new FoldedDeal(g, s, o, r, b)));
    for (Event e : events) {
      folder.add(e.key(), e.group(), e.stage(), e.outcome(), e.reason(), e.budget());
    }
    folder.finish();
    out.sort(ORDER);
    return out;
  }

  /** The boxed reference: group by key, then take the documented maxima and minima. */
  static List<FoldedDeal> reference(List<Event> events) {
    Map<Long, List<Event>> byKey =
        events.stream().collect(Collectors.groupingBy(Event::key, TreeMap::new, Collectors.toList()));
    Comparator<Event> terminalOrder =
        Comparator.comparingInt(Event::stage)
            .thenComparingInt(Event::outcome)
            .thenComparingInt(Event::reason);
    List<FoldedDeal> out = new ArrayList<>();
    for (List<Event> es : byKey.values()) {
      int group = es.stream().mapToInt(Event::group).min().orElseThrow();
      int stage = es.stream().mapToInt(Event::stage).max().orElseThrow();
      long budget =
          es.stream()
              .mapToLong(Event::budget)
              .filter(b -> b != DealSink.NO_BUDGET)
              .max()
              .orElse(DealSink.NO_BUDGET);
      Event terminal =
          es.stream().filter(e -> e.outcome() != DealSink.OPEN).max(terminalOrder).orElse(null);
      int outcome = terminal == null ? DealSink.OPEN : terminal.outcome();
      int reason = terminal == null ? DealSink.NO_REASON : terminal.reason();
      out.add(new FoldedDeal(group, stage, outcome, reason, budget));
    }
    out.sort(ORDER);
    return out;
  }
}
