package io.clientyield.funnel.time;

import io.clientyield.funnel.time.TimeInStage.DurationStats;
import io.clientyield.funnel.internal.WorkingDayHistogram;
import static io.clientyield.funnel.time.FunnelTimeGenerators.AS_OF;
import static io.clientyield.funnel.time.FunnelTimeGenerators.EUR;
import static io.clientyield.funnel.time.FunnelTimeGenerators.STAGES;
import static io.clientyield.funnel.time.FunnelTimeGenerators.dealLists;
import static io.clientyield.funnel.time.FunnelTimeGenerators.durations;
import static io.clientyield.funnel.time.FunnelTimeGenerators.nonEmptyDurations;
import static io.clientyield.funnel.time.FunnelTimeGenerators.splitAt;
import static io.clientyield.funnel.time.FunnelTimeGenerators.splits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.funnel.Deal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class TimeInStageProperties {
  private static final StageNorms NORMS =
      StageNorms.of(STAGES, Map.of("contact", 2L, "qualified", 5L, "proposal", 0L, "signed", 8L));
  private static final BusinessCalendar CALENDAR = BusinessCalendar.of(
      List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
      List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));

  private static WorkingDayHistogram histogram(List<Long> days) {
    WorkingDayHistogram h = new WorkingDayHistogram();
    days.forEach(h::add);
    return h;
  }

  private static TimeInStageAccumulator accumulate(List<Deal> deals) {
    return accumulate(deals, AS_OF);
  }

  /**
   * An "as of" date a few days after the latest history date, so that ongoing stays are short
   * enough to fall on both sides of the norms.
   */
  private static LocalDate asOfShortlyAfter(List<Deal> deals, int k) {
    LocalDate latest = FunnelTimeGenerators.START;
    for (Deal d : deals) {
      for (var v : d.history()) {
        latest = v.enteredOn().isAfter(latest) ? v.enteredOn() : latest;
      }
    }
    return latest.plusDays(k % 12);
  }

  private static TimeInStageAccumulator accumulate(List<Deal> deals, LocalDate asOf) {
    TimeInStageAccumulator acc = new TimeInStageAccumulator(NORMS, CALENDAR, asOf, EUR);
    deals.forEach(acc::add);
    return acc;
  }

  /** Nearest rank on a sorted copy: x(max(1, ⌈p·n⌉)) with p = percent / 100. */
  private static long sortedReference(List<Long> days, int percent) {
    List<Long> sorted = new ArrayList<>(days);
    Collections.sort(sorted);
    long rank = Math.max(1, (percent * (long) sorted.size() + 99) / 100);
    return sorted.get((int) rank - 1);
  }

  @Test
  void histogramMergeEqualsTheHistogramOfTheConcatenation() {
    qt().forAll(durations(), durations()).checkAssert((a, b) -> {
      List<Long> all = new ArrayList<>(a);
      all.addAll(b);
      WorkingDayHistogram merged = histogram(a).merge(histogram(b));
      assertThat(merged).isEqualTo(histogram(all));
      assertThat(merged.count()).isEqualTo(all.size());
      assertThat(merged.sum()).isEqualTo(all.stream().mapToLong(Long::longValue).sum());
    });
  }

  @Test
  void histogramObeysTheAccumulatorLaws() {
    qt().forAll(AccumulatorLaws.splits(durations())).check(s -> AccumulatorLaws.hold(s,
        WorkingDayHistogram::new, WorkingDayHistogram::add, WorkingDayHistogram::merge,
        h -> new WorkingDayHistogram().merge(h)));
  }

  @Test
  void histogramCountsEqualTheOccurrencesOfEachDuration() {
    qt().forAll(durations()).checkAssert(days -> {
      WorkingDayHistogram h = histogram(days);
      for (long d : days) {
        assertThat(h.countAt(d)).isEqualTo(days.stream().filter(x -> x == d).count());
        assertThat(h.countAt(d + 1)).isEqualTo(days.stream().filter(x -> x == d + 1).count());
      }
      assertThat(h.toString()).isEqualTo("WorkingDayHistogram" + new java.util.TreeMap<>(days.stream()
          .collect(java.util.stream.Collectors.groupingBy(d -> d, java.util.stream.Collectors.counting()))));
    });
  }

  @Test
  void percentilesEqualTheNearestRankOfASortedCopy() {
    qt().forAll(nonEmptyDurations(), Generate.range(1, 100))
        .checkAssert((days, percent) -> {
          WorkingDayHistogram h = histogram(days);
          assertThat(h.quantile(percent / 100.0)).hasValue(sortedReference(days, percent));
          assertThat(h.median()).hasValue(sortedReference(days, 50));
          assertThat(h.p90()).hasValue(sortedReference(days, 90));
          assertThat(h.max()).hasValue(Collections.max(days));
          assertThat(h.mean().getAsDouble())
              .isEqualTo(days.stream().mapToLong(Long::longValue).sum() / (double) days.size());
        });
  }

  @Test
  void kaplanMeierEqualsTheNearestRankPercentilesWithoutCensoring() {
    qt().forAll(nonEmptyDurations()).checkAssert(days -> {
      WorkingDayHistogram h = histogram(days);
      TimeInStage.CensoredDurations km = TimeInStageAccumulator.censored(h, new WorkingDayHistogram());
      assertThat(km.median().age()).isEqualTo(h.median());
      assertThat(km.p90().age()).isEqualTo(h.p90());
    });
  }

  @Test
  void censoringNeverShortensThePercentiles() {
    // open durations only lower the hazard, so the closed-only figures are a lower bound
    qt().forAll(nonEmptyDurations(), durations()).checkAssert((finished, running) -> {
      WorkingDayHistogram h = histogram(finished);
      TimeInStage.CensoredDurations km = TimeInStageAccumulator.censored(h, histogram(running));
      km.median().age().ifPresent(m -> assertThat(m).isGreaterThanOrEqualTo(h.median().getAsLong()));
      km.p90().age().ifPresent(p -> assertThat(p).isGreaterThanOrEqualTo(h.p90().getAsLong()));
      assertThat(km.finished()).isEqualTo(finished.size());
      assertThat(km.censored()).isEqualTo(running.size());
    });
  }

  @Test
  void medianIsAtMostP90WhichIsAtMostMax() {
    qt().forAll(nonEmptyDurations()).checkAssert(days -> {
      DurationStats s = TimeInStageAccumulator.stats(histogram(days));
      assertThat(s.median().getAsLong()).isLessThanOrEqualTo(s.p90().getAsLong());
      assertThat(s.p90().getAsLong()).isLessThanOrEqualTo(s.max().getAsLong());
    });
  }

  @Test
  void overdueCountEqualsTheNumberOfDurationsAboveTheNorm() {
    qt().forAll(durations(), Generate.oneOf(Generate.longRange(-1, 30),
        Generate.longRange(-3, WorkingDayHistogram.MAX_DAYS + 3))).checkAssert((days, norm) ->
        assertThat(histogram(days).countAbove(norm)).isEqualTo(days.stream().filter(d -> d > norm).count()));
  }

  @Test
  void stageOverdueCountsEqualTheStaysAboveTheirNorms() {
    qt().withExamples(200).forAll(dealLists(), splits()).checkAssert((deals, k) -> {
      LocalDate asOf = asOfShortlyAfter(deals, k);
      long[] stays = new long[STAGES.size()];
      long[] above = new long[STAGES.size()];
      long[] ongoingAbove = new long[STAGES.size()];
      for (Deal d : deals) {
        var h = d.history();
        for (int i = 0; i < h.size(); i++) {
          int s = STAGES.indexOf("stage", h.get(i).stage());
          long norm = NORMS.norm(s).orElse(Long.MAX_VALUE);
          if (i + 1 < h.size() || d.closedOn().isPresent()) {
            LocalDate end = i + 1 < h.size() ? h.get(i + 1).enteredOn() : d.closedOn().get();
            long days = CALENDAR.workingDaysBetween(h.get(i).enteredOn(), end);
            stays[s]++;
            above[s] += days > norm ? 1 : 0;
          } else if (d.isOpen()) {
            ongoingAbove[s] += CALENDAR.workingDaysBetween(h.get(i).enteredOn(), asOf) > norm ? 1 : 0;
          }
        }
      }
      TimeInStage t = accumulate(deals, asOf).result();
      for (int s = 0; s < STAGES.size(); s++) {
        assertThat(t.stages().get(s).completed().count()).isEqualTo(stays[s]);
        assertThat(t.stages().get(s).overdue()).isEqualTo(above[s]);
        assertThat(t.stages().get(s).ongoingOverdue()).isEqualTo(ongoingAbove[s]);
      }
      assertThat(t.overdueOpenDeals()).allSatisfy(o -> assertThat(o.days()).isGreaterThan(o.norm()));
    });
  }

  @Test
  void accumulatorMergeEqualsAccumulatingTheConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(200).forAll(AccumulatorLaws.splits(dealLists())).check(s -> {
      LocalDate asOf = asOfShortlyAfter(s.items(), s.first());
      return AccumulatorLaws.hold(s, () -> new TimeInStageAccumulator(NORMS, CALENDAR, asOf, EUR),
          TimeInStageAccumulator::add, TimeInStageAccumulator::merge, TimeInStageAccumulator::result);
    });
  }
  @Test
  void resultDoesNotDependOnInputOrder() {
    qt().withExamples(200).forAll(dealLists(), splits()).checkAssert((deals, seed) -> {
      List<Deal> shuffled = new ArrayList<>(deals);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(accumulate(shuffled).result()).isEqualTo(accumulate(deals).result());
    });
  }

  @Test
  void resultRoundTripsThroughJson() {
    qt().withExamples(100).forAll(dealLists()).checkAssert(deals ->
        JsonAssertions.assertJsonRoundTrip(accumulate(deals).result(), TimeInStage.class));
  }
}
