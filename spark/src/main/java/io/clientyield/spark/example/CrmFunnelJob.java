package io.clientyield.spark.example;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.Money;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.CrossStatistics;
import io.clientyield.funnel.StageFunnel;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.WeightedPipeline;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.time.TimeInStage;
import io.clientyield.spark.CrossStatisticsAggregator;
import io.clientyield.spark.DealRows;
import io.clientyield.spark.StageFunnelAggregator;
import io.clientyield.spark.StageProbabilityAggregator;
import io.clientyield.spark.TimeInStageAggregator;
import io.clientyield.spark.WeightedPipelineAggregator;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the "CRM Sales Opportunities" export (a directory with {@code sales_pipeline.csv},
 * {@code products.csv} and {@code sales_teams.csv}), shapes it with Spark SQL into the columns
 * of {@link #ROWS} and prints, as the library's JSON: the rows set aside, the funnel, the cross
 * statistics per sales agent, the learned stage probabilities, the weighted pipeline and the
 * time in stage (working days, Monday to Friday, against a norm of {@link #ENGAGING_NORM} days
 * for engaging deals, as of {@link #AS_OF}, the export's last day).
 *
 * <pre>{@code
 * spark-submit --class io.clientyield.spark.example.CrmFunnelJob \
 *   --jars clientyield-core.jar,clientyield-funnel.jar,... clientyield-spark.jar /data/crm
 * }</pre>
 *
 * <p>Shaping (the loader rules of the cli module, in SQL): products are matched by a key of
 * lower-case letters and digits ({@code GTXPro} is {@code GTX Pro}); a row with an unknown agent,
 * product or stage gets no stage, so {@link DealRows} sets it aside and counts it; Prospecting
 * deals reached {@code prospecting}, every other deal {@code engaging} on its engage date; Won
 * is {@code WON}, Lost is {@code CLIENT_REFUSED} with reason {@code lost}; the budget is the
 * product's list price in USD.
 */
public final class CrmFunnelJob {
  /** The funnel stages of the export. */
  public static final Stages STAGES = Stages.of("prospecting", "engaging");
  /** The export's currency. */
  public static final Currency USD = Money.currency("USD");
  /** The export's last day: open deals' stays are measured up to it. */
  public static final LocalDate AS_OF = LocalDate.of(2017, 12, 31);
  /** The norm of the engaging stage, in working days. */
  public static final long ENGAGING_NORM = 60;
  /** The mapping of the shaped rows to deals. */
  public static final DealRows ROWS = DealRows.builder()
      .id("id").stage("stage").outcome("outcome").reason("reason")
      .manager("sales_agent").client("account")
      .budget("list_price").currency(USD)
      .closedOn("closed_on").enteredOn("engaging", "engage_date")
      .attribute("manager", "team_manager").attribute("office", "office")
      .attribute("product", "product")
      .build();

  private CrmFunnelJob() {}

  /**
   * Reads and shapes the export.
   *
   * @param spark the session
   * @param directory the directory holding the export's CSV files
   * @return one row per pipeline row, in the columns of {@link #ROWS}
   */
  public static Dataset<Row> shape(SparkSession spark, String directory) {
    for (String table : new String[] {"sales_pipeline", "products", "sales_teams"}) {
      spark.read().option("header", "true").csv(directory + "/" + table + ".csv")
          .createOrReplaceTempView("crm_" + table);
    }
    return spark.sql("""
        SELECT p.opportunity_id AS id,
               CASE WHEN t.sales_agent IS NULL OR pr.product IS NULL THEN NULL
                    WHEN p.deal_stage = 'Prospecting' THEN 'prospecting'
                    WHEN p.deal_stage IN ('Engaging', 'Won', 'Lost') THEN 'engaging'
               END AS stage,
               CASE p.deal_stage WHEN 'Won' THEN 'WON' WHEN 'Lost' THEN 'CLIENT_REFUSED' END AS outcome,
               CASE p.deal_stage WHEN 'Lost' THEN 'lost' END AS reason,
               p.sales_agent, p.account, pr.sales_price AS list_price,
               CASE WHEN p.deal_stage IN ('Won', 'Lost') THEN p.close_date END AS closed_on,
               CASE WHEN p.deal_stage <> 'Prospecting' THEN p.engage_date END AS engage_date,
               t.manager AS team_manager, t.regional_office AS office, pr.product
        FROM crm_sales_pipeline p
        LEFT JOIN crm_products pr
          ON regexp_replace(lower(p.product), '[^a-z0-9]', '')
           = regexp_replace(lower(pr.product), '[^a-z0-9]', '')
        LEFT JOIN crm_sales_teams t ON p.sales_agent = t.sales_agent
        """);
  }

  /**
   * Runs the job.
   *
   * @param args the export's directory (any path Spark reads: local, HDFS, S3...)
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: CrmFunnelJob <directory of the CRM export>");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().appName("clientyield CRM funnel").getOrCreate();
    try {
      Dataset<Row> deals = shape(spark, args[0]).cache();
      StageFunnelAggregator funnel = StageFunnelAggregator.of(STAGES, USD, ROWS);
      CrossStatisticsAggregator byAgent = CrossStatisticsAggregator.byManager(STAGES, USD, ROWS);
      StageProbabilityAggregator learn = StageProbabilityAggregator.of(STAGES, ROWS);
      StageFunnel f = funnel.read(deals.select(funnel.toColumn()).first());
      CrossStatistics c = byAgent.read(deals.select(byAgent.toColumn()).first());
      StageProbabilities p = learn.read(deals.select(learn.toColumn()).first());
      WeightedPipelineAggregator weigh = WeightedPipelineAggregator.of(p, USD, ROWS);
      WeightedPipeline w = weigh.read(deals.select(weigh.toColumn()).first());
      TimeInStageAggregator time = TimeInStageAggregator.of(
          StageNorms.of(STAGES, Map.of("engaging", ENGAGING_NORM)), BusinessCalendar.MONDAY_TO_FRIDAY,
          AS_OF, USD, ROWS);
      TimeInStage t = time.read(deals.select(time.toColumn()).first());
      System.out.println("rows set aside: " + ROWS.setAside(deals));
      System.out.println("funnel: " + ClientyieldJson.write(f));
      System.out.println("cross statistics by agent: " + ClientyieldJson.write(c));
      System.out.println("stage probabilities: " + ClientyieldJson.write(p));
      System.out.println("weighted pipeline: " + ClientyieldJson.write(w));
      System.out.println("time in stage: " + ClientyieldJson.write(t));
    } finally {
      spark.stop();
    }
  }
}
