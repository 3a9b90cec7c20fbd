package io.clientyield.core;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * The one shape of every aggregation in the library: a mutable container that folds records one
 * by one ({@link #add}), combines with another container built on another part of the data
 * ({@link #merge}), and reports an immutable value ({@link #result}).
 *
 * <p>Laws every implementation obeys (checked for each by {@code AccumulatorLaws} of the
 * testkit): a new accumulator is the identity of {@code merge}; {@code merge} is associative;
 * folding a list equals folding any split of it and merging the parts in order; merging an
 * accumulator with itself equals merging it with a copy of itself. Where the mathematics allows,
 * the result does not depend on the order of the records either. So loops, parallel streams
 * ({@link #collector}) and distributed engines share one path.
 *
 * <p>A rejected {@code add} or {@code merge} throws {@link ValidationException} and leaves the
 * accumulator unchanged: nothing is half-applied. Accumulators are not thread-safe: use one per
 * thread (or partition) and merge. {@link #result} may be called any number of times and does not
 * change the accumulator.
 *
 * @param <T> the record type folded in
 * @param <A> the accumulator's own type (returned by {@code add} and {@code merge} for chaining)
 * @param <R> the immutable result type
 */
public interface Accumulator<T, A extends Accumulator<T, A, R>, R> {

  /**
   * Folds one record in.
   *
   * @param record the record, never null
   * @return this accumulator
   * @throws ValidationException if the record is rejected (this accumulator is then unchanged)
   */
  A add(T record);

  /**
   * Adds everything another accumulator of the same configuration has folded.
   *
   * @param other the other accumulator (left unchanged, unless it is this one)
   * @return this accumulator
   * @throws ValidationException if the configurations differ or a sum overflows (this
   *     accumulator is then unchanged)
   */
  A merge(A other);

  /**
   * The immutable result of everything folded so far.
   *
   * @return the result
   */
  R result();

  /**
   * A {@link Collector} over this accumulator: {@code deals.parallelStream().collect(
   * Accumulator.collector(() -> new StageFunnelAccumulator(stages, eur)))}.
   *
   * @param identity makes a new, empty accumulator of the wanted configuration
   * @param <T> the record type
   * @param <A> the accumulator type
   * @param <R> the result type
   * @return a collector whose supplier, accumulator, combiner and finisher are {@code identity},
   *     {@link #add}, {@link #merge} and {@link #result}
   */
  static <T, A extends Accumulator<T, A, R>, R> Collector<T, A, R> collector(
      Supplier<? extends A> identity) {
    Objects.requireNonNull(identity, "identity");
    return Collector.of(identity::get, Accumulator::add, Accumulator::merge, Accumulator::result);
  }
}
