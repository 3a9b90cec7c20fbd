package io.clientyield.forecasting;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static io.clientyield.forecasting.ForecastGenerators.periodSeries;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Laws of {@link AccuracyMeasures} (forecast = plan, actual = executed unless stated). */
class AccuracyMeasuresProperties {
  static final double RELATIVE = 1e-9;
  static final long MAX_MINOR = 10_000_000_000L;

  private static AccuracyMeasures measures(List<PeriodTotals> totals) {
    return PlanningErrors.accuracy(totals, BudgetStep.PLAN, BudgetStep.EXECUTED);
  }

  private static boolean close(OptionalDouble a, OptionalDouble b) {
    if (a.isPresent() != b.isPresent()) {
      return false;
    }
    if (a.isEmpty()) {
      return true;
    }
    double x = a.getAsDouble();
    double y = b.getAsDouble();
    return Math.abs(x - y) <= RELATIVE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
  }

  private static boolean close(AccuracyMeasures a, AccuracyMeasures b) {
    return a.periods() == b.periods() && close(a.mape(), b.mape()) && close(a.wape(), b.wape())
        && close(a.bias(), b.bias()) && close(a.trackingSignal(), b.trackingSignal());
  }

  private static boolean zeroOrEmpty(OptionalDouble v) {
    return v.isEmpty() || v.getAsDouble() == 0;
  }

  @Test
  void measuresAreZeroWhenTheActualEqualsTheForecast() {
    // forecast PLAN against actual PLAN: no error at all
    qt().withExamples(300).forAll(periodSeries(24, MAX_MINOR)).check(ts -> {
      AccuracyMeasures m = PlanningErrors.accuracy(ts, BudgetStep.PLAN, BudgetStep.PLAN);
      boolean anyZero = ts.stream().anyMatch(t -> t.plan().isZero());
      boolean allZero = ts.stream().allMatch(t -> t.plan().isZero());
      return m.periods() == ts.size()
          && (m.mape().isEmpty() == (anyZero || ts.isEmpty())) && zeroOrEmpty(m.mape())
          && (m.wape().isEmpty() == allZero) && zeroOrEmpty(m.wape())
          && (m.bias().isEmpty() == allZero) && zeroOrEmpty(m.bias())
          && m.trackingSignal().isEmpty();
    });
  }

  @Test
  void measuresStayWithinTheirBounds() {
    // MAPE, WAPE >= 0; bias >= −1 for non-negative amounts; |Σ(A − F)| <= Σ|A − F| = n MAD
    qt().withExamples(300).forAll(periodSeries(24, MAX_MINOR)).check(ts -> {
      AccuracyMeasures m = measures(ts);
      int n = ts.size();
      return m.mape().orElse(0) >= 0
          && m.wape().orElse(0) >= 0
          && m.bias().orElse(0) >= -1 - RELATIVE
          && Math.abs(m.trackingSignal().orElse(0)) <= n * (1 + RELATIVE)
          && m.trackingSignal().isPresent() == ts.stream().anyMatch(t -> !t.plan().equals(t.executed()));
    });
  }

  @Test
  void measuresAreScaleInvariant() {
    qt().withExamples(300).forAll(periodSeries(24, MAX_MINOR), longs().between(1, 100_000))
        .check((ts, k) -> {
          List<PeriodTotals> scaled = new ArrayList<>();
          for (PeriodTotals t : ts) {
            scaled.add(new PeriodTotals(t.period(), t.deals(), t.plan().multipliedBy(k),
                t.refined().multipliedBy(k), t.actual().multipliedBy(k),
                t.executed().multipliedBy(k)));
          }
          return close(measures(ts), measures(scaled));
        });
  }

  @Test
  void measuresDoNotDependOnThePeriodOrder() {
    qt().withExamples(300).forAll(periodSeries(24, MAX_MINOR), longs().all())
        .check((ts, seed) -> {
          List<PeriodTotals> shuffled = new ArrayList<>(ts);
          Collections.shuffle(shuffled, new Random(seed));
          return close(measures(ts), measures(shuffled));
        });
  }

  @Test
  void aPerfectPeriodAddedToASeriesNeverRaisesWape() {
    // WAPE = Σ|A − F| / Σ|A|: a period with A = F > 0 adds to the denominator only
    qt().withExamples(300).forAll(periodSeries(24, MAX_MINOR), longs().between(1, MAX_MINOR))
        .check((ts, v) -> {
          AccuracyMeasures before = measures(ts);
          List<PeriodTotals> more = new ArrayList<>(ts);
          Money m = Money.ofMinor(v, ForecastGenerators.EUR);
          more.add(new PeriodTotals(io.clientyield.core.ReportingPeriod.month(2030, 1), 1, m, m, m, m));
          AccuracyMeasures after = measures(more);
          return after.wape().isPresent()
              && (before.wape().isEmpty()
                  || after.wape().getAsDouble() <= before.wape().getAsDouble() * (1 + RELATIVE));
        });
  }

  @Test
  void measuresRoundTripThroughJson() {
    qt().withExamples(100).forAll(periodSeries(24, MAX_MINOR))
        .checkAssert(ts -> assertJsonRoundTrip(measures(ts), AccuracyMeasures.class));
  }
}
