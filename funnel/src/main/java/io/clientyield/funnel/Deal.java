package io.clientyield.funnel;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.clientyield.core.CampaignId;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One client worked in one campaign: the input of the funnel analytics, filled by a CRM from its
 * own tables.
 *
 * <p>{@link #reachedStage()} is the furthest stage the deal reached (a stage id of the caller's
 * ordered stage list). {@link #history()} optionally lists the stages entered, oldest first,
 * with dates (needed for time in stage). {@link #outcome()} is empty while the deal is open.
 * {@link #attributes()} carries any further grouping keys (office, channel, region...).
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
 * <p>Rules (checked by {@code build()}, all violations reported together): when the history is
 * given, its dates never go backwards and it contains the reached stage; a closed-on date
 * requires an outcome and is not before the last history date.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDeal.class)
@JsonDeserialize(as = ImmutableDeal.class)
@JsonPropertyOrder({"id", "client", "manager", "campaign", "budget", "reachedStage", "history",
    "outcome", "closedOn", "attributes"})
public abstract class Deal {

  Deal() {}

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Deal}. */
  public static final class Builder extends ImmutableDeal.Builder {
    Builder() {}
  }

  /**
   * Returns the deal id.
   *
   * @return the id
   */
  public abstract DealId id();

  /**
   * Returns the client (account), if known.
   *
   * @return the client
   */
  public abstract Optional<ClientId> client();

  /**
   * Returns the manager working the deal, if known.
   *
   * @return the manager
   */
  public abstract Optional<ManagerId> manager();

  /**
   * Returns the campaign, if any.
   *
   * @return the campaign
   */
  public abstract Optional<CampaignId> campaign();

  /**
   * Returns the budget (the expected or, when won, the contracted value), if known; never
   * negative.
   *
   * @return the budget
   */
  public abstract Optional<Money> budget();

  /**
   * Returns the id of the furthest stage the deal reached.
   *
   * @return the stage id
   */
  public abstract String reachedStage();

  /**
   * Returns the stages entered, oldest first (may be empty).
   *
   * @return the history
   */
  public abstract List<StageVisit> history();

  /**
   * Returns the outcome, empty while the deal is open.
   *
   * @return the outcome
   */
  public abstract Optional<Outcome> outcome();

  /**
   * Returns the day the deal closed, if known (only with an outcome).
   *
   * @return the close day
   */
  public abstract Optional<LocalDate> closedOn();

  /**
   * Returns further grouping keys by name (office, channel, region...).
   *
   * @return the attributes
   */
  public abstract Map<String, String> attributes();

  /**
   * Whether the deal is still open.
   *
   * @return true without an outcome
   */
  @Value.Derived
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isOpen() {
    return outcome().isEmpty();
  }

  @Value.Check
  void check() {
    Checks.Collector c = Checks.collector();
    if (reachedStage().isBlank()) {
      c.add("reachedStage", "\"" + reachedStage() + "\"", "must not be blank");
    }
    if (budget().isPresent() && budget().get().isNegative()) {
      c.add("budget", budget().get(), "must be >= 0");
    }
    List<StageVisit> h = history();
    for (int i = 1; i < h.size(); i++) {
      if (h.get(i).enteredOn().isBefore(h.get(i - 1).enteredOn())) {
        c.add("history[" + i + "].enteredOn", h.get(i).enteredOn(),
            "must not be before history[" + (i - 1) + "].enteredOn (" + h.get(i - 1).enteredOn() + ")");
      }
    }
    if (!h.isEmpty() && h.stream().noneMatch(v -> v.stage().equals(reachedStage()))) {
      c.add("reachedStage", reachedStage(), "must appear in the history when a history is given");
    }
    if (closedOn().isPresent()) {
      if (outcome().isEmpty()) {
        c.add("closedOn", closedOn().get(), "requires an outcome");
      }
      // the history is in date order, so its last entry is the latest stage entry
      if (!h.isEmpty() && closedOn().get().isBefore(h.get(h.size() - 1).enteredOn())) {
        c.add("closedOn", closedOn().get(),
            "must not be before the last history date (" + h.get(h.size() - 1).enteredOn() + ")");
      }
    }
    c.throwIfAny();
  }
}
