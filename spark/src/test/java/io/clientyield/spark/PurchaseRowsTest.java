package io.clientyield.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.repeat.RepeatSummaries;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rows to purchases: every kind of value, rows set aside, and errors naming the row and column. */
class PurchaseRowsTest {
  private static final StructType SCHEMA = new StructType()
      .add("order_id", DataTypes.StringType)
      .add("customer", DataTypes.LongType)
      .add("day", DataTypes.DateType)
      .add("total", DataTypes.createDecimalType(12, 2))
      .add("day_text", DataTypes.StringType)
      .add("total_text", DataTypes.StringType)
      .add("price", DataTypes.DoubleType)
      .add("at", DataTypes.TimestampType)
      .add("code", DataTypes.StringType);
  private static final PurchaseRows ROWS = PurchaseRows.builder().id("order_id").client("customer").date("day")
      .amount("total").currency(Money.currency("USD")).build();
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("PurchaseRowsTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> frame(Object[]... values) {
    return spark.createDataFrame(Arrays.stream(values).map(RowFactory::create).toList(), SCHEMA);
  }

  private static Row only(Object[] values) {
    return frame(values).collectAsList().get(0);
  }

  private static Object[] row(String order, Long customer, Object total) {
    return new Object[] {order, customer, Date.valueOf(DAY), total, "2026-03-02", "12.50", 12.5, null, "EUR"};
  }

  @Test
  void mapsIntegerAndStringIdsDecimalAndStringAmountsDateAndIsoDates() {
    assertThat(ROWS.purchase(only(row("O-1", 17L, new BigDecimal("1200.50")))))
        .isEqualTo(Purchase.of(ClientId.of("17"), DAY, Money.of("1200.50", "USD")));
    PurchaseRows texts = PurchaseRows.builder().client("order_id").date("day_text").amount("total_text")
        .currencyColumn("code").build();
    assertThat(texts.purchase(only(row("O-2", 17L, null))))
        .isEqualTo(Purchase.of(ClientId.of("O-2"), DAY, Money.of("12.50", "EUR")));
    assertThat(ROWS.map(only(row("O-3", 5L, BigDecimal.ZERO))).amount().isZero()).isTrue();
  }

  @Test
  void aRowWithoutClientIsSetAsideAndCounted() {
    Dataset<Row> df = frame(row("O-1", null, BigDecimal.ONE), row("O-2", 2L, BigDecimal.ONE),
        row("O-3", 2L, BigDecimal.TEN), row("O-4", null, BigDecimal.TEN));
    assertThat(ROWS.purchase(df.collectAsList().get(0))).isNull();
    assertThat(ROWS.setAside(df)).isEqualTo(2);
    PurchaseRows byOrder = PurchaseRows.builder().client("order_id").currency(Money.currency("USD"))
        .date("day").amount("total").build();
    assertThat(byOrder.setAside(frame(row(" ", 1L, BigDecimal.ONE), row("O-9", 1L, BigDecimal.ONE)))).isEqualTo(1);
    assertThat(byOrder.purchase(only(row(" ", 1L, BigDecimal.ONE)))).isNull();

    RepeatSummaryAggregator agg = RepeatSummaryAggregator.of(Money.currency("USD"), DAY, DAY,
        RepeatSummaryAccumulator.WEEK, ROWS);
    RepeatSummaries summaries = agg.read(df.select(agg.toColumn()).first());
    assertThat(summaries.summaries()).hasSize(1);
    assertThat(summaries.summaries().get(0).client()).isEqualTo(ClientId.of("2"));
  }

  @Test
  void aValueThatDoesNotFitNamesTheRowAndTheColumn() {
    assertThatThrownBy(() -> ROWS.purchase(only(row("O-5", 1L, null))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-5, column total")
        .hasMessageContaining("must not be null");
    assertThatThrownBy(() -> ROWS.purchase(only(row("O-6", 1L, new BigDecimal("-0.01")))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-6, column total")
        .hasMessageContaining(">= 0");
    Object[] noDay = row("O-7", 1L, BigDecimal.ONE);
    noDay[2] = null;
    assertThatThrownBy(() -> ROWS.purchase(only(noDay)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-7, column day");
    PurchaseRows texts = PurchaseRows.builder().id("order_id").client("customer").date("day_text")
        .amount("total_text").currencyColumn("code").build();
    Object[] badDay = row("O-8", 1L, null);
    badDay[4] = "02/03/2026";
    assertThatThrownBy(() -> texts.purchase(only(badDay)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-8, column day_text");
    Object[] badAmount = row("O-9", 1L, null);
    badAmount[5] = "12,50";
    assertThatThrownBy(() -> texts.purchase(only(badAmount)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-9, column total_text");
    Object[] badCode = row("O-10", 1L, null);
    badCode[8] = "EURO";
    assertThatThrownBy(() -> texts.purchase(only(badCode)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-10, column code");
    // without a naming column, the row is named by its content
    PurchaseRows unnamed = PurchaseRows.builder().client("customer").date("day").amount("total")
        .currency(Money.currency("USD")).build();
    assertThatThrownBy(() -> unnamed.purchase(only(row("O-11", 1L, null))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row [O-11,1,").hasMessageContaining("column total");
  }

  @Test
  void floatingPointAmountsAndTimestampsAreRefused() {
    PurchaseRows byPrice = PurchaseRows.builder().id("order_id").client("customer").date("day").amount("price")
        .currency(Money.currency("USD")).build();
    assertThatThrownBy(() -> byPrice.purchase(only(row("O-12", 1L, null))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-12, column price")
        .hasMessageContaining("Double");
    PurchaseRows byTime = PurchaseRows.builder().id("order_id").client("customer").date("at").amount("total")
        .currency(Money.currency("USD")).build();
    Object[] timed = row("O-13", 1L, BigDecimal.ONE);
    timed[7] = java.sql.Timestamp.valueOf("2026-03-02 23:30:00");
    assertThatThrownBy(() -> byTime.purchase(only(timed)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=O-13, column at")
        .hasMessageContaining("date");
  }

  @Test
  void aMissingColumnOrCurrencyIsNamed() {
    PurchaseRows wrong = PurchaseRows.builder().client("buyer").currency(Money.currency("USD")).build();
    assertThatThrownBy(() -> wrong.purchase(only(row("O-14", 1L, BigDecimal.ONE))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("column buyer")
        .hasMessageContaining("must be one of the rows' columns");
    assertThatThrownBy(() -> wrong.setAside(frame(row("O-14", 1L, BigDecimal.ONE))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("column buyer");
    assertThatThrownBy(() -> PurchaseRows.builder().build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> PurchaseRows.builder().client(" "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("client");
  }

  @Test
  void anErrorInsideSparkCarriesTheRowAndColumn() {
    Dataset<Row> df = frame(row("O-15", 1L, new BigDecimal("-5.00")));
    RepeatSummaryAggregator agg = RepeatSummaryAggregator.of(Money.currency("USD"), DAY, DAY,
        RepeatSummaryAccumulator.WEEK, ROWS);
    assertThatThrownBy(() -> df.select(agg.toColumn()).first())
        .hasStackTraceContaining("ValidationException")
        .hasStackTraceContaining("row id=O-15, column total");
  }

  @Test
  void aPurchaseAfterTheHoldoutIsNamedInsideSpark() {
    Dataset<Row> df = frame(row("O-16", 1L, BigDecimal.ONE));
    RepeatSummaryAggregator agg = RepeatSummaryAggregator.of(Money.currency("USD"), DAY.minusDays(10),
        DAY.minusDays(1), RepeatSummaryAccumulator.WEEK, ROWS);
    assertThatThrownBy(() -> df.select(agg.toColumn()).first())
        .hasStackTraceContaining("ValidationException")
        .hasStackTraceContaining("purchase[1].date");
  }
}
