package io.clientyield.funnel.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.DealId;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.survival.TimeToOutcome.StageSurvival;
import io.clientyield.funnel.survival.TimeToOutcome.SurvivalPoint;
import io.clientyield.funnel.survival.TimeToOutcome.WinWithinHorizon;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimeToOutcomeTest {
  private static final double EXACT = 1e-12;
  private static final Stages STAGES = Stages.of("s");
  private static final LocalDate AS_OF = LocalDate.of(2020, 2, 1);

  /** Entered AS_OF - 30 days, then closed (won/lost) after `age` days, or open since AS_OF - age. */
  private static Deal closed(String id, long age, boolean won, String manager) {
    LocalDate entered = AS_OF.minusDays(30);
    return Deal.builder().id(DealId.of(id)).manager(ManagerId.of(manager)).reachedStage("s")
        .addHistory(StageVisit.of("s", entered))
        .outcome(won ? Outcome.won() : Outcome.clientRefused("price")).closedOn(entered.plusDays(age)).build();
  }

  private static Deal open(String id, long age, String manager) {
    return Deal.builder().id(DealId.of(id)).manager(ManagerId.of(manager)).reachedStage("s")
        .addHistory(StageVisit.of("s", AS_OF.minusDays(age))).build();
  }

  // ages: 1 won, 2 lost, 2 open, 3 won, 5 open
  private static final List<Deal> FIVE = List.of(closed("a", 1, true, "ann"), closed("b", 2, false, "ann"),
      open("c", 2, "bob"), closed("d", 3, true, "bob"), open("e", 5, "bob"));

  private static TimeToOutcome estimate(List<Deal> deals, long minAtRisk) {
    return deals.stream().collect(TimeToOutcomeAccumulator.collector(STAGES, AS_OF, BusinessCalendar.EVERY_DAY,
        minAtRisk, TimeToOutcomeAccumulator.BY_MANAGER));
  }

  @Test
  void kaplanMeierAndAalenJohansenByHand() {
    StageSurvival s = estimate(FIVE, 2).stage("s");
    assertThat(s.entered()).isEqualTo(5);
    assertThat(s.won()).isEqualTo(2);
    assertThat(s.lost()).isEqualTo(1);
    assertThat(s.censored()).isEqualTo(2);
    assertThat(s.survivalAt(0)).isEqualTo(1.0);
    assertThat(s.survivalAt(1)).isCloseTo(0.8, within(EXACT));
    assertThat(s.survivalAt(2)).isCloseTo(0.6, within(EXACT));
    assertThat(s.survivalAt(3)).isCloseTo(0.3, within(EXACT));
    assertThat(s.survivalAt(99)).isCloseTo(0.3, within(EXACT));
    assertThat(s.cumulativeWonAt(3)).isCloseTo(0.5, within(EXACT));
    assertThat(s.cumulativeLostAt(3)).isCloseTo(0.2, within(EXACT));
    assertThat(s.atRisk(0)).isEqualTo(5);
    assertThat(s.atRisk(3)).isEqualTo(2);
    assertThat(s.atRisk(4)).isEqualTo(1);
    assertThat(s.atRisk(6)).isZero();
    // median: first age with S <= 0.5
    assertThat(s.timeToClose().get(1).level()).isEqualTo(0.5);
    assertThat(s.timeToClose().get(1).age()).hasValue(3);
    // P(won within 2 | open at age 2) = (F(4) - F(2)) / S(2) = (0.5 - 0.2) / 0.6
    assertThat(s.winWithin(2, 2)).isCloseTo(0.5, within(EXACT));
    assertThat(s.winWithin(3, 10)).isZero();
  }

  @Test
  void withoutCensoringTheIntervalsUseTheBinomialVariance() {
    List<Deal> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(closed("x" + i, i < 3 ? 1 : i < 5 ? 2 : 3, i < 3 || i >= 5, "ann"));
    }
    SurvivalPoint first = estimate(ten, 1).stage("s").points().get(0);
    double f = 0.3;
    double se = Math.sqrt(f * (1 - f) / 10);
    double k = 1.959963984540054 * se / (f * Math.abs(Math.log(f)));
    assertThat(first.cumulativeWon()).isCloseTo(f, within(EXACT));
    assertThat(first.cumulativeWonLower()).isCloseTo(Math.pow(f, Math.exp(k)), within(1e-9));
    assertThat(first.cumulativeWonUpper()).isCloseTo(Math.pow(f, Math.exp(-k)), within(1e-9));
    // Greenwood without censoring: Var S = S(1 - S)/n at the first age too
    double s = 0.7;
    double kS = 1.959963984540054 * Math.sqrt(s * (1 - s) / 10) / (s * Math.abs(Math.log(s)));
    assertThat(first.survivalLower()).isCloseTo(Math.pow(s, Math.exp(kS)), within(1e-9));
  }

  @Test
  void aSmallGroupFallsBackToThePooledStageCurveAndSaysSo() {
    TimeToOutcome t = estimate(FIVE, 3);
    WinWithinHorizon ann = t.winWithin("s", "ann", 0, 10);
    assertThat(ann.source()).isEqualTo(WinWithinHorizon.Source.POOLED_STAGE);
    assertThat(ann.minAtRisk()).isEqualTo(3); // the pooling rule is stated in the answer
    assertThat(ann.probability()).isCloseTo(0.5, within(EXACT));
    WinWithinHorizon bob = t.winWithin("s", "bob", 0, 10);
    assertThat(bob.source()).isEqualTo(WinWithinHorizon.Source.GROUP);
    assertThat(bob.atRisk()).isEqualTo(3);
    assertThat(bob.atRisk()).isGreaterThanOrEqualTo(bob.minAtRisk());
    assertThat(t.winWithin("s", 0, 10).source()).isEqualTo(WinWithinHorizon.Source.POOLED);
  }

  @Test
  void undatedDealsAreSetAsideAndCounted() {
    Deal undated = Deal.builder().id(DealId.of("u")).reachedStage("s").build();
    Deal later = Deal.builder().id(DealId.of("l")).reachedStage("s")
        .addHistory(StageVisit.of("s", AS_OF.plusDays(1))).build();
    Deal noDate = Deal.builder().id(DealId.of("n")).reachedStage("s").outcome(Outcome.won()).build();
    TimeToOutcome t = estimate(Stream.concat(FIVE.stream(), Stream.of(undated, later, noDate)).toList(), 2);
    assertThat(t.deals()).isEqualTo(8);
    assertThat(t.undated()).isEqualTo(1);
    assertThat(t.notYetEntered()).isEqualTo(1);
    assertThat(t.closedWithoutDate()).isEqualTo(1);
    assertThat(t.stage("s").entered()).isEqualTo(5);
  }

  @Test
  void rejectsUnknownStagesAndMismatchedMerges() {
    Deal other = Deal.builder().id(DealId.of("o")).reachedStage("zzz").build();
    TimeToOutcomeAccumulator acc = new TimeToOutcomeAccumulator(STAGES, AS_OF, BusinessCalendar.EVERY_DAY, 1,
        TimeToOutcomeAccumulator.POOLED);
    assertThatThrownBy(() -> acc.add(other)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("deal.reachedStage");
    TimeToOutcomeAccumulator later = new TimeToOutcomeAccumulator(STAGES, AS_OF.plusDays(1),
        BusinessCalendar.EVERY_DAY, 1, TimeToOutcomeAccumulator.POOLED);
    assertThatThrownBy(() -> acc.merge(later)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("same stages, as-of date");
    assertThatThrownBy(() -> estimate(FIVE, 1).winWithin("s", 1, -1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("horizon");
  }

  @Test
  void roundTripsThroughJson() {
    JsonAssertions.assertJsonRoundTrip(estimate(FIVE, 2), TimeToOutcome.class);
  }
}
