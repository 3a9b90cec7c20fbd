package io.clientyield.funnel.probability;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Proportion;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The win probability of one stage with its provenance.
 *
 * <p>A {@link ProbabilitySource#CONFIGURED} probability is a bare number. A
 * {@link ProbabilitySource#LEARNED} one also reports its {@link #sample()} (won among the closed
 * deals that reached the stage, out of those closed deals), the {@link #smoothing()} used and
 * the 95 % Wilson interval of the raw, unsmoothed sample ({@link #wilson95()}, empty without
 * closed deals). The probability itself is empty only when it is learned without smoothing from
 * no closed deals.
 *
 * <p>JSON form: {@code {"stage":"proposal","probability":0.25,"source":"LEARNED",
 * "sample":{"successes":1,"trials":4},"smoothing":{"alpha":0.0,"beta":0.0},
 * "wilson95":{"lower":0.0456,"upper":0.6994}}} (absent parts are {@code null}). Immutable and
 * thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStageProbability.class)
@JsonDeserialize(as = ImmutableStageProbability.class)
@JsonPropertyOrder({"stage", "probability", "source", "sample", "smoothing", "wilson95"})
public abstract class StageProbability {

  StageProbability() {}

  /**
   * A configured probability.
   *
   * @param stage the stage id
   * @param probability the probability in {@code [0, 1]}
   * @return the stage probability
   * @throws io.clientyield.core.ValidationException if the probability is outside {@code [0, 1]}
   */
  public static StageProbability configured(String stage, double probability) {
    return ImmutableStageProbability.builder()
        .stage(stage)
        .probability(probability)
        .source(ProbabilitySource.CONFIGURED)
        .build();
  }

  /**
   * A learned probability {@code (won + α) / (closed + α + β)}.
   *
   * @param stage the stage id
   * @param sample won among the closed deals that reached the stage, out of those deals
   * @param smoothing the additive smoothing
   * @return the stage probability
   */
  public static StageProbability learned(String stage, Proportion sample, Smoothing smoothing) {
    Checks.notNull("sample", sample);
    Checks.notNull("smoothing", smoothing);
    return ImmutableStageProbability.builder()
        .stage(stage)
        .probability(smoothing.apply(sample.successes(), sample.trials()))
        .source(ProbabilitySource.LEARNED)
        .sample(sample)
        .smoothing(smoothing)
        .wilson95(sample.wilson95())
        .build();
  }

  /**
   * Returns the stage id.
   *
   * @return the stage id
   */
  public abstract String stage();

  /**
   * Returns the probability that a deal which reached the stage is won, in {@code [0, 1]};
   * empty when learned without smoothing from no closed deals.
   *
   * @return the probability, or empty if undefined
   */
  public abstract OptionalDouble probability();

  /**
   * Returns where the probability comes from.
   *
   * @return the source
   */
  public abstract ProbabilitySource source();

  /**
   * Returns, for a learned probability, won among the closed deals that reached the stage out of
   * those closed deals (the sample size is its {@code trials}).
   *
   * @return the sample, empty when configured
   */
  public abstract Optional<Proportion> sample();

  /**
   * Returns the smoothing of a learned probability.
   *
   * @return the smoothing, empty when configured
   */
  public abstract Optional<Smoothing> smoothing();

  /**
   * Returns the 95 % Wilson score interval of the raw sample (not of the smoothed value).
   *
   * @return the interval, empty when configured or without closed deals
   */
  public abstract Optional<ConfidenceInterval> wilson95();

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    if (stage().isBlank()) {
      c.add("stage", "\"" + stage() + "\"", "must not be blank");
    }
    if (probability().isPresent()) {
      c.check(() -> Checks.unitInterval("probability", probability().getAsDouble()));
    }
    if (source() == ProbabilitySource.CONFIGURED) {
      if (probability().isEmpty()) {
        c.add("probability", null, "must be present for a CONFIGURED stage (" + stage() + ")");
      }
      if (sample().isPresent() || smoothing().isPresent() || wilson95().isPresent()) {
        c.add("sample", sample().orElse(null),
            "sample, smoothing and wilson95 must be absent for a CONFIGURED stage (" + stage() + ")");
      }
    } else {
      if (sample().isEmpty() || smoothing().isEmpty()) {
        c.add("sample", sample().orElse(null),
            "sample and smoothing must be present for a LEARNED stage (" + stage() + ")");
      } else {
        Proportion s = sample().get();
        if (wilson95().isPresent() != (s.trials() > 0)) {
          c.add("wilson95", wilson95().orElse(null),
              "must be present exactly when the sample has trials (" + s + ")");
        }
        if (probability().isPresent() != smoothing().get().apply(s.successes(), s.trials()).isPresent()) {
          c.add("probability", probability(), "must be empty exactly when the smoothed share is undefined");
        }
      }
    }
    c.throwIfAny();
  }
}
