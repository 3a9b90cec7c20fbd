package io.clientyield.profitability.project;

import io.clientyield.core.WorkerId;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectAccumulatorTest {

  private static final double TOL = 1e-9;
  private static final LocalDate DAY = LocalDate.of(2024, 3, 4);
  private static final RateCard RATES =
      new RateCard(
          Currency.getInstance("EUR"),
          Map.of(WorkerId.of("senior"), eur("50.00"), WorkerId.of("junior"), eur("20.00")),
          Map.of(WorkerId.of("senior"), eur("120.00"), WorkerId.of("junior"), eur("60.00")));

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  @Test
  void minuteSumsBeyondALongAreRejectedAndNothingIsApplied() {
    var free =
        new RateCard(
            Currency.getInstance("EUR"),
            Map.of(WorkerId.of("a"), eur("0.00"), WorkerId.of("b"), eur("0.00")),
            Map.of(WorkerId.of("a"), eur("0.00"), WorkerId.of("b"), eur("0.00")));
    var acc = ProjectAccumulator.timeAndMaterials(free).add(new TimesheetEntry(WorkerId.of("a"), DAY, Long.MAX_VALUE - 1, true));
    // b's own minutes fit, the project's total does not (it used to wrap in result())
    assertThatThrownBy(() -> acc.add(new TimesheetEntry(WorkerId.of("b"), DAY, 5, true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("minutes (")
        .hasMessageContaining("must fit in a long");
    var other = ProjectAccumulator.timeAndMaterials(free).add(new TimesheetEntry(WorkerId.of("b"), DAY, 5, false));
    other.addExpense(eur("1.00"));
    assertThatThrownBy(() -> acc.merge(other))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("minutes (");
    ProjectProfitability p = acc.result();
    assertThat(p.minutes()).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(p.billableMinutes()).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(p.expenses()).isEqualTo(eur("0.00"));
  }

  @Test
  void timeAndMaterials() {
    ProjectProfitability p =
        ProjectAccumulator.timeAndMaterials(RATES)
            .add(new TimesheetEntry(WorkerId.of("senior"), DAY, 600, true))
            .addExpense(eur("200.00"))
            .result();
    // cost = 10 h x 50 + 200 = 700; revenue = 10 h x 120 = 1200; profit 500
    assertThat(p.cost()).isEqualTo(eur("700.00"));
    assertThat(p.revenue()).isEqualTo(eur("1200.00"));
    assertThat(p.profit()).isEqualTo(eur("500.00"));
    assertThat(p.margin().getAsDouble()).isCloseTo(500.0 / 1200.0, within(TOL));
    assertThat(p.markup().getAsDouble()).isCloseTo(500.0 / 700.0, within(TOL));
    assertThat(p.realizedHourlyRate()).contains(eur("120.00"));
    assertJsonRoundTrip(p, ProjectProfitability.class);
  }

  @Test
  void fixedFeeWithNonBillableHoursLowersTheRealizedRate() {
    ProjectProfitability p =
        ProjectAccumulator.fixedFee(RATES, eur("1000.00"))
            .add(new TimesheetEntry(WorkerId.of("senior"), DAY, 300, true))
            .add(new TimesheetEntry(WorkerId.of("junior"), DAY, 450, false))
            .result();
    // cost = 5 h x 50 + 7.5 h x 20 = 250 + 150 = 400; profit 600; rate 1000 / 12.5 h = 80
    assertThat(p.cost()).isEqualTo(eur("400.00"));
    assertThat(p.profit()).isEqualTo(eur("600.00"));
    assertThat(p.margin().getAsDouble()).isCloseTo(0.6, within(TOL));
    assertThat(p.markup().getAsDouble()).isCloseTo(1.5, within(TOL));
    assertThat(p.realizedHourlyRate()).contains(eur("80.00"));
    assertThat(p.billableMinutes()).isEqualTo(300);
    assertThat(p.minutes()).isEqualTo(750);
  }

  @Test
  void plannedVersusActual() {
    ProjectProfitability planned =
        ProjectAccumulator.fixedFee(RATES, eur("1000.00"))
            .add(new TimesheetEntry(WorkerId.of("senior"), DAY, 300, true))
            .result();
    ProjectProfitability actual =
        ProjectAccumulator.fixedFee(RATES, eur("1000.00"))
            .add(new TimesheetEntry(WorkerId.of("senior"), DAY, 420, true))
            .result();
    // planned profit 1000 - 250 = 750; actual 1000 - 350 = 650; -100 against plan
    assertThat(actual.profitVersusPlan(planned)).isEqualTo(eur("-100.00"));
  }

  @Test
  void emptyProjectHasUndefinedRatios() {
    ProjectProfitability p = ProjectAccumulator.timeAndMaterials(RATES).result();
    assertThat(p.margin()).isEmpty();
    assertThat(p.markup()).isEmpty();
    assertThat(p.realizedHourlyRate()).isEmpty();
  }

  @Test
  void unknownWorkerRejected() {
    assertThatThrownBy(
            () -> ProjectAccumulator.timeAndMaterials(RATES).add(new TimesheetEntry(WorkerId.of("intern"), DAY, 60, true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("intern");
  }
}
