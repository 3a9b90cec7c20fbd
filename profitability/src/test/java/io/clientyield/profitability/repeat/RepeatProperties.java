package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatValuation.SegmentValue;
import io.clientyield.profitability.repeat.RepeatValuation.ClientValue;
import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.profitability.repeat.BgNbdFitter.BgNbdFit;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Laws of the repeat-client models. */
class RepeatProperties {
  /** Relative slack for comparisons of two series sums. */
  private static final double NOISE = 1e-12;

  @Test
  void predictionsAreMonotoneInT() {
    qt().forAll(RepeatGenerators.bgNbdModels(), RepeatGenerators.histories(), doubles().between(0, 200),
            doubles().between(0, 200))
        .check((m, h, t1, t2) -> {
          double lo = Math.min(t1, t2);
          double hi = Math.max(t1, t2);
          double eLo = m.expectedPurchases(lo, h.x(), h.tx(), h.bigT());
          double eHi = m.expectedPurchases(hi, h.x(), h.tx(), h.bigT());
          double pLo = m.expectedRepeatPurchases(lo);
          double pHi = m.expectedRepeatPurchases(hi);
          return eLo >= 0 && eLo <= eHi * (1 + NOISE) + Double.MIN_NORMAL && Double.isFinite(eHi)
              && pLo >= 0 && pLo <= pHi * (1 + NOISE) + Double.MIN_NORMAL && Double.isFinite(pHi);
        });
  }

  @Test
  void probabilityAliveIsAProbabilityAndOneWithoutRepeatPurchases() {
    qt().forAll(RepeatGenerators.bgNbdModels(), RepeatGenerators.histories())
        .check((m, h) -> {
          double p = m.probabilityAlive(h.x(), h.tx(), h.bigT());
          return p >= 0 && p <= 1 && (h.x() > 0 || p == 1);
        });
  }

  @Test
  void probabilitiesOfCountsAreProbabilities() {
    qt().forAll(RepeatGenerators.bgNbdModels(), RepeatGenerators.histories(), doubles().between(0, 100))
        .check((m, h, t) -> {
          for (long k = 0; k < 5; k++) {
            double p = m.probabilityOfPurchases(k, t, h.x(), h.tx(), h.bigT());
            if (!(p >= 0 && p <= 1)) {
              return false;
            }
          }
          return true;
        });
  }

  @Test
  void expectedPurchasesWithoutRepeatPurchasesFallAsObservationGrows() {
    qt().forAll(RepeatGenerators.bgNbdModels(), doubles().between(0, 100), doubles().between(0, 100),
            doubles().between(0.1, 100))
        .check((m, t1, t2, t) -> {
          double shortT = Math.min(t1, t2);
          double longT = Math.max(t1, t2);
          return m.expectedPurchases(t, 0, 0, longT) <= m.expectedPurchases(t, 0, 0, shortT) * (1 + NOISE);
        });
  }

  @Test
  void summaryAccumulatorObeysTheAccumulatorLaws() {
    qt().forAll(AccumulatorLaws.splits(RepeatGenerators.purchaseLists()))
        .check(s -> AccumulatorLaws.hold(s,
            () -> new RepeatSummaryAccumulator(RepeatGenerators.USD, RepeatGenerators.CALIBRATION_END,
                RepeatGenerators.HOLDOUT_END),
            RepeatSummaryAccumulator::add, RepeatSummaryAccumulator::merge, RepeatSummaryAccumulator::result));
  }

  @Test
  void summaryDoesNotDependOnTheOrderOfPurchases() {
    qt().forAll(RepeatGenerators.purchaseLists())
        .check(list -> {
          List<Purchase> reversed = new ArrayList<>(list);
          Collections.reverse(reversed);
          return fold(list).equals(fold(reversed));
        });
  }

  @Test
  void fittingTwiceGivesTheSameParameters() {
    qt().withExamples(15)
        .forAll(lists().of(RepeatGenerators.summaries()).ofSizeBetween(20, 60))
        .check(list -> {
          List<RepeatSummary> shuffled = new ArrayList<>(list);
          Collections.reverse(shuffled);
          try {
            BgNbdFit first = BgNbdFitter.DEFAULT.fit(list);
            return first.equals(BgNbdFitter.DEFAULT.fit(list)) && first.equals(BgNbdFitter.DEFAULT.fit(shuffled));
          } catch (ValidationException e) {
            // data without a finite maximum are rejected, and rejected again
            try {
              BgNbdFitter.DEFAULT.fit(list);
              return false;
            } catch (ValidationException again) {
              return again.getMessage().equals(e.getMessage());
            }
          }
        });
  }

  @Test
  void summariesModelsAndValuesRoundTripThroughJson() {
    qt().withExamples(200)
        .forAll(RepeatGenerators.summaries(), RepeatGenerators.bgNbdModels(), RepeatGenerators.gammaGammaModels())
        .checkAssert((s, m, g) -> {
          JsonAssertions.assertJsonRoundTrip(s, RepeatSummary.class);
          JsonAssertions.assertJsonRoundTrip(m, BgNbdModel.class);
          JsonAssertions.assertJsonRoundTrip(g, GammaGammaModel.class);
          RepeatValuation v = new RepeatValuation(m, g, 4, 1, 0.01, 0.3, RepeatGenerators.USD);
          JsonAssertions.assertJsonRoundTrip(v, RepeatValuation.class);
          JsonAssertions.assertJsonRoundTrip(v.value(s), ClientValue.class);
          JsonAssertions.assertJsonRoundTrip(v.segment(List.of(s)), SegmentValue.class);
        });
  }

  private static RepeatSummaries fold(List<Purchase> list) {
    RepeatSummaryAccumulator acc = new RepeatSummaryAccumulator(RepeatGenerators.USD,
        RepeatGenerators.CALIBRATION_END, RepeatGenerators.HOLDOUT_END);
    list.forEach(acc::add);
    return acc.result();
  }
}
