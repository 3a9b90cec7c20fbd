package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days: a set of weekend days and a set of holidays, both configurable.
 *
 * <p>Counting is half-open on the left: {@link #workingDaysBetween(LocalDate, LocalDate)} counts
 * the working days {@code d} with {@code start < d <= end}, which is how long a deal that
 * entered a stage on {@code start} has been in it on {@code end}. Adding is its inverse:
 * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n} for every date and every
 * {@code n >= 0}. Example (Saturday/Sunday weekends): from Friday 2026-11-20, 1 working day
 * later is Monday 2026-11-23, and Friday to Monday counts 1 working day.
 *
 * <p>Counting is O(log holidays), not O(days). JSON form:
 * {@code {"weekends":["SATURDAY","SUNDAY"],"holidays":["2026-12-25"]}}. Immutable and
 * thread-safe.
 */
@JsonPropertyOrder({"weekends", "holidays"})
public final class BusinessCalendar {

  /** Monday to Friday, no holidays. */
  public static final BusinessCalendar MONDAY_TO_FRIDAY =
      new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());

  /**
   * Every day counts: no weekends, no holidays, so working days are calendar days (for ages and
   * cycle lengths measured in calendar days).
   */
  public static final BusinessCalendar EVERY_DAY =
      new BusinessCalendar(EnumSet.noneOf(DayOfWeek.class), List.of());

  private static final int MAX_HOLIDAYS = 100_000;

  private final Set<DayOfWeek> weekends;
  /** Weekend flag by {@code DayOfWeek.ordinal()}. */
  private final boolean[] weekend;
  private final int workingDaysPerWeek;
  /** Holidays that fall on working weekdays, as sorted epoch days. */
  private final long[] holidays;
  private final List<LocalDate> holidayList;

  private BusinessCalendar(Set<DayOfWeek> weekends, Collection<LocalDate> holidays) {
    this.weekends = Set.copyOf(weekends);
    this.weekend = new boolean[7];
    for (DayOfWeek d : weekends) {
      weekend[d.ordinal()] = true;
    }
    this.workingDaysPerWeek = 7 - this.weekends.size();
    TreeSet<LocalDate> sorted = new TreeSet<>(holidays);
    this.holidayList = List.copyOf(sorted);
    this.holidays = sorted.stream()
        .filter(d -> !weekend[d.getDayOfWeek().ordinal()])
        .mapToLong(LocalDate::toEpochDay)
        .toArray();
  }

  /**
   * Creates a calendar.
   *
   * @param weekends the days of the week that are never worked (at most 6)
   * @param holidays dates that are not worked
   * @return the calendar
   * @throws ValidationException if every day is a weekend, a value is null, or there are more
   *     than 100 000 holidays
   */
  @JsonCreator
  public static BusinessCalendar of(
      @JsonProperty(value = "weekends", required = true) Collection<DayOfWeek> weekends,
      @JsonProperty(value = "holidays") Collection<LocalDate> holidays) {
    Checks.notNull("weekends", weekends);
    Collection<LocalDate> hs = holidays == null ? List.of() : holidays;
    Checks.Collector c = Checks.collector();
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : weekends) {
      if (d == null) {
        c.add("weekends", weekends, "must not contain null");
      } else {
        days.add(d);
      }
    }
    if (days.size() == 7) {
      c.add("weekends", days, "must leave at least one working day in the week");
    }
    for (LocalDate d : hs) {
      if (d == null) {
        c.add("holidays", "null", "must not contain null");
        break;
      }
    }
    if (hs.size() > MAX_HOLIDAYS) {
      c.add("holidays", hs.size() + " dates", "must have at most " + MAX_HOLIDAYS + " dates");
    }
    c.throwIfAny();
    return new BusinessCalendar(days, hs);
  }

  /**
   * Returns this calendar with more holidays.
   *
   * @param more the extra holidays
   * @return a new calendar
   */
  public BusinessCalendar withHolidays(Collection<LocalDate> more) {
    Checks.notNull("holidays", more);
    TreeSet<LocalDate> all = new TreeSet<>(holidayList);
    for (LocalDate d : more) {
      all.add(Checks.notNull("holidays[]", d));
    }
    return of(weekends, all);
  }

  /**
   * Returns the weekend days.
   *
   * @return the weekend days
   */
  @JsonProperty("weekends")
  public Set<DayOfWeek> weekends() {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    days.addAll(weekends);
    return days;
  }

  /**
   * Returns the holidays, sorted.
   *
   * @return the holidays
   */
  @JsonProperty("holidays")
  public List<LocalDate> holidays() {
    return holidayList;
  }

  /**
   * Returns whether a date is a working day (not a weekend day, not a holiday).
   *
   * @param date the date
   * @return true if worked
   */
  public boolean isWorkingDay(LocalDate date) {
    Checks.notNull("date", date);
    return !weekend[date.getDayOfWeek().ordinal()]
        && Arrays.binarySearch(holidays, date.toEpochDay()) < 0;
  }

  /**
   * Counts the working days {@code d} with {@code start < d <= end}; negative when {@code end}
   * is before {@code start} ({@code -workingDaysBetween(end, start)}).
   *
   * @param start the day after which counting starts
   * @param end the last day counted
   * @return the number of working days
   */
  public long workingDaysBetween(LocalDate start, LocalDate end) {
    Checks.notNull("start", start);
    Checks.notNull("end", end);
    if (end.isBefore(start)) {
      return -workingDaysBetween(end, start);
    }
    long days = ChronoUnit.DAYS.between(start, end);
    long fullWeeks = days / 7;
    long count = fullWeeks * workingDaysPerWeek;
    int dow = start.getDayOfWeek().ordinal();
    for (long i = 1; i <= days % 7; i++) {
      if (!weekend[(int) ((dow + i) % 7)]) {
        count++;
      }
    }
    return count - holidaysIn(start.toEpochDay() + 1, end.toEpochDay());
  }

  /** Number of working-weekday holidays h with from <= h <= to. */
  private long holidaysIn(long from, long to) {
    if (holidays.length == 0 || to < from) {
      return 0;
    }
    return lowerBound(to + 1) - lowerBound(from);
  }

  private int lowerBound(long key) {
    int i = Arrays.binarySearch(holidays, key);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && holidays[i - 1] == key) {
      i--;
    }
    return i;
  }

  /**
   * Returns the {@code n}-th working day after {@code date} ({@code date} itself for
   * {@code n = 0}).
   *
   * @param date the start date
   * @param n the number of working days to add, {@code >= 0}
   * @return the date {@code d} with {@code workingDaysBetween(date, d) == n}, a working day if
   *     {@code n > 0}
   * @throws ValidationException if {@code n} is negative or the result would lie beyond
   *     {@link LocalDate#MAX}
   */
  public LocalDate plusWorkingDays(LocalDate date, long n) {
    Checks.notNull("date", date);
    Checks.nonNegative("n", n);
    if (n == 0) {
      return date;
    }
    try {
      // jump whole weeks that cannot overshoot, then walk the rest (holidays only add days)
      long weeks = (n - 1) / workingDaysPerWeek;
      LocalDate d = date.plusWeeks(weeks);
      long counted = workingDaysBetween(date, d);
      while (counted < n) {
        d = d.plusDays(1);
        if (isWorkingDay(d)) {
          counted++;
        }
      }
      return d;
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw ValidationException.of("n", n, "moves " + date + " beyond the last supported date "
          + LocalDate.MAX);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar
        && ((BusinessCalendar) o).weekends.equals(weekends)
        && ((BusinessCalendar) o).holidayList.equals(holidayList);
  }

  @Override
  public int hashCode() {
    return weekends.hashCode() * 31 + holidayList.hashCode();
  }

  @Override
  public String toString() {
    return "BusinessCalendar[weekends=" + new TreeSet<>(weekends) + ", holidays=" + holidayList.size() + "]";
  }
}
