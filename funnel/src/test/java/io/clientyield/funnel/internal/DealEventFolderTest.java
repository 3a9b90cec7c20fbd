package io.clientyield.funnel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.internal.EventFolderGenerators.FoldedDeal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealEventFolderTest {
  private static final int WON = Outcome.Kind.WON.ordinal();
  private static final int REFUSED = Outcome.Kind.CLIENT_REFUSED.ordinal();
  /** Allowed relative deviation of a part's size from an even share (about 15 sigma here). */
  private static final double BALANCE = 0.05;

  @Test
  void foldsEventsOfOneDealIntoFurthestStageTerminalOutcomeAndBudget() {
    DealEventFolder f = new DealEventFolder();
    f.add(7L, 3, 1, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET);
    f.add(7L, 3, 4, REFUSED, 2, 50_000L);
    f.add(7L, 3, 2, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET);
    f.add(8L, 1, 0, DealSink.OPEN, 5, DealSink.NO_BUDGET);
    assertThat(f.dealCount()).isEqualTo(2);
    assertThat(EventFolderGenerators.emitted(f))
        .containsExactly(
            new FoldedDeal(1, 0, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET),
            new FoldedDeal(3, 4, REFUSED, 2, 50_000L));
  }

  @Test
  void conflictingTerminalOutcomesResolveToTheHighestStage() {
    DealEventFolder a = new DealEventFolder();
    a.add(1L, 0, 5, WON, DealSink.NO_REASON, 100L);
    DealEventFolder b = new DealEventFolder();
    b.add(1L, 0, 3, REFUSED, 4, 200L);
    assertThat(EventFolderGenerators.emitted(b.merge(a)))
        .containsExactly(new FoldedDeal(0, 5, WON, DealSink.NO_REASON, 200L));
  }

  @Test
  void partitionsAreBalancedForSequentialScatteredAndStridedKeys() {
    int keys = 120_000;
    long[][] patterns = new long[3][keys];
    for (int i = 0; i < keys; i++) {
      patterns[0][i] = i;
      patterns[1][i] = i * 0x9E3779B97F4A7C15L;
      patterns[2][i] = (long) i << 20;
    }
    for (int parts : new int[] {2, 3, 8}) {
      for (long[] pattern : patterns) {
        int[] sizes = new int[parts];
        for (long k : pattern) {
          sizes[DealEventFolder.partitionOf(k, parts)]++;
        }
        double share = (double) keys / parts;
        for (int size : sizes) {
          assertThat(size).isBetween((int) (share * (1 - BALANCE)), (int) (share * (1 + BALANCE)));
        }
      }
    }
  }

  @Test
  void partitionOfRejectsFewerThanOnePart() {
    assertThat(DealEventFolder.partitionOf(Long.MIN_VALUE, 1)).isZero();
    assertThatThrownBy(() -> DealEventFolder.partitionOf(1L, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("parts");
    assertThatThrownBy(() -> DealEventFolder.partitionOf(1L, -2))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("parts");
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    DealEventFolder f = new DealEventFolder(0);
    for (long k = 0; k < 10_000; k++) {
      f.add(k * 31, (int) (k % 7), 1, DealSink.OPEN, DealSink.NO_REASON, k);
      f.add(k * 31, (int) (k % 7), 2, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET);
    }
    assertThat(f.dealCount()).isEqualTo(10_000);
    long[] budgetSum = {0};
    f.emitTo((g, s, o, r, b) -> budgetSum[0] += b + s);
    assertThat(budgetSum[0]).isEqualTo(9_999L * 10_000 / 2 + 2L * 10_000);
  }

  @Test
  void groupedFolderEmitsOnKeyChangeAndFinish() {
    List<FoldedDeal> out = new ArrayList<>();
    GroupedEventFolder g =
        new GroupedEventFolder((gr, s, o, r, b) -> out.add(new FoldedDeal(gr, s, o, r, b)));
    g.add(1L, 0, 1, DealSink.OPEN, DealSink.NO_REASON, 10L);
    g.add(1L, 0, 3, WON, DealSink.NO_REASON, DealSink.NO_BUDGET);
    assertThat(out).isEmpty();
    g.add(2L, 1, 0, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET);
    assertThat(out).containsExactly(new FoldedDeal(0, 3, WON, DealSink.NO_REASON, 10L));
    g.finish();
    g.finish();
    assertThat(out).hasSize(2);
  }

  @Test
  void rejectsOutOfRangeCodesWithoutChangingState() {
    DealEventFolder f = new DealEventFolder();
    assertThatThrownBy(() -> f.add(1L, -1, 0, DealSink.OPEN, DealSink.NO_REASON, 0L))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("group");
    assertThatThrownBy(() -> f.add(1L, 0, 0, 4, DealSink.NO_REASON, 0L))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("outcome");
    assertThatThrownBy(() -> f.add(1L, 0, 0, DealSink.OPEN, -2, 0L))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> f.add(1L, 0, 0, DealSink.OPEN, DealSink.NO_REASON, -5L))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("budgetMinor");
    assertThat(f.dealCount()).isZero();
  }

  @Test
  void addAllValidatesEveryEventBeforeFoldingAny() {
    DealEventFolder f = new DealEventFolder();
    f.add(7L, 0, 1, DealSink.OPEN, DealSink.NO_REASON, 10L);
    EventColumns bad = EventColumns.of(new long[] {1, 2, 3}, new int[] {0, 0, 0},
        new int[] {0, 1, 2}, new int[] {DealSink.OPEN, DealSink.OPEN, 5},
        new int[] {DealSink.NO_REASON, DealSink.NO_REASON, DealSink.NO_REASON},
        new long[] {1, 2, 3});
    assertThatThrownBy(() -> f.addAll(bad, 0, 3))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("events[2]")
        .hasMessageContaining("outcome=5");
    assertThat(f.dealCount()).isEqualTo(1);
    f.addAll(bad, 0, 2);
    assertThat(f.dealCount()).isEqualTo(3);
  }

  @Test
  void groupedAddAllValidatesEveryEventBeforeFoldingOrEmittingAny() {
    List<FoldedDeal> out = new ArrayList<>();
    GroupedEventFolder f = new GroupedEventFolder((g, s, o, r, b) -> out.add(new FoldedDeal(g, s, o, r, b)));
    f.add(1L, 0, 0, DealSink.OPEN, DealSink.NO_REASON, 5L);
    // each column has its own bad value once, so the one-pass check must see every rule
    long[] keys = {1, 2, 3};
    int[] ok = {0, 0, 0};
    int[] open = {DealSink.OPEN, DealSink.OPEN, DealSink.OPEN};
    int[] none = {DealSink.NO_REASON, DealSink.NO_REASON, DealSink.NO_REASON};
    long[] budgets = {1, 2, 3};
    List<EventColumns> bad = List.of(
        EventColumns.of(keys, new int[] {0, -1, 0}, ok, open, none, budgets),
        EventColumns.of(keys, ok, new int[] {0, 0, -2}, open, none, budgets),
        EventColumns.of(keys, ok, ok, new int[] {DealSink.OPEN, 4, DealSink.OPEN}, none, budgets),
        EventColumns.of(keys, ok, ok, new int[] {DealSink.OPEN, -2, DealSink.OPEN}, none, budgets),
        EventColumns.of(keys, ok, ok, open, new int[] {-1, -2, -1}, budgets),
        EventColumns.of(keys, ok, ok, open, new int[] {-1, -1, Integer.MAX_VALUE}, budgets),
        EventColumns.of(keys, ok, ok, open, none, new long[] {1, -1, 3}));
    for (EventColumns columns : bad) {
      assertThatThrownBy(() -> f.addAll(columns, 0, 3))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("events[");
    }
    assertThat(out).isEmpty(); // deal 1 is still pending, nothing was emitted
    f.addAll(EventColumns.of(keys, ok, new int[] {2, 1, 0}, open, none, budgets), 0, 3);
    f.finish();
    // deal 1 continued from add(): stage max(0, 2) = 2, budget max(5, 1) = 5
    assertThat(out).containsExactly(
        new FoldedDeal(0, 2, DealSink.OPEN, DealSink.NO_REASON, 5L),
        new FoldedDeal(0, 1, DealSink.OPEN, DealSink.NO_REASON, 2L),
        new FoldedDeal(0, 0, DealSink.OPEN, DealSink.NO_REASON, 3L));
  }

  @Test
  void addAllRejectsABadRangeOrPartNamingTheField() {
    DealEventFolder f = new DealEventFolder();
    EventColumns one = EventColumns.of(new long[] {1}, new int[] {0}, new int[] {0},
        new int[] {DealSink.OPEN}, new int[] {DealSink.NO_REASON}, new long[] {1});
    assertThatThrownBy(() -> f.addAll(one, 0, 2)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("to");
    assertThatThrownBy(() -> f.addAll(one, 1, 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(() -> f.addAll(one, 0, 1, 2, 2)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("part");
    assertThatThrownBy(() -> f.addAll(one, 0, 1, 0, 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("parts");
    assertThat(f.dealCount()).isZero();
  }

  @Test
  void eventColumnsMustShareOneLength() {
    assertThatThrownBy(() -> EventColumns.of(new long[2], new int[2], new int[1], new int[2],
        new int[2], new long[3]))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("stageIndexes.length")
        .hasMessageContaining("budgetsMinor.length");
    assertThatThrownBy(() -> EventColumns.of(null, new int[0], new int[0], new int[0],
        new int[0], new long[0]))
        .isInstanceOf(ValidationException.class).hasMessageContaining("dealKeys");
  }

  @Test
  void mergingAFolderWithItselfIsRejected() {
    DealEventFolder f = new DealEventFolder();
    f.add(1L, 0, 0, DealSink.OPEN, DealSink.NO_REASON, 1L);
    assertThatThrownBy(() -> f.merge(f)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("other");
    assertThat(f.dealCount()).isEqualTo(1);
  }

  @Test
  void reasonIndexesStopOneBelowIntegerMax() {
    DealEventFolder f = new DealEventFolder();
    f.add(1L, Integer.MAX_VALUE, EventFoldRules.MAX_STAGE, DealSink.MAX_OUTCOME, Integer.MAX_VALUE - 1,
        Long.MAX_VALUE);
    assertThatThrownBy(() -> f.add(2L, 0, 0, 1, Integer.MAX_VALUE, 0L))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
    List<FoldedDeal> out = new ArrayList<>();
    f.emitTo((g, s, o, r, b) -> out.add(new FoldedDeal(g, s, o, r, b)));
    assertThat(out).containsExactly(new FoldedDeal(
        Integer.MAX_VALUE, EventFoldRules.MAX_STAGE, DealSink.MAX_OUTCOME, Integer.MAX_VALUE - 1,
        Long.MAX_VALUE));
    assertThatThrownBy(() -> f.add(3L, 0, EventFoldRules.MAX_STAGE + 1, DealSink.OPEN,
        DealSink.NO_REASON, 0L)).isInstanceOf(ValidationException.class)
        .hasMessage("stageIndex (1073741824) must be within [0, 1073741823]");
  }
}
