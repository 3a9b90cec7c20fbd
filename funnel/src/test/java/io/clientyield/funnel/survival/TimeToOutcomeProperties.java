package io.clientyield.funnel.survival;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.survival.TimeToOutcome.StageSurvival;
import io.clientyield.funnel.survival.TimeToOutcome.SurvivalPoint;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeToOutcomeProperties {
  private static final double TOLERANCE = 1e-9;
  private static final LocalDate FAR = LocalDate.of(2030, 1, 1);

  private static TimeToOutcome estimate(List<Deal> deals, LocalDate asOf,
      TimeToOutcomeAccumulator.GroupKey key) {
    TimeToOutcomeAccumulator acc = new TimeToOutcomeAccumulator(SurvivalGenerators.STAGES, asOf,
        BusinessCalendar.EVERY_DAY, 3, key);
    deals.forEach(acc::add);
    return acc.result();
  }

  @Test
  void kaplanMeierEqualsTheEmpiricalDistributionWithoutCensoring() {
    qt().forAll(SurvivalGenerators.dealLists()).check(all -> {
      List<Deal> closed = all.stream().filter(d -> d.closedOn().isPresent()).toList();
      TimeToOutcome t = estimate(closed, FAR, TimeToOutcomeAccumulator.POOLED);
      StageSurvival lead = t.stage("lead");
      List<Long> ages = closed.stream().filter(d -> !d.history().isEmpty())
          .map(d -> ChronoUnit.DAYS.between(d.history().get(0).enteredOn(), d.closedOn().get())).toList();
      for (long age = 0; age <= 400; age += 7) {
        long a = age;
        double empirical = ages.isEmpty() ? 1.0 : ages.stream().filter(x -> x > a).count() / (double) ages.size();
        if (Math.abs(lead.survivalAt(age) - empirical) > TOLERANCE) {
          return false;
        }
      }
      return lead.censored() == 0 && lead.entered() == ages.size();
    });
  }

  @Test
  void survivalPlusBothCumulativeIncidencesIsOneAtEveryAge() {
    qt().forAll(SurvivalGenerators.dealLists(), SurvivalGenerators.asOfs()).check((deals, asOf) -> {
      TimeToOutcome t = estimate(deals, asOf, TimeToOutcomeAccumulator.BY_MANAGER);
      for (StageSurvival s : concat(t.pooled(), t.groups())) {
        for (SurvivalPoint p : s.points()) {
          if (Math.abs(p.survival() + p.cumulativeWon() + p.cumulativeLost() - 1.0) > TOLERANCE
              || p.survivalLower() > p.survival() + TOLERANCE || p.survivalUpper() < p.survival() - TOLERANCE) {
            return false;
          }
        }
      }
      return true;
    });
  }

  @Test
  void accumulatorLawsHold() {
    qt().forAll(AccumulatorLaws.splits(SurvivalGenerators.dealLists()), SurvivalGenerators.asOfs())
        .check((split, asOf) -> AccumulatorLaws.hold(split,
            () -> new TimeToOutcomeAccumulator(SurvivalGenerators.STAGES, asOf, BusinessCalendar.MONDAY_TO_FRIDAY, 3,
                TimeToOutcomeAccumulator.BY_MANAGER),
            TimeToOutcomeAccumulator::add, TimeToOutcomeAccumulator::merge, TimeToOutcomeAccumulator::result));
  }

  @Test
  void resultsAsOfEachDateEqualAnAccumulatorAsOfThatDate() {
    qt().forAll(SurvivalGenerators.dealLists(),
        org.quicktheories.generators.SourceDSL.lists().of(SurvivalGenerators.asOfs()).ofSizeBetween(0, 6),
        integers().between(0, 2), integers().between(0, 1)).check((deals, dates, k, c) -> {
          TimeToOutcomeAccumulator.GroupKey key = k == 0 ? TimeToOutcomeAccumulator.POOLED
              : k == 1 ? TimeToOutcomeAccumulator.BY_MANAGER : TimeToOutcomeAccumulator.GroupKey.attribute("office");
          BusinessCalendar cal = c == 0 ? BusinessCalendar.EVERY_DAY : BusinessCalendar.MONDAY_TO_FRIDAY;
          java.util.List<LocalDate> seen = new java.util.ArrayList<>();
          java.util.List<TimeToOutcome> got = new java.util.ArrayList<>();
          TimeToOutcomeAccumulator.resultsAsOf(SurvivalGenerators.STAGES, dates, cal, 3, key, deals,
              (d, t) -> {
                seen.add(d);
                got.add(t);
              });
          java.util.List<LocalDate> expectedDates = dates.stream().distinct().sorted().toList();
          if (!seen.equals(expectedDates)) {
            return false;
          }
          for (int i = 0; i < seen.size(); i++) {
            TimeToOutcomeAccumulator acc = new TimeToOutcomeAccumulator(SurvivalGenerators.STAGES,
                seen.get(i), cal, 3, key);
            deals.forEach(acc::add);
            if (!acc.result().equals(got.get(i))) {
              return false;
            }
          }
          return true;
        });
  }

  @Test
  void winWithinHorizonIsAProbabilityThatNeverFallsAsTheHorizonGrows() {
    qt().forAll(SurvivalGenerators.dealLists(), SurvivalGenerators.asOfs(), integers().between(0, 300),
        integers().between(0, 200)).check((deals, asOf, age, h) -> {
          TimeToOutcome t = estimate(deals, asOf, TimeToOutcomeAccumulator.BY_MANAGER);
          for (String stage : List.of("lead", "deal")) {
            for (String group : new String[] {null, "a", "b", "c"}) {
              double p1 = t.winWithin(stage, group, age, h).probability();
              double p2 = t.winWithin(stage, group, age, h + 17).probability();
              if (!(p1 >= 0 && p1 <= p2 && p2 <= 1)) {
                return false;
              }
            }
          }
          return true;
        });
  }

  @Test
  void nothingDatedAfterTheAsOfDateChangesTheEstimate() {
    qt().forAll(SurvivalGenerators.dealLists(), SurvivalGenerators.asOfs()).check((deals, asOf) -> {
      List<Deal> reopened = deals.stream().map(d -> d.closedOn().isPresent() && d.closedOn().get().isAfter(asOf)
          ? Deal.builder().id(d.id()).reachedStage(d.reachedStage()).history(d.history())
              .manager(d.manager().orElseThrow()).budget(d.budget().orElseThrow()).build()
          : d).toList();
      return estimate(deals, asOf, TimeToOutcomeAccumulator.BY_MANAGER)
          .equals(estimate(reopened, asOf, TimeToOutcomeAccumulator.BY_MANAGER));
    });
  }

  private static List<StageSurvival> concat(List<StageSurvival> a, List<StageSurvival> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Test
  void decodedStateHasTheSameResultAndObeysTheLaws() {
    qt().withExamples(100).forAll(AccumulatorLaws.splits(SurvivalGenerators.dealLists()), SurvivalGenerators.asOfs())
        .check((split, asOf) -> {
          java.util.function.UnaryOperator<TimeToOutcomeAccumulator> copy = a -> TimeToOutcomeAccumulator.decode(
              SurvivalGenerators.STAGES, asOf, BusinessCalendar.MONDAY_TO_FRIDAY, 3,
              TimeToOutcomeAccumulator.BY_MANAGER, a.encode());
          return AccumulatorLaws.hold(split,
              () -> new TimeToOutcomeAccumulator(SurvivalGenerators.STAGES, asOf, BusinessCalendar.MONDAY_TO_FRIDAY, 3,
                  TimeToOutcomeAccumulator.BY_MANAGER),
              TimeToOutcomeAccumulator::add, (x, y) -> copy.apply(x).merge(copy.apply(y)),
              a -> copy.apply(a).result());
        });
  }
}
