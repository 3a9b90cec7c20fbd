package io.clientyield.profitability.rating;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.CampaignId;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.Outcome;
import java.util.Comparator;
import java.util.List;

/**
 * One client's composite rating in a campaign, with its parts explained: composite = status
 * (Σ points of {@link #statusOutcomes()}) + campaign rating + personal rating.
 *
 * <p>Both sums are exact: parts whose status rating (the total, whatever the order of the
 * outcomes) or composite rating would not fit in a long are rejected with a {@link io.clientyield.core.ValidationException} naming {@code statusRating} or
 * {@code composite}, never wrapped around.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rank 1-based rank in a ranking, 0 when produced by {@code explain}
 * @param client the client
 * @param statusOutcomes the outcomes behind the status rating, with their points
 * @param campaignRating the campaign rating in the ranked campaign (0 if unset)
 * @param personalRating the personal rating (0 if unset)
 */
public record RankedClient(
    @JsonProperty("rank") int rank,
    @JsonProperty("client") ClientId client,
    @JsonProperty("statusOutcomes") List<ScoredOutcome> statusOutcomes,
    @JsonProperty("campaignRating") long campaignRating,
    @JsonProperty("personalRating") long personalRating) {

  /** Ranking order: composite desc, personal desc, status desc, client id asc. */
  static final Comparator<RankedClient> ORDER =
      Comparator.comparingLong(RankedClient::composite)
          .reversed()
          .thenComparing(Comparator.comparingLong(RankedClient::personalRating).reversed())
          .thenComparing(Comparator.comparingLong(RankedClient::statusRating).reversed())
          .thenComparing(RankedClient::client);

  /**
   * Validates presence and a non-negative rank.
   */
  public RankedClient {
    Checks.nonNegative("rank", rank);
    Checks.notNull("client", client);
    statusOutcomes = Checks.elementsNotNull("statusOutcomes", statusOutcomes);
    sumComposite(sumStatus(statusOutcomes), campaignRating, personalRating);
  }

  /**
   * The status rating: Σ points of the status outcomes. Always fits in a long: the constructor
   * rejects outcomes whose points do not.
   *
   * @return the points
   */
  @JsonIgnore
  public long statusRating() {
    return sumStatus(statusOutcomes);
  }

  /**
   * The composite rating = status + campaign + personal. Always fits in a long: the constructor
   * rejects parts whose sum does not.
   *
   * @return the points
   */
  @JsonIgnore
  public long composite() {
    return sumComposite(statusRating(), campaignRating, personalRating);
  }

  private static long sumStatus(List<ScoredOutcome> outcomes) {
    ExactSum s = new ExactSum();
    for (ScoredOutcome o : outcomes) {
      s.add(o.points());
    }
    if (!s.fits()) {
      throw io.clientyield.core.ValidationException.of("statusRating", s, LONG_RULE);
    }
    return s.value();
  }

  static final String LONG_RULE =
      "must fit in a long (within [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "])";

  private static long sumComposite(long status, long campaignRating, long personalRating) {
    ExactSum s = new ExactSum().add(status).add(campaignRating).add(personalRating);
    if (!s.fits()) {
      throw io.clientyield.core.ValidationException.of(
          "composite", status + " + " + campaignRating + " + " + personalRating, LONG_RULE);
    }
    return s.value();
  }


  /**
   * One outcome behind the status rating. Immutable and thread-safe.
   *
   * @param campaign the campaign
   * @param outcome its outcome
   * @param points the points it earned
   */
  public record ScoredOutcome(
      @JsonProperty("campaign") CampaignId campaign,
      @JsonProperty("outcome") Outcome outcome,
      @JsonProperty("points") long points) {
    /**
     * Validates presence.
     */
    public ScoredOutcome {
      Checks.notNull("campaign", campaign);
      Checks.notNull("outcome", outcome);
    }
  }
}
