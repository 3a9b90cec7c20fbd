package io.clientyield.funnel.time;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageVisit;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.probability.StageProbabilities;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the stage-probability and time-in-stage properties (packages
 * {@code io.clientyield.funnel.probability} and {@code io.clientyield.funnel.time}).
 */
public final class FunnelTimeGenerators {
  private FunnelTimeGenerators() {}

  /** Euro. */
  public static final Currency EUR = Currency.getInstance("EUR");
  /** Five stages. */
  public static final Stages STAGES = Stages.of("contact", "qualified", "proposal", "negotiation", "signed");
  /** The earliest first-history date generated. */
  public static final LocalDate START = LocalDate.of(2026, 1, 1);
  /** A day after every generated history and close date. */
  public static final LocalDate AS_OF = LocalDate.of(2027, 6, 30);

  /**
   * Deals over {@link #STAGES}: open, won, refused or declined, with or without budget (EUR up to
   * 1 000 000.00), with or without a dated history (gaps of 0..30 calendar days, first date in
   * 2026), closed deals with a history mostly with a close date.
   *
   * @return a generator
   */
  public static Gen<Deal> deals() {
    Gen<int[]> codes = Generate.intArrays(Generate.constant(10), integers().between(0, 1_000_000));
    Gen<Long> budgets = Generate.longRange(0, 100_000_000L);
    return codes.zip(budgets, FunnelTimeGenerators::deal);
  }

  private static Deal deal(int[] c, long budgetMinor) {
    int reached = c[0] % STAGES.size();
    int kind = c[1] % 4; // 0 open, 1 won, 2 refused, 3 declined
    boolean withBudget = c[2] % 5 != 0;
    boolean withHistory = c[3] % 4 != 0;
    boolean withClose = c[4] % 6 != 0;
    Deal.Builder b = Deal.builder()
        .id(DealId.of("D-" + c[9]))
        .reachedStage(STAGES.id(reached));
    if (withBudget) {
      b.budget(Money.ofMinor(budgetMinor, EUR));
    }
    LocalDate day = START.plusDays(c[5] % 365);
    if (withHistory) {
      for (int s = 0; s <= reached; s++) {
        if (s > 0) {
          day = day.plusDays((c[6] >> (s * 3)) % 31);
        }
        b.addHistory(StageVisit.of(STAGES.id(s), day));
      }
    }
    if (kind == 1) {
      b.outcome(Outcome.won());
    } else if (kind == 2) {
      b.outcome(Outcome.clientRefused(c[7] % 2 == 0 ? "price" : "timing"));
    } else if (kind == 3) {
      b.outcome(Outcome.weDeclined("fit"));
    }
    if (kind != 0 && withClose) {
      b.closedOn(day.plusDays(c[8] % 40));
    }
    return b.build();
  }

  /**
   * Lists of 0..40 deals.
   *
   * @return a generator
   */
  public static Gen<List<Deal>> dealLists() {
    return lists().of(deals()).ofSizeBetween(0, 40);
  }

  /**
   * Configured probability tables over {@link #STAGES} with probabilities in hundredths.
   *
   * @return a generator
   */
  public static Gen<StageProbabilities> probabilityTables() {
    return Generate.intArrays(Generate.constant(STAGES.size()), integers().between(0, 100))
        .map(a -> {
          double[] p = new double[a.length];
          for (int i = 0; i < a.length; i++) {
            p[i] = a[i] / 100.0;
          }
          return StageProbabilities.configured(STAGES, p);
        });
  }

  /**
   * One duration in whole working days: mostly 0..200, sometimes anywhere up to
   * {@link WorkingDayHistogram#MAX_DAYS} (so that histograms span several pages, far apart).
   *
   * @return a generator
   */
  public static Gen<Long> duration() {
    return Generate.oneOf(Generate.longRange(0, 10), Generate.longRange(0, 200),
        Generate.longRange(0, 200), Generate.longRange(0, 5000),
        Generate.longRange(WorkingDayHistogram.MAX_DAYS - 3, WorkingDayHistogram.MAX_DAYS),
        Generate.longRange(0, WorkingDayHistogram.MAX_DAYS));
  }

  /**
   * Durations (see {@link #duration()}), 0..60 of them.
   *
   * @return a generator
   */
  public static Gen<List<Long>> durations() {
    return lists().of(duration()).ofSizeBetween(0, 60);
  }

  /**
   * Non-empty lists of durations (see {@link #duration()}).
   *
   * @return a generator
   */
  public static Gen<List<Long>> nonEmptyDurations() {
    return lists().of(duration()).ofSizeBetween(1, 60);
  }

  /**
   * Splits a list at a position derived from {@code k}.
   *
   * @param list the list
   * @param k any non-negative number
   * @return the split index in {@code [0, size]}
   */
  public static int splitAt(List<?> list, int k) {
    return list.isEmpty() ? 0 : k % (list.size() + 1);
  }

  /**
   * Split positions (any non-negative int).
   *
   * @return a generator
   */
  public static Gen<Integer> splits() {
    return integers().between(0, 10_000);
  }
}
