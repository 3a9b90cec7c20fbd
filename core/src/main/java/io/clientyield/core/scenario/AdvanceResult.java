package io.clientyield.core.scenario;

import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import java.util.Optional;

/**
 * The typed result of {@link ScenarioRun#tryAdvance}: either {@link Advanced} with the next run,
 * or {@link Rejected} with the unchanged run, the reason and a message naming what is allowed.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface AdvanceResult permits AdvanceResult.Advanced, AdvanceResult.Rejected {

  /** Why a transition was not taken. */
  enum Reason {
    /** The label is not allowed at the current step. */
    UNKNOWN_LABEL,
    /** The run has already ended with an outcome. */
    FINISHED,
    /** The timestamp is earlier than the run's last transition. */
    TIME_BEFORE_LAST,
    /** No event rule matches the event type at the current step (event rules only). */
    NO_RULE
  }

  /**
   * The run after this result: the next run, or the unchanged one.
   *
   * @return the run
   */
  ScenarioRun run();

  /**
   * Whether the transition was taken.
   *
   * @return true for {@link Advanced}
   */
  boolean isAdvanced();

  /**
   * The next run, or throws the rejection as a {@link ValidationException}.
   *
   * @return the next run
   * @throws ValidationException if rejected
   */
  ScenarioRun orElseThrow();

  /**
   * The rejection reason, if rejected.
   *
   * @return the reason, or empty when advanced
   */
  Optional<Reason> reason();

  /**
   * The transition was taken.
   *
   * @param run the next run
   */
  record Advanced(ScenarioRun run) implements AdvanceResult {
    /**
     * Creates the result.
     *
     * @param run the next run
     */
    public Advanced {
      Checks.notNull("run", run);
    }

    @Override
    public boolean isAdvanced() {
      return true;
    }

    @Override
    public ScenarioRun orElseThrow() {
      return run;
    }

    @Override
    public Optional<Reason> reason() {
      return Optional.empty();
    }
  }

  /**
   * The transition was not taken; the run is unchanged.
   *
   * @param run the unchanged run
   * @param why the reason
   * @param field the offending argument ({@code label}, {@code at}, {@code run}, {@code eventType})
   * @param value the offending value, as text
   * @param rule the rule it broke, naming what is allowed
   */
  record Rejected(ScenarioRun run, Reason why, String field, String value, String rule)
      implements AdvanceResult {
    /**
     * Creates the result.
     *
     * @param run the unchanged run
     * @param why the reason
     * @param field the offending argument ({@code label}, {@code at}, {@code run}, {@code eventType})
     * @param value the offending value, as text
     * @param rule the rule it broke, naming what is allowed
     */
    public Rejected {
      Checks.notNull("run", run);
      Checks.notNull("why", why);
      Checks.notNull("field", field);
      Checks.notNull("rule", rule);
    }

    @Override
    public boolean isAdvanced() {
      return false;
    }

    @Override
    public ScenarioRun orElseThrow() {
      throw toException();
    }

    @Override
    public Optional<Reason> reason() {
      return Optional.of(why);
    }

    /**
     * The rejection as an exception.
     *
     * @return the exception (not thrown)
     */
    public ValidationException toException() {
      return ValidationException.of(field, value, rule);
    }

    /**
     * The message, as the exception would give it.
     *
     * @return the message
     */
    public String message() {
      return toException().getMessage();
    }
  }
}
