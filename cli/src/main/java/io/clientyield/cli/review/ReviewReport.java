package io.clientyield.cli.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import io.clientyield.core.json.ClientyieldJson;
import java.time.Instant;

/**
 * The document written as {@code report.json}: the review, with the version of the JSON contract
 * it is written in, when it was generated and what was reviewed. Read it back with
 * {@code ClientyieldJson.read(json, ReviewReport.class)}.
 *
 * <p>JSON form: {@code {"schemaVersion":"1.0","generatedAt":"2026-09-30T12:00:00Z",
 * "source":"bundled CRM Sales Opportunities export","review":{...}}}.
 *
 * @param schemaVersion the version of the JSON contract ({@link ClientyieldJson#SCHEMA_VERSION}
 *     when written by this library)
 * @param generatedAt when the report was generated (an ISO instant, whole seconds)
 * @param source what was reviewed: the export's folder, or the bundled export
 * @param review the review
 */
public record ReviewReport(
    @JsonProperty("schemaVersion") String schemaVersion,
    @JsonProperty("generatedAt") Instant generatedAt,
    @JsonProperty("source") String source,
    @JsonProperty("review") Review review) {

  /** Checks that no part is missing. */
  public ReviewReport {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(review, "review");
  }

  /**
   * A report in the current version of the JSON contract.
   *
   * @param generatedAt when the report was generated (truncated to whole seconds)
   * @param source what was reviewed
   * @param review the review
   * @return the report
   */
  public static ReviewReport of(Instant generatedAt, String source, Review review) {
    Objects.requireNonNull(generatedAt, "generatedAt");
    return new ReviewReport(ClientyieldJson.SCHEMA_VERSION,
        generatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), source, review);
  }
}
