package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One client worked in one campaign: the input of the funnel analytics, filled by a CRM from its
 * own tables.
 *
 * <p>{@link #reachedStage()} is the furthest stage the deal reached (a stage id of the caller's
 * ordered stage list). {@link #history()} optionally lists the stages entered, oldest first,
 * with dates (needed for time in stage). {@link #outcome()} is empty while the deal is open.
 * {@link #attributes()} carries any further grouping keys (office, channel, region...).
 *
 * <p>Two values: {@link #budget()} is the <b>list value</b> (the asked or expected value) that
 * every budget sum of the funnel uses; a won deal may also carry its {@link #contractedValue()}
 * (what the contract was signed for), so that price realization (contracted / list) and
 * "won contract value / closed list value" come out of the same pass
 * ({@link ConversionComparison#priceRealization()},
 * {@link ConversionComparison#financialClosedContracted()}).
 *
 * <pre>{@code
 * Deal deal = Deal.builder()
 *     .id(DealId.of("D-17")).manager(ManagerId.of("anna"))
 *     .budget(Money.of("12000.00", "EUR"))
 *     .reachedStage("proposal")
 *     .outcome(Outcome.clientRefused("price"))
 *     .build();
 * }</pre>
 *
 * <p>Rules (checked by the constructor and {@code build()}, all violations reported together):
 * when the history is given, its dates never go backwards and it contains the reached stage; a
 * closed-on date requires an outcome and is not before the last history date; the budget is not
 * negative; a contracted value requires a {@code WON} outcome and a budget in the same currency,
 * and is not negative.
 *
 * <p>JSON form: {@code {"id":"D-17","client":null,"manager":"anna","campaign":null,
 * "budget":{...},"reachedStage":"proposal","history":[...],"outcome":{...},"closedOn":"2026-09-21",
 * "attributes":{"office":"Berlin"}}}; {@code contractedValue} (after {@code budget}) is omitted
 * when absent. Immutable and thread-safe.
 *
 * @param id the deal id
 * @param client the client (account), if known
 * @param manager the manager working the deal, if known
 * @param campaign the campaign, if any
 * @param budget the list value (asked or expected), if known; never negative
 * @param contractedValue the contracted value of a won deal, if known; never negative
 * @param reachedStage the id of the furthest stage the deal reached
 * @param history the stages entered, oldest first (may be empty)
 * @param outcome the outcome, empty while the deal is open
 * @param closedOn the day the deal closed, if known (only with an outcome)
 * @param attributes further grouping keys by name (office, channel, region...)
 */
@JsonPropertyOrder({"id", "client", "manager", "campaign", "budget", "contractedValue",
    "reachedStage", "history", "outcome", "closedOn", "attributes"})
public record Deal(
    @JsonProperty("id") DealId id,
    @JsonProperty("client") Optional<ClientId> client,
    @JsonProperty("manager") Optional<ManagerId> manager,
    @JsonProperty("campaign") Optional<CampaignId> campaign,
    @JsonProperty("budget") Optional<Money> budget,
    @JsonProperty("contractedValue") @JsonInclude(JsonInclude.Include.NON_ABSENT)
        Optional<Money> contractedValue,
    @JsonProperty("reachedStage") String reachedStage,
    @JsonProperty("history") @JsonSetter(nulls = Nulls.AS_EMPTY) List<StageVisit> history,
    @JsonProperty("outcome") Optional<Outcome> outcome,
    @JsonProperty("closedOn") Optional<LocalDate> closedOn,
    @JsonProperty("attributes") @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, String> attributes) {

  /** Validates the deal, reporting every violation at once; absent optionals become empty. */
  @JsonCreator
  public Deal {
    client = client == null ? Optional.empty() : client;
    manager = manager == null ? Optional.empty() : manager;
    campaign = campaign == null ? Optional.empty() : campaign;
    budget = budget == null ? Optional.empty() : budget;
    contractedValue = contractedValue == null ? Optional.empty() : contractedValue;
    outcome = outcome == null ? Optional.empty() : outcome;
    closedOn = closedOn == null ? Optional.empty() : closedOn;
    history = history == null ? List.of() : history;
    attributes = attributes == null ? Map.of() : attributes;
    Checks.Collector c = Checks.collector();
    if (id == null) {
      c.add("id", null, "must not be null");
    }
    if (reachedStage == null) {
      c.add("reachedStage", null, "must not be null");
    }
    c.elementsNotNull("history", history);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (e.getKey() == null) {
        c.add("attributes", null, "must not have a null key");
      } else if (e.getValue() == null) {
        c.add("attributes[" + e.getKey() + "]", null, "must not be null");
      }
    }
    c.throwIfAny();
    history = List.copyOf(history);
    attributes = io.clientyield.funnel.internal.SmallMap.copyOf(attributes);
    check(budget, contractedValue, reachedStage, history, outcome, closedOn);
  }

  private static void check(Optional<Money> budget, Optional<Money> contractedValue,
      String reachedStage, List<StageVisit> h, Optional<Outcome> outcome, Optional<LocalDate> closedOn) {
    Checks.Collector c = Checks.collector();
    if (reachedStage.isBlank()) {
      c.add("reachedStage", "\"" + reachedStage + "\"", "must not be blank");
    }
    if (budget.isPresent() && budget.get().isNegative()) {
      c.add("budget", budget.get(), "must be >= 0");
    }
    if (contractedValue.isPresent()) {
      Money v = contractedValue.get();
      if (v.isNegative()) {
        c.add("contractedValue", v, "must be >= 0");
      }
      if (outcome.isEmpty() || outcome.get().kind() != Outcome.Kind.WON) {
        c.add("contractedValue", v, "requires a WON outcome");
      }
      if (budget.isEmpty()) {
        c.add("contractedValue", v, "requires a budget (the list value)");
      } else {
        c.sameCurrency("contractedValue", v, "budget", budget.get());
      }
    }
    for (int i = 1; i < h.size(); i++) {
      if (h.get(i).enteredOn().isBefore(h.get(i - 1).enteredOn())) {
        c.add("history[" + i + "].enteredOn", h.get(i).enteredOn(),
            "must not be before history[" + (i - 1) + "].enteredOn (" + h.get(i - 1).enteredOn() + ")");
      }
    }
    if (!h.isEmpty() && h.stream().noneMatch(v -> v.stage().equals(reachedStage))) {
      c.add("reachedStage", reachedStage, "must appear in the history when a history is given");
    }
    if (closedOn.isPresent()) {
      if (outcome.isEmpty()) {
        c.add("closedOn", closedOn.get(), "requires an outcome");
      }
      // the history is in date order, so its last entry is the latest stage entry
      if (!h.isEmpty() && closedOn.get().isBefore(h.get(h.size() - 1).enteredOn())) {
        c.add("closedOn", closedOn.get(),
            "must not be before the last history date (" + h.get(h.size() - 1).enteredOn() + ")");
      }
    }
    c.throwIfAny();
  }

  /**
   * Returns a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the deal is still open.
   *
   * @return true without an outcome
   */
  @JsonIgnore
  public boolean isOpen() {
    return outcome.isEmpty();
  }

  /**
   * Builds a {@link Deal}. {@link #id(DealId)} and {@link #reachedStage(String)} are required;
   * everything else is optional. A setter given null throws a {@link ValidationException} naming
   * the field; {@link #build()} reports every missing attribute and every broken rule of
   * {@link Deal} together. Not thread-safe; a builder may build several deals.
   */
  public static final class Builder {
    private DealId id;
    private Optional<ClientId> client = Optional.empty();
    private Optional<ManagerId> manager = Optional.empty();
    private Optional<CampaignId> campaign = Optional.empty();
    private Optional<Money> budget = Optional.empty();
    private Optional<Money> contractedValue = Optional.empty();
    private String reachedStage;
    private final List<StageVisit> history = new ArrayList<>();
    private Optional<Outcome> outcome = Optional.empty();
    private Optional<LocalDate> closedOn = Optional.empty();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    Builder() {}

    /**
     * Copies every attribute of a deal into this builder (replacing the history and
     * attributes given so far).
     *
     * @param deal the deal to start from
     * @return this builder
     */
    public Builder from(Deal deal) {
      Checks.notNull("deal", deal);
      id = deal.id();
      client = deal.client();
      manager = deal.manager();
      campaign = deal.campaign();
      budget = deal.budget();
      contractedValue = deal.contractedValue();
      reachedStage = deal.reachedStage();
      history.clear();
      history.addAll(deal.history());
      outcome = deal.outcome();
      closedOn = deal.closedOn();
      attributes.clear();
      attributes.putAll(deal.attributes());
      return this;
    }

    /**
     * Sets the deal id (required).
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(DealId id) {
      this.id = Checks.notNull("id", id);
      return this;
    }

    /**
     * Sets the client (account).
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(ClientId client) {
      this.client = Optional.of(Checks.notNull("client", client));
      return this;
    }

    /**
     * Sets or clears the client.
     *
     * @param client the client, or empty
     * @return this builder
     */
    public Builder client(Optional<ClientId> client) {
      this.client = Checks.notNull("client", client);
      return this;
    }

    /**
     * Sets the manager working the deal.
     *
     * @param manager the manager
     * @return this builder
     */
    public Builder manager(ManagerId manager) {
      this.manager = Optional.of(Checks.notNull("manager", manager));
      return this;
    }

    /**
     * Sets or clears the manager.
     *
     * @param manager the manager, or empty
     * @return this builder
     */
    public Builder manager(Optional<ManagerId> manager) {
      this.manager = Checks.notNull("manager", manager);
      return this;
    }

    /**
     * Sets the campaign.
     *
     * @param campaign the campaign
     * @return this builder
     */
    public Builder campaign(CampaignId campaign) {
      this.campaign = Optional.of(Checks.notNull("campaign", campaign));
      return this;
    }

    /**
     * Sets or clears the campaign.
     *
     * @param campaign the campaign, or empty
     * @return this builder
     */
    public Builder campaign(Optional<CampaignId> campaign) {
      this.campaign = Checks.notNull("campaign", campaign);
      return this;
    }

    /**
     * Sets the budget: the list (asked or expected) value, {@code >= 0}.
     *
     * @param budget the list value
     * @return this builder
     */
    public Builder budget(Money budget) {
      this.budget = Optional.of(Checks.notNull("budget", budget));
      return this;
    }

    /**
     * Sets or clears the budget (list value).
     *
     * @param budget the list value, or empty
     * @return this builder
     */
    public Builder budget(Optional<Money> budget) {
      this.budget = Checks.notNull("budget", budget);
      return this;
    }

    /**
     * Sets the contracted value of a won deal, {@code >= 0}, in the budget's currency.
     *
     * @param contractedValue what the contract was signed for
     * @return this builder
     */
    public Builder contractedValue(Money contractedValue) {
      this.contractedValue = Optional.of(Checks.notNull("contractedValue", contractedValue));
      return this;
    }

    /**
     * Sets or clears the contracted value.
     *
     * @param contractedValue the contracted value, or empty
     * @return this builder
     */
    public Builder contractedValue(Optional<Money> contractedValue) {
      this.contractedValue = Checks.notNull("contractedValue", contractedValue);
      return this;
    }

    /**
     * Sets the id of the furthest stage reached (required).
     *
     * @param reachedStage the stage id
     * @return this builder
     */
    public Builder reachedStage(String reachedStage) {
      this.reachedStage = Checks.notNull("reachedStage", reachedStage);
      return this;
    }

    /**
     * Appends one entry to the stage history (oldest first).
     *
     * @param visit the stage entered and its date
     * @return this builder
     */
    public Builder addHistory(StageVisit visit) {
      history.add(Checks.notNull("history", visit));
      return this;
    }

    /**
     * Appends entries to the stage history (oldest first).
     *
     * @param visits the stages entered and their dates
     * @return this builder
     */
    public Builder addHistory(StageVisit... visits) {
      Checks.notNull("history", visits);
      return addAllHistory(java.util.Arrays.asList(visits));
    }

    /**
     * Appends entries to the stage history (oldest first).
     *
     * @param visits the stages entered and their dates
     * @return this builder
     */
    public Builder addAllHistory(Iterable<StageVisit> visits) {
      Checks.notNull("history", visits);
      List<StageVisit> add = new ArrayList<>();
      visits.forEach(add::add);
      Checks.elementsNotNull("history", add);
      history.addAll(add);
      return this;
    }

    /**
     * Replaces the stage history.
     *
     * @param visits the stages entered and their dates, oldest first
     * @return this builder
     */
    public Builder history(Iterable<StageVisit> visits) {
      Checks.notNull("history", visits);
      List<StageVisit> add = new ArrayList<>();
      visits.forEach(add::add);
      Checks.elementsNotNull("history", add);
      history.clear();
      history.addAll(add);
      return this;
    }

    /**
     * Sets the outcome (leave unset while the deal is open).
     *
     * @param outcome the outcome
     * @return this builder
     */
    public Builder outcome(Outcome outcome) {
      this.outcome = Optional.of(Checks.notNull("outcome", outcome));
      return this;
    }

    /**
     * Sets or clears the outcome.
     *
     * @param outcome the outcome, or empty for an open deal
     * @return this builder
     */
    public Builder outcome(Optional<Outcome> outcome) {
      this.outcome = Checks.notNull("outcome", outcome);
      return this;
    }

    /**
     * Sets the day the deal closed (requires an outcome).
     *
     * @param closedOn the close day
     * @return this builder
     */
    public Builder closedOn(LocalDate closedOn) {
      this.closedOn = Optional.of(Checks.notNull("closedOn", closedOn));
      return this;
    }

    /**
     * Sets or clears the close day.
     *
     * @param closedOn the close day, or empty
     * @return this builder
     */
    public Builder closedOn(Optional<LocalDate> closedOn) {
      this.closedOn = Checks.notNull("closedOn", closedOn);
      return this;
    }

    /**
     * Adds (or replaces) one grouping attribute, e.g. {@code putAttribute("office", "Berlin")}.
     *
     * @param name the attribute name
     * @param value its value
     * @return this builder
     */
    public Builder putAttribute(String name, String value) {
      Checks.notNull("attributes", name);
      attributes.put(name, Checks.notNull("attributes[" + name + "]", value));
      return this;
    }

    /**
     * Adds (or replaces) grouping attributes.
     *
     * @param entries the attributes by name
     * @return this builder
     */
    public Builder putAllAttributes(Map<String, String> entries) {
      Checks.notNull("attributes", entries);
      Map<String, String> add = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : entries.entrySet()) {
        Checks.notNull("attributes", e.getKey());
        add.put(e.getKey(), Checks.notNull("attributes[" + e.getKey() + "]", e.getValue()));
      }
      attributes.putAll(add);
      return this;
    }

    /**
     * Replaces the grouping attributes.
     *
     * @param entries the attributes by name
     * @return this builder
     */
    public Builder attributes(Map<String, String> entries) {
      Checks.notNull("attributes", entries);
      Map<String, String> copy = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : entries.entrySet()) {
        Checks.notNull("attributes", e.getKey());
        copy.put(e.getKey(), Checks.notNull("attributes[" + e.getKey() + "]", e.getValue()));
      }
      attributes.clear();
      attributes.putAll(copy);
      return this;
    }

    /**
     * Builds the deal.
     *
     * @return the deal
     * @throws ValidationException naming every missing required attribute ({@code id},
     *     {@code reachedStage}), or every rule of {@link Deal} the attributes break
     */
    public Deal build() {
      Checks.Collector c = Checks.collector();
      if (id == null) {
        c.add("id", null, "is required to build Deal");
      }
      if (reachedStage == null) {
        c.add("reachedStage", null, "is required to build Deal");
      }
      c.throwIfAny();
      return new Deal(id, client, manager, campaign, budget, contractedValue, reachedStage,
          history, outcome, closedOn, attributes);
    }
  }

  /**
   * One entry of a deal's stage history: the stage id and the day the deal entered it.
   *
   * <p>JSON form: {@code {"stage":"proposal","enteredOn":"2026-09-14"}}. Immutable and
   * thread-safe.
   *
   * @param stage the stage id (non-blank)
   * @param enteredOn the day the deal entered the stage
   */
  public record StageVisit(
      @JsonProperty("stage") String stage, @JsonProperty("enteredOn") LocalDate enteredOn) {

    /** Validates the components (see the record description). */
    public StageVisit {
      Checks.notBlank("stage", stage);
      Checks.notNull("enteredOn", enteredOn);
    }

    /**
     * Creates the visit.
     *
     * @param stage the stage id
     * @param enteredOn the day the deal entered the stage
     * @return the visit
     */
    @JsonCreator
    public static StageVisit of(
        @JsonProperty("stage") String stage, @JsonProperty("enteredOn") LocalDate enteredOn) {
      return new StageVisit(stage, enteredOn);
    }
  }
}
