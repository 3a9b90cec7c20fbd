package io.clientyield.funnel;

import io.clientyield.funnel.internal.FunnelSinks;
import static io.clientyield.testkit.FuzzChecks.assertFinite;
import static io.clientyield.testkit.FuzzChecks.check;
import static io.clientyield.testkit.FuzzChecks.number;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clientyield.testkit.FuzzChecks;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.internal.DealEventFolder;
import io.clientyield.funnel.internal.EventColumns;
import io.clientyield.funnel.internal.GroupedEventFolder;
import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import io.clientyield.funnel.time.SalesVelocity;
import io.clientyield.funnel.time.TimeInStageAccumulator;
import io.clientyield.funnel.internal.WorkingDayHistogram;
import java.util.Currency;

/**
 * Feeds arbitrary numbers to the primitive and numeric entry points of the funnel module
 * (columnar events folded by {@link DealEventFolder} and {@link GroupedEventFolder} into the
 * accumulators, {@link WorkingDayHistogram} and
 * {@link SalesVelocity}): each call either throws
 * {@link ValidationException} and leaves the folder unchanged, or gives a result whose numbers are
 * all finite and that round-trips through JSON. Regression inputs under
 * {@code src/test/resources/io/clientyield/funnel/FunnelNumbersFuzzTestInputs} run in every
 * build; fuzz one method for real with {@code JAZZER_FUZZ=1 mvn -B -o -q -pl funnel -am test
 * -Dtest=FunnelNumbersFuzzTest#eventsFoldIntoFiniteResultsOrFailWithValidationException
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.failIfNoTests=false}.
 */
class FunnelNumbersFuzzTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final Stages STAGES = Stages.of("lead", "meeting", "offer", "contract");
  private static final int MAX_EVENTS = 64;
  /** Rounding allowed around the bounds of a smoothed share. */
  private static final double TOLERANCE = 1e-12;

  @FuzzTest(maxDuration = "10s")
  void eventsFoldIntoFiniteResultsOrFailWithValidationException(FuzzedDataProvider data) {
    int n = data.consumeInt(0, MAX_EVENTS);
    long[] keys = new long[n];
    int[] groups = new int[n];
    int[] stages = new int[n];
    int[] outcomes = new int[n];
    int[] reasons = new int[n];
    long[] budgets = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = data.consumeBoolean() ? data.consumeLong(0, 7) : data.consumeLong();
      groups[i] = smallOrAny(data, 5);
      stages[i] = smallOrAny(data, STAGES.size() + 1);
      outcomes[i] = smallOrAny(data, 6);
      reasons[i] = smallOrAny(data, 4);
      budgets[i] = data.consumeBoolean() ? data.consumeLong(-2, 1_000_000) : data.consumeLong();
    }
    EventColumns events = EventColumns.of(keys, groups, stages, outcomes, reasons, budgets);
    int from = data.consumeInt(-1, n + 1);
    int to = data.consumeInt(-1, n + 1);

    DealEventFolder folder = new DealEventFolder(data.consumeInt(0, 64));
    boolean partitioned = data.consumeBoolean();
    int part = data.consumeInt(-1, 3);
    int parts = data.consumeInt(-1, 3);
    try {
      if (partitioned) {
        folder.addAll(events, from, to, part, parts);
      } else {
        folder.addAll(events, from, to);
      }
    } catch (ValidationException e) {
      assertThat(folder.dealCount()).as("a rejected range folds nothing").isZero();
    }
    StageFunnelAccumulator funnel = new StageFunnelAccumulator(STAGES, EUR);
    check(() -> {
      folder.emitTo(FunnelSinks.of(funnel));
      return funnel.result();
    }, StageFunnel.class);

    StageProbabilityLearner learner = new StageProbabilityLearner(STAGES);
    double alpha = number(data);
    double beta = number(data);
    StageProbabilities learned = check(() -> {
      folder.emitTo(FunnelSinks.of(learner));
      return learner.result(Smoothing.of(alpha, beta));
    }, StageProbabilities.class);
    if (learned != null) {
      for (StageProbability p : learned.entries()) {
        p.probability().ifPresent(x -> assertBetweenPriorAndSample(x, p.sample().orElseThrow(),
            alpha, beta));
      }
      check(() -> {
        // rejects a table with an undefined probability (no smoothing, no closed deal)
        WeightedPipelineAccumulator weighted = new WeightedPipelineAccumulator(learned, EUR);
        folder.emitTo(FunnelSinks.of(weighted));
        return weighted.result();
      }, WeightedPipeline.class);
    }

    CrossStatisticsAccumulator<String> cross =
        CrossStatisticsAccumulator.by(STAGES, EUR, java.util.List.of(), d -> "all");
    GroupedEventFolder grouped = new GroupedEventFolder(FunnelSinks.of(cross));
    check(() -> {
      grouped.addAll(events, from, to);
      grouped.finish();
      return cross.result();
    }, CrossStatistics.class);
  }

  @FuzzTest(maxDuration = "10s")
  void histogramAndVelocityStayFiniteOrFailWithValidationException(FuzzedDataProvider data) {
    WorkingDayHistogram a = new WorkingDayHistogram();
    WorkingDayHistogram b = new WorkingDayHistogram();
    int n = data.consumeInt(0, 32);
    for (int i = 0; i < n; i++) {
      WorkingDayHistogram h = data.consumeBoolean() ? a : b;
      long before = h.count();
      try {
        h.add(data.consumeBoolean() ? data.consumeLong(-2, 400) : data.consumeLong());
      } catch (ValidationException rejected) {
        assertThat(h.count()).as("a rejected duration is not counted").isEqualTo(before);
      }
    }
    a.merge(b);
    try {
      a.quantile(number(data));
    } catch (ValidationException expected) {
      // the only allowed failure
    }
    a.mean().ifPresent(FuzzChecks::assertFinite);
    check(() -> {
      long trials = data.consumeLong(-1, Long.MAX_VALUE);
      return TimeInStageAccumulator.salesVelocity(data.consumeLong(), Proportion.of(data.consumeLong(-1, trials), trials),
          money(data), data.consumeLong(), data.consumeLong(), data.consumeLong());
    }, SalesVelocity.class);
  }

  /**
   * A smoothed share {@code (s + α) / (n + α + β)} is a weighted mean of the prior mean
   * {@code α / (α + β)} and the sample share {@code s / n}, so it lies between them.
   */
  private static void assertBetweenPriorAndSample(double x, Proportion sample, double alpha,
      double beta) {
    double lo = 1;
    double hi = 0;
    if (alpha + beta > 0 || Double.isInfinite(alpha + beta)) {
      double prior = Double.isFinite(alpha + beta) ? alpha / (alpha + beta)
          : (alpha / 2) / (alpha / 2 + beta / 2);
      lo = Math.min(lo, prior);
      hi = Math.max(hi, prior);
    }
    if (sample.trials() > 0) {
      double share = (double) sample.successes() / sample.trials();
      lo = Math.min(lo, share);
      hi = Math.max(hi, share);
    }
    assertThat(x).as("(%s + %s) / (%s + %s + %s)", sample.successes(), alpha, sample.trials(),
        alpha, beta).isBetween(lo - TOLERANCE, hi + TOLERANCE);
  }

  private static int smallOrAny(FuzzedDataProvider data, int bound) {
    return data.consumeBoolean() ? data.consumeInt(-2, bound) : data.consumeInt();
  }

  private static Money money(FuzzedDataProvider data) {
    long minor = data.consumeBoolean() ? data.consumeLong(-2, 10_000_000) : data.consumeLong();
    return Money.ofMinor(minor, EUR);
  }
}
