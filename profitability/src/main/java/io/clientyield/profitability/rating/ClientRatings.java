package io.clientyield.profitability.rating;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Accumulator;
import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collector;

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
 * Both sums are exact (a status rating is the total of its outcomes' points, whatever their
 * order): a book whose status rating ({@code statusRating[client]}) or a composite
 * ({@code composite[client]} for a campaign without a campaign rating, {@code
 * composite[client/campaign]} otherwise) would not fit in a long is rejected with a {@link
 * ValidationException}; a recording method that would produce one throws and leaves nothing
 * changed.
 *
 * <p>Recording methods copy the book; to record many outcomes (a CRM export) use an {@link
 * OutcomeAccumulator}: O(1) amortised per outcome, mergeable, and its {@link
 * OutcomeAccumulator#result()} is the same book that recording one by one gives. {@link #rank}
 * makes one pass over the book whatever the number of clients.
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
   * Validates, sorts (one pass when a list is already in order) and rejects duplicates.
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
   * break this is rejected and the book it was called on stays as it was. Sums are exact totals,
   * so the verdict does not depend on the order of the outcomes.
   */
  private static void checkSums(
      Checks.Collector c,
      StatusPoints points,
      List<CampaignOutcome> outcomes,
      List<CampaignRating> campaignRatings,
      List<PersonalRating> personalRatings) {
    var status = new java.util.TreeMap<ClientId, ExactSum>();
    ClientId current = null;
    ExactSum sum = null;
    for (CampaignOutcome e : outcomes) { // sorted by client: one map lookup per client
      if (!e.client().equals(current)) {
        current = e.client();
        sum = status.computeIfAbsent(current, k -> new ExactSum());
      }
      sum.add(points.pointsFor(e.outcome()));
    }
    var overflowed = new java.util.HashSet<ClientId>();
    for (var e : status.entrySet()) {
      if (!e.getValue().fits()) {
        overflowed.add(e.getKey());
        c.add("statusRating[" + e.getKey() + "]", e.getValue(), LONG_RULE);
      }
    }
    var personal = new HashMap<ClientId, Long>();
    for (PersonalRating e : personalRatings) {
      personal.put(e.client(), e.rating());
    }
    var clients = new TreeSet<ClientId>(status.keySet());
    clients.addAll(personal.keySet());
    var base = new HashMap<ClientId, Long>(); // status + personal: an unrated campaign
    for (ClientId id : clients) {
      if (overflowed.contains(id)) {
        continue;
      }
      long s = status.containsKey(id) ? status.get(id).value() : 0L;
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
            (status.containsKey(e.client()) ? status.get(e.client()).value() : 0L)
                + " + " + e.rating() + " + " + personal.getOrDefault(e.client(), 0L),
            LONG_RULE);
      }
    }
  }

  private static final String LONG_RULE = RankedClient.LONG_RULE;

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
   * <p>Copies and re-checks the book, so each call costs time in proportion to the book: to record
   * many outcomes use an {@link OutcomeAccumulator} (O(1) amortised per outcome, one check when
   * the book is taken), which gives the same book and rejects the same outcomes.
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
              throw duplicate(entry, e);
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
    // one pass over the book, not one per client
    var scored = new HashMap<ClientId, List<RankedClient.ScoredOutcome>>();
    ClientId current = null;
    List<RankedClient.ScoredOutcome> run = null; // the current client's, null when not ranked
    for (CampaignOutcome o : outcomes) { // sorted by client then campaign: one lookup per client
      if (!o.client().equals(current)) {
        current = o.client();
        run = unique.contains(current) ? scored.computeIfAbsent(current, k -> new ArrayList<>()) : null;
      }
      if (run != null) {
        run.add(new RankedClient.ScoredOutcome(o.campaign(), o.outcome(), points.pointsFor(o.outcome())));
      }
    }
    var inCampaign = new HashMap<ClientId, Long>();
    for (CampaignRating r : campaignRatings) {
      if (r.campaign().equals(campaign)) {
        inCampaign.put(r.client(), r.rating());
      }
    }
    var personal = new HashMap<ClientId, Long>();
    for (PersonalRating r : personalRatings) {
      personal.put(r.client(), r.rating());
    }
    var entries = new ArrayList<RankedClient>(unique.size());
    for (ClientId id : unique) {
      entries.add(
          new RankedClient(
              0,
              id,
              scored.getOrDefault(id, List.of()),
              inCampaign.getOrDefault(id, 0L),
              personal.getOrDefault(id, 0L)));
    }
    entries.sort(RankedClient.ORDER);
    var out = new ArrayList<RankedClient>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      RankedClient e = entries.get(i);
      out.add(
          new RankedClient(
              i + 1, e.client(), e.statusOutcomes(), e.campaignRating(), e.personalRating()));
    }
    return List.copyOf(out);
  }

  private static ValidationException duplicate(CampaignOutcome entry, Outcome existing) {
    return ValidationException.of(
        "outcome[" + entry.client() + "/" + entry.campaign() + "]",
        entry.outcome(),
        "already recorded as " + existing + "; a campaign has one outcome");
  }

  /**
   * Records campaign outcomes onto a book, O(1) amortised per outcome, and gives the book with
   * them ({@link #result()}): the same book, and the same rejections, as calling {@link
   * #recordOutcome} once per outcome, in any order. The base book is this accumulator's
   * configuration: accumulators merge only when their bases are equal, and each holds only the
   * outcomes added to it.
   *
   * <p>An outcome for a client and campaign that already has one (in the base book or added
   * before) is a {@link ValidationException} naming both ({@code outcome[acme/expo-2025]}), as is
   * one that would take the client's status or composite rating out of the long range ({@code
   * statusRating[acme]}, {@code composite[acme]}); a rejected add or merge leaves the accumulator
   * unchanged. Merging an accumulator with itself records every outcome twice and is rejected.
   *
   * <p>Mutable, not thread-safe; use one per thread and merge.
   */
  public static final class OutcomeAccumulator
      implements Accumulator<CampaignOutcome, OutcomeAccumulator, ClientRatings> {

    private final ClientRatings base;
    private final Map<Key, Outcome> baseOutcomes = new HashMap<>();
    private final Map<ClientId, ExactSum> baseStatus = new HashMap<>();
    private final Map<ClientId, Long> personal = new HashMap<>();
    private final Map<ClientId, long[]> ratingRange = new HashMap<>();
    private final Map<Key, CampaignOutcome> added = new HashMap<>();
    private final Map<ClientId, ExactSum> addedStatus = new HashMap<>();

    /**
     * An empty accumulator recording onto a book.
     *
     * @param base the book the outcomes are recorded onto (its points table scores them)
     */
    public OutcomeAccumulator(ClientRatings base) {
      this.base = Checks.notNull("base", base);
      for (CampaignOutcome o : base.outcomes) {
        baseOutcomes.put(new Key(o.client(), o.campaign()), o.outcome());
        baseStatus
            .computeIfAbsent(o.client(), k -> new ExactSum())
            .add(base.points.pointsFor(o.outcome()));
      }
      for (PersonalRating r : base.personalRatings) {
        personal.put(r.client(), r.rating());
      }
      for (CampaignRating r : base.campaignRatings) {
        long[] range = ratingRange.computeIfAbsent(r.client(), k -> new long[] {r.rating(), r.rating()});
        range[0] = Math.min(range[0], r.rating());
        range[1] = Math.max(range[1], r.rating());
      }
    }

    /**
     * A collector of campaign outcomes into the book that records them onto a base book.
     *
     * @param base the book the outcomes are recorded onto
     * @return the collector
     */
    public static Collector<CampaignOutcome, ?, ClientRatings> collector(ClientRatings base) {
      Checks.notNull("base", base);
      return Accumulator.collector(() -> new OutcomeAccumulator(base));
    }

    /**
     * Records one outcome.
     *
     * @param outcome the client, campaign and outcome
     * @return this
     * @throws ValidationException if the client's campaign already has an outcome, or the
     *     client's status or composite rating would not fit in a long
     */
    @Override
    public OutcomeAccumulator add(CampaignOutcome outcome) {
      Checks.notNull("outcome", outcome);
      Key k = new Key(outcome.client(), outcome.campaign());
      Outcome existing = baseOutcomes.get(k);
      if (existing == null && added.containsKey(k)) {
        existing = added.get(k).outcome();
      }
      if (existing != null) {
        throw duplicate(outcome, existing);
      }
      ExactSum status = status(outcome.client()).add(base.points.pointsFor(outcome.outcome()));
      if (!fits(outcome.client(), status)) {
        throw overflow(outcome.client(), List.of(outcome));
      }
      added.put(k, outcome);
      addedStatus
          .computeIfAbsent(outcome.client(), c -> new ExactSum())
          .add(base.points.pointsFor(outcome.outcome()));
      return this;
    }

    /**
     * Adds the outcomes another accumulator on an equal base recorded.
     *
     * @param other the other accumulator
     * @return this
     * @throws ValidationException if the bases differ, both recorded an outcome for the same
     *     client and campaign, or a rating would not fit in a long
     */
    @Override
    public OutcomeAccumulator merge(OutcomeAccumulator other) {
      Checks.notNull("other", other);
      if (other.base != base && !other.base.equals(base)) {
        throw ValidationException.of("other.base", "another book", "must equal this base book");
      }
      var incoming = new ArrayList<>(other.added.values());
      incoming.sort(OUTCOME_ORDER);
      var c = Checks.collector();
      var byClient = new java.util.TreeMap<ClientId, List<CampaignOutcome>>();
      for (CampaignOutcome o : incoming) {
        CampaignOutcome mine = added.get(new Key(o.client(), o.campaign()));
        if (mine != null) {
          c.add(
              "outcome[" + o.client() + "/" + o.campaign() + "]",
              o.outcome(),
              "already recorded as " + mine.outcome() + "; a campaign has one outcome");
        }
        byClient.computeIfAbsent(o.client(), k -> new ArrayList<>()).add(o);
      }
      c.throwIfAny();
      var staged = new HashMap<ClientId, ExactSum>();
      for (var e : byClient.entrySet()) {
        ExactSum s = status(e.getKey()).add(other.addedStatus.get(e.getKey()));
        if (!fits(e.getKey(), s)) {
          throw overflow(e.getKey(), e.getValue());
        }
        ExactSum mine = addedStatus.get(e.getKey());
        staged.put(
            e.getKey(),
            (mine == null ? new ExactSum() : new ExactSum(mine))
                .add(other.addedStatus.get(e.getKey())));
      }
      // every check passed: apply (a rejected merge changes nothing)
      for (CampaignOutcome o : incoming) {
        added.put(new Key(o.client(), o.campaign()), o);
      }
      addedStatus.putAll(staged);
      return this;
    }

    /**
     * The base book with every recorded outcome.
     *
     * @return the book
     */
    @Override
    public ClientRatings result() {
      // grouped by client and sorted by campaign within each, so that the book's own sort finds
      // the list in order (one pass) and campaigns are compared only within a client
      var byClient = new HashMap<ClientId, List<CampaignOutcome>>();
      for (CampaignOutcome o : base.outcomes) {
        byClient.computeIfAbsent(o.client(), k -> new ArrayList<>()).add(o);
      }
      for (CampaignOutcome o : added.values()) {
        byClient.computeIfAbsent(o.client(), k -> new ArrayList<>()).add(o);
      }
      var clients = new ArrayList<>(byClient.keySet());
      clients.sort(Comparator.naturalOrder());
      var all = new ArrayList<CampaignOutcome>(base.outcomes.size() + added.size());
      for (ClientId c : clients) {
        List<CampaignOutcome> own = byClient.get(c);
        own.sort(Comparator.comparing(CampaignOutcome::campaign));
        all.addAll(own);
      }
      return new ClientRatings(base.points, all, base.campaignRatings, base.personalRatings);
    }

    /** The client's status so far (base and added), as a new sum. */
    private ExactSum status(ClientId client) {
      ExactSum s = new ExactSum();
      ExactSum b = baseStatus.get(client);
      if (b != null) {
        s.add(b);
      }
      ExactSum a = addedStatus.get(client);
      if (a != null) {
        s.add(a);
      }
      return s;
    }

    /** Whether a status and every composite of the client built on it fit in a long. */
    private boolean fits(ClientId client, ExactSum status) {
      if (!status.fits()) {
        return false;
      }
      ExactSum unrated = new ExactSum(status).add(personal.getOrDefault(client, 0L));
      if (!unrated.fits()) {
        return false;
      }
      long[] range = ratingRange.get(client);
      return range == null
          || (new ExactSum(unrated).add(range[0]).fits()
              && new ExactSum(unrated).add(range[1]).fits());
    }

    /** The book's own verdict on the client with extra outcomes: the rare, slow path. */
    private ValidationException overflow(ClientId client, List<CampaignOutcome> extra) {
      var outcomes = new ArrayList<CampaignOutcome>();
      for (CampaignOutcome o : base.outcomes) {
        if (o.client().equals(client)) {
          outcomes.add(o);
        }
      }
      for (CampaignOutcome o : added.values()) {
        if (o.client().equals(client)) {
          outcomes.add(o);
        }
      }
      outcomes.addAll(extra);
      outcomes.sort(OUTCOME_ORDER);
      var ratings = new ArrayList<CampaignRating>();
      for (CampaignRating r : base.campaignRatings) {
        if (r.client().equals(client)) {
          ratings.add(r);
        }
      }
      var persons = new ArrayList<PersonalRating>();
      for (PersonalRating r : base.personalRatings) {
        if (r.client().equals(client)) {
          persons.add(r);
        }
      }
      var c = Checks.collector();
      checkSums(c, base.points, outcomes, ratings, persons);
      return c.isEmpty()
          ? ValidationException.of("statusRating[" + client + "]", status(client), LONG_RULE)
          : new ValidationException(c.violations());
    }

    private record Key(ClientId client, CampaignId campaign) {}
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
}
