package io.clientyield.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session per test class (start it in @BeforeAll, stop it in @AfterAll). */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start(String name) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "3")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.warehouse.dir", "target/spark-warehouse")
        .getOrCreate();
  }
}
