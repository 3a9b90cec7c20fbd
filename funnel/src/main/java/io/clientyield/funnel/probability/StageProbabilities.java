package io.clientyield.funnel.probability;

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
}
