package io.clientyield.core;

import io.clientyield.core.internal.Checks;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * A planning or reporting period: a month, a quarter, a year, or a custom date range. Both ends
 * are inclusive. (Named so that it does not clash with {@link java.time.Period}, which is a
 * length of time, not a range of dates.)
 *
 * <p>JSON form: {@code {"kind":"MONTH","start":"2026-09-01","end":"2026-09-30"}}. Immutable and
 * thread-safe.
 *
 * @param kind the kind of period
 * @param start the first day (inclusive)
 * @param end the last day (inclusive), not before {@code start}; a MONTH, QUARTER or YEAR must
 *     be the whole calendar month, quarter or year that starts on {@code start}
 */
@JsonPropertyOrder({"kind", "start", "end"})
public record ReportingPeriod(Kind kind, LocalDate start, LocalDate end)
    implements Comparable<ReportingPeriod> {

  /** The kind of period. */
  public enum Kind {
    /** A calendar month. */
    MONTH,
    /** A calendar quarter. */
    QUARTER,
    /** A calendar year. */
    YEAR,
    /** Any date range. */
    CUSTOM
  }

  /** Validates the range and its alignment with its kind. */
  public ReportingPeriod {
    Checks.Collector c = Checks.collector();
    if (kind == null) {
      c.add("kind", null, "must not be null");
    }
    if (start == null) {
      c.add("start", null, "must not be null");
    }
    if (end == null) {
      c.add("end", null, "must not be null");
    }
    c.throwIfAny();
    if (end.isBefore(start)) {
      c.add("end", end, "must not be before start (" + start + ")");
    } else {
      boolean aligned;
      switch (kind) {
        case MONTH:
          aligned = start.getDayOfMonth() == 1 && end.equals(YearMonth.from(start).atEndOfMonth());
          break;
        case QUARTER:
          aligned = start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0
              && end.equals(endOfQuarter(start));
          break;
        case YEAR:
          aligned = start.getDayOfYear() == 1 && end.equals(LocalDate.of(start.getYear(), 12, 31));
          break;
        default:
          aligned = true;
      }
      if (!aligned) {
        c.add("end", end, "must close the " + kind.name().toLowerCase(java.util.Locale.ROOT)
            + " that starts on " + start);
      }
    }
    c.throwIfAny();
  }

  private static LocalDate endOfQuarter(LocalDate start) {
    return YearMonth.from(start).plusMonths(2).atEndOfMonth();
  }

  /**
   * Returns a calendar month.
   *
   * @param month the month
   * @return the period
   */
  public static ReportingPeriod month(YearMonth month) {
    Checks.notNull("month", month);
    return new ReportingPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
  }

  /**
   * Returns a calendar month.
   *
   * @param year the year
   * @param month the month, 1..12
   * @return the period
   */
  public static ReportingPeriod month(int year, int month) {
    Checks.inRange("year", year, java.time.Year.MIN_VALUE, java.time.Year.MAX_VALUE);
    Checks.inRange("month", month, 1, 12);
    return month(YearMonth.of(year, month));
  }

  /**
   * Returns a calendar quarter.
   *
   * @param year the year
   * @param quarter the quarter, 1..4
   * @return the period
   */
  public static ReportingPeriod quarter(int year, int quarter) {
    Checks.inRange("year", year, java.time.Year.MIN_VALUE, java.time.Year.MAX_VALUE);
    Checks.inRange("quarter", quarter, 1, 4);
    LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    return new ReportingPeriod(Kind.QUARTER, start, endOfQuarter(start));
  }

  /**
   * Returns a calendar year.
   *
   * @param year the year, within {@link java.time.Year#MIN_VALUE} and {@link java.time.Year#MAX_VALUE}
   * @return the period
   * @throws ValidationException if the year is out of that range
   */
  public static ReportingPeriod year(int year) {
    Checks.inRange("year", year, java.time.Year.MIN_VALUE, java.time.Year.MAX_VALUE);
    return new ReportingPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /**
   * Returns a custom range.
   *
   * @param start the first day
   * @param end the last day, not before {@code start}
   * @return the period
   * @throws ValidationException if {@code end} is before {@code start}
   */
  public static ReportingPeriod of(LocalDate start, LocalDate end) {
    Checks.notNull("start", start);
    Checks.notNull("end", end);
    return new ReportingPeriod(Kind.CUSTOM, start, end);
  }

  /**
   * Returns the month, quarter or year that contains a date.
   *
   * @param kind MONTH, QUARTER or YEAR
   * @param date the date
   * @return the period containing the date
   * @throws ValidationException for CUSTOM
   */
  public static ReportingPeriod containing(Kind kind, LocalDate date) {
    Checks.notNull("kind", kind);
    Checks.notNull("date", date);
    switch (kind) {
      case MONTH:
        return month(YearMonth.from(date));
      case QUARTER:
        return quarter(date.getYear(), date.get(IsoFields.QUARTER_OF_YEAR));
      case YEAR:
        return year(date.getYear());
      default:
        throw ValidationException.of("kind", kind, "must be MONTH, QUARTER or YEAR");
    }
  }

  /**
   * Returns whether the date falls in this period.
   *
   * @param date the date
   * @return true if {@code start <= date <= end}
   * @throws ValidationException if the date is null
   */
  public boolean contains(LocalDate date) {
    Checks.notNull("date", date);
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /**
   * Returns the number of calendar days, both ends included.
   *
   * @return the days
   */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /**
   * Returns the next period of the same kind (a CUSTOM range moves by its own length).
   *
   * @return the following period
   * @throws ValidationException if it would end after {@link LocalDate#MAX}
   */
  public ReportingPeriod next() {
    try {
      return following();
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw ValidationException.of("period", this, "has no next period before " + LocalDate.MAX);
    }
  }

  private ReportingPeriod following() {
    switch (kind) {
      case MONTH:
        return month(YearMonth.from(start).plusMonths(1));
      case QUARTER:
        return containing(Kind.QUARTER, start.plusMonths(3));
      case YEAR:
        return year(start.getYear() + 1);
      default:
        return of(end.plusDays(1), end.plusDays(days()));
    }
  }

  /**
   * Returns a short label: {@code 2026-09}, {@code 2026-Q3}, {@code 2026}, or
   * {@code 2026-09-01..2026-09-15}.
   *
   * @return the label
   */
  public String label() {
    switch (kind) {
      case MONTH:
        return YearMonth.from(start).toString();
      case QUARTER:
        return start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
      case YEAR:
        return Integer.toString(start.getYear());
      default:
        return start + ".." + end;
    }
  }

  /** Orders by start, then end, then kind. */
  @Override
  public int compareTo(ReportingPeriod o) {
    int c = start.compareTo(o.start);
    if (c == 0) {
      c = end.compareTo(o.end);
    }
    return c != 0 ? c : kind.compareTo(o.kind);
  }

  @Override
  public String toString() {
    return label();
  }
}
