package io.clientyield.funnel.probability;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Proportion;
import io.clientyield.core.internal.Checks;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The win probability of one stage with its provenance.
 *
 * <p>A {@link ProbabilitySource#CONFIGURED} probability is a bare number. A
 * {@link ProbabilitySource#LEARNED} one also reports its {@link #sample()} (won among the closed
 * deals that reached the stage, out of those closed deals), the {@link #smoothing()} used, the
 * {@link #raw()} share of the sample (successes / trials, before any smoothing) and the 95 %
 * Wilson interval of the raw sample ({@link #wilson95()}, both empty without closed deals).
 * {@link #basis()} says which value {@link #probability()} is: the configured number, the raw
 * share ({@link Smoothing#NONE}) or the smoothed share. Learned tables smooth by default
 * (Laplace), so 0 won of 3 closed reads {@code probability 0.2}, {@code raw 0.0},
 * {@code basis SMOOTHED}. The probability itself is empty only when it is learned without
 * smoothing from no closed deals.
 *
 * <p>JSON form: {@code {"stage":"proposal","probability":0.25,"source":"LEARNED",
 * "sample":{"successes":1,"trials":4},"smoothing":{"alpha":0.0,"beta":0.0},
 * "wilson95":{"lower":0.0456,"upper":0.6994},"raw":0.25,"basis":"RAW"}} (absent parts are
 * {@code null}). Immutable and thread-safe.
 *
 * @param stage the stage id
 * @param probability the probability that a deal which reached the stage is won, in
 *     {@code [0, 1]}; empty when learned without smoothing from no closed deals
 * @param source where the probability comes from
 * @param sample for a learned probability, won among the closed deals that reached the stage
 *     out of those closed deals (the sample size is its {@code trials}); empty when configured
 * @param smoothing the smoothing of a learned probability, empty when configured
 * @param wilson95 the 95 % Wilson score interval of the raw sample (not of the smoothed value),
 *     empty when configured or without closed deals
 * @param raw the raw share of the sample, successes / trials, empty when configured or without
 *     closed deals
 * @param basis which value the probability is
 */
@JsonPropertyOrder({"stage", "probability", "source", "sample", "smoothing", "wilson95", "raw", "basis"})
public record StageProbability(
    @JsonProperty("stage") String stage,
    @JsonProperty("probability") OptionalDouble probability,
    @JsonProperty("source") ProbabilitySource source,
    @JsonProperty("sample") Optional<Proportion> sample,
    @JsonProperty("smoothing") Optional<Smoothing> smoothing,
    @JsonProperty("wilson95") Optional<ConfidenceInterval> wilson95,
    @JsonProperty("raw") OptionalDouble raw,
    @JsonProperty("basis") Basis basis) {

  /** Which value a {@link StageProbability#probability()} is. */
  public enum Basis {
    /** The caller's configured number. */
    CONFIGURED,
    /** The raw share of the sample, successes / trials (learned with {@link Smoothing#NONE}). */
    RAW,
    /** The smoothed share {@code (successes + α) / (trials + α + β)}. */
    SMOOTHED
  }

  /** Validates the provenance and its parts, reporting every violation at once. */
  @JsonCreator
  public StageProbability {
    probability = probability == null ? OptionalDouble.empty() : probability;
    sample = sample == null ? Optional.empty() : sample;
    smoothing = smoothing == null ? Optional.empty() : smoothing;
    wilson95 = wilson95 == null ? Optional.empty() : wilson95;
    raw = raw == null ? OptionalDouble.empty() : raw;
    Checks.Collector c = Checks.collector();
    if (stage == null) {
      c.add("stage", null, "must not be null");
    }
    if (source == null) {
      c.add("source", null, "must not be null");
    }
    if (basis == null) {
      c.add("basis", null, "must not be null");
    }
    c.throwIfAny();
    if (stage.isBlank()) {
      c.add("stage", "\"" + stage + "\"", "must not be blank");
    }
    if (probability.isPresent()) {
      double p = probability.getAsDouble();
      c.check(() -> Checks.unitInterval("probability", p));
    }
    if (source == ProbabilitySource.CONFIGURED) {
      if (probability.isEmpty()) {
        c.add("probability", null, "must be present for a CONFIGURED stage (" + stage + ")");
      }
      if (sample.isPresent() || smoothing.isPresent() || wilson95.isPresent() || raw.isPresent()) {
        c.add("sample", sample.orElse(null),
            "sample, smoothing, wilson95 and raw must be absent for a CONFIGURED stage (" + stage + ")");
      }
      if (basis != Basis.CONFIGURED) {
        c.add("basis", basis, "must be CONFIGURED for a CONFIGURED stage (" + stage + ")");
      }
    } else {
      if (sample.isEmpty() || smoothing.isEmpty()) {
        c.add("sample", sample.orElse(null),
            "sample and smoothing must be present for a LEARNED stage (" + stage + ")");
      } else {
        Proportion s = sample.get();
        if (wilson95.isPresent() != (s.trials() > 0)) {
          c.add("wilson95", wilson95.orElse(null),
              "must be present exactly when the sample has trials (" + s + ")");
        }
        if (probability.isPresent() != smoothing.get().apply(s.successes(), s.trials()).isPresent()) {
          c.add("probability", probability, "must be empty exactly when the smoothed share is undefined");
        }
        OptionalDouble share = rawShare(s);
        if (!raw.equals(share)) {
          c.add("raw", raw, "must be the sample's share successes / trials (" + share + ")");
        }
        Basis want = basisOf(smoothing.get());
        if (basis != want) {
          c.add("basis", basis, "must be " + want + " for a LEARNED stage with smoothing "
              + smoothing.get());
        }
      }
    }
    c.throwIfAny();
  }

  private static Basis basisOf(Smoothing smoothing) {
    return smoothing.alpha() == 0 && smoothing.beta() == 0 ? Basis.RAW : Basis.SMOOTHED;
  }

  private static OptionalDouble rawShare(Proportion sample) {
    return sample.trials() == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) sample.successes() / sample.trials());
  }

  /**
   * A configured probability.
   *
   * @param stage the stage id
   * @param probability the probability in {@code [0, 1]}
   * @return the stage probability
   * @throws io.clientyield.core.ValidationException if the probability is outside {@code [0, 1]}
   */
  public static StageProbability configured(String stage, double probability) {
    return new StageProbability(stage, OptionalDouble.of(probability), ProbabilitySource.CONFIGURED,
        Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(), Basis.CONFIGURED);
  }

  /**
   * A learned probability {@code (won + α) / (closed + α + β)}; its basis is {@link Basis#RAW}
   * with {@link Smoothing#NONE}, else {@link Basis#SMOOTHED}.
   *
   * @param stage the stage id
   * @param sample won among the closed deals that reached the stage, out of those deals
   * @param smoothing the additive smoothing
   * @return the stage probability
   */
  public static StageProbability learned(String stage, Proportion sample, Smoothing smoothing) {
    Checks.notNull("sample", sample);
    Checks.notNull("smoothing", smoothing);
    return new StageProbability(stage, smoothing.apply(sample.successes(), sample.trials()),
        ProbabilitySource.LEARNED, Optional.of(sample), Optional.of(smoothing), sample.wilson95(),
        rawShare(sample), basisOf(smoothing));
  }
}
