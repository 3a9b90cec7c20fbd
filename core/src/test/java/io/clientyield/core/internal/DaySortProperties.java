package io.clientyield.core.internal;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaySortProperties {

  @Test
  void orderIsAStableSortByDayWhateverTheSpan() {
    qt().forAll(lists().of(integers().between(-40, 40)).ofSizeBetween(0, 80), integers().between(0, 2))
        .check((offsets, spread) -> {
          // spread 2: days far apart (more than 2^31), so the comparator path runs
          long scale = spread == 0 ? 1 : spread == 1 ? 1_000 : 100_000_000_000L;
          long[] days = offsets.stream().mapToLong(o -> o * scale).toArray();
          int[] items = new int[days.length];
          for (int i = 0; i < items.length; i++) {
            items[i] = i;
          }
          int[] got = DaySort.order(items, i -> days[i]);
          List<Integer> expected = new ArrayList<>();
          for (int i : items) {
            expected.add(i);
          }
          expected.sort(Comparator.comparingLong(i -> days[i])); // List.sort is stable
          List<Integer> actual = new ArrayList<>();
          for (int i : got) {
            actual.add(i);
          }
          return actual.equals(expected);
        });
  }

  @Test
  void upToCountsTheDaysAtMostX() {
    qt().forAll(lists().of(longs().between(-50, 50)).ofSizeBetween(0, 60), longs().between(-60, 60))
        .check((list, x) -> {
          long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
          return DaySort.upTo(sorted, x) == list.stream().filter(d -> d <= x).count();
        });
  }
}
