package io.clientyield.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.cli.crm.CrmDeals;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.spark.example.CrmFunnelJob;
import io.clientyield.core.Money;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.StageFunnelAccumulator;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import io.clientyield.funnel.survival.TimeToOutcome;
import io.clientyield.funnel.survival.TimeToOutcomeAccumulator;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.funnel.time.TimeInStageAccumulator;
import io.clientyield.core.BusinessCalendar;
import java.time.LocalDate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The bundled CRM export read with {@code spark.read().csv(...)}, shaped with Spark SQL and
 * mapped with {@link DealRows}: every aggregator's result equals the library's direct result on
 * the same export (loaded by the cli module's loader), JSON for JSON.
 */
class BundledExportTest {
  private static final Currency USD = Money.currency(CrmDeals.CURRENCY);
  private static SparkSession spark;
  private static Dataset<Row> deals;
  private static List<Deal> direct;
  private static CrmExport export;

  @BeforeAll
  static void start() throws URISyntaxException {
    spark = LocalSpark.start("BundledExportTest");
    deals = CrmFunnelJob.shape(spark, exportDirectory()).repartition(4).cache();
    export = CrmExport.bundled();
    direct = CrmDeals.deals(export);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static String exportDirectory() throws URISyntaxException {
    return Path.of(BundledExportTest.class.getResource(
        "/io/clientyield/examples/crm-sales-opportunities/sales_pipeline.csv").toURI()).getParent().toString();
  }

  @Test
  void theRowsSetAsideAreTheLoadersRowsSetAside() {
    assertThat(CrmFunnelJob.ROWS.setAside(deals)).isEqualTo(export.report().rowsSetAside());
    assertThat(deals.count() - CrmFunnelJob.ROWS.setAside(deals)).isEqualTo(direct.size());
  }

  @Test
  void theFunnelEqualsTheDirectFunnel() {
    StageFunnelAggregator agg = StageFunnelAggregator.of(CrmDeals.STAGES, USD, CrmFunnelJob.ROWS);
    String json = deals.select(agg.toColumn()).first();
    StageFunnel expected = direct.stream().collect(StageFunnelAccumulator.collector(CrmDeals.STAGES, USD));
    assertThat(agg.read(json)).isEqualTo(expected);
    assertThat(json).isEqualTo(ClientyieldJson.write(expected));
  }

  @Test
  void theCrossStatisticsByManagerEqualTheDirectOnes() {
    CrossStatisticsAggregator agg = CrossStatisticsAggregator.byManager(CrmDeals.STAGES, USD, CrmFunnelJob.ROWS);
    CrossStatistics expected = direct.stream().collect(CrossStatisticsAccumulator.collector(
        CrmDeals.STAGES, USD, d -> d.manager().orElse(null)));
    assertThat(agg.read(deals.select(agg.toColumn()).first())).isEqualTo(expected);
    assertThat(expected.groups()).hasSizeGreaterThan(10);
  }

  @Test
  void theProbabilitiesAndTheWeightedPipelineEqualTheDirectOnes() {
    StageProbabilityAggregator learn = StageProbabilityAggregator.of(CrmDeals.STAGES, CrmFunnelJob.ROWS);
    StageProbabilities learned = learn.read(deals.select(learn.toColumn()).first());
    StageProbabilities expected = direct.stream().collect(StageProbabilityLearner.collector(CrmDeals.STAGES));
    assertThat(learned).isEqualTo(expected);

    WeightedPipelineAggregator weigh = WeightedPipelineAggregator.of(learned, USD, CrmFunnelJob.ROWS);
    WeightedPipeline pipeline = weigh.read(deals.select(weigh.toColumn()).first());
    assertThat(pipeline).isEqualTo(direct.stream().collect(WeightedPipelineAccumulator.collector(learned, USD)));
  }

  @Test
  void groupByKeyGivesEachOfficeItsDirectFunnel() {
    StageFunnelAggregator agg = StageFunnelAggregator.of(CrmDeals.STAGES, USD, CrmFunnelJob.ROWS);
    Dataset<Row> inFunnel = deals.filter(deals.col("stage").isNotNull());
    List<Tuple2<String, String>> perOffice = inFunnel
        .groupByKey((MapFunction<Row, String>) r -> r.getAs("office"), Encoders.STRING())
        .agg(agg.toColumn())
        .collectAsList();
    Map<String, StageFunnel> actual = new TreeMap<>();
    perOffice.forEach(t -> actual.put(t._1(), agg.read(t._2())));
    Map<String, StageFunnel> expected = new TreeMap<>(direct.stream().collect(Collectors.groupingBy(
        d -> d.attributes().get("office"),
        StageFunnelAccumulator.collector(CrmDeals.STAGES, USD))));
    assertThat(actual).isEqualTo(expected).hasSize(3);
  }

  @Test
  void theTimeToOutcomeByManagerEqualsTheDirectOne() {
    LocalDate asOf = LocalDate.of(2017, 12, 31);
    TimeToOutcomeAggregator agg = TimeToOutcomeAggregator.byManager(CrmDeals.STAGES, asOf,
        BusinessCalendar.EVERY_DAY, 30, CrmFunnelJob.ROWS);
    TimeToOutcome expected = direct.stream().collect(TimeToOutcomeAccumulator.collector(CrmDeals.STAGES, asOf,
        BusinessCalendar.EVERY_DAY, 30, TimeToOutcomeAccumulator.BY_MANAGER));
    assertThat(agg.read(deals.select(agg.toColumn()).first())).isEqualTo(expected);
    assertThat(expected.undated()).isLessThan(direct.size());
  }
  @Test
  void theTimeInStageEqualsTheDirectOneAndPerOffice() {
    LocalDate asOf = CrmFunnelJob.AS_OF;
    StageNorms norms = StageNorms.of(CrmDeals.STAGES, Map.of("engaging", CrmFunnelJob.ENGAGING_NORM));
    TimeInStageAggregator agg = TimeInStageAggregator.of(norms, BusinessCalendar.MONDAY_TO_FRIDAY, asOf, USD,
        CrmFunnelJob.ROWS);
    String json = deals.select(agg.toColumn()).first();
    TimeInStage expected = TimeInStageAccumulator.timeInStage(direct, norms, BusinessCalendar.MONDAY_TO_FRIDAY,
        asOf, USD);
    assertThat(json).isEqualTo(ClientyieldJson.write(expected));
    assertThat(agg.read(json)).isEqualTo(expected);
    assertThat(expected.overdueOpenDeals()).isNotEmpty();
    assertThat(expected.wonCycle().count()).isPositive();

    Dataset<Row> inFunnel = deals.filter(deals.col("stage").isNotNull());
    Map<String, String> perOffice = new TreeMap<>();
    inFunnel.groupByKey((MapFunction<Row, String>) r -> r.getAs("office"), Encoders.STRING())
        .agg(agg.toColumn()).collectAsList().forEach(t -> perOffice.put(t._1(), t._2()));
    Map<String, String> expectedPerOffice = new TreeMap<>();
    direct.stream().collect(Collectors.groupingBy(d -> d.attributes().get("office"),
        TimeInStageAccumulator.collector(norms, BusinessCalendar.MONDAY_TO_FRIDAY, asOf, USD)))
        .forEach((k, v) -> expectedPerOffice.put(k, ClientyieldJson.write(v)));
    assertThat(perOffice).isEqualTo(expectedPerOffice).hasSize(3);
  }
}
