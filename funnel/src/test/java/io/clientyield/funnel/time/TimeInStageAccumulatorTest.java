package io.clientyield.funnel.time;

import io.clientyield.funnel.time.TimeInStage.OverdueDeal;
import io.clientyield.funnel.time.TimeInStage.StageTime;
import io.clientyield.funnel.internal.WorkingDayHistogram;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeInStageAccumulatorTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Stages STAGES = Stages.of("contact", "proposal", "negotiation");
  private static final StageNorms NORMS =
      StageNorms.of(STAGES, Map.of("contact", 3L, "proposal", 5L, "negotiation", 10L));
  /** Monday to Friday; Christmas (Friday 2026-12-25) and New Year (Friday 2027-01-01) off. */
  private static final BusinessCalendar CALENDAR = BusinessCalendar.of(
      List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
      List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
  private static final LocalDate AS_OF = LocalDate.of(2027, 1, 8);

  private static LocalDate dec(int day) {
    return LocalDate.of(2026, 12, day);
  }

  /** Won: contact Tue 1 Dec (3 days), proposal Fri 4 Dec (6, overdue), negotiation Mon 14 Dec (4), closed Fri 18 Dec. */
  private static final Deal A = Deal.builder().id(DealId.of("A")).budget(Money.of("10000.00", "EUR"))
      .reachedStage("negotiation")
      .addHistory(StageVisit.of("contact", dec(1)), StageVisit.of("proposal", dec(4)),
          StageVisit.of("negotiation", dec(14)))
      .outcome(Outcome.won()).closedOn(dec(18)).build();
  /** Refused: contact Fri 18 Dec to Mon 28 Dec across a weekend and Christmas (5, overdue), proposal 1 day. */
  private static final Deal B = Deal.builder().id(DealId.of("B")).budget(Money.of("5000.00", "EUR"))
      .reachedStage("proposal")
      .addHistory(StageVisit.of("contact", dec(18)), StageVisit.of("proposal", dec(28)))
      .outcome(Outcome.clientRefused("price")).closedOn(dec(29)).build();
  /** Open: contact Mon 21 Dec (1 day), proposal since Tue 22 Dec: 11 working days by Fri 8 Jan. */
  private static final Deal C = Deal.builder().id(DealId.of("C")).budget(Money.of("8000.00", "EUR"))
      .reachedStage("proposal")
      .addHistory(StageVisit.of("contact", dec(21)), StageVisit.of("proposal", dec(22))).build();
  /** Open, no budget: contact since Thu 7 Jan, 1 day. */
  private static final Deal D = Deal.builder().id(DealId.of("D")).reachedStage("contact")
      .addHistory(StageVisit.of("contact", LocalDate.of(2027, 1, 7))).build();
  /** Won without history. */
  private static final Deal E = Deal.builder().id(DealId.of("E")).budget(Money.of("20000.00", "EUR"))
      .reachedStage("negotiation").outcome(Outcome.won()).build();
  /** Refused with a history but no close date. */
  private static final Deal F = Deal.builder().id(DealId.of("F")).reachedStage("contact")
      .addHistory(StageVisit.of("contact", dec(1))).outcome(Outcome.clientRefused("timing")).build();

  private static TimeInStageAccumulator accumulator() {
    return new TimeInStageAccumulator(NORMS, CALENDAR, AS_OF, EUR);
  }

  private static TimeInStage all() {
    TimeInStageAccumulator acc = accumulator();
    List.of(A, B, C, D, E, F).forEach(acc::add);
    return acc.result();
  }

  @Test
  void kaplanMeierCensorsTheOpenDealsBesideTheClosedOnlyFigures() {
    TimeInStage t = all();
    StageTime proposal = t.stages().get(1);
    // closed-only: stays of 6 (A) and 1 (B) give median 1, P90 6
    assertThat(proposal.completed().median()).hasValue(1);
    assertThat(proposal.completed().p90()).hasValue(6);
    // C has been in the proposal 11 days and is still there: censored, S(1) = 2/3, S(6) = 1/3
    assertThat(proposal.kaplanMeier().finished()).isEqualTo(2);
    assertThat(proposal.kaplanMeier().censored()).isEqualTo(1);
    assertThat(proposal.kaplanMeier().median().age()).hasValue(6);
    assertThat(proposal.kaplanMeier().p90().age()).isEmpty(); // the curve never falls to 0.1
    // cycles: won 13 (A), lost 6 (B); open so far 12 (C) and 1 (D): S(6) = 2/3, S(13) = 0
    assertThat(t.cycleKaplanMeier().finished()).isEqualTo(2);
    assertThat(t.cycleKaplanMeier().censored()).isEqualTo(2);
    assertThat(t.cycleKaplanMeier().median().age()).hasValue(13);
    assertThat(t.cycleKaplanMeier().p90().age()).hasValue(13);
  }

  @Test
  void withoutCensoringKaplanMeierPercentilesAreTheNearestRankOnes() {
    WorkingDayHistogram finished = WorkingDayHistogram.of(1, 2, 3, 4, 10);
    TimeInStage.CensoredDurations km = TimeInStageAccumulator.censored(finished, new WorkingDayHistogram());
    assertThat(km.median().age()).isEqualTo(finished.median());
    assertThat(km.p90().age()).isEqualTo(finished.p90());
    // two deals still running at 10 days: the median moves up, the P90 is not reached yet
    TimeInStage.CensoredDurations censored =
        TimeInStageAccumulator.censored(WorkingDayHistogram.of(1, 2, 3), WorkingDayHistogram.of(10, 10));
    assertThat(WorkingDayHistogram.of(1, 2, 3).median()).hasValue(2);
    assertThat(censored.median().age()).hasValue(3);
    assertThat(censored.p90().age()).isEmpty();
  }

  @Test
  void workingDaysAcrossAWeekendAndAHoliday() {
    assertThat(CALENDAR.workingDaysBetween(dec(18), dec(28))).isEqualTo(5); // 21, 22, 23, 24, 28
    assertThat(CALENDAR.workingDaysBetween(dec(22), AS_OF)).isEqualTo(11);
    assertThat(CALENDAR.workingDaysBetween(dec(1), dec(18))).isEqualTo(13);
  }

  @Test
  void perStageStatisticsComputedByHand() {
    TimeInStage t = all();
    StageTime contact = t.stages().get(0);
    // A 3, B 5, C 1 -> 1, 3, 5
    assertThat(contact.completed()).isEqualTo(TimeInStageAccumulator.stats(WorkingDayHistogram.of(1, 3, 5)));
    assertThat(contact.completed().median()).hasValue(3);
    assertThat(contact.completed().p90()).hasValue(5);
    assertThat(contact.completed().mean()).hasValue(3.0);
    assertThat(contact.norm()).hasValue(3);
    assertThat(contact.overdue()).isEqualTo(1);
    assertThat(contact.ongoing()).isEqualTo(1);
    assertThat(contact.ongoingOverdue()).isZero();
    StageTime proposal = t.stages().get(1);
    // A 6, B 1 -> median (rank 1) 1, P90 (rank 2) 6
    assertThat(proposal.completed().count()).isEqualTo(2);
    assertThat(proposal.completed().median()).hasValue(1);
    assertThat(proposal.completed().p90()).hasValue(6);
    assertThat(proposal.completed().mean()).hasValue(3.5);
    assertThat(proposal.completed().max()).hasValue(6);
    assertThat(proposal.overdue()).isEqualTo(1);
    assertThat(proposal.ongoing()).isEqualTo(1);
    assertThat(proposal.ongoingOverdue()).isEqualTo(1);
    StageTime negotiation = t.stages().get(2);
    assertThat(negotiation.completed().median()).hasValue(4);
    assertThat(negotiation.overdue()).isZero();
    assertThat(t.overdueOpenDeals()).containsExactly(new OverdueDeal(DealId.of("C"), "proposal", 11, 5));
    assertThat(t.overdueOpenDeals().get(0).excess()).isEqualTo(6);
    assertThat(t.dealsWithoutHistory()).isEqualTo(1);
    assertThat(t.closedWithoutCloseDate()).isEqualTo(1);
  }

  @Test
  void cycleLengthsAndVelocityComputedByHand() {
    TimeInStage t = all();
    assertThat(t.wonCycle()).isEqualTo(TimeInStageAccumulator.stats(WorkingDayHistogram.of(13)));
    assertThat(t.lostCycle()).isEqualTo(TimeInStageAccumulator.stats(WorkingDayHistogram.of(6)));
    SalesVelocity v = t.velocity();
    // open C, D; closed A, B, E, F; won A, E with 30 000.00; won cycle A 13 days:
    // 2 × 2/4 × 15 000.00 / 13 = 1 153.846... -> 1 153.85 per working day
    assertThat(v.openDeals()).isEqualTo(2);
    assertThat(v.winRate()).isEqualTo(Proportion.of(2, 4));
    assertThat(v.averageWonBudget()).contains(Money.of("15000.00", "EUR"));
    assertThat(v.averageWonCycleWorkingDays()).hasValue(13.0);
    assertThat(v.perWorkingDay()).contains(Money.of("1153.85", "EUR"));
  }

  @Test
  void mergeOfPartsEqualsTheWhole() {
    TimeInStageAccumulator left = accumulator().add(F).add(C).add(A);
    TimeInStageAccumulator right = accumulator().add(E).add(D).add(B);
    assertThat(left.merge(right).result()).isEqualTo(all());
  }

  @Test
  void staticFactoryEqualsTheAccumulatorLoop() {
    assertThat(TimeInStageAccumulator.timeInStage(List.of(A, B, C, D, E, F), NORMS, CALENDAR, AS_OF, EUR)).isEqualTo(all());
  }

  @Test
  void aStageVisitedTwiceGivesTwoStays() {
    Deal loop = Deal.builder().id(DealId.of("L")).reachedStage("proposal")
        .addHistory(StageVisit.of("contact", dec(1)), StageVisit.of("proposal", dec(2)),
            StageVisit.of("contact", dec(3)), StageVisit.of("proposal", dec(4)))
        .outcome(Outcome.won()).closedOn(dec(7)).build();
    TimeInStage t = accumulator().add(loop).result();
    assertThat(t.stages().get(0).completed().count()).isEqualTo(2);
    assertThat(t.stages().get(1).completed()).isEqualTo(TimeInStageAccumulator.stats(WorkingDayHistogram.of(1, 1)));
  }

  @Test
  void rejectsBadDealsBeforeChangingAnything() {
    TimeInStageAccumulator acc = accumulator();
    Deal unknown = Deal.builder().id(DealId.of("X")).reachedStage("won")
        .addHistory(StageVisit.of("won", dec(1))).build();
    assertThatThrownBy(() -> acc.add(unknown)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("deal.history[0].stage (won) must be one of the stages [contact, proposal, negotiation] (deal X)");
    Deal future = Deal.builder().id(DealId.of("Y")).reachedStage("contact")
        .addHistory(StageVisit.of("contact", AS_OF.plusDays(1))).budget(Money.of("1.00", "USD")).build();
    assertThatThrownBy(() -> acc.add(future)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2))
        .hasMessageContaining("must not be before the last history date of open deal Y (2027-01-09)")
        .hasMessageContaining("deal.budget.currency (USD) must equal EUR (deal Y)");
    // a close date before the last stage entry never reaches the accumulator: Deal rejects it
    assertThatThrownBy(() -> Deal.builder().id(DealId.of("Z")).reachedStage("proposal")
        .addHistory(StageVisit.of("contact", dec(1)), StageVisit.of("proposal", dec(10)))
        .outcome(Outcome.won()).closedOn(dec(5)).build()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("closedOn (2026-12-05) must not be before the last history date (2026-12-10)");
    assertThat(acc.result()).isEqualTo(accumulator().result());
  }

  @Test
  void rejectsMergingDifferentSettings() {
    TimeInStageAccumulator other = new TimeInStageAccumulator(StageNorms.none(STAGES),
        BusinessCalendar.MONDAY_TO_FRIDAY, AS_OF.plusDays(1), Currency.getInstance("USD"));
    assertThatThrownBy(() -> accumulator().merge(other)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(4));
  }

  @Test
  void emptyResult() {
    TimeInStage t = accumulator().result();
    assertThat(t.stages()).allSatisfy(s -> assertThat(s.completed().median()).isEmpty());
    assertThat(t.velocity().perWorkingDay()).isEmpty();
    assertJsonRoundTrip(t, TimeInStage.class);
  }

  @Test
  void roundTripsThroughJson() {
    String json = assertJsonRoundTrip(all(), TimeInStage.class);
    assertThat(json).contains("\"overdueOpenDeals\":[{\"deal\":\"C\",\"stage\":\"proposal\",\"days\":11,\"norm\":5}]");
  }

  /** Self-merges until a merge is rejected; returns that exception, checking nothing changed. */
  private static ValidationException mergeUntilRejected(TimeInStageAccumulator acc) {
    for (int i = 0; i < 64; i++) {
      TimeInStage before = acc.result();
      try {
        acc.merge(acc);
      } catch (RuntimeException e) {
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(acc.result()).isEqualTo(before);
        return (ValidationException) e;
      }
    }
    throw new AssertionError("64 self-merges were accepted");
  }

  @Test
  void aMergeBeyondALongOfDealsIsNamedAndChangesNothing() {
    TimeInStageAccumulator acc = new TimeInStageAccumulator(NORMS, CALENDAR, AS_OF, EUR);
    acc.add(Deal.builder().id(DealId.of("W")).reachedStage("contact").outcome(Outcome.won()).build());
    assertThat(mergeUntilRejected(acc))
        .hasMessageStartingWith("deals (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThat(acc.result().velocity().winRate()).isEqualTo(Proportion.of(1L << 62, 1L << 62));
  }

  @Test
  void aMergeBeyondALongOfWonBudgetIsNamedAndChangesNothing() {
    TimeInStageAccumulator acc = new TimeInStageAccumulator(NORMS, CALENDAR, AS_OF, EUR);
    acc.add(A);
    assertThat(mergeUntilRejected(acc)).hasMessageStartingWith("wonBudget (minor units)");
  }

  /**
   * Won without budget: stays of 3 (contact) and 10 (proposal) working days, cycle 13. The
   * proposal histogram's sum is the first to overflow; before the fix the contact histogram
   * had already been merged when that happened.
   */
  @Test
  void aMergeBeyondALongOfWorkingDaysIsNamedAndChangesNothing() {
    TimeInStageAccumulator acc = new TimeInStageAccumulator(NORMS, CALENDAR, AS_OF, EUR);
    acc.add(Deal.builder().id(DealId.of("Y")).reachedStage("proposal")
        .addHistory(StageVisit.of("contact", dec(1)), StageVisit.of("proposal", dec(4)))
        .outcome(Outcome.won()).closedOn(dec(18)).build());
    assertThat(acc.result().stages().get(1).completed().mean()).hasValue(10.0);
    assertThat(mergeUntilRejected(acc)).hasMessageStartingWith("completed[proposal].sum (")
        .hasMessageContaining("must fit in a long");
  }

  @Test
  void aStayLongerThanTheHistogramMaximumIsNamedAndNothingIsCounted() {
    TimeInStageAccumulator acc = new TimeInStageAccumulator(NORMS, CALENDAR, AS_OF, EUR);
    acc.add(A);
    TimeInStage before = acc.result();
    Deal endless = Deal.builder().id(DealId.of("L")).reachedStage("proposal")
        .addHistory(StageVisit.of("contact", dec(1)), StageVisit.of("proposal", dec(4)))
        .outcome(Outcome.won()).closedOn(LocalDate.of(100_000, 1, 1)).build();
    assertThatThrownBy(() -> acc.add(endless)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("deal L history[1] stay (")
        .hasMessageContaining("must be within [0, 10000000] working days");
    assertThat(acc.result()).isEqualTo(before);
  }
}
