package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.ClientId;
import io.clientyield.core.internal.Checks;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategy;
import java.util.List;

/**
 * A client's place in the matrix: both scores, the cell, its strategy, and the criteria that
 * decided it (sorted by contribution descending, then name), plus the criteria skipped because
 * the client had no value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client
 * @param attractivenessScore in [0, 1]
 * @param relationshipScore in [0, 1]
 * @param attractiveness the row
 * @param relationship the column
 * @param strategy the cell's strategy
 * @param attractivenessWhy contributions to the attractiveness score
 * @param relationshipWhy contributions to the relationship score
 * @param skipped names of criteria skipped for missing values (weights renormalized)
 */
public record Placement(
    @JsonProperty("client") ClientId client,
    @JsonProperty("attractivenessScore") double attractivenessScore,
    @JsonProperty("relationshipScore") double relationshipScore,
    @JsonProperty("attractiveness") Attractiveness attractiveness,
    @JsonProperty("relationship") Relationship relationship,
    @JsonProperty("strategy") Strategy strategy,
    @JsonProperty("attractivenessWhy") List<Contribution> attractivenessWhy,
    @JsonProperty("relationshipWhy") List<Contribution> relationshipWhy,
    @JsonProperty("skipped") List<String> skipped) {

  /**
   * Validates presence and score ranges.
   */
  public Placement {
    Checks.notNull("client", client);
    Checks.unitInterval("attractivenessScore", attractivenessScore);
    Checks.unitInterval("relationshipScore", relationshipScore);
    Checks.notNull("attractiveness", attractiveness);
    Checks.notNull("relationship", relationship);
    Checks.notNull("strategy", strategy);
    attractivenessWhy = Checks.elementsNotNull("attractivenessWhy", attractivenessWhy);
    relationshipWhy = Checks.elementsNotNull("relationshipWhy", relationshipWhy);
    skipped = Checks.elementsNotNull("skipped", skipped);
  }

  /**
   * Why a score is what it is: one criterion's raw value, normalized value (after turning around
   * lower-is-better ones) and weighted contribution = weight × normalized / Σ weights of the present
   * criteria. The contributions of an axis sum to its score.
   *
   * <p>Immutable and thread-safe.
   *
   * @param criterion the criterion name
   * @param raw the raw value
   * @param normalized in [0, 1]
   * @param contribution in [0, 1]
   */
  public record Contribution(
      @JsonProperty("criterion") String criterion,
      @JsonProperty("raw") double raw,
      @JsonProperty("normalized") double normalized,
      @JsonProperty("contribution") double contribution) {

    /**
     * Validates ranges.
     */
    public Contribution {
      Checks.notBlank("criterion", criterion);
      Checks.finite("raw", raw);
      Checks.unitInterval("normalized", normalized);
      Checks.unitInterval("contribution", contribution);
    }
  }
}
