package io.clientyield.forecasting.horizon;

import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/** Generators of dated histories for the horizon forecast and the backtest. */
final class HorizonGenerators {
  static final Stages STAGES = Stages.of("lead", "deal");
  static final Currency USD = Money.currency("USD");
  static final LocalDate START = LocalDate.of(2020, 1, 1);

  private HorizonGenerators() {}

  /** A deal from a seed: dated visits, then open, won or lost (some undated). */
  static Deal deal(String id, SplittableRandom r, LocalDate from, int spanDays) {
    Deal.Builder b = Deal.builder().id(DealId.of(id))
        .manager(ManagerId.of(String.valueOf((char) ('a' + r.nextInt(3)))))
        .budget(Money.ofMinor(100_00 + r.nextInt(1_000_000), USD));
    if (r.nextInt(25) == 0) {
      return b.reachedStage("lead").build();
    }
    LocalDate first = from.plusDays(r.nextInt(spanDays));
    LocalDate last = first;
    b.addHistory(StageVisit.of("lead", first));
    if (r.nextBoolean()) {
      last = first.plusDays(r.nextInt(40));
      b.addHistory(StageVisit.of("deal", last)).reachedStage("deal");
    } else {
      b.reachedStage("lead");
    }
    int kind = r.nextInt(5);
    if (kind > 0) {
      b.outcome(kind <= 2 ? Outcome.won() : Outcome.clientRefused("price")).closedOn(last.plusDays(r.nextInt(90)));
    }
    return b.build();
  }

  /** A history of 30..150 deals entering over a year. */
  static Gen<List<Deal>> histories() {
    return integers().between(0, Integer.MAX_VALUE).map(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      int n = 30 + r.nextInt(121);
      List<Deal> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(deal("d" + i, r, START, 365));
      }
      return out;
    });
  }

  /** An origin 60..330 days after START. */
  static Gen<LocalDate> origins() {
    return integers().between(60, 330).map(START::plusDays);
  }

  static HorizonOptions options() {
    return HorizonOptions.of(STAGES, USD).withArrivalWindowDays(30).withCalibration(6, 14, 3).withMaturityDays(30)
        .withMonteCarlo(200, 7L).withGroups("manager", 5);
  }
}
