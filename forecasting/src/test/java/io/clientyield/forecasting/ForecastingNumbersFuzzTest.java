package io.clientyield.forecasting;

import io.clientyield.forecasting.CorrectedTargets.CorrectedPlan;
import io.clientyield.forecasting.Replenishment.CoverageCheck;
import io.clientyield.forecasting.Replenishment.ProspectsNeeded;
import io.clientyield.forecasting.PipelineForecaster.LeadsNeeded;
import static io.clientyield.testkit.FuzzChecks.assertFinite;
import static io.clientyield.testkit.FuzzChecks.check;
import static io.clientyield.testkit.FuzzChecks.number;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Feeds arbitrary numbers and money to the numeric entry points of the forecasting module
 * ({@link OpenPipeline} with {@link PipelineForecaster}, {@link RatioEstimate},
 * {@link CorrectedTargets}, {@link Replenishment}): each call either throws
 * {@link ValidationException} (the pipeline then keeps its deals) or gives a result whose numbers
 * are all finite and that round-trips through JSON. Regression inputs under
 * {@code src/test/resources/io/clientyield/forecasting/ForecastingNumbersFuzzTestInputs} run in
 * every build; fuzz one method for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl forecasting
 * -am test -Dtest=ForecastingNumbersFuzzTest#pipelineForecasts
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.failIfNoTests=false}.
 */
class ForecastingNumbersFuzzTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final Currency JPY = Money.currency("JPY");
  private static final int MAX_DEALS = 24;
  private static final int MAX_TRIALS = 2_000;
  /** Rounding allowed in a sum of probabilities (per deal for the mean). */
  private static final double SUM_TOLERANCE = 1e-9;

  @FuzzTest(maxDuration = "10s")
  void pipelineForecasts(FuzzedDataProvider data) {
    OpenPipeline pipeline = new OpenPipeline(EUR);
    int deals = data.consumeInt(0, MAX_DEALS);
    for (int i = 0; i < deals; i++) {
      Money before = weighted(pipeline);
      try {
        pipeline.add(money(data), probability(data));
      } catch (ValidationException rejected) {
        assertThat(weighted(pipeline)).as("a rejected deal is not added").isEqualTo(before);
      }
    }
    CountDistribution counts = check(() -> PipelineForecaster.counts(pipeline),
        CountDistribution.class);
    if (counts != null) {
      double expected = 0;
      for (double p : pipeline.winProbabilities()) {
        expected += p;
      }
      assertThat(counts.mean()).as("mean = sum of the win probabilities")
          .isCloseTo(expected, within(SUM_TOLERANCE * Math.max(1, deals)));
      assertThat(counts.pmf().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1, within(SUM_TOLERANCE));
    }
    Money step = money(data);
    RevenueDistribution grid = check(() -> PipelineForecaster.onGrid(pipeline, step),
        RevenueDistribution.class);
    RevenueDistribution mc = check(() -> PipelineForecaster.monteCarlo(pipeline,
        data.consumeInt(-1, MAX_TRIALS), data.consumeLong()), RevenueDistribution.class);
    for (RevenueDistribution d : new RevenueDistribution[] {grid, mc}) {
      if (d == null) {
        continue;
      }
      assertThat(d.probabilities().stream().mapToDouble(Double::doubleValue).sum())
          .as("probabilities sum to 1").isCloseTo(1, within(SUM_TOLERANCE));
      double q1 = data.consumeProbabilityDouble();
      double q2 = data.consumeProbabilityDouble();
      Money low = check(() -> d.quantile(Math.min(q1, q2)), Money.class);
      Money high = check(() -> d.quantile(Math.max(q1, q2)), Money.class);
      if (low != null && high != null) {
        assertThat(low.compareTo(high)).as("quantiles ascend: %s <= %s", low, high)
            .isLessThanOrEqualTo(0);
      }
      check(() -> PipelineForecaster.additionalLeads(d, money(data), probability(data),
          money(data), number(data), data.consumeLong(-1, 200)), LeadsNeeded.class);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void targetsAndReplenishment(FuzzedDataProvider data) {
    double[] ratios = new double[data.consumeInt(0, 8)];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = number(data);
    }
    Optional<RatioEstimate> estimate;
    try {
      estimate = PlanningErrors.ratioEstimate(ratios, number(data));
    } catch (ValidationException rejected) {
      estimate = Optional.empty();
    }
    estimate.ifPresent(e -> {
      assertFinite(ClientyieldJson.mapper().valueToTree(e));
      assertJsonRoundTrip(e, RatioEstimate.class);
    });
    Money target = money(data);
    Money pipeline = money(data);
    check(() -> CorrectedTargets.planFor(target, number(data)), CorrectedPlan.class);
    check(() -> Replenishment.coverage(pipeline, target, number(data)), CoverageCheck.class);
    if (estimate.isPresent()) {
      RatioEstimate e = estimate.get();
      check(() -> CorrectedTargets.planFor(target, e, number(data)), CorrectedPlan.class);
      check(() -> Replenishment.coverage(pipeline, target, e, number(data)), CoverageCheck.class);
      try {
        OptionalDouble lower = CorrectedTargets.lowerRatio(e, number(data));
        if (lower.isPresent()) {
          assertThat(Double.isFinite(lower.getAsDouble())).as("finite: %s", lower).isTrue();
        }
      } catch (ValidationException expected) {
        // the only allowed failure
      }
    }
    check(() -> {
      long trials = data.consumeLong(-1, 1_000_000);
      return Replenishment.prospectsNeeded(target, money(data),
          Proportion.of(data.consumeLong(-1, trials), trials));
    }, ProspectsNeeded.class);
  }

  private static Money weighted(OpenPipeline pipeline) {
    try {
      return pipeline.expected();
    } catch (ValidationException e) {
      return null;
    }
  }

  private static double probability(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.consumeProbabilityDouble() : number(data);
  }

  /** Small or huge, in EUR or sometimes in JPY (no minor units) to mix currencies. */
  private static Money money(FuzzedDataProvider data) {
    return FuzzChecks.money(data, EUR, JPY);
  }
}
