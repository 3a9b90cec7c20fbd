package io.clientyield.funnel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

/** Issue 18: the folder's documented maximum is reachable, allocated lazily and capped. */
class DealEventFolderBoundsTest {

  @Test
  void theLargestHintAllocatesLittleUpFront() {
    DealEventFolder f = new DealEventFolder(DealEventFolder.MAX_DEALS);
    assertThat(f.capacity()).isEqualTo(1 << 20); // 32 MiB, not the 8 GiB of 2^28 slots
    assertThat(new DealEventFolder(1000).capacity()).isEqualTo(2048);
    assertThatThrownBy(() -> new DealEventFolder(1 << 28)).isInstanceOf(ValidationException.class)
        .hasMessage("expectedDeals (268435456) must be within [0, 134217728]");
  }

  @Test
  void theTableGrowsBeyondItsHint() {
    DealEventFolder f = new DealEventFolder(0);
    for (long k = 0; k < 10_000; k++) {
      f.add(k, 0, 1, DealSink.OPEN, DealSink.NO_REASON, DealSink.NO_BUDGET);
    }
    assertThat(f.dealCount()).isEqualTo(10_000);
    assertThat(f.capacity()).isEqualTo(1 << 15);
  }

  @Test
  void aNewDealBeyondTheCapIsRejectedAndNothingChanges() {
    DealEventFolder f = new DealEventFolder(0, 3);
    for (long k = 0; k < 3; k++) {
      f.add(k, 0, 1, DealSink.OPEN, DealSink.NO_REASON, 10L);
    }
    f.add(2, 0, 2, DealSink.OPEN, DealSink.NO_REASON, 10L); // an existing deal still folds
    assertThatThrownBy(() -> f.add(3, 0, 1, DealSink.OPEN, DealSink.NO_REASON, 10L))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dealCount (4) must be <= 3 distinct deals per folder (its cap)");
    assertThat(f.dealCount()).isEqualTo(3);
    DealEventFolder other = new DealEventFolder();
    other.add(9, 0, 0, DealSink.OPEN, DealSink.NO_REASON, 1L);
    assertThatThrownBy(() -> f.merge(other)).isInstanceOf(ValidationException.class);
    assertThat(f.dealCount()).isEqualTo(3);
  }

  @Test
  void lostPartyUnknownPacksAndWinsTiesByOrdinal() {
    DealEventFolder f = new DealEventFolder();
    f.add(1, 0, 2, 2, 0, 5L); // WE_DECLINED at stage 2
    f.add(1, 0, 2, DealSink.MAX_OUTCOME, DealSink.NO_REASON, 5L); // LOST_UNKNOWN at stage 2
    int[] seen = new int[5];
    f.emitTo((g, s, o, r, b) -> {
      seen[0] = g;
      seen[1] = s;
      seen[2] = o;
      seen[3] = r;
    });
    assertThat(seen[2]).isEqualTo(3);
    assertThat(seen[3]).isEqualTo(DealSink.NO_REASON);
  }
}
