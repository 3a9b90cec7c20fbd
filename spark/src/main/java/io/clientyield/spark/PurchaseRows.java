package io.clientyield.spark;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * Maps rows of a {@code Dataset<Row>} to the purchases of the repeat-client summary
 * ({@link Purchase}), by column name: the client id, the purchase date, the amount and its
 * currency (a column or one fixed currency). Accepted values: strings or integers for the
 * client id; decimals, integers or decimal strings for the amount (never a floating-point
 * column, whose binary fractions would be rounded silently); {@code date} columns or ISO-8601
 * strings for the date (a timestamp is refused: which day it falls on depends on a time zone,
 * so cast it to a date first).
 *
 * <p>A row without a client ({@code null} or blank: an anonymous purchase, such as a guest
 * checkout) cannot be summarized per client: it is <b>set aside</b>, counted by
 * {@link #setAside(Dataset)} and skipped by the aggregators, never an error. Any other value
 * that does not fit (no date, no amount, a negative amount, an unknown currency) is a
 * {@link ValidationException} whose field names the row (by the optional naming column, such
 * as an order id, or by its content) and the column, e.g. {@code row id=O-17, column amount}.
 *
 * <pre>{@code
 * PurchaseRows rows = PurchaseRows.builder()
 *     .client("customer_id").date("order_date").amount("total").currency(Money.currency("USD"))
 *     .id("order_id")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and serializable (Spark ships it to the executors with the aggregators).
 */
public final class PurchaseRows implements RowMapping<Purchase> {
  private static final long serialVersionUID = 1L;

  private final String client;
  private final String date;
  private final String amount;
  private final @Nullable String currencyColumn;
  private final @Nullable String currencyCode;
  private final @Nullable String id;

  private PurchaseRows(Builder b) {
    this.client = b.client;
    this.date = b.date;
    this.amount = b.amount;
    this.currencyColumn = b.currencyColumn;
    this.currencyCode = b.currencyCode;
    this.id = b.id;
  }

  /**
   * The library's own column names: {@code client}, {@code date}, {@code amount} and
   * {@code currency}.
   *
   * @return the mapping
   */
  public static PurchaseRows standard() {
    return builder().currencyColumn("currency").build();
  }

  /**
   * Returns a builder whose columns are named {@code client}, {@code date} and {@code amount};
   * the currency (a column or a fixed one) must be configured.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Counts the rows set aside (those whose client is {@code null} or blank): the aggregators
   * skip them, so a caller reports this count beside their results.
   *
   * @param rows the rows
   * @return the number of rows set aside
   * @throws ValidationException if the client column is not in the rows' schema
   */
  @Override
  public long setAside(Dataset<Row> rows) {
    return Cells.emptyIn(rows, client);
  }

  /**
   * Maps one row: {@link #purchase(Row)}.
   *
   * @param row the row
   * @return the purchase, or {@code null} when the row is set aside (no client)
   * @throws ValidationException naming the row and column when a value does not fit, or a
   *     configured column is missing from the row's schema
   */
  @Override
  public @Nullable Purchase map(Row row) {
    return purchase(row);
  }

  /**
   * Maps one row.
   *
   * @param row the row
   * @return the purchase, or {@code null} when the row is set aside (no client)
   * @throws ValidationException naming the row and column when a value does not fit, or a
   *     configured column is missing from the row's schema
   */
  public @Nullable Purchase purchase(Row row) {
    String who = Cells.identifier(row, id, client);
    if (who == null) {
      return null;
    }
    ClientId clientId = Cells.parse(row, id, client, () -> ClientId.of(who));
    LocalDate day = Cells.date(row, id, date);
    if (day == null) {
      throw Cells.fail(row, id, date, null, "must not be null (the purchase date)");
    }
    BigDecimal value = Cells.decimal(row, id, amount);
    if (value == null) {
      throw Cells.fail(row, id, amount, null, "must not be null (the purchase amount; 0 for a free item)");
    }
    Currency currency = Cells.currency(row, id, amount, currencyColumn, currencyCode);
    Money money = Cells.parse(row, id, amount, () -> Money.of(value, currency));
    if (money.isNegative()) {
      throw Cells.fail(row, id, amount, value, "must be >= 0");
    }
    return Cells.build(row, id, "purchase", () -> Purchase.of(clientId, day, money));
  }

  /** Builds a {@link PurchaseRows}; column names are non-blank. */
  public static final class Builder {
    private String client = "client";
    private String date = "date";
    private String amount = "amount";
    private @Nullable String currencyColumn;
    private @Nullable String currencyCode;
    private @Nullable String id;

    private Builder() {}

    private static String name(String field, String column) {
      if (column == null || column.isBlank()) {
        throw ValidationException.of(field, column, "must be a non-blank column name");
      }
      return column;
    }

    /**
     * Sets the client id column (default {@code client}); a {@code null} or blank client sets
     * the row aside.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder client(String column) {
      this.client = name("client", column);
      return this;
    }

    /**
     * Sets the purchase date column (default {@code date}).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder date(String column) {
      this.date = name("date", column);
      return this;
    }

    /**
     * Sets the amount column (default {@code amount}).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder amount(String column) {
      this.amount = name("amount", column);
      return this;
    }

    /**
     * Reads the currency of the amounts from a column (ISO 4217 codes).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder currencyColumn(String column) {
      this.currencyColumn = name("currency", column);
      this.currencyCode = null;
      return this;
    }

    /**
     * Gives every amount one fixed currency.
     *
     * @param currency the currency
     * @return this builder
     */
    public Builder currency(Currency currency) {
      if (currency == null) {
        throw ValidationException.of("currency", null, "must not be null");
      }
      this.currencyCode = currency.getCurrencyCode();
      this.currencyColumn = null;
      return this;
    }

    /**
     * Names rows in errors by a column's value, such as an order id (rows are otherwise named
     * by their content).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder id(String column) {
      this.id = name("id", column);
      return this;
    }

    /**
     * Builds the mapping.
     *
     * @return the mapping
     * @throws ValidationException if no currency (column or fixed) is configured
     */
    public PurchaseRows build() {
      if (currencyColumn == null && currencyCode == null) {
        throw ValidationException.of("currency", null, "must be configured: a currency column or a fixed currency");
      }
      return new PurchaseRows(this);
    }
  }
}
