package io.clientyield.funnel.probability;

import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Proportion;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;
import io.clientyield.funnel.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The win probability of every stage of a funnel, first to last, each with its provenance
 * (configured or learned, see {@link StageProbability}).
 *
 * <p>Probabilities are not required to rise down the funnel: a learned table can dip on a thin
 * sample, and a configured one is the caller's judgement. {@link #isNonDecreasing()} tells
 * whether the table rises monotonically so that a caller can warn; nothing is rejected for it.
 *
 * <p>JSON form: {@code {"stages":["a","b"],"entries":[{...},{...}]}}, one entry per stage in
 * stage order. Immutable and thread-safe.
 *
 * @param stages the stages
 * @param entries one entry per stage, in stage order
 */
@JsonPropertyOrder({"stages", "entries"})
public record StageProbabilities(
    @JsonProperty("stages") Stages stages,
    @JsonProperty("entries") List<StageProbability> entries) {

  /** The stage ids of the IT-outsourcing table of DOMAIN 2.4, first to last. */
  public static final Stages IT_OUTSOURCING_STAGES = Stages.of(
      "initial-interest", "qualified-interest", "proposal-under-review",
      "contract-negotiation", "contract-signed", "deal-done");

  /** Validates that the entries match the stages one to one, in order. */
  @JsonCreator
  public StageProbabilities {
    Checks.Collector c = Checks.collector();
    if (stages == null) {
      c.add("stages", null, "must not be null");
    }
    if (entries == null) {
      c.add("entries", null, "must not be null");
    }
    if (entries != null) {
      c.elementsNotNull("entries", entries);
    }
    c.throwIfAny();
    entries = List.copyOf(entries);
    if (entries.size() != stages.size()) {
      c.add("entries", entries.size() + " entries",
          "must have one entry per stage (" + stages.size() + ": " + stages + ")");
    }
    for (int i = 0; i < Math.min(entries.size(), stages.size()); i++) {
      if (!entries.get(i).stage().equals(stages.id(i))) {
        c.add("entries[" + i + "].stage", entries.get(i).stage(), "must equal stages[" + i + "] ("
            + stages.id(i) + ")");
      }
    }
    c.throwIfAny();
  }

  /**
   * The IT-outsourcing table of DOMAIN 2.4: initial interest 5 %, qualified interest 10 %,
   * proposal under review 25 %, contract negotiation 80 %, contract signed 99 %, deal done 100 %
   * (stage ids in {@link #IT_OUTSOURCING_STAGES}).
   *
   * @return the configured table
   */
  public static StageProbabilities itOutsourcing() {
    return configured(IT_OUTSOURCING_STAGES, 0.05, 0.10, 0.25, 0.80, 0.99, 1.00);
  }

  /**
   * A configured table, one probability per stage in stage order.
   *
   * @param stages the stages
   * @param probabilities one probability in {@code [0, 1]} per stage
   * @return the table
   * @throws io.clientyield.core.ValidationException naming every probability out of range, or if
   *     the count differs from the number of stages
   */
  public static StageProbabilities configured(Stages stages, double... probabilities) {
    Checks.notNull("stages", stages);
    Checks.notNull("probabilities", probabilities);
    Checks.Collector c = Checks.collector();
    if (probabilities.length != stages.size()) {
      c.add("probabilities", java.util.Arrays.toString(probabilities),
          "must have one value per stage (" + stages.size() + ": " + stages + ")");
    }
    for (int i = 0; i < probabilities.length; i++) {
      final int k = i;
      c.check(() -> Checks.unitInterval("probabilities[" + k + "]", probabilities[k]));
    }
    c.throwIfAny();
    List<StageProbability> entries = new ArrayList<>(stages.size());
    for (int i = 0; i < stages.size(); i++) {
      entries.add(StageProbability.configured(stages.id(i), probabilities[i]));
    }
    return of(stages, entries);
  }

  /**
   * A configured table from probabilities by stage id.
   *
   * @param stages the stages
   * @param probabilities a probability in {@code [0, 1]} for every stage id, and no other key
   * @return the table
   * @throws io.clientyield.core.ValidationException naming every missing or unknown stage (a
   *     null key is unknown), every null probability and every probability out of range
   */
  public static StageProbabilities configured(Stages stages, Map<String, Double> probabilities) {
    Checks.notNull("stages", stages);
    Checks.notNull("probabilities", probabilities);
    Checks.Collector c = Checks.collector();
    for (String id : stages.ids()) {
      Double p = probabilities.get(id);
      if (p == null) {
        c.add("probabilities[" + id + "]", null, "must be given for every stage");
      } else {
        c.check(() -> Checks.unitInterval("probabilities[" + id + "]", p));
      }
    }
    java.util.Set<String> keys = new java.util.TreeSet<>(
        java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()));
    keys.addAll(probabilities.keySet());
    for (String key : keys) {
      if (!stages.contains(key)) {
        c.add("probabilities", key, "must name one of the stages " + stages);
      }
    }
    c.throwIfAny();
    double[] values = new double[stages.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = probabilities.get(stages.id(i));
    }
    return configured(stages, values);
  }

  /**
   * A table from its entries.
   *
   * @param stages the stages
   * @param entries one entry per stage, in stage order
   * @return the table
   * @throws io.clientyield.core.ValidationException if the stages or the list is null, naming
   *     {@code entries[i]} for every null entry, or if the entries do not match the stages
   */
  public static StageProbabilities of(Stages stages, List<StageProbability> entries) {
    return new StageProbabilities(stages, entries);
  }

  /**
   * Returns the entry of a stage.
   *
   * @param stage the stage id
   * @return the entry
   * @throws io.clientyield.core.ValidationException if the stage is unknown
   */
  public StageProbability entry(String stage) {
    return entries().get(stages().indexOf("stage", stage));
  }

  /**
   * Returns the probability of a stage.
   *
   * @param stage the stage id
   * @return the probability in {@code [0, 1]}, empty if undefined (learned, unsmoothed, no sample)
   * @throws io.clientyield.core.ValidationException if the stage is unknown
   */
  public OptionalDouble probability(String stage) {
    return entry(stage).probability();
  }

  /**
   * Returns the probability of the stage at a 0-based index.
   *
   * @param index the stage index
   * @return the probability, empty if undefined
   */
  public OptionalDouble probability(int index) {
    Checks.inRange("index", index, 0, stages().size() - 1);
    return entries().get(index).probability();
  }

  /**
   * Whether every defined probability is at least the defined one of the stage before it.
   *
   * @return true if the table never falls down the funnel
   */
  @JsonIgnore
  public boolean isNonDecreasing() {
    double last = 0;
    for (StageProbability e : entries()) {
      if (e.probability().isPresent()) {
        if (e.probability().getAsDouble() < last) {
          return false;
        }
        last = e.probability().getAsDouble();
      }
    }
    return true;
  }

  /**
   * The win probability of one stage with its provenance.
   *
   * <p>A {@link ProbabilitySource#CONFIGURED} probability is a bare number. A
   * {@link ProbabilitySource#LEARNED} one also reports its {@link #sample()} (won among the closed
   * deals that reached the stage, out of those closed deals: resolved deals only), the deals that
   * reached the stage and are still open ({@link #inProgress()}: their outcome is unknown, so they
   * are reported beside the sample and never counted as losses), the {@link #smoothing()} used, the
   * {@link #raw()} share of the sample (successes / trials, before any smoothing) and the 95 %
   * Wilson interval of the raw sample ({@link #wilson95()}, both empty without closed deals).
   * {@link #basis()} says which value {@link #probability()} is: the configured number, the raw
   * share ({@link Smoothing#NONE}) or the smoothed share. Learned tables smooth by default
   * (Laplace), so 0 won of 3 closed reads {@code probability 0.2}, {@code raw 0.0},
   * {@code basis SMOOTHED}. The probability itself is empty only when it is learned without
   * smoothing from no closed deals.
   *
   * <p>JSON form: {@code {"stage":"proposal","probability":0.25,"source":"LEARNED",
   * "sample":{"successes":1,"trials":4},"inProgress":3,"smoothing":{"alpha":0.0,"beta":0.0},
   * "wilson95":{"lower":0.0456,"upper":0.6994},"raw":0.25,"basis":"RAW"}} (absent parts are
   * {@code null}). Immutable and thread-safe.
   *
   * @param stage the stage id
   * @param probability the probability that a deal which reached the stage is won, in
   *     {@code [0, 1]}; empty when learned without smoothing from no closed deals
   * @param source where the probability comes from
   * @param sample for a learned probability, won among the closed deals that reached the stage
   *     out of those closed deals (the sample size is its {@code trials}); empty when configured
   * @param inProgress for a learned probability, the open deals that reached the stage (left out
   *     of the sample, not failures); empty when configured
   * @param smoothing the smoothing of a learned probability, empty when configured
   * @param wilson95 the 95 % Wilson score interval of the raw sample (not of the smoothed value),
   *     empty when configured or without closed deals
   * @param raw the raw share of the sample, successes / trials, empty when configured or without
   *     closed deals
   * @param basis which value the probability is
   */
  @JsonPropertyOrder({"stage", "probability", "source", "sample", "inProgress", "smoothing", "wilson95",
      "raw", "basis"})
  public record StageProbability(
      @JsonProperty("stage") String stage,
      @JsonProperty("probability") OptionalDouble probability,
      @JsonProperty("source") ProbabilitySource source,
      @JsonProperty("sample") Optional<Proportion> sample,
      @JsonProperty("inProgress") OptionalLong inProgress,
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
      inProgress = inProgress == null ? OptionalLong.empty() : inProgress;
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
        if (sample.isPresent() || inProgress.isPresent() || smoothing.isPresent() || wilson95.isPresent()
            || raw.isPresent()) {
          c.add("sample", sample.orElse(null), "sample, inProgress, smoothing, wilson95 and raw must be"
              + " absent for a CONFIGURED stage (" + stage + ")");
        }
        if (basis != Basis.CONFIGURED) {
          c.add("basis", basis, "must be CONFIGURED for a CONFIGURED stage (" + stage + ")");
        }
      } else {
        if (sample.isEmpty() || smoothing.isEmpty() || inProgress.isEmpty()) {
          c.add("sample", sample.orElse(null),
              "sample, inProgress and smoothing must be present for a LEARNED stage (" + stage + ")");
        } else {
          if (inProgress.getAsLong() < 0) {
            c.add("inProgress", inProgress.getAsLong(), "must be >= 0");
          }
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

    static Basis basisOf(Smoothing smoothing) {
      return smoothing.alpha() == 0 && smoothing.beta() == 0 ? Basis.RAW : Basis.SMOOTHED;
    }

    static OptionalDouble rawShare(Proportion sample) {
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
          Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
          Basis.CONFIGURED);
    }

    /** Where a stage win probability comes from. */
    public enum ProbabilitySource {
      /** Set by the caller (a table such as 5 / 10 / 25 / 80 / 99 / 100 %). */
      CONFIGURED,
      /** Learned from closed deals, with the sample and the smoothing reported. */
      LEARNED
    }
  }

  /**
   * Additive smoothing of a learned proportion: {@code (successes + α) / (trials + α + β)}.
   *
   * <p>{@link #LAPLACE} ({@code α = β = 1}) is the default: a stage without closed deals gets
   * 0.5 instead of an undefined value, and 0 of 3 gives 0.2 rather than a hard 0. {@link #NONE}
   * ({@code α = β = 0}) gives the raw share, and an explicit empty value for a stage without
   * closed deals. JSON form: {@code {"alpha":1.0,"beta":1.0}}. Immutable and thread-safe.
   *
   * @param alpha pseudo-successes added, finite and {@code >= 0}
   * @param beta pseudo-failures added, finite and {@code >= 0}
   */
  public record Smoothing(@JsonProperty("alpha") double alpha, @JsonProperty("beta") double beta) {

    /** Laplace smoothing, {@code α = β = 1}. */
    public static final Smoothing LAPLACE = new Smoothing(1, 1);
    /** No smoothing, {@code α = β = 0}: the raw share. */
    public static final Smoothing NONE = new Smoothing(0, 0);

    /** Validates the components (see the record description). */
    @JsonCreator
    public Smoothing {
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.nonNegative("alpha", alpha));
      c.check(() -> Checks.nonNegative("beta", beta));
      c.throwIfAny();
    }

    /**
     * Creates the smoothing.
     *
     * @param alpha pseudo-successes, {@code >= 0}
     * @param beta pseudo-failures, {@code >= 0}
     * @return the smoothing
     */
    public static Smoothing of(double alpha, double beta) {
      return new Smoothing(alpha, beta);
    }

    /**
     * Returns the smoothed share {@code (successes + α) / (trials + α + β)} in {@code [0, 1]}, or
     * empty when the denominator is zero (no trials and no smoothing). When {@code α + β} exceeds
     * the double range the ratio is taken on halved terms, so it stays the weighted mean of the
     * prior {@code α / (α + β)} and the sample share (e.g. {@code α = β = 10^308} gives 0.5).
     *
     * @param successes the successes, {@code 0 <= successes <= trials}
     * @param trials the trials
     * @return the smoothed share, or empty if undefined
     */
    public OptionalDouble apply(long successes, long trials) {
      double denominator = trials + alpha + beta;
      if (denominator == 0) {
        return OptionalDouble.empty();
      }
      if (Double.isInfinite(denominator)) {
        // α + β overflows a double (both finite, their sum is not): the same ratio on halved terms,
        // whose sum is finite; dividing by infinity would give 0 whatever α and β
        return OptionalDouble.of(Math.min(1.0,
            (successes / 2.0 + alpha / 2) / (trials / 2.0 + alpha / 2 + beta / 2)));
      }
      return OptionalDouble.of(Math.min(1.0, (successes + alpha) / denominator));
    }
  }
}
