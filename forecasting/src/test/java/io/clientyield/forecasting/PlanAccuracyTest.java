package io.clientyield.forecasting;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ManagerId;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Null elements inside input lists are named by index, never a NullPointerException. */
class PlanAccuracyTest {
  static final PeriodTotals SEP = AccuracyMeasuresTest.totals(9, "100", "75");
  static final PeriodTotals OCT = AccuracyMeasuresTest.totals(10, "50", "50");

  /** SEP, null, OCT, null: an ArrayList can hold null where List.of cannot. */
  static List<PeriodTotals> withNulls() {
    return new ArrayList<>(Arrays.asList(SEP, null, OCT, null));
  }

  @Test
  void planAccuracyOfTwoPeriods() {
    PlanAccuracy pa = new PlanAccuracy(new ArrayList<>(List.of(SEP, OCT)));
    // executed / plan = 0.75 and 1.0: μ = 0.875, EWMA 0.3 · 1 + 0.7 · 0.75 = 0.825
    assertThat(pa.realizationEstimate().orElseThrow().mean()).isCloseTo(0.875, within(1e-12));
    assertThat(pa.realizationEstimate().orElseThrow().ewma()).isCloseTo(0.825, within(1e-12));
    assertJsonRoundTrip(pa, PlanAccuracy.class);
  }

  @Test
  void periodsOutOfOrderOrRepeatedAreRejected() {
    // the EWMA weighs the last period most, so the order is part of the meaning
    assertThatThrownBy(() -> new PlanAccuracy(List.of(OCT, SEP)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("periods[1].period (" + SEP.period() + ") must be after periods[0].period ("
            + OCT.period() + ")");
    assertThatThrownBy(() -> new PlanAccuracy(List.of(SEP, SEP)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("periods[1].period");
  }

  @Test
  void nullPeriodsAreNamedByIndex() {
    assertThatThrownBy(() -> new PlanAccuracy(withNulls()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 violations: periods[1] (null) must not be null; "
            + "periods[3] (null) must not be null");
    assertThatThrownBy(() -> new PlanAccuracy(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("periods (null) must not be null");
  }

  @Test
  void nullTotalsAreNamedByIndexInTheMeasures() {
    assertThatThrownBy(() -> PlanningErrors.accuracy(withNulls(), BudgetStep.PLAN, BudgetStep.EXECUTED))
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 violations: totals[1] (null) must not be null; "
            + "totals[3] (null) must not be null");
    assertThatThrownBy(() -> PlanningErrors.accuracy(withNulls(), null, BudgetStep.EXECUTED))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(3));
    assertThatThrownBy(() -> PlanningErrors.ratioEstimate(withNulls(), BudgetStep.PLAN, null, 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("3 violations: totals[1] (null) must not be null; "
            + "totals[3] (null) must not be null; to (null) must not be null");
  }

  @Test
  void nullSeriesInAReportAreNamedByKey() {
    Map<ManagerId, PlanAccuracy> planners = new HashMap<>();
    planners.put(ManagerId.of("ann"), null);
    Map<ManagerId, PlanAccuracy> managers = new HashMap<>();
    managers.put(null, new PlanAccuracy(List.of(SEP)));
    assertThatThrownBy(() -> new PlanningErrorReport(new PlanAccuracy(List.of()), planners, managers))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field())
            .containsExactly("byPlanner[ann]", "byManager[null]"));
  }
}
