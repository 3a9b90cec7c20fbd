package io.clientyield.spark;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;

/**
 * The cell readers that {@link DealRows} and {@link PurchaseRows} share: one rule per kind of
 * value (text, decimal, date, currency) and one form of error, {@code row id=D-17, column budget}
 * (the row by the value of its naming column, or by its content when it has none; Spark gives
 * rows no stable number).
 */
final class Cells {
  private Cells() {}

  /** Fails unless {@code column} is one of {@code names}. */
  static void requireColumn(String[] names, String column) {
    for (String n : names) {
      if (n.equals(column)) {
        return;
      }
    }
    throw ValidationException.of("column " + column, String.join(",", names),
        "must be one of the rows' columns");
  }

  /**
   * Counts the rows whose {@code column} is {@code null} or blank: the rows that a mapping sets
   * aside because that column is empty.
   */
  static long emptyIn(Dataset<Row> rows, String column) {
    requireColumn(rows.schema().fieldNames(), column);
    Column c = rows.col(column);
    return rows.filter(c.isNull().or(functions.trim(c.cast("string")).equalTo(""))).count();
  }

  /** The cell's raw value. */
  static @Nullable Object value(Row row, String column) {
    if (row.schema() == null) {
      throw ValidationException.of("column " + column, row, "must be named: the rows have no schema");
    }
    int i;
    try {
      i = row.fieldIndex(column);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("column " + column, String.join(",", row.schema().fieldNames()),
          "must be one of the rows' columns");
    }
    return row.get(i);
  }

  /** A string cell; {@code null} when null or blank. */
  static @Nullable String text(Row row, @Nullable String idColumn, String column) {
    Object v = value(row, column);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw fail(row, idColumn, column, v, "must be a string");
    }
    return s.isBlank() ? null : s;
  }

  /**
   * An identifier cell: a string, or an integer written in decimal; {@code null} when null or
   * blank.
   */
  static @Nullable String identifier(Row row, @Nullable String idColumn, String column) {
    Object v = value(row, column);
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return String.valueOf(((Number) v).longValue());
    }
    if (v != null && !(v instanceof String)) {
      throw fail(row, idColumn, column, v, "must be a string or an integer");
    }
    return text(row, idColumn, column);
  }

  /**
   * A decimal cell: a decimal, an integer or a decimal string; {@code null} when null or blank.
   * A floating-point value is refused: its binary fraction would round money silently.
   */
  static @Nullable BigDecimal decimal(Row row, @Nullable String idColumn, String column) {
    Object v = value(row, column);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof String s) {
      if (s.isBlank()) {
        return null;
      }
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw fail(row, idColumn, column, s, "must be a decimal number");
      }
    }
    throw fail(row, idColumn, column, v, "must be a decimal, an integer or a decimal string (a "
        + v.getClass().getSimpleName() + " would round money silently)");
  }

  /**
   * The currency of a money cell: the fixed {@code code}, else the {@code currencyColumn}'s ISO
   * 4217 code.
   */
  static Currency currency(Row row, @Nullable String idColumn, String amountColumn,
      @Nullable String currencyColumn, @Nullable String code) {
    if (code != null) {
      return Currency.getInstance(code);
    }
    if (currencyColumn == null) {
      throw fail(row, idColumn, amountColumn, value(row, amountColumn), "needs a currency: configure a"
          + " currency column or a fixed currency");
    }
    String c = text(row, idColumn, currencyColumn);
    if (c == null) {
      throw fail(row, idColumn, currencyColumn, null, "must not be null when " + amountColumn + " is given");
    }
    return parse(row, idColumn, currencyColumn, () -> Money.currency(c.trim()));
  }

  /** A date cell: a {@code date} or an ISO-8601 string; {@code null} when null or blank. */
  static @Nullable LocalDate date(Row row, @Nullable String idColumn, String column) {
    Object v = value(row, column);
    if (v == null) {
      return null;
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof String s) {
      if (s.isBlank()) {
        return null;
      }
      try {
        return LocalDate.parse(s.trim());
      } catch (DateTimeParseException e) {
        throw fail(row, idColumn, column, s, "must be an ISO-8601 date (yyyy-MM-dd)");
      }
    }
    throw fail(row, idColumn, column, v, "must be a date or an ISO-8601 date string");
  }

  /** Runs a library parser, naming the row and column when it rejects the value. */
  static <T> T parse(Row row, @Nullable String idColumn, String column, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (ValidationException e) {
      ValidationException.Violation v = e.violations().get(0);
      throw fail(row, idColumn, column, value(row, column), v.rule() + " (" + v.field() + ")");
    } catch (IllegalArgumentException e) {
      throw fail(row, idColumn, column, value(row, column), String.valueOf(e.getMessage()));
    }
  }

  /**
   * Runs a library constructor over the mapped values, prefixing each violation's field with
   * the row and {@code what} (e.g. {@code row id=D-17, deal budget}).
   */
  static <T> T build(Row row, @Nullable String idColumn, String what, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (ValidationException e) {
      List<ValidationException.Violation> named = new ArrayList<>();
      for (ValidationException.Violation v : e.violations()) {
        named.add(new ValidationException.Violation(rowName(row, idColumn) + ", " + what + " " + v.field(),
            v.rejectedValue(), v.rule()));
      }
      throw new ValidationException(named);
    }
  }

  /** The error about one cell. */
  static ValidationException fail(Row row, @Nullable String idColumn, String column, @Nullable Object value,
      String rule) {
    return ValidationException.of(rowName(row, idColumn) + ", column " + column, value, rule);
  }

  /** {@code row id=X} by the naming column's value, else {@code row [content]}. */
  static String rowName(Row row, @Nullable String idColumn) {
    Object v = idColumn == null ? null : value(row, idColumn);
    return v == null ? "row " + row : "row id=" + v;
  }
}
