package io.clientyield.forecasting;

import io.clientyield.forecasting.Replenishment.CoverageCheck;
import io.clientyield.forecasting.Replenishment.ProspectsNeeded;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static io.clientyield.forecasting.ForecastGenerators.EUR;
import static io.clientyield.forecasting.ForecastGenerators.conversions;
import static io.clientyield.forecasting.ForecastGenerators.coverageRatios;
import static io.clientyield.forecasting.ForecastGenerators.nonNegativeMoney;
import static io.clientyield.forecasting.ForecastGenerators.plannedDeals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Laws of {@link Replenishment}: prospects needed, lost budget and coverage. */
class ReplenishmentProperties {
  static final long MAX_MINOR = 1_000_000_000_000L;

  /** {@code prospects × average × successes} against {@code lost × trials}, exactly. */
  private static int compareCovered(long prospects, Money lost, Money avg, Proportion conv) {
    BigDecimal covered = avg.amount().multiply(BigDecimal.valueOf(conv.successes()))
        .multiply(BigDecimal.valueOf(prospects));
    return covered.compareTo(lost.amount().multiply(BigDecimal.valueOf(conv.trials())));
  }

  @Test
  void prospectsNeededIsTheSmallestWholeCountCoveringTheLostBudget() {
    qt().withExamples(500)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), conversions())
        .check((lost, avg, conv) -> {
          ProspectsNeeded n = Replenishment.prospectsNeeded(lost, avg, conv);
          if (n.prospects().isEmpty()) {
            return true;
          }
          long k = n.prospects().get();
          return compareCovered(k, lost, avg, conv) >= 0
              && (k == 0 || compareCovered(k - 1, lost, avg, conv) < 0)
              && k - 1 < n.exact().getAsDouble() && n.exact().getAsDouble() <= k;
        });
  }

  @Test
  void prospectsNeededIsEmptyExactlyWhenAverageTimesConversionIsZero() {
    qt().withExamples(300)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(1_000), conversions())
        .check((lost, avg, conv) -> Replenishment.prospectsNeeded(lost, avg, conv)
            .prospects().isEmpty() == (avg.isZero() || conv.successes() == 0));
  }

  @Test
  void prospectsNeededIsNonDecreasingInTheLostBudgetAndNonIncreasingInTheAverage() {
    qt().withExamples(300)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), conversions(),
            longs().between(0, MAX_MINOR))
        .check((lost, avg, conv, delta) -> {
          ProspectsNeeded base = Replenishment.prospectsNeeded(lost, avg, conv);
          if (base.prospects().isEmpty()) {
            return true;
          }
          Money more = lost.plus(Money.ofMinor(delta, EUR));
          Money richer = avg.plus(Money.ofMinor(delta, EUR));
          return Replenishment.prospectsNeeded(more, avg, conv).prospects().get()
                  >= base.prospects().get()
              && Replenishment.prospectsNeeded(lost, richer, conv).prospects().get()
                  <= base.prospects().get();
        });
  }

  @Test
  void prospectsNeededIsScaleInvariant() {
    // lost × k / (average × k × conversion) = lost / (average × conversion)
    qt().withExamples(300)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), conversions(),
            longs().between(1, 1_000))
        .check((lost, avg, conv, k) -> {
          ProspectsNeeded a = Replenishment.prospectsNeeded(lost, avg, conv);
          ProspectsNeeded b =
              Replenishment.prospectsNeeded(lost.multipliedBy(k), avg.multipliedBy(k), conv);
          // the reason of an empty answer names the amounts, so it differs
          return a.prospects().equals(b.prospects()) && a.exact().equals(b.exact());
        });
  }

  @Test
  void prospectsNeededRoundTripsThroughJson() {
    qt().withExamples(100)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), conversions())
        .checkAssert((lost, avg, conv) -> assertJsonRoundTrip(
            Replenishment.prospectsNeeded(lost, avg, conv), ProspectsNeeded.class));
  }

  @Test
  void lostBudgetIsTheSumOfLatestValuesAndAdditiveOverConcatenation() {
    qt().withExamples(200).forAll(plannedDeals(20), plannedDeals(20)).check((a, b) -> {
      List<PlannedDeal> both = new ArrayList<>(a);
      both.addAll(b);
      Money sum = Money.zero(EUR);
      for (PlannedDeal d : both) {
        sum = sum.plus(d.latest().amount());
      }
      Money whole = Replenishment.lostBudget(both, EUR);
      return whole.equals(sum)
          && whole.equals(Replenishment.lostBudget(a, EUR).plus(Replenishment.lostBudget(b, EUR)));
    });
  }

  @Test
  void coverageIsScaleInvariant() {
    qt().withExamples(300)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), coverageRatios(),
            longs().between(1, 1_000))
        .check((pipeline, target, r, k) -> Replenishment.coverage(pipeline, target, r).equals(
            Replenishment.coverage(pipeline.multipliedBy(k), target.multipliedBy(k), r)));
  }

  @Test
  void coverageAlertsExactlyBelowTheRequiredCoverage() {
    qt().withExamples(500)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), coverageRatios())
        .check((pipeline, target, r) -> {
          CoverageCheck c = Replenishment.coverage(pipeline, target, r);
          if (c.required().isEmpty()) {
            return c.alert() && c.reason().isPresent();
          }
          return c.required().getAsDouble() == 1 / r
              && (c.coverage().isEmpty()
                  ? target.isZero() && !c.alert()
                  : c.alert() == (c.coverage().getAsDouble() < 1 / r));
        });
  }

  @Test
  void aLargerPipelineNeverRaisesAnAlert() {
    qt().withExamples(300)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), coverageRatios(),
            longs().between(0, MAX_MINOR))
        .check((pipeline, target, r, delta) ->
            Replenishment.coverage(pipeline, target, r).alert()
                || !Replenishment.coverage(pipeline.plus(Money.ofMinor(delta, EUR)), target, r)
                    .alert());
  }

  @Test
  void coverageIsOneAndNoAlertWhenThePipelineEqualsTheTargetAtRatioOne() {
    qt().withExamples(200).forAll(nonNegativeMoney(MAX_MINOR)).check(m -> {
      CoverageCheck c = Replenishment.coverage(m, m, 1.0);
      return c.required().equals(OptionalDouble.of(1.0)) && !c.alert()
          && (m.isZero() ? c.coverage().isEmpty() : c.coverage().equals(OptionalDouble.of(1.0)));
    });
  }

  @Test
  void coverageIsNeverNaNOrInfiniteAndRoundTripsThroughJson() {
    qt().withExamples(300)
        .forAll(nonNegativeMoney(MAX_MINOR), nonNegativeMoney(MAX_MINOR), coverageRatios())
        .checkAssert((pipeline, target, r) -> {
          CoverageCheck c = Replenishment.coverage(pipeline, target, r);
          org.assertj.core.api.Assertions.assertThat(c.coverage().orElse(0)).isFinite();
          org.assertj.core.api.Assertions.assertThat(c.required().orElse(1)).isFinite();
          assertJsonRoundTrip(c, CoverageCheck.class);
        });
  }
}
