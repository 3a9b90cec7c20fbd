package io.clientyield.cli.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.json.ClientyieldJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The document written as {@code report.json}: the version of the JSON contract it is written
 * in, when it was generated, what was reviewed, then the compact {@link ReviewSummary} (what
 * the page's headline, forecast backtests and tables show) and, only when asked for, every
 * result of the review in the library's own forms, with its per-deal and per-account detail.
 * Read it back with {@code ClientyieldJson.read(json, ReviewReport.class)}.
 *
 * <p>JSON form: {@code {"schemaVersion":"1.0","generatedAt":"2026-09-30T12:00:00Z",
 * "source":"bundled CRM Sales Opportunities export","summary":{...}}}, plus {@code "review":{...}}
 * with the detail.
 *
 * @param schemaVersion the version of the JSON contract ({@link ClientyieldJson#SCHEMA_VERSION}
 *     when written by this library)
 * @param generatedAt when the report was generated (an ISO instant, whole seconds)
 * @param source what was reviewed: the export's folder, or the bundled export
 * @param summary the compact summary
 * @param review every result of the review (per-deal lists included), present only on request
 */
public record ReviewReport(
    @JsonProperty("schemaVersion") String schemaVersion,
    @JsonProperty("generatedAt") Instant generatedAt,
    @JsonProperty("source") String source,
    @JsonProperty("summary") ReviewSummary summary,
    @JsonProperty("review") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Review> review) {

  /**
   * Checks that no part is missing.
   *
   * @param schemaVersion the version of the JSON contract
   * @param generatedAt when the report was generated
   * @param source what was reviewed
   * @param summary the compact summary
   * @param review every result, or empty
   */
  public ReviewReport {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(summary, "summary");
    review = review == null ? Optional.empty() : review;
  }

  /**
   * A compact report in the current version of the JSON contract: the summary, no per-deal
   * detail.
   *
   * @param generatedAt when the report was generated (truncated to whole seconds)
   * @param source what was reviewed
   * @param review the review
   * @return the report
   */
  public static ReviewReport of(Instant generatedAt, String source, Review review) {
    return of(generatedAt, source, review, false);
  }

  /**
   * A report in the current version of the JSON contract.
   *
   * @param generatedAt when the report was generated (truncated to whole seconds)
   * @param source what was reviewed
   * @param review the review
   * @param detail whether to include every result of the review, per-deal lists included
   * @return the report
   */
  public static ReviewReport of(Instant generatedAt, String source, Review review, boolean detail) {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(review, "review");
    return new ReviewReport(ClientyieldJson.SCHEMA_VERSION, generatedAt.truncatedTo(ChronoUnit.SECONDS), source,
        ReviewSummary.of(review), detail ? Optional.of(review) : Optional.empty());
  }
}
