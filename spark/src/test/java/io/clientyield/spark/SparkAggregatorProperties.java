package io.clientyield.spark;

import static io.clientyield.spark.SparkGenerators.EUR;
import static io.clientyield.spark.SparkGenerators.STAGES;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.Accumulator;
import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ManagerId;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnelAccumulator;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.funnel.time.TimeInStageAccumulator;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import scala.Tuple4;

/**
 * On generated deals and purchases laid out over several partitions (even, random, all in one
 * with the others empty, geometric skew), every aggregator's Spark result equals the library's
 * direct result, JSON for JSON, over the whole data and per group ({@code groupByKey}). Few
 * examples: each is a Spark job.
 */
class SparkAggregatorProperties {
  private static final int EXAMPLES = 8;
  private static final StageNorms NORMS = StageNorms.of(STAGES,
      Map.of("contact", 60L, "qualified", 30L, "proposal", 90L));
  private static final BusinessCalendar CALENDAR = BusinessCalendar.MONDAY_TO_FRIDAY;
  private static final StageProbabilities PROBABILITIES =
      StageProbabilities.configured(STAGES, 0.1, 0.3, 0.6, 0.9);
  private static SparkSession spark;
  private static JavaSparkContext jsc;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkAggregatorProperties");
    jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The deals as rows, one generated chunk per Spark partition. */
  private static Dataset<Row> frame(SparkGenerators.Layout<Deal> layout) {
    return frame(layout, SparkGenerators::row, SparkGenerators.SCHEMA);
  }

  /** The items as rows of {@code schema}, one generated chunk per Spark partition. */
  private static <T> Dataset<Row> frame(SparkGenerators.Layout<T> layout, Function<T, Row> row,
      StructType schema) {
    List<List<Row>> chunks = new ArrayList<>();
    for (List<T> p : layout.partitions()) {
      chunks.add(p.stream().map(row).collect(Collectors.toList()));
    }
    JavaRDD<Row> rows = jsc.parallelize(chunks, chunks.size()).flatMap(List::iterator);
    Dataset<Row> df = spark.createDataFrame(rows, schema);
    if (df.javaRDD().getNumPartitions() != chunks.size()) {
      throw new AssertionError("layout not kept: " + df.javaRDD().getNumPartitions());
    }
    return df;
  }

  @Test
  void everyAggregatorEqualsTheDirectResultOverAnyPartitioning() {
    StageFunnelAggregator funnel = StageFunnelAggregator.of(STAGES, EUR);
    CrossStatisticsAggregator cross = CrossStatisticsAggregator.byManager(STAGES, EUR);
    StageProbabilityAggregator learn = StageProbabilityAggregator.of(STAGES, DealRows.standard());
    WeightedPipelineAggregator weigh = WeightedPipelineAggregator.of(PROBABILITIES, EUR, DealRows.standard());
    qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(SparkGenerators.layouts()).check(layout -> {
      Tuple4<String, String, String, String> r = frame(layout)
          .select(funnel.toColumn(), cross.toColumn(), learn.toColumn(), weigh.toColumn()).first();
      List<Deal> d = layout.items();
      return funnel.read(r._1()).equals(d.stream().collect(StageFunnelAccumulator.collector(STAGES, EUR)))
          && cross.read(r._2()).equals(d.stream().collect(CrossStatisticsAccumulator.collector(
              STAGES, EUR, x -> x.manager().orElse(null))))
          && learn.read(r._3()).equals(d.stream().collect(StageProbabilityLearner.collector(STAGES)))
          && weigh.read(r._4()).equals(d.stream().collect(
              WeightedPipelineAccumulator.collector(PROBABILITIES, EUR)));
    });
  }

  @Test
  void groupByKeyEqualsTheDirectResultPerGroup() {
    StageFunnelAggregator funnel = StageFunnelAggregator.of(STAGES, EUR);
    qt().withExamples(EXAMPLES / 2).withShrinkCycles(0).forAll(SparkGenerators.layouts()).check(layout -> {
      Map<String, Object> actual = new TreeMap<>();
      for (Tuple2<String, String> t : frame(layout)
          .groupByKey((MapFunction<Row, String>) row -> row.<String>getAs("stage"), Encoders.STRING())
          .agg(funnel.toColumn()).collectAsList()) {
        actual.put(t._1(), funnel.read(t._2()));
      }
      Map<String, Object> expected = new TreeMap<>(layout.items().stream().collect(Collectors.groupingBy(
          Deal::reachedStage, StageFunnelAccumulator.collector(STAGES, EUR))));
      return actual.equals(expected);
    });
  }
  @Test
  void timeInStageEqualsTheDirectResultOverAnyPartitioningAndPerManager() {
    TimeInStageAggregator agg = TimeInStageAggregator.of(NORMS, CALENDAR, SparkGenerators.AS_OF, EUR,
        SparkGenerators.DATED_ROWS);
    qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(SparkGenerators.layouts(SparkGenerators::datedDeal))
        .check(layout -> {
          Dataset<Row> df = frame(layout, SparkGenerators::datedRow, SparkGenerators.DATED_SCHEMA);
          String json = df.select(agg.toColumn()).first();
          TimeInStage expected = TimeInStageAccumulator.timeInStage(layout.items(), NORMS, CALENDAR,
              SparkGenerators.AS_OF, EUR);
          Map<String, String> actual = new TreeMap<>();
          for (Tuple2<String, String> t : df
              .groupByKey((MapFunction<Row, String>) row -> String.valueOf(row.<String>getAs("manager")),
                  Encoders.STRING())
              .agg(agg.toColumn()).collectAsList()) {
            actual.put(t._1(), t._2());
          }
          Map<String, String> perManager = new TreeMap<>();
          layout.items().stream().collect(Collectors.groupingBy(
              d -> String.valueOf(d.manager().map(ManagerId::value).orElse(null)),
              TimeInStageAccumulator.collector(NORMS, CALENDAR, SparkGenerators.AS_OF, EUR)))
              .forEach((k, v) -> perManager.put(k, ClientyieldJson.write(v)));
          return json.equals(ClientyieldJson.write(expected)) && agg.read(json).equals(expected)
              && actual.equals(perManager);
        });
  }

  @Test
  void repeatSummariesEqualTheDirectResultOverAnyPartitioningAndPerStore() {
    RepeatSummaryAggregator agg = RepeatSummaryAggregator.of(SparkGenerators.USD,
        SparkGenerators.CALIBRATION_END, SparkGenerators.HOLDOUT_END);
    qt().withExamples(EXAMPLES).withShrinkCycles(0).forAll(SparkGenerators.layouts(SparkGenerators::purchase))
        .check(layout -> {
          Dataset<Row> df = frame(layout, SparkGenerators.PurchaseRow::row, SparkGenerators.PURCHASE_SCHEMA);
          String json = df.select(agg.toColumn()).first();
          RepeatSummaryAccumulator direct = new RepeatSummaryAccumulator(SparkGenerators.USD,
              SparkGenerators.CALIBRATION_END, SparkGenerators.HOLDOUT_END);
          long anonymous = 0;
          for (SparkGenerators.PurchaseRow p : layout.items()) {
            if (p.purchase() == null) {
              anonymous++;
            } else {
              direct.add(p.purchase());
            }
          }
          Map<String, String> actual = new TreeMap<>();
          for (Tuple2<String, String> t : df
              .groupByKey((MapFunction<Row, String>) row -> row.<String>getAs("store"), Encoders.STRING())
              .agg(agg.toColumn()).collectAsList()) {
            actual.put(t._1(), t._2());
          }
          Map<String, String> perStore = new TreeMap<>();
          layout.items().stream().filter(p -> p.purchase() != null).collect(Collectors.groupingBy(
              SparkGenerators.PurchaseRow::store, Collectors.mapping(SparkGenerators.PurchaseRow::purchase,
                  Accumulator.collector(() -> new RepeatSummaryAccumulator(SparkGenerators.USD,
                      SparkGenerators.CALIBRATION_END, SparkGenerators.HOLDOUT_END)))))
              .forEach((k, v) -> perStore.put(k, ClientyieldJson.write(v)));
          // a store whose rows are all anonymous has an empty summary in Spark
          layout.items().forEach(p -> perStore.putIfAbsent(p.store(), ClientyieldJson.write(
              new RepeatSummaryAccumulator(SparkGenerators.USD, SparkGenerators.CALIBRATION_END,
                  SparkGenerators.HOLDOUT_END).result())));
          return json.equals(ClientyieldJson.write(direct.result())) && agg.read(json).equals(direct.result())
              && actual.equals(perStore) && agg.rows().setAside(df) == anonymous;
        });
  }
}
