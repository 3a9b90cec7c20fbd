package io.clientyield.funnel.leads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clientyield.core.internal.Checks;

/**
 * An explicit period scaling of {@link LeadInputs} ({@link LeadInputs#scaled(PeriodScale)}): counts and spend of a {@code from} period are multiplied by
 * {@code factor} to give the {@code to} period, e.g. per day → per year with 365 days. The day
 * count is always stated, never implied (a year of working days is {@code dayToYear(247)}).
 *
 * <p>JSON form: {@code {"from":"day","to":"year","factor":365.0}}. Immutable and thread-safe.
 *
 * @param from the source period's name, e.g. {@code day} (non-blank)
 * @param to the target period's name, e.g. {@code year} (non-blank)
 * @param factor how many {@code from} periods make one {@code to} period, finite and &gt; 0
 */
@JsonPropertyOrder({"from", "to", "factor"})
public record PeriodScale(
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("factor") double factor) {

  /** Validates the names (non-blank) and the factor (finite and &gt; 0). */
  @JsonCreator
  public PeriodScale {
    Checks.Collector v = Checks.collector();
    v.check(() -> Checks.notBlank("from", from));
    v.check(() -> Checks.notBlank("to", to));
    v.check(() -> Checks.positive("factor", factor));
    v.throwIfAny();
  }

  /**
   * Creates a scale.
   *
   * @param from the source period's name
   * @param to the target period's name
   * @param factor the factor, finite and &gt; 0
   * @return the scale
   */
  public static PeriodScale of(String from, String to, double factor) {
    return new PeriodScale(from, to, factor);
  }

  /**
   * Per day → per year with a stated day count (DOMAIN 3 uses 365).
   *
   * @param daysPerYear the days in the year, &gt; 0
   * @return the scale
   */
  public static PeriodScale dayToYear(int daysPerYear) {
    Checks.positive("daysPerYear", (long) daysPerYear);
    return new PeriodScale("day", "year", daysPerYear);
  }

  /**
   * Per month → per year (12 months).
   *
   * @return the scale
   */
  public static PeriodScale monthToYear() {
    return new PeriodScale("month", "year", 12);
  }

  /**
   * Returns the reverse scaling, {@code to} → {@code from} with factor {@code 1 / factor}.
   *
   * @return the inverse
   */
  public PeriodScale inverse() {
    return new PeriodScale(to, from, 1.0 / factor);
  }
}
