package io.clientyield.profitability.project;

import io.clientyield.core.WorkerId;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import java.time.LocalDate;

/**
 * One timesheet line: who (a person or role id), when, how many minutes, billable or not.
 *
 * <p>Immutable and thread-safe.
 *
 * @param worker the person or role the rates are looked up by
 * @param date the day worked
 * @param minutes minutes worked, &ge; 0 (hours &times; 60, exact)
 * @param billable whether the time is billable to the client
 */
public record TimesheetEntry(
    @JsonProperty("worker") WorkerId worker,
    @JsonProperty("date") LocalDate date,
    @JsonProperty("minutes") long minutes,
    @JsonProperty("billable") boolean billable) {

  /**
   * Validates all fields at once.
   */
  public TimesheetEntry {
    Checks.Collector c = Checks.collector();
    c.check(() -> Checks.notNull("worker", worker));
    c.check(() -> Checks.notNull("date", date));
    c.check(() -> Checks.nonNegative("minutes", minutes));
    c.throwIfAny();
  }
}
