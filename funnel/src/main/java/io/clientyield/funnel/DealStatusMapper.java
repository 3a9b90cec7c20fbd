package io.clientyield.funnel;

import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a CRM status column that mixes stage and outcome ({@code "Engaging"}, {@code "Won"},
 * {@code "Lost"}) to a deal's reached stage and outcome, as configured by the caller.
 *
 * <pre>{@code
 * DealStatusMapper statuses = DealStatusMapper.builder(Stages.of("prospecting", "engaging", "closing"))
 *     .open("Prospecting", "prospecting")
 *     .open("Engaging", "engaging")
 *     .closed("Won", "closing", Outcome.won())
 *     .closed("Lost", "engaging", Outcome.lostUnknown())   // lost, party unknown
 *     .build();
 * Deal deal = statuses.apply("Lost", Deal.builder().id(DealId.of("D-9"))).build();
 * // reachedStage "engaging", outcome LOST_UNKNOWN
 * }</pre>
 *
 * <p>Statuses are matched exactly, or ignoring case and surrounding blanks when built with
 * {@link Builder#ignoringCase()}. An unknown status is a {@link ValidationException} naming it
 * and listing the known ones. Immutable and thread-safe once built.
 */
public final class DealStatusMapper {
  private final Stages stages;
  private final boolean ignoreCase;
  private final Map<String, Mapped> byStatus;

  private DealStatusMapper(Stages stages, boolean ignoreCase, Map<String, Mapped> byStatus) {
    this.stages = stages;
    this.ignoreCase = ignoreCase;
    this.byStatus = Map.copyOf(byStatus);
  }

  /**
   * Starts a mapper over the funnel's stages.
   *
   * @param stages the stages every mapped status must name
   * @return a new, empty builder
   */
  public static Builder builder(Stages stages) {
    return new Builder(Checks.notNull("stages", stages));
  }

  /**
   * What a status means: the furthest stage reached and, for a closed deal, its outcome.
   *
   * @param reachedStage the stage id reached
   * @param outcome the outcome, empty for an open status
   */
  public record Mapped(String reachedStage, Optional<Outcome> outcome) {
    /** Validates the stage id and normalizes a null outcome to empty. */
    public Mapped {
      Checks.notBlank("reachedStage", reachedStage);
      outcome = outcome == null ? Optional.empty() : outcome;
    }
  }

  /**
   * Returns what a status means.
   *
   * @param status the CRM status
   * @return the reached stage and outcome
   * @throws ValidationException naming the status if it is not mapped
   */
  public Mapped map(String status) {
    Checks.notNull("status", status);
    Mapped m = byStatus.get(key(status, ignoreCase));
    if (m == null) {
      throw ValidationException.of("status", status, "must be one of the mapped statuses "
          + new java.util.TreeSet<>(byStatus.keySet()));
    }
    return m;
  }

  /**
   * Sets the reached stage and the outcome a status means on a deal builder.
   *
   * @param status the CRM status
   * @param deal the builder to fill
   * @return the same builder
   * @throws ValidationException naming the status if it is not mapped
   */
  public Deal.Builder apply(String status, Deal.Builder deal) {
    Checks.notNull("deal", deal);
    Mapped m = map(status);
    return deal.reachedStage(m.reachedStage()).outcome(m.outcome());
  }

  /**
   * Returns the stages the statuses map to.
   *
   * @return the stages
   */
  public Stages stages() {
    return stages;
  }

  private static String key(String status, boolean ignoreCase) {
    return ignoreCase ? status.strip().toLowerCase(Locale.ROOT) : status;
  }

  /**
   * Builds a {@link DealStatusMapper}: each status once, each stage one of the funnel's. Not
   * thread-safe.
   */
  public static final class Builder {
    private final Stages stages;
    private final Map<String, Mapped> byStatus = new LinkedHashMap<>();
    private boolean ignoreCase;

    private Builder(Stages stages) {
      this.stages = stages;
    }

    /**
     * Maps a status of open deals to the stage they reached.
     *
     * @param status the CRM status, e.g. {@code "Engaging"}
     * @param stage the stage id
     * @return this builder
     * @throws ValidationException if the status is blank or already mapped, or the stage unknown
     */
    public Builder open(String status, String stage) {
      return put(status, stage, Optional.empty());
    }

    /**
     * Maps a status of closed deals to the stage they reached and their outcome.
     *
     * @param status the CRM status, e.g. {@code "Won"} or {@code "Lost"}
     * @param stage the stage id the deals reached
     * @param outcome the outcome, e.g. {@link Outcome#won()} or {@link Outcome#lostUnknown()}
     * @return this builder
     * @throws ValidationException if the status is blank or already mapped, or the stage unknown
     */
    public Builder closed(String status, String stage, Outcome outcome) {
      return put(status, stage, Optional.of(Checks.notNull("outcome", outcome)));
    }

    /**
     * Matches statuses ignoring case and surrounding blanks.
     *
     * @return this builder
     */
    public Builder ignoringCase() {
      ignoreCase = true;
      return this;
    }

    private Builder put(String status, String stage, Optional<Outcome> outcome) {
      Checks.notBlank("status", status);
      Checks.notNull("stage", stage);
      stages.indexOf("stage", stage);
      if (byStatus.containsKey(status)) {
        throw ValidationException.of("status", status, "must be mapped once");
      }
      byStatus.put(status, new Mapped(stage, outcome));
      return this;
    }

    /**
     * Builds the mapper.
     *
     * @return the mapper
     * @throws ValidationException if no status is mapped, or two statuses collide when case is
     *     ignored
     */
    public DealStatusMapper build() {
      if (byStatus.isEmpty()) {
        throw ValidationException.of("statuses", "none", "must map at least one status");
      }
      Map<String, Mapped> keyed = new LinkedHashMap<>();
      for (Map.Entry<String, Mapped> e : byStatus.entrySet()) {
        if (keyed.putIfAbsent(key(e.getKey(), ignoreCase), e.getValue()) != null) {
          throw ValidationException.of("status", e.getKey(), "must differ from every other status"
              + (ignoreCase ? " ignoring case" : ""));
        }
      }
      return new DealStatusMapper(stages, ignoreCase, keyed);
    }
  }
}
