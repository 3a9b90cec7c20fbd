package io.clientyield.spark;

import io.clientyield.core.Accumulator;
import io.clientyield.core.json.ClientyieldJson;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * A library accumulator as a typed Spark {@link Aggregator} over rows: {@code reduce} maps the
 * row to the accumulator's input with a {@link RowMapping} ({@link DealRows} for deals,
 * {@link PurchaseRows} for purchases) and {@code add}s it (a row set aside is skipped),
 * {@code merge} is the accumulator's {@code merge}, {@code finish} its {@code result}, written
 * as the library's JSON document (the same JSON as {@code ClientyieldJson.write(result)}).
 * {@link #read(String)} returns the library's value.
 *
 * <p>The buffer ({@link StateBuffer}) holds the live accumulator inside a task and travels as
 * the accumulator's compact, versioned binary state ({@code encode()}); the receiving task
 * decodes it with this aggregator's configuration, which is itself serializable (stage ids,
 * currency codes, JSON of the settings, column names). A subclass gives only its configuration:
 * the new accumulator, and how to encode and decode one.
 *
 * <pre>{@code
 * String json = deals.select(StageFunnelAggregator.of(stages, usd).toColumn()).first();
 * StageFunnel funnel = aggregator.read(json);
 * }</pre>
 *
 * @param <T> the accumulator's input type (what a row maps to)
 * @param <A> the accumulator type
 * @param <R> the result type
 */
public abstract class AccumulatorAggregator<T, A extends Accumulator<T, A, R>, R>
    extends Aggregator<Row, StateBuffer, String> {
  private static final long serialVersionUID = 1L;

  private final RowMapping<T> rows;
  private final Class<R> resultType;

  /**
   * Creates the aggregator.
   *
   * @param rows the mapping of rows to the accumulator's input
   * @param resultType the result's class (for {@link #read})
   */
  protected AccumulatorAggregator(RowMapping<T> rows, Class<R> resultType) {
    this.rows = rows;
    this.resultType = resultType;
  }

  /**
   * Returns a new, empty accumulator (the identity) of this aggregator's configuration.
   *
   * @return the accumulator
   */
  protected abstract A newAccumulator();

  /**
   * Encodes an accumulator's state.
   *
   * @param accumulator the accumulator
   * @return its compact binary state
   */
  protected abstract byte[] encode(A accumulator);

  /**
   * Decodes a state written by {@link #encode} with this aggregator's configuration.
   *
   * @param state the bytes
   * @return the accumulator
   */
  protected abstract A decode(byte[] state);

  /**
   * Returns the mapping of rows to the accumulator's input.
   *
   * @return the mapping
   */
  public RowMapping<T> rows() {
    return rows;
  }

  /**
   * The empty buffer: a new accumulator.
   *
   * @return the buffer
   */
  @Override
  public StateBuffer zero() {
    return new StateBuffer(newAccumulator(), this::encodeLive);
  }

  /**
   * Adds one row's input (a row set aside is skipped).
   *
   * @param buffer the buffer
   * @param row the row
   * @return the buffer
   * @throws io.clientyield.core.ValidationException naming the row and column when a value does
   *     not fit, or the input when the accumulator rejects it
   */
  @Override
  public StateBuffer reduce(StateBuffer buffer, Row row) {
    T input = rows.map(row);
    if (input != null) {
      accumulator(buffer).add(input);
    }
    return buffer;
  }

  /**
   * Merges two buffers.
   *
   * @param left the buffer merged into
   * @param right the other buffer
   * @return the left buffer
   */
  @Override
  public StateBuffer merge(StateBuffer left, StateBuffer right) {
    accumulator(left).merge(accumulator(right));
    return left;
  }

  /**
   * The result as the library's JSON document.
   *
   * @param buffer the buffer
   * @return the JSON
   */
  @Override
  public String finish(StateBuffer buffer) {
    return ClientyieldJson.write(accumulator(buffer).result());
  }

  /**
   * Reads a result written by this aggregator back into the library's value.
   *
   * @param json a value of this aggregator's column
   * @return the library's value
   * @throws io.clientyield.core.ValidationException if the JSON is not such a value
   */
  public R read(String json) {
    return ClientyieldJson.read(json, resultType);
  }

  /**
   * Buffers travel as their compact state inside an Externalizable {@link StateBuffer}.
   *
   * @return the buffer encoder
   */
  @Override
  public Encoder<StateBuffer> bufferEncoder() {
    return Encoders.javaSerialization(StateBuffer.class);
  }

  /**
   * Results are JSON strings.
   *
   * @return the string encoder
   */
  @Override
  public Encoder<String> outputEncoder() {
    return Encoders.STRING();
  }

  @SuppressWarnings("unchecked")
  private A accumulator(StateBuffer buffer) {
    return (A) buffer.live(this::decode, this::encodeLive);
  }

  @SuppressWarnings("unchecked")
  private byte[] encodeLive(Object accumulator) {
    return encode((A) accumulator);
  }
}
