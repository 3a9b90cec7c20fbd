package io.clientyield.core;

import static io.clientyield.testkit.CoreGenerators.dates;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.testkit.JsonAssertions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class BusinessCalendarProperties {

  private static Gen<BusinessCalendar> calendars() {
    Gen<EnumSet<DayOfWeek>> weekends = integers().between(0, 126).map(mask -> {
      EnumSet<DayOfWeek> s = EnumSet.noneOf(DayOfWeek.class);
      for (DayOfWeek d : DayOfWeek.values()) {
        if ((mask & (1 << d.ordinal())) != 0) {
          s.add(d);
        }
      }
      return s;
    }).assuming(s -> s.size() < 7);
    Gen<List<LocalDate>> holidays = lists().of(dates()).ofSizeBetween(0, 40);
    return weekends.zip(holidays, BusinessCalendar::of);
  }

  @Test
  void addingThenCountingWorkingDaysIsIdentity() {
    qt().forAll(calendars(), dates(), integers().between(0, 2000))
        .check((cal, d, n) -> cal.workingDaysBetween(d, cal.plusWorkingDays(d, n)) == n);
  }

  @Test
  void theDayReachedIsAWorkingDay() {
    qt().forAll(calendars(), dates(), integers().between(1, 500))
        .check((cal, d, n) -> cal.isWorkingDay(cal.plusWorkingDays(d, n)));
  }

  @Test
  void weekendsAreNeverCounted() {
    qt().forAll(calendars(), dates(), integers().between(0, 400)).check((cal, d, n) -> {
      LocalDate end = d.plusDays(n);
      long naive = 0;
      for (LocalDate x = d.plusDays(1); !x.isAfter(end); x = x.plusDays(1)) {
        if (cal.isWorkingDay(x)) {
          naive++;
        }
      }
      return cal.workingDaysBetween(d, end) == naive
          && cal.workingDaysBetween(end, d) == -naive;
    });
  }

  @Test
  void jsonRoundTrip() {
    qt().forAll(calendars()).checkAssert(c -> JsonAssertions.assertJsonRoundTrip(c, BusinessCalendar.class));
  }
}
