package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.testkit.CoreGenerators;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every validation message of the core types, verbatim. */
class ValidationMessagesTest {

  @Test
  void rateOutsideUnitInterval() {
    assertThatThrownBy(() -> Rate.of("conversion", 1.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("conversion (1.3) must be within [0, 1]");
    assertThatThrownBy(() -> Rate.of(Double.NaN)).hasMessage("rate (NaN) must be within [0, 1]");
    assertThatThrownBy(() -> Rate.ofPercent("ctr", 130)).hasMessage("ctr (percent) (130) must be within [0, 100]");
  }

  @Test
  void negativeCount() {
    assertThatThrownBy(() -> Proportion.of(1, -3)).hasMessage("trials (-3) must be >= 0");
    assertThatThrownBy(() -> Proportion.of(5, 3)).hasMessage("successes (5) must be <= trials (3)");
  }

  @Test
  void nullElementsAreNamedByIndexAndAllReported() {
    List<String> values = new java.util.ArrayList<>(java.util.Arrays.asList("a", null, "c", null));
    assertThatThrownBy(() -> Checks.elementsNotNull("deals", values))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("deals[1] (null) must not be null")
        .hasMessageContaining("deals[3] (null) must not be null")
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2));
    assertThatThrownBy(() -> Checks.elementsNotNull("deals", null)).hasMessage("deals (null) must not be null");
    assertThatThrownBy(() -> Checks.notNull("deals", 3, null)).hasMessage("deals[3] (null) must not be null");
    assertThat(Checks.notNull("deals", 0, "a")).isEqualTo("a");
    List<String> ok = new java.util.ArrayList<>(List.of("a", "b"));
    List<String> copy = Checks.elementsNotNull("deals", ok);
    ok.set(0, "changed");
    assertThat(copy).containsExactly("a", "b");
  }

  @Test
  void overflowingSumNamesTheFieldAndBothTerms() {
    assertThat(Checks.addExact("deals", Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(Checks.addExact("deals", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(-1);
    assertThatThrownBy(() -> Checks.addExact("deals", Long.MAX_VALUE, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("deals (9223372036854775807 + 1) must fit in a long (within [-9223372036854775808, "
            + "9223372036854775807])");
    assertThatThrownBy(() -> Checks.addExact("budget", Long.MIN_VALUE, -1))
        .hasMessageStartingWith("budget (-9223372036854775808 + -1) must fit in a long");
    assertThat(Checks.addExact("byPm", "anna", ".revenue", 2, 3)).isEqualTo(5);
    assertThat(Checks.sumOverflows(Long.MAX_VALUE, 1)).isTrue();
    assertThat(Checks.sumOverflows(Long.MIN_VALUE, -1)).isTrue();
    assertThat(Checks.sumOverflows(Long.MAX_VALUE, Long.MIN_VALUE)).isFalse();
    assertThatThrownBy(() -> Checks.addExact("byPm", "anna", ".revenue", Long.MAX_VALUE, 2))
        .hasMessageStartingWith("byPm[anna].revenue (9223372036854775807 + 2) must fit in a long");
    assertThatThrownBy(() -> Checks.addExact("minutes", null, "", Long.MAX_VALUE, 2))
        .hasMessageStartingWith("minutes (9223372036854775807 + 2) must fit in a long");
  }

  @Test
  void collectedCurrencyMismatchNamesBothFields() {
    Checks.Collector c = Checks.collector();
    assertThat(c.sameCurrency("cost", Money.of("1.00", "EUR"), "revenue", Money.of("2.00", "EUR"))).isTrue();
    assertThat(c.sameCurrency("cost", null, "revenue", Money.of("2.00", "EUR"))).isTrue();
    assertThat(c.isEmpty()).isTrue();
    assertThat(c.sameCurrency("cost", Money.of("1.00", "USD"), "revenue", Money.of("2.00", "EUR"))).isFalse();
    assertThatThrownBy(c::throwIfAny)
        .hasMessage("cost (USD 1.00) must be in EUR like revenue: cannot mix EUR and USD");
  }

  @Test
  void currencyMismatchNamesBoth() {
    assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
        .hasMessage("currency (USD) must equal EUR: cannot mix EUR and USD without a stated conversion");
  }

  @Test
  void moneyRejectsSilentRounding() {
    assertThatThrownBy(() -> Money.of(new BigDecimal("12.555"), CoreGenerators.EUR))
        .hasMessage("amount (12.555) must have at most 2 decimal places for EUR (round explicitly with a RoundingMode)");
    assertThatThrownBy(() -> Money.of("12,5", "EUR")).hasMessage("amount (12,5) must be a decimal number such as 1234.50");
    assertThatThrownBy(() -> Money.of("1", "EURO")).hasMessage("currency (EURO) must be an ISO 4217 currency code");
  }

  @Test
  void periodEndBeforeStart() {
    assertThatThrownBy(() -> ReportingPeriod.of(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 1)))
        .hasMessage("end (2026-09-01) must not be before start (2026-09-30)");
  }

  @Test
  void calendarWithoutWorkingDays() {
    assertThatThrownBy(() -> BusinessCalendar.of(EnumSet.allOf(DayOfWeek.class), List.of()))
        .hasMessageStartingWith("weekends (")
        .hasMessageEndingWith(") must leave at least one working day in the week");
    assertThatThrownBy(() -> BusinessCalendar.MONDAY_TO_FRIDAY.plusWorkingDays(LocalDate.of(2026, 1, 1), -1))
        .hasMessage("n (-1) must be >= 0");
  }

  @Test
  void blankId() {
    assertThatThrownBy(() -> ClientId.of(" ")).hasMessage("clientId (\" \") must not be blank");
  }

  @Test
  void collectorReportsEveryViolation() {
    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, () ->
        Checks.collector()
            .check(() -> Checks.nonNegative("leads", -1L))
            .check(() -> Checks.unitInterval("cr", 2.0))
            .throwIfAny());
    assertThat(e.violations()).extracting(ValidationException.Violation::field).containsExactly("leads", "cr");
    assertThat(e).hasMessage("2 violations: leads (-1) must be >= 0; cr (2) must be within [0, 1]");
  }

  @Test
  void jsonErrorsNameThePath() {
    assertThatThrownBy(() -> ClientyieldJson.read("{\"successes\":5,\"trials\":3}", Proportion.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("successes (5) must be <= trials (3)");
    assertThatThrownBy(() -> ClientyieldJson.read("{\"kind\":\"WEEK\",\"start\":\"2026-01-01\",\"end\":\"2026-01-07\"}", ReportingPeriod.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("$.kind (WEEK) must be one of MONTH, QUARTER, YEAR, CUSTOM");
    assertThatThrownBy(() -> ClientyieldJson.read("{\"successes\":1", Proportion.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("$ ((document)) must be well-formed JSON");
  }

  @Test
  void worksWithAnyDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThatThrownBy(() -> Rate.of("ctr", 1.5)).hasMessage("ctr (1.5) must be within [0, 1]");
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void moneyArithmeticStaysWithinTheRangeItCanReadBack() {
    Money big = Money.of(new BigDecimal("1e29"), Money.currency("EUR"));
    assertThatThrownBy(() -> big.multipliedBy(1000))
        .isInstanceOf(ValidationException.class)
        .hasMessage("result (100000000000000000000000000000000.00) of "
            + "EUR 100000000000000000000000000000.00 × 1000 must have at most 30 integer digits");
    assertThatThrownBy(() -> big.plus(big.multipliedBy(9))).hasMessageContaining("at most 30 integer digits");
    assertThatThrownBy(() -> big.negated().minus(big.multipliedBy(9)))
        .hasMessageContaining("at most 30 integer digits");
    assertThatThrownBy(() -> Money.of("100.00", "EUR").dividedBy(1e-300, java.math.RoundingMode.HALF_EVEN))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at most 30 integer digits");
    // within the range, the result reads back
    Money max = Money.of(new BigDecimal("99999999999999999999999999999.99"), Money.currency("EUR"));
    assertThat(ClientyieldJson.read(ClientyieldJson.write(max.minus(Money.of("0.01", "EUR"))), Money.class))
        .isEqualTo(Money.of(new BigDecimal("99999999999999999999999999999.98"), Money.currency("EUR")));
  }

  @Test
  void minorUnitsAndAccumulatorsRejectWhatALongCannotHold() {
    Money big = Money.of(new BigDecimal("1e20"), Money.currency("EUR"));
    assertThatThrownBy(big::minorUnits)
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount (EUR 100000000000000000000.00) must fit in a long of minor units "
            + "(at most 9223372036854775807) to be accumulated");
    MoneyAccumulator acc = new MoneyAccumulator(Money.currency("EUR")).addMinor(Long.MAX_VALUE - 1);
    assertThatThrownBy(() -> acc.addMinor(2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("sum (EUR 92233720368547758.06 + EUR 0.02) overflows a long of minor units "
            + "(at most 9223372036854775807)");
    assertThatThrownBy(() -> acc.add(big)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> acc.merge(new MoneyAccumulator(Money.currency("EUR")).addMinor(5)))
        .isInstanceOf(ValidationException.class);
    assertThat(acc.result()).isEqualTo(Money.ofMinor(Long.MAX_VALUE - 1, Money.currency("EUR")));
  }

  @Test
  void aConfidenceTooCloseToOneIsNamed() {
    double almostOne = Math.nextDown(1.0);
    assertThatThrownBy(() -> Proportion.zFor(almostOne))
        .isInstanceOf(ValidationException.class)
        .hasMessage("confidence (" + almostOne + ") is too close to 1 for a finite normal quantile "
            + "(at most 1 - 1e-15)");
    assertThatThrownBy(() -> Proportion.of(3, 10).wilson(almostOne))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("confidence (");
    assertThat(Proportion.zFor(1 - 1e-15)).isFinite();
  }

  @Test
  void datesBeyondTheSupportedRangeAreNamed() {
    BusinessCalendar cal = BusinessCalendar.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());
    assertThatThrownBy(() -> cal.plusWorkingDays(LocalDate.of(2026, 1, 1), Long.MAX_VALUE))
        .isInstanceOf(ValidationException.class)
        .hasMessage("n (9223372036854775807) moves 2026-01-01 beyond the last supported date "
            + "+999999999-12-31");
    assertThatThrownBy(() -> cal.plusWorkingDays(LocalDate.MAX, 1))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("n (1) moves");
    assertThatThrownBy(() -> ReportingPeriod.year(Integer.MAX_VALUE))
        .isInstanceOf(ValidationException.class)
        .hasMessage("year (2147483647) must be within [-999999999, 999999999]");
    assertThatThrownBy(() -> ReportingPeriod.month(Integer.MIN_VALUE, 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ReportingPeriod.quarter(Integer.MIN_VALUE, 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ReportingPeriod.containing(ReportingPeriod.Kind.MONTH, LocalDate.MAX).next())
        .isInstanceOf(ValidationException.class)
        .hasMessageEndingWith("has no next period before +999999999-12-31");
    assertThatThrownBy(() -> ReportingPeriod.month(2026, 1).contains(null))
        .isInstanceOf(ValidationException.class).hasMessage("date (null) must not be null");
  }
}
