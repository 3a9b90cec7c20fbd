package io.clientyield.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.Stages;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
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

/** Rows to deals: every column, rows set aside, and errors naming the row and column. */
class DealRowsTest {
  private static final StructType SCHEMA = new StructType()
      .add("deal", DataTypes.StringType)
      .add("stage", DataTypes.StringType)
      .add("outcome", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("agent", DataTypes.StringType)
      .add("amount", DataTypes.createDecimalType(12, 2))
      .add("contracted", DataTypes.LongType)
      .add("closed", DataTypes.DateType)
      .add("entered", DataTypes.StringType)
      .add("office", DataTypes.StringType)
      .add("price", DataTypes.DoubleType);
  private static final DealRows ROWS = DealRows.builder().id("deal").stage("stage").outcome("outcome")
      .reason("reason").manager("agent").budget("amount").contractedValue("contracted")
      .currency(Money.currency("EUR")).closedOn("closed").enteredOn("proposal", "entered")
      .attribute("office", "office").build();
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("DealRowsTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<Row> rows(Object[]... values) {
    List<Row> in = java.util.Arrays.stream(values).map(RowFactory::create).toList();
    return spark.createDataFrame(in, SCHEMA).collectAsList();
  }

  private static Object[] row(String id, String stage, String outcome, String reason, Object amount) {
    return new Object[] {id, stage, outcome, reason, "anna", amount, null, null, null, "Berlin", null};
  }

  @Test
  void mapsEveryConfiguredColumn() {
    Row r = rows(new Object[] {"D-1", "proposal", "won", null, "anna", new BigDecimal("1200.50"), 1100L,
        Date.valueOf("2026-03-02"), "2026-02-01", "Berlin", null}).get(0);
    Deal expected = Deal.builder().id(DealId.of("D-1")).reachedStage("proposal").outcome(Outcome.won())
        .manager(ManagerId.of("anna")).budget(Money.of("1200.50", "EUR"))
        .contractedValue(Money.of("1100", "EUR")).closedOn(LocalDate.of(2026, 3, 2))
        .addHistory(Deal.StageVisit.of("proposal", LocalDate.of(2026, 2, 1)))
        .putAttribute("office", "Berlin").build();
    assertThat(ROWS.deal(r)).isEqualTo(expected);
  }

  @Test
  void aRowWithoutStageIsSetAsideAndCounted() {
    List<Object[]> values = List.of(row("D-1", null, null, null, null), row("D-2", "contact", null, null, null),
        row("D-3", null, "WON", null, null));
    Dataset<Row> df = spark.createDataFrame(values.stream().map(RowFactory::create).toList(), SCHEMA);
    assertThat(ROWS.deal(df.collectAsList().get(0))).isNull();
    assertThat(ROWS.setAside(df)).isEqualTo(2);
    StageFunnelAggregator agg = StageFunnelAggregator.of(Stages.of("contact", "proposal"),
        Money.currency("EUR"), ROWS);
    StageFunnel funnel = agg.read(df.select(agg.toColumn()).first());
    assertThat(funnel.stages().get(0).entered()).isEqualTo(1);
  }

  @Test
  void aRowWithABlankStageIsSetAsideAndCountedToo() {
    List<Object[]> values = List.of(row("D-1", " ", null, null, null), row("D-2", "contact", null, null, null));
    Dataset<Row> df = spark.createDataFrame(values.stream().map(RowFactory::create).toList(), SCHEMA);
    assertThat(ROWS.deal(df.collectAsList().get(0))).isNull();
    assertThat(ROWS.setAside(df)).isEqualTo(1);
  }

  @Test
  void aValueThatDoesNotFitNamesTheRowAndTheColumn() {
    assertThatThrownBy(() -> ROWS.deal(rows(row("D-7", "contact", "sold", null, null)).get(0)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("row id=D-7, column outcome").hasMessageContaining("sold");
    assertThatThrownBy(() -> ROWS.deal(rows(row("D-8", "contact", "WON", "price", null)).get(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=D-8, column reason");
    assertThatThrownBy(() -> ROWS.deal(rows(row("D-9", "contact", null, null, new BigDecimal("-1"))).get(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=D-9, deal budget");
    assertThatThrownBy(() -> ROWS.deal(rows(row(null, "contact", null, null, null)).get(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("column deal")
        .hasMessageContaining("must not be null");
    Object[] badDate = row("D-10", "proposal", null, null, null);
    badDate[8] = "01/02/2026";
    assertThatThrownBy(() -> ROWS.deal(rows(badDate).get(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=D-10, column entered");
  }

  @Test
  void aFloatingPointMoneyColumnIsRefused() {
    DealRows byPrice = DealRows.builder().budget("price").currency(Money.currency("EUR")).id("deal").build();
    Object[] v = row("D-11", "contact", null, null, null);
    v[10] = 0.1;
    assertThatThrownBy(() -> byPrice.deal(rows(v).get(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("row id=D-11, column price")
        .hasMessageContaining("Double");
  }

  @Test
  void aMissingColumnIsNamed() {
    DealRows wrong = DealRows.builder().id("deal").manager("owner").build();
    assertThatThrownBy(() -> wrong.deal(rows(row("D-12", "contact", null, null, null)).get(0)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("column owner")
        .hasMessageContaining("must be one of the rows' columns");
  }

  @Test
  void anErrorInsideSparkCarriesTheRowAndColumn() {
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(row("D-13", "contact", "maybe", null, null))),
        SCHEMA);
    StageFunnelAggregator agg = StageFunnelAggregator.of(Stages.of("contact"), Money.currency("EUR"), ROWS);
    assertThatThrownBy(() -> df.select(agg.toColumn()).first())
        .hasStackTraceContaining("ValidationException")
        .hasStackTraceContaining("row id=D-13, column outcome");
  }
}
