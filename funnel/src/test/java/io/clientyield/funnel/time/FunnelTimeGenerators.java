package io.clientyield.funnel.time;

import io.clientyield.funnel.internal.WorkingDayHistogram;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
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

  /**
   * Consistent inputs of {@link TimeInStageAccumulator#salesVelocity}: 0..1000 closed deals (often none), won among
   * them (sometimes none), won deals with a budget and won deals with a cycle each at most the
   * won deals, 0..1 000 000 open deals (often 0..2), a won budget of up to EUR 100 000 000.00
   * (zero without a won deal with a budget) and 0..500 cycle working days per won deal with a
   * cycle (sometimes zero in total).
   *
   * @return a generator
   */
  public static Gen<VelocityInputs> velocityInputs() {
    Gen<int[]> codes = Generate.intArrays(Generate.constant(7), integers().between(0, 1_000_000_000));
    return codes.zip(Generate.longRange(0, 10_000_000_000L), (c, budget) -> {
      long closed = c[6] % 10 == 0 ? 0 : c[0] % 1001;
      long won = c[6] % 10 == 1 ? 0 : c[1] % (closed + 1);
      long withBudget = c[2] % (won + 1);
      long cycleDeals = c[3] % (won + 1);
      long open = c[4] % 5 == 0 ? c[4] % 3 : c[4] % 1_000_001;
      long cycleDays = cycleDeals == 0 || c[5] % 7 == 0 ? 0 : c[5] % (cycleDeals * 500 + 1);
      return new VelocityInputs(open, won, closed, withBudget == 0 ? 0 : budget, withBudget,
          cycleDeals, cycleDays);
    });
  }

  /**
   * Inputs whose velocity is defined (closed, won with a budget and won with a cycle length all
   * positive), built directly rather than filtered, so that properties with extra arguments never
   * run out of examples.
   *
   * @return defined velocity inputs
   */
  public static Gen<VelocityInputs> definedVelocityInputs() {
    Gen<int[]> codes = Generate.intArrays(Generate.constant(6), integers().between(0, 1_000_000_000));
    return codes.zip(Generate.longRange(0, 10_000_000_000L), (c, budget) -> {
      long closed = 1 + c[0] % 1000;
      long won = 1 + c[1] % closed;
      long withBudget = 1 + c[2] % won;
      long cycleDeals = 1 + c[3] % won;
      long open = c[4] % 5 == 0 ? c[4] % 3 : c[4] % 1_000_001;
      long cycleDays = 1 + c[5] % (cycleDeals * 500);
      return new VelocityInputs(open, won, closed, budget, withBudget, cycleDeals, cycleDays);
    });
  }

  /**
   * The inputs of {@link TimeInStageAccumulator#salesVelocity}, with the won budget in euro cents.
   *
   * @param openDeals the open deals
   * @param won the won deals
   * @param closed the closed deals
   * @param wonBudgetMinor the won budget in cents
   * @param wonDealsWithBudget the won deals with a budget
   * @param wonCycleDeals the won deals with a cycle length
   * @param wonCycleWorkingDays their summed cycle lengths
   */
  public record VelocityInputs(long openDeals, long won, long closed, long wonBudgetMinor,
      long wonDealsWithBudget, long wonCycleDeals, long wonCycleWorkingDays) {

    /**
     * Computes the velocity.
     *
     * @return {@link TimeInStageAccumulator#salesVelocity} of these inputs
     */
    public SalesVelocity velocity() {
      return TimeInStageAccumulator.salesVelocity(openDeals, io.clientyield.core.Proportion.of(won, closed),
          Money.ofMinor(wonBudgetMinor, EUR), wonDealsWithBudget, wonCycleDeals, wonCycleWorkingDays);
    }

    /**
     * Whether the velocity is defined: closed deals, won deals with a budget and with a cycle,
     * and a cycle of more than zero working days.
     *
     * @return true if defined
     */
    public boolean isDefined() {
      return closed > 0 && wonDealsWithBudget > 0 && wonCycleDeals > 0 && wonCycleWorkingDays > 0;
    }

    /**
     * Replaces the open deals.
     *
     * @param n the open deals
     * @return the changed inputs
     */
    public VelocityInputs withOpenDeals(long n) {
      return new VelocityInputs(n, won, closed, wonBudgetMinor, wonDealsWithBudget, wonCycleDeals,
          wonCycleWorkingDays);
    }

    /**
     * Replaces the won deals (the closed deals stay).
     *
     * @param n the won deals, at least the won deals with a budget or a cycle
     * @return the changed inputs
     */
    public VelocityInputs withWon(long n) {
      return new VelocityInputs(openDeals, n, closed, wonBudgetMinor, wonDealsWithBudget,
          wonCycleDeals, wonCycleWorkingDays);
    }

    /**
     * Replaces the won budget (the won deals with a budget stay).
     *
     * @param minor the won budget in cents
     * @return the changed inputs
     */
    public VelocityInputs withWonBudgetMinor(long minor) {
      return new VelocityInputs(openDeals, won, closed, minor, wonDealsWithBudget, wonCycleDeals,
          wonCycleWorkingDays);
    }

    /**
     * Replaces the summed cycle working days (the won deals with a cycle stay).
     *
     * @param days the working days
     * @return the changed inputs
     */
    public VelocityInputs withWonCycleWorkingDays(long days) {
      return new VelocityInputs(openDeals, won, closed, wonBudgetMinor, wonDealsWithBudget,
          wonCycleDeals, days);
    }
  }
}
