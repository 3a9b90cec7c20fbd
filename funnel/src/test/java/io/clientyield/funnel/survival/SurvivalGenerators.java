package io.clientyield.funnel.survival;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import java.time.LocalDate;
import java.util.List;
import org.quicktheories.core.Gen;

/** Generators of dated deals for the survival estimates. */
final class SurvivalGenerators {
  static final Stages STAGES = Stages.of("lead", "deal");
  static final LocalDate START = LocalDate.of(2020, 1, 1);

  private SurvivalGenerators() {}

  /**
   * A deal: first visit 0..200 days after START, maybe a second stage 0..60 days later, then open,
   * won or lost 0..120 days after the last visit; some undated; manager a, b or c.
   */
  static Gen<Deal> deals() {
    return integers().between(0, Integer.MAX_VALUE).map(SurvivalGenerators::deal);
  }

  static Deal deal(int seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    Deal.Builder b = Deal.builder().id(DealId.of("d" + seed))
        .manager(ManagerId.of(String.valueOf((char) ('a' + r.nextInt(3)))))
        .budget(Money.ofMinor(r.nextInt(1_000_000), Money.currency("USD")));
    if (seed % 4 != 0) {
      b.putAttribute("office", "o" + seed % 3);
    }
    if (r.nextInt(20) == 0) {
      return b.reachedStage("lead").build();
    }
    LocalDate first = START.plusDays(r.nextInt(201));
    LocalDate last = first;
    b.addHistory(StageVisit.of("lead", first));
    if (r.nextBoolean()) {
      last = first.plusDays(r.nextInt(61));
      b.addHistory(StageVisit.of("deal", last)).reachedStage("deal");
    } else {
      b.reachedStage("lead");
    }
    int kind = r.nextInt(3);
    if (kind > 0) {
      b.outcome(kind == 1 ? Outcome.won() : Outcome.clientRefused("price"))
          .closedOn(last.plusDays(r.nextInt(121)));
    }
    return b.build();
  }

  static Gen<List<Deal>> dealLists() {
    return lists().of(deals()).ofSizeBetween(0, 60);
  }

  static Gen<LocalDate> asOfs() {
    return integers().between(0, 450).map(START::plusDays);
  }
}
