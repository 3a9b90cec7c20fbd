package io.clientyield.spark;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * Maps rows of a {@code Dataset<Row>} to an accumulator's input, by column name: what an
 * {@link AccumulatorAggregator} calls on every row. {@link DealRows} maps rows to deals,
 * {@link PurchaseRows} to the purchases of the repeat-client summary.
 *
 * <p>A row that is not an input (a deal without stage, an anonymous purchase) is <b>set
 * aside</b>: {@link #map} returns {@code null}, the aggregators skip it, and
 * {@link #setAside(Dataset)} counts such rows so that a caller can report them beside the
 * results. Any other value that does not fit is a
 * {@link io.clientyield.core.ValidationException} naming the row and the column.
 *
 * <p>Implementations are immutable and serializable (Spark ships them to the executors with
 * the aggregators).
 *
 * @param <T> the accumulator's input type
 */
public interface RowMapping<T> extends Serializable {

  /**
   * Maps one row.
   *
   * @param row the row
   * @return the input, or {@code null} when the row is set aside
   * @throws io.clientyield.core.ValidationException naming the row and column when a value does
   *     not fit, or a configured column is missing from the row's schema
   */
  @Nullable T map(Row row);

  /**
   * Counts the rows this mapping sets aside (those for which {@link #map} returns
   * {@code null}); the aggregators skip them.
   *
   * @param rows the rows
   * @return the number of rows set aside
   * @throws io.clientyield.core.ValidationException if a column this count reads is not in the
   *     rows' schema
   */
  long setAside(Dataset<Row> rows);
}
