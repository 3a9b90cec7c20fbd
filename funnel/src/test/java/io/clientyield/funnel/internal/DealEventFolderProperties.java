package io.clientyield.funnel.internal;

import static io.clientyield.funnel.internal.EventFolderGenerators.emitted;
import static io.clientyield.funnel.internal.EventFolderGenerators.events;
import static io.clientyield.funnel.internal.EventFolderGenerators.feed;
import static io.clientyield.funnel.internal.EventFolderGenerators.grouped;
import static io.clientyield.funnel.internal.EventFolderGenerators.groupedFold;
import static io.clientyield.funnel.internal.EventFolderGenerators.reference;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.funnel.internal.EventFolderGenerators.Event;
import io.clientyield.funnel.internal.EventFolderGenerators.FoldedDeal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class DealEventFolderProperties {

  @Test
  void foldingEqualsBoxedReference() {
    qt().withExamples(300)
        .forAll(events())
        .check(es -> {
          DealEventFolder f = new DealEventFolder(0);
          feed(f, es);
          return emitted(f).equals(reference(es)) && f.dealCount() == reference(es).size();
        });
  }

  @Test
  void addAllOfARangeEqualsAddingItsEventsOneByOne() {
    qt().withExamples(300)
        .forAll(events(), SourceDSL.integers().between(0, 1 << 16),
            SourceDSL.integers().between(0, 1 << 16))
        .check((es, x, y) -> {
          int from = Math.min(x, y) % (es.size() + 1);
          int to = Math.max(from, Math.max(x, y) % (es.size() + 1));
          DealEventFolder bulk = new DealEventFolder(0);
          bulk.addAll(EventFolderGenerators.columns(es), from, to);
          DealEventFolder single = new DealEventFolder(0);
          feed(single, es.subList(from, to));
          return emitted(bulk).equals(emitted(single)) && bulk.dealCount() == single.dealCount();
        });
  }

  @Test
  void addAllOfAPartEqualsAddingThatPartsEvents() {
    qt().withExamples(300)
        .forAll(events(), SourceDSL.integers().between(1, 4), SourceDSL.integers().between(0, 3))
        .check((es, parts, p) -> {
          int part = p % parts;
          DealEventFolder bulk = new DealEventFolder();
          bulk.addAll(EventFolderGenerators.columns(es), 0, es.size(), part, parts);
          DealEventFolder single = new DealEventFolder();
          feed(single, es.stream()
              .filter(e -> DealEventFolder.partitionOf(e.key(), parts) == part).toList());
          return emitted(bulk).equals(emitted(single));
        });
  }

  @Test
  void mergeOfRandomSplitsEqualsFoldingAll() {
    qt().withExamples(300)
        .forAll(events(), SourceDSL.integers().between(1, 4), SourceDSL.longs().all())
        .check((es, parts, seed) -> {
          Random random = new Random(seed);
          List<DealEventFolder> folders = new ArrayList<>();
          for (int i = 0; i < parts; i++) {
            folders.add(new DealEventFolder());
          }
          for (Event e : es) {
            DealEventFolder f = folders.get(random.nextInt(parts));
            f.add(e.key(), e.group(), e.stage(), e.outcome(), e.reason(), e.budget());
          }
          DealEventFolder merged = new DealEventFolder();
          for (DealEventFolder f : folders) {
            merged.merge(f);
          }
          DealEventFolder all = new DealEventFolder();
          feed(all, es);
          return emitted(merged).equals(emitted(all));
        });
  }

  @Test
  void partitionedFoldingHoldsDisjointDealsAndEqualsFoldingAll() {
    qt().withExamples(300)
        .forAll(events(), SourceDSL.integers().between(1, 4))
        .check((es, parts) -> {
          List<DealEventFolder> folders = new ArrayList<>();
          for (int i = 0; i < parts; i++) {
            folders.add(new DealEventFolder());
          }
          for (Event e : es) {
            folders.get(DealEventFolder.partitionOf(e.key(), parts))
                .add(e.key(), e.group(), e.stage(), e.outcome(), e.reason(), e.budget());
          }
          DealEventFolder all = folded(es);
          List<EventFolderGenerators.FoldedDeal> union = new ArrayList<>();
          int deals = 0;
          DealEventFolder merged = new DealEventFolder();
          for (DealEventFolder f : folders) {
            union.addAll(emitted(f));
            deals += f.dealCount();
            merged.merge(f);
          }
          union.sort(EventFolderGenerators.ORDER);
          return deals == all.dealCount()
              && union.equals(emitted(all))
              && emitted(merged).equals(emitted(all));
        });
  }

  @Test
  void partitionIsInRangeAndDependsOnlyOnKeyAndParts() {
    qt().withExamples(500)
        .forAll(SourceDSL.longs().all(), SourceDSL.integers().between(1, 1000))
        .check((key, parts) -> {
          int p = DealEventFolder.partitionOf(key, parts);
          return p >= 0 && p < parts
              && p == DealEventFolder.partitionOf(key, parts)
              && DealEventFolder.partitionOf(key, 1) == 0;
        });
  }

  @Test
  void mergeIsAssociative() {
    qt().withExamples(200)
        .forAll(events(), events(), events())
        .check((a, b, c) -> {
          DealEventFolder left = folded(a).merge(folded(b)).merge(folded(c));
          DealEventFolder right = folded(a).merge(folded(b).merge(folded(c)));
          return emitted(left).equals(emitted(right));
        });
  }

  @Test
  void groupedFolderEqualsHashFolderOnGroupedInput() {
    qt().withExamples(300)
        .forAll(events())
        .check(es -> {
          List<Event> g = grouped(es);
          return groupedFold(g).equals(emitted(folded(g)));
        });
  }

  @Test
  void groupedAddAllInPiecesEqualsAddingEveryEventOneByOne() {
    qt().withExamples(300)
        .forAll(events(), SourceDSL.integers().between(0, 1 << 16),
            SourceDSL.integers().between(0, 1 << 16))
        .check((es, x, y) -> {
          // any input order (a key may recur after another deal) and two cut points, so that
          // runs continue across calls
          int cut1 = Math.min(x, y) % (es.size() + 1);
          int cut2 = Math.max(cut1, Math.max(x, y) % (es.size() + 1));
          List<FoldedDeal> bulk = new ArrayList<>();
          GroupedEventFolder folder =
              new GroupedEventFolder((g, st, o, r, b) -> bulk.add(new FoldedDeal(g, st, o, r, b)));
          EventColumns columns = EventFolderGenerators.columns(es);
          folder.addAll(columns, 0, cut1);
          folder.addAll(columns, cut1, cut2);
          folder.addAll(columns, cut2, es.size());
          folder.finish();
          List<FoldedDeal> single = new ArrayList<>();
          GroupedEventFolder one =
              new GroupedEventFolder((g, st, o, r, b) -> single.add(new FoldedDeal(g, st, o, r, b)));
          for (Event e : es) {
            one.add(e.key(), e.group(), e.stage(), e.outcome(), e.reason(), e.budget());
          }
          one.finish();
          return bulk.equals(single); // same deals in the same (input) order
        });
  }

  @Test
  void foldingIsOrderIndependent() {
    qt().withExamples(300)
        .forAll(events(), SourceDSL.longs().all())
        .check((es, seed) -> {
          List<Event> shuffled = new ArrayList<>(es);
          Collections.shuffle(shuffled, new Random(seed));
          return emitted(folded(shuffled)).equals(emitted(folded(es)));
        });
  }

  private static DealEventFolder folded(List<Event> es) {
    DealEventFolder f = new DealEventFolder(0);
    feed(f, es);
    return f;
  }
}
