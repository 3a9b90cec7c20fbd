package io.clientyield.profitability.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.CampaignId;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The immutable book of client ratings: campaign outcomes (for the status rating), campaign
 * ratings and personal ratings. Every recording method returns a new book.
 *
 * <p>Rules: a campaign outcome is recorded at most once per client and campaign (a second one is
 * a {@link ValidationException} naming client, campaign and the existing outcome; a scenario run
 * ends in exactly one outcome); a campaign rating is set once per client and campaign and a
 * personal rating once per client, re-assignment is rejected naming the existing value unless
 * {@code replace...} is used.
 *
 * <p>Composite for a campaign = status (Σ points of all the client's outcomes, over all
 * campaigns) + campaign rating for that campaign (0 if unset) + personal rating (0 if unset).
 * Both sums are exact: a book whose status rating ({@code statusRating[client]}) or a composite
 * ({@code composite[client]} for a campaign without a campaign rating, {@code
 * composite[client/campaign]} otherwise) would not fit in a long is rejected with a {@link
 * ValidationException}; a recording method that would produce one throws and leaves nothing
 * changed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param points the status points table
 * @param outcomes recorded outcomes, sorted by client then campaign
 * @param campaignRatings campaign ratings, sorted by client then campaign
 * @param personalRatings personal ratings, sorted by client
 */
public record ClientRatings(
    @JsonProperty("points") StatusPoints points,
    @JsonProperty("outcomes") List<CampaignOutcome> outcomes,
    @JsonProperty("campaignRatings") List<CampaignRating> campaignRatings,
    @JsonProperty("personalRatings") List<PersonalRating> personalRatings) {

  private static final Comparator<CampaignOutcome> OUTCOME_ORDER =
      Comparator.comparing(CampaignOutcome::client).thenComparing(CampaignOutcome::campaign);
  private static final Comparator<CampaignRating> CAMPAIGN_ORDER =
      Comparator.comparing(CampaignRating::client).thenComparing(CampaignRating::campaign);

  /**
   * Validates, sorts and rejects duplicates.
   */
  public ClientRatings {
    Checks.notNull("points", points);
    Checks.notNull("outcomes", outcomes);
    Checks.notNull("campaignRatings", campaignRatings);
    Checks.notNull("personalRatings", personalRatings);
    var c = Checks.collector();
    c.elementsNotNull("outcomes", outcomes);
    c.elementsNotNull("campaignRatings", campaignRatings);
    c.elementsNotNull("personalRatings", personalRatings);
    c.throwIfAny();
    var o = new ArrayList<>(outcomes);
    o.sort(OUTCOME_ORDER);
    for (int i = 1; i < o.size(); i++) {
      if (OUTCOME_ORDER.compare(o.get(i - 1), o.get(i)) == 0) {
        c.add("outcomes", o.get(i).client() + "/" + o.get(i).campaign(), "must be unique");
      }
    }
    var r = new ArrayList<>(campaignRatings);
    r.sort(CAMPAIGN_ORDER);
    for (int i = 1; i < r.size(); i++) {
      if (CAMPAIGN_ORDER.compare(r.get(i - 1), r.get(i)) == 0) {
        c.add("campaignRatings", r.get(i).client() + "/" + r.get(i).campaign(), "must be unique");
      }
    }
    var p = new ArrayList<>(personalRatings);
    p.sort(Comparator.comparing(PersonalRating::client));
    for (int i = 1; i < p.size(); i++) {
      if (p.get(i - 1).client().equals(p.get(i).client())) {
        c.add("personalRatings", p.get(i).client(), "must be unique");
      }
    }
    checkSums(c, points, o, r, p);
    c.throwIfAny();
    outcomes = List.copyOf(o);
    campaignRatings = List.copyOf(r);
    personalRatings = List.copyOf(p);
  }

  /**
   * Checks that every client's status rating and every composite rating the book can produce fit
   * in a long, so that {@link #explain} and {@link #rank} never overflow: a recording that would
   * break this is rejected and the book it was called on stays as it was.
   */
  private static void checkSums(
      Checks.Collector c,
      StatusPoints points,
      List<CampaignOutcome> outcomes,
      List<CampaignRating> campaignRatings,
      List<PersonalRating> personalRatings) {
    var status = new java.util.TreeMap<ClientId, Long>();
    var overflowed = new java.util.HashSet<ClientId>();
    for (CampaignOutcome e : outcomes) {
      if (overflowed.contains(e.client())) {
        continue;
      }
      long pts = points.pointsFor(e.outcome());
      long before = status.getOrDefault(e.client(), 0L);
      if (Checks.sumOverflows(before, pts)) {
        overflowed.add(e.client());
        c.add("statusRating[" + e.client() + "]", before + " + " + pts, LONG_RULE);
      } else {
        status.put(e.client(), before + pts);
      }
    }
    var personal = new java.util.HashMap<ClientId, Long>();
    for (PersonalRating e : personalRatings) {
      personal.put(e.client(), e.rating());
    }
    var clients = new java.util.TreeSet<ClientId>(status.keySet());
    clients.addAll(personal.keySet());
    var base = new java.util.HashMap<ClientId, Long>(); // status + personal: an unrated campaign
    for (ClientId id : clients) {
      if (overflowed.contains(id)) {
        continue;
      }
      long s = status.getOrDefault(id, 0L);
      long pr = personal.getOrDefault(id, 0L);
      if (Checks.sumOverflows(s, pr)) {
        overflowed.add(id);
        c.add("composite[" + id + "]", s + " + 0 + " + pr, LONG_RULE);
      } else {
        base.put(id, s + pr);
      }
    }
    for (CampaignRating e : campaignRatings) {
      if (overflowed.contains(e.client())) {
        continue;
      }
      long b = base.getOrDefault(e.client(), 0L);
      if (Checks.sumOverflows(b, e.rating())) {
        c.add(
            "composite[" + e.client() + "/" + e.campaign() + "]",
            status.getOrDefault(e.client(), 0L) + " + " + e.rating() + " + "
                + personal.getOrDefault(e.client(), 0L),
            LONG_RULE);
      }
    }
  }

  private static final String LONG_RULE =
      "must fit in a long (within [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "])";

  /**
   * An empty book with the given points table.
   *
   * @param points the status points table
   * @return the empty book
   */
  public static ClientRatings empty(StatusPoints points) {
    return new ClientRatings(points, List.of(), List.of(), List.of());
  }

  /**
   * An empty book with {@link StatusPoints#DEFAULT}.
   *
   * @return the empty book
   */
  public static ClientRatings empty() {
    return empty(StatusPoints.DEFAULT);
  }

  /**
   * Records the outcome of a client's campaign (feeds the status rating).
   *
   * @param client the client
   * @param campaign the campaign
   * @param outcome its outcome
   * @return the new book
   * @throws ValidationException if an outcome is already recorded for the client and campaign, or
   *     the client's status or composite rating would not fit in a long
   */
  public ClientRatings recordOutcome(ClientId client, CampaignId campaign, Outcome outcome) {
    var entry = new CampaignOutcome(client, campaign, outcome);
    outcomeOf(client, campaign)
        .ifPresent(
            e -> {
              throw ValidationException.of(
                  "outcome[" + client + "/" + campaign + "]",
                  outcome,
                  "already recorded as " + e + "; a campaign has one outcome");
            });
    var list = new ArrayList<>(outcomes);
    list.add(entry);
    return new ClientRatings(points, list, campaignRatings, personalRatings);
  }

  /**
   * Sets the campaign rating of a client once.
   *
   * @param client the client
   * @param campaign the campaign
   * @param rating the points
   * @return the new book
   * @throws ValidationException if already set (naming the existing value), or the client's
   *     composite rating would not fit in a long
   */
  public ClientRatings assignCampaignRating(ClientId client, CampaignId campaign, long rating) {
    var entry = new CampaignRating(client, campaign, rating);
    campaignRating(client, campaign)
        .ifPresent(
            e -> {
              throw ValidationException.of(
                  "campaignRating[" + client + "/" + campaign + "]",
                  rating,
                  "already assigned as " + e + "; use replaceCampaignRating");
            });
    var list = new ArrayList<>(campaignRatings);
    list.add(entry);
    return new ClientRatings(points, outcomes, list, personalRatings);
  }

  /**
   * Sets or replaces the campaign rating of a client.
   *
   * @param client the client
   * @param campaign the campaign
   * @param rating the points
   * @return the new book
   * @throws ValidationException if the client's composite rating would not fit in a long
   */
  public ClientRatings replaceCampaignRating(ClientId client, CampaignId campaign, long rating) {
    var entry = new CampaignRating(client, campaign, rating);
    var list = new ArrayList<CampaignRating>();
    for (CampaignRating r : campaignRatings) {
      if (!(r.client().equals(client) && r.campaign().equals(campaign))) {
        list.add(r);
      }
    }
    list.add(entry);
    return new ClientRatings(points, outcomes, list, personalRatings);
  }

  /**
   * Sets the personal rating of a client once.
   *
   * @param client the client
   * @param rating the points
   * @return the new book
   * @throws ValidationException if already set (naming the existing value), or the client's
   *     composite rating would not fit in a long
   */
  public ClientRatings assignPersonalRating(ClientId client, long rating) {
    var entry = new PersonalRating(client, rating);
    personalRating(client)
        .ifPresent(
            e -> {
              throw ValidationException.of(
                  "personalRating[" + client + "]",
                  rating,
                  "already assigned as " + e + "; use replacePersonalRating");
            });
    var list = new ArrayList<>(personalRatings);
    list.add(entry);
    return new ClientRatings(points, outcomes, campaignRatings, list);
  }

  /**
   * Sets or replaces the personal rating of a client.
   *
   * @param client the client
   * @param rating the points
   * @return the new book
   * @throws ValidationException if the client's composite rating would not fit in a long
   */
  public ClientRatings replacePersonalRating(ClientId client, long rating) {
    var entry = new PersonalRating(client, rating);
    var list = new ArrayList<PersonalRating>();
    for (PersonalRating r : personalRatings) {
      if (!r.client().equals(client)) {
        list.add(r);
      }
    }
    list.add(entry);
    return new ClientRatings(points, outcomes, campaignRatings, list);
  }

  /**
   * The recorded outcome of a client's campaign.
   *
   * @param client the client
   * @param campaign the campaign
   * @return the outcome, empty if none recorded
   */
  public Optional<Outcome> outcomeOf(ClientId client, CampaignId campaign) {
    return outcomes.stream()
        .filter(o -> o.client().equals(client) && o.campaign().equals(campaign))
        .map(CampaignOutcome::outcome)
        .findFirst();
  }

  /**
   * The campaign rating of a client.
   *
   * @param client the client
   * @param campaign the campaign
   * @return the points, empty if unset
   */
  public Optional<Long> campaignRating(ClientId client, CampaignId campaign) {
    return campaignRatings.stream()
        .filter(o -> o.client().equals(client) && o.campaign().equals(campaign))
        .map(CampaignRating::rating)
        .findFirst();
  }

  /**
   * The personal rating of a client.
   *
   * @param client the client
   * @return the points, empty if unset
   */
  public Optional<Long> personalRating(ClientId client) {
    return personalRatings.stream()
        .filter(o -> o.client().equals(client))
        .map(PersonalRating::rating)
        .findFirst();
  }

  /**
   * Explains a client's composite rating in a campaign.
   *
   * @param client the client
   * @param campaign the campaign
   * @return the parts (rank 0 — not ranked)
   */
  public RankedClient explain(ClientId client, CampaignId campaign) {
    return explain(0, client, campaign);
  }

  private RankedClient explain(int rank, ClientId client, CampaignId campaign) {
    var scored = new ArrayList<RankedClient.ScoredOutcome>();
    for (CampaignOutcome o : outcomes) {
      if (o.client().equals(client)) {
        scored.add(
            new RankedClient.ScoredOutcome(o.campaign(), o.outcome(), points.pointsFor(o.outcome())));
      }
    }
    return new RankedClient(
        rank,
        client,
        scored,
        campaignRating(client, campaign).orElse(0L),
        personalRating(client).orElse(0L));
  }

  /**
   * Ranks clients for a campaign: composite descending; ties by personal rating descending, then
   * status rating descending, then client id ascending — a total order independent of input
   * order. Duplicate ids are ranked once. Ranks start at 1.
   *
   * @param campaign the campaign
   * @param clients the clients to rank
   * @return the ranked entries, best first
   * @throws ValidationException if a client is null (naming its index)
   */
  public List<RankedClient> rank(CampaignId campaign, Collection<ClientId> clients) {
    Checks.notNull("campaign", campaign);
    Checks.notNull("clients", clients);
    var unique = new TreeSet<ClientId>(Checks.elementsNotNull("clients", clients));
    var entries = new ArrayList<RankedClient>();
    for (ClientId id : unique) {
      entries.add(explain(0, id, campaign));
    }
    entries.sort(RankedClient.ORDER);
    var out = new ArrayList<RankedClient>();
    for (int i = 0; i < entries.size(); i++) {
      out.add(explain(i + 1, entries.get(i).client(), campaign));
    }
    return List.copyOf(out);
  }

  /**
   * One recorded campaign outcome. Immutable and thread-safe.
   *
   * @param client the client
   * @param campaign the campaign
   * @param outcome its outcome
   */
  public record CampaignOutcome(
      @JsonProperty("client") ClientId client,
      @JsonProperty("campaign") CampaignId campaign,
      @JsonProperty("outcome") Outcome outcome) {
    /**
     * Validates presence.
     */
    public CampaignOutcome {
      Checks.notNull("client", client);
      Checks.notNull("campaign", campaign);
      Checks.notNull("outcome", outcome);
    }
  }

  /**
   * One campaign rating. Immutable and thread-safe.
   *
   * @param client the client
   * @param campaign the campaign
   * @param rating the points
   */
  public record CampaignRating(
      @JsonProperty("client") ClientId client,
      @JsonProperty("campaign") CampaignId campaign,
      @JsonProperty("rating") long rating) {
    /**
     * Validates presence.
     */
    public CampaignRating {
      Checks.notNull("client", client);
      Checks.notNull("campaign", campaign);
    }
  }

  /**
   * One personal rating. Immutable and thread-safe.
   *
   * @param client the client
   * @param rating the points
   */
  public record PersonalRating(
      @JsonProperty("client") ClientId client, @JsonProperty("rating") long rating) {
    /**
     * Validates presence.
     */
    public PersonalRating {
      Checks.notNull("client", client);
    }
  }
}
