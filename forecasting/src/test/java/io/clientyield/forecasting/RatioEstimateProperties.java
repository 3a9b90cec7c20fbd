package io.clientyield.forecasting;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static io.clientyield.forecasting.ForecastGenerators.alphas;
import static io.clientyield.forecasting.ForecastGenerators.periodSeries;
import static io.clientyield.forecasting.ForecastGenerators.ratioSeries;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Laws of {@link RatioEstimate}. */
class RatioEstimateProperties {
  static final double RELATIVE = 1e-9;

  private static RatioEstimate estimate(double[] ratios, double alpha) {
    return PlanningErrors.ratioEstimate(ratios, alpha).orElseThrow();
  }

  private static boolean close(double x, double y) {
    return Math.abs(x - y) <= RELATIVE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
  }

  private static boolean close(OptionalDouble a, OptionalDouble b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || close(a.getAsDouble(), b.getAsDouble()));
  }

  @Test
  void meanAndEwmaLieBetweenTheSmallestAndTheLargestRatio() {
    qt().withExamples(500).forAll(ratioSeries(1, 40), alphas()).check((r, alpha) -> {
      RatioEstimate e = estimate(r, alpha);
      double min = Arrays.stream(r).min().getAsDouble();
      double max = Arrays.stream(r).max().getAsDouble();
      double slack = RELATIVE * Math.max(1, max);
      return e.periods() == r.length
          && e.mean() >= min - slack && e.mean() <= max + slack
          && e.ewma() >= min - slack && e.ewma() <= max + slack;
    });
  }

  @Test
  void standardDeviationIsEmptyExactlyForOnePeriodAndNonNegativeOtherwise() {
    qt().withExamples(300).forAll(ratioSeries(0, 40), alphas()).check((r, alpha) -> {
      if (r.length == 0) {
        return PlanningErrors.ratioEstimate(r, alpha).isEmpty();
      }
      OptionalDouble sd = estimate(r, alpha).standardDeviation();
      return sd.isEmpty() == (r.length == 1) && sd.orElse(0) >= 0;
    });
  }

  @Test
  void constantRatiosHaveNoSpreadAndEqualMeanAndEwma() {
    qt().withExamples(200)
        .forAll(integers().between(0, 3000), integers().between(1, 40), alphas())
        .check((milli, n, alpha) -> {
          double c = milli / 1000.0;
          double[] r = new double[n];
          Arrays.fill(r, c);
          RatioEstimate e = estimate(r, alpha);
          return close(e.mean(), c) && close(e.ewma(), c)
              && (n == 1 || close(e.standardDeviation().getAsDouble(), 0));
        });
  }

  @Test
  void shiftingTheRatiosShiftsMeanAndEwmaAndKeepsTheSpread() {
    qt().withExamples(300)
        .forAll(ratioSeries(1, 40), alphas(), integers().between(-1000, 1000))
        .check((r, alpha, milli) -> {
          double c = milli / 1000.0;
          RatioEstimate e = estimate(r, alpha);
          RatioEstimate s = estimate(Arrays.stream(r).map(x -> x + c).toArray(), alpha);
          return close(s.mean(), e.mean() + c) && close(s.ewma(), e.ewma() + c)
              && close(s.standardDeviation(), e.standardDeviation());
        });
  }

  @Test
  void scalingTheRatiosScalesMeanEwmaAndSpread() {
    qt().withExamples(300)
        .forAll(ratioSeries(1, 40), alphas(), integers().between(1, 1000))
        .check((r, alpha, k) -> {
          RatioEstimate e = estimate(r, alpha);
          RatioEstimate s = estimate(Arrays.stream(r).map(x -> x * k).toArray(), alpha);
          OptionalDouble scaledSd = e.standardDeviation().isPresent()
              ? OptionalDouble.of(e.standardDeviation().getAsDouble() * k)
              : OptionalDouble.empty();
          return close(s.mean(), e.mean() * k) && close(s.ewma(), e.ewma() * k)
              && close(s.standardDeviation(), scaledSd);
        });
  }

  @Test
  void meanAndSpreadDoNotDependOnTheOrderOfPeriods() {
    qt().withExamples(300).forAll(ratioSeries(1, 40), alphas(), longs().all())
        .check((r, alpha, seed) -> {
          double[] shuffled = r.clone();
          Random rnd = new Random(seed);
          for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
          }
          RatioEstimate e = estimate(r, alpha);
          RatioEstimate s = estimate(shuffled, alpha);
          return close(e.mean(), s.mean()) && close(e.standardDeviation(), s.standardDeviation());
        });
  }

  @Test
  void alphaOneMakesTheEwmaTheLastRatio() {
    qt().withExamples(200).forAll(ratioSeries(1, 40))
        .check(r -> estimate(r, 1.0).ewma() == r[r.length - 1]);
  }

  @Test
  void theEstimateOfPeriodTotalsIsTheEstimateOfTheirDefinedRatios() {
    qt().withExamples(200).forAll(periodSeries(24, 1_000_000_000L), alphas()).check((ts, alpha) -> {
      double[] ratios = ts.stream().map(PeriodTotals::realizationRatio)
          .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).toArray();
      return PlanningErrors.ratioEstimate(ts, BudgetStep.PLAN, BudgetStep.EXECUTED, alpha)
          .equals(PlanningErrors.ratioEstimate(ratios, alpha));
    });
  }

  @Test
  void estimatesRoundTripThroughJson() {
    qt().withExamples(200).forAll(ratioSeries(1, 40), alphas())
        .checkAssert((r, alpha) -> assertJsonRoundTrip(estimate(r, alpha), RatioEstimate.class));
  }
}
