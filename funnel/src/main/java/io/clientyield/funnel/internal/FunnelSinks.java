package io.clientyield.funnel.internal;

import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The primitive {@link DealSink} side of the public accumulators, kept out of their API: each
 * accumulator class registers, in its static initialiser, how to open its primitive path, and
 * event folders (or benchmarks) obtain it with {@link #of(Object)}. An instance exists only after
 * its class is initialised, so the registration is always there when asked for.
 */
public final class FunnelSinks {
  private static final Map<Class<?>, Function<Object, DealSink>> OPENERS = new ConcurrentHashMap<>();

  private FunnelSinks() {}

  /**
   * Registers the primitive path of an accumulator class (called by the class itself).
   *
   * @param type the accumulator class
   * @param opener returns the primitive path of an instance
   * @param <T> the accumulator type
   */
  public static <T> void register(Class<T> type, Function<? super T, DealSink> opener) {
    Checks.notNull("type", type);
    Checks.notNull("opener", opener);
    OPENERS.putIfAbsent(type, o -> opener.apply(type.cast(o)));
  }

  /**
   * Returns the primitive path of an accumulator (StageFunnelAccumulator,
   * CrossStatisticsAccumulator, StageProbabilityLearner, WeightedPipelineAccumulator).
   *
   * @param accumulator the accumulator
   * @return its primitive path; codes out of range are a {@link ValidationException}
   * @throws ValidationException if the accumulator has no primitive path
   */
  public static DealSink of(Object accumulator) {
    Checks.notNull("accumulator", accumulator);
    Function<Object, DealSink> opener = OPENERS.get(accumulator.getClass());
    if (opener == null) {
      throw ValidationException.of("accumulator", accumulator.getClass().getSimpleName(),
          "must be a funnel accumulator with a primitive path");
    }
    return opener.apply(accumulator);
  }
}
