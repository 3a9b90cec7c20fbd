package io.clientyield.spark;

import static io.clientyield.spark.SparkGenerators.EUR;
import static io.clientyield.spark.SparkGenerators.STAGES;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.funnel.CrossStatisticsAccumulator;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.StageFunnelAccumulator;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilityLearner;
import io.clientyield.funnel.probability.WeightedPipelineAccumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import scala.Tuple4;

/**
 * On generated deals laid out over several partitions (even, random, all in one with the others
 * empty, geometric skew), every aggregator's Spark result equals the library's direct result.
 * Few examples: each is a Spark job.
 */
class SparkAggregatorProperties {
  private static final int EXAMPLES = 8;
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
  private static Dataset<Row> frame(SparkGenerators.Layout layout) {
    List<List<Row>> chunks = new ArrayList<>();
    for (List<Deal> p : layout.partitions()) {
      chunks.add(p.stream().map(SparkGenerators::row).collect(Collectors.toList()));
    }
    JavaRDD<Row> rows = jsc.parallelize(chunks, chunks.size()).flatMap(List::iterator);
    Dataset<Row> df = spark.createDataFrame(rows, SparkGenerators.SCHEMA);
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
      List<Deal> d = layout.deals();
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
      Map<String, Object> expected = new TreeMap<>(layout.deals().stream().collect(Collectors.groupingBy(
          Deal::reachedStage, StageFunnelAccumulator.collector(STAGES, EUR))));
      return actual.equals(expected);
    });
  }
}
