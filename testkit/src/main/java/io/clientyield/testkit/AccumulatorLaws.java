package io.clientyield.testkit;


import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * The laws every mergeable accumulator of the library obeys, checked in one place: for any
 * list of records cut into three consecutive parts a, b, c,
 *
 * <ul>
 *   <li>merge = concatenate: {@code fold(a).merge(fold(b)).merge(fold(c))} has the result of
 *       {@code fold(a ++ b ++ c)};</li>
 *   <li>associativity: {@code fold(a).merge(fold(b).merge(fold(c)))} has that result too;</li>
 *   <li>identity: the empty accumulator merged on either side changes nothing;</li>
 *   <li>self-merge: {@code x.merge(x)} has the result of merging x with an equal copy (the
 *       other's state is read before this one changes).</li>
 * </ul>
 *
 * <p>Use with a QuickTheories generator of {@link Split}s:
 * {@code qt().forAll(AccumulatorLaws.splits(deals)).check(s -> AccumulatorLaws.hold(s,
 * () -> new X(...), X::add, X::merge, X::result))}.
 */
public final class AccumulatorLaws {
  private AccumulatorLaws() {}

  /**
   * A list of records with two cut points, {@code 0 <= first <= second <= items.size()}.
   *
   * @param items the records
   * @param first the end of part a
   * @param second the end of part b
   * @param <T> the record type
   */
  public record Split<T>(List<T> items, int first, int second) {
    /**
     * Checks the cut points.
     *
     * @param items the records
     * @param first the end of part a
     * @param second the end of part b
     */
    public Split {
      items = List.copyOf(items);
      if (first < 0 || first > second || second > items.size()) {
        throw new IllegalArgumentException("cuts " + first + ", " + second + " of " + items.size());
      }
    }

    /**
     * Part a.
     *
     * @return the records before {@code first}
     */
    public List<T> a() {
      return items.subList(0, first);
    }

    /**
     * Part b.
     *
     * @return the records from {@code first} to {@code second}
     */
    public List<T> b() {
      return items.subList(first, second);
    }

    /**
     * Part c.
     *
     * @return the records from {@code second}
     */
    public List<T> c() {
      return items.subList(second, items.size());
    }
  }

  /**
   * Splits of generated lists at two random cut points.
   *
   * @param lists the lists
   * @param <T> the record type
   * @return the splits
   */
  public static <T> Gen<Split<T>> splits(Gen<List<T>> lists) {
    return lists.zip(integers().between(0, 1 << 20), integers().between(0, 1 << 20), (items, x, y) -> {
      int i = x % (items.size() + 1);
      int j = y % (items.size() + 1);
      return new Split<>(items, Math.min(i, j), Math.max(i, j));
    });
  }

  /**
   * Checks the three laws on one split.
   *
   * @param split the records and cut points
   * @param empty a new empty accumulator
   * @param add adds one record
   * @param merge merges the second accumulator into the first, returning the merged one
   * @param result the accumulator's result (compared with {@code equals})
   * @param <T> the record type
   * @param <A> the accumulator type
   * @param <R> the result type
   * @return true if every law holds
   */
  public static <T, A, R> boolean hold(Split<T> split, Supplier<A> empty, BiConsumer<A, T> add,
      BinaryOperator<A> merge, Function<A, R> result) {
    Function<List<T>, A> fold = items -> {
      A acc = empty.get();
      items.forEach(t -> add.accept(acc, t));
      return acc;
    };
    R whole = result.apply(fold.apply(split.items()));
    R leftFirst = result.apply(merge.apply(merge.apply(fold.apply(split.a()), fold.apply(split.b())),
        fold.apply(split.c())));
    R rightFirst = result.apply(merge.apply(fold.apply(split.a()),
        merge.apply(fold.apply(split.b()), fold.apply(split.c()))));
    R emptyLeft = result.apply(merge.apply(empty.get(), fold.apply(split.items())));
    R emptyRight = result.apply(merge.apply(fold.apply(split.items()), empty.get()));
    A self = fold.apply(split.items());
    R mergedWithItself = result.apply(merge.apply(self, self));
    R mergedWithACopy = result.apply(merge.apply(fold.apply(split.items()), fold.apply(split.items())));
    return Objects.equals(whole, leftFirst) && Objects.equals(whole, rightFirst)
        && Objects.equals(whole, emptyLeft) && Objects.equals(whole, emptyRight)
        && Objects.equals(mergedWithItself, mergedWithACopy);
  }
}
