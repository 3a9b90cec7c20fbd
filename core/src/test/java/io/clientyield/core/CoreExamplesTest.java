package io.clientyield.core;

import static io.clientyield.testkit.CoreGenerators.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Worked numbers of the core types. */
class CoreExamplesTest {
  private static final double TOLERANCE = 1e-4;

  @Test
  void wilsonIntervalOfThreeInAHundred() {
    ConfidenceInterval ci = Proportion.of(3, 100).wilson95().orElseThrow();
    assertThat(ci.lower()).isCloseTo(0.0103, within(TOLERANCE));
    assertThat(ci.upper()).isCloseTo(0.0845, within(TOLERANCE));
    assertThat(Proportion.EMPTY.value()).isEmpty();
    assertThat(Proportion.EMPTY.wilson95()).isEmpty();
  }

  @Test
  void moneyArithmetic() {
    Money hundred = Money.of(100, EUR);
    assertThat(hundred.allocate(1, 1, 1)).extracting(Money::toString)
        .containsExactly("EUR 33.34", "EUR 33.33", "EUR 33.33");
    assertThat(hundred.multipliedBy(0.125, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(hundred.dividedBy(0.75, RoundingMode.HALF_UP)).isEqualTo(Money.of("133.33", "EUR"));
    assertThat(Money.of(75, EUR).ratioTo(hundred)).hasValue(0.75);
    assertThat(hundred.ratioTo(Money.zero(EUR))).isEmpty();
    assertThat(Money.of("1", "JPY").toString()).isEqualTo("JPY 1");
  }

  @Test
  void workingDays() {
    BusinessCalendar cal = BusinessCalendar.MONDAY_TO_FRIDAY;
    LocalDate friday = LocalDate.of(2026, 11, 20);
    assertThat(cal.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(cal.workingDaysBetween(friday, LocalDate.of(2026, 11, 23))).isEqualTo(1);
    assertThat(cal.workingDaysBetween(friday, LocalDate.of(2026, 11, 27))).isEqualTo(5);
    BusinessCalendar withHoliday = cal.withHolidays(java.util.List.of(LocalDate.of(2026, 11, 23)));
    assertThat(withHoliday.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void everyDayCalendarCountsCalendarDays() {
    LocalDate friday = LocalDate.of(2026, 11, 20);
    assertThat(BusinessCalendar.EVERY_DAY.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 21));
    assertThat(BusinessCalendar.EVERY_DAY.workingDaysBetween(friday, LocalDate.of(2026, 11, 23))).isEqualTo(3);
  }

  @Test
  void periodNearTheEndOfTimeHasNoNextButIsContained() {
    ReportingPeriod last = ReportingPeriod.containing(ReportingPeriod.Kind.QUARTER, LocalDate.MAX);
    assertThat(last.end()).isEqualTo(LocalDate.MAX);
    assertThatThrownBy(last::next).isInstanceOf(ValidationException.class);
  }

  @Test
  void periods() {
    assertThat(ReportingPeriod.containing(ReportingPeriod.Kind.QUARTER, LocalDate.of(2026, 9, 30)).label()).isEqualTo("2026-Q3");
    assertThat(ReportingPeriod.month(2026, 12).next().label()).isEqualTo("2027-01");
    assertThat(ReportingPeriod.quarter(2026, 4).next()).isEqualTo(ReportingPeriod.quarter(2027, 1));
    assertThat(ReportingPeriod.year(2026).days()).isEqualTo(365);
  }
}
