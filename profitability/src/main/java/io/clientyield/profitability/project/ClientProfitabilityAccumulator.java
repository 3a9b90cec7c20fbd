package io.clientyield.profitability.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.Accumulator;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.Checks;
import io.clientyield.profitability.pricing.Margins;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * Aggregates project results and contact counts per client.
 *
 * <p>Per client: revenue, cost, minutes (sums of its projects) and contacts (sum of counts added).
 * Sums are in long minor units, so merge equals accumulating the concatenation exactly and in any
 * order. Example: projects of 1 200 revenue / 700 cost and 1 000 / 400 with 30 contacts: revenue
 * 2 200, cost 1 100, profit 1 100, margin 0.5, cost per contact 36.67.
 *
 * <p>Sums that would not fit in a long are a {@link ValidationException} naming the field and
 * client ({@code cost[acme]}); the rejected add or merge leaves the accumulator unchanged.
 *
 * <p>Mutable, not thread-safe; use one per thread and merge.
 */
public final class ClientProfitabilityAccumulator
    implements Accumulator<
        ClientProfitabilityAccumulator.ClientProject,
        ClientProfitabilityAccumulator,
        List<ClientProfitability>> {

  private final Currency currency;
  private final Map<ClientId, long[]> byClient = new TreeMap<>();
  private static final String[] FIELDS = {"revenue", "cost", "minutes", "contacts"};

  /**
   * An empty accumulator.
   *
   * @param currency the currency of every project added
   */
  public ClientProfitabilityAccumulator(Currency currency) {
    this.currency = Checks.notNull("currency", currency);
  }

  /**
   * A collector of client projects into per-client results.
   *
   * @param currency the currency of every project
   * @return the collector
   */
  public static Collector<ClientProject, ?, List<ClientProfitability>> collector(
      Currency currency) {
    Checks.notNull("currency", currency);
    return Accumulator.collector(() -> new ClientProfitabilityAccumulator(currency));
  }

  /**
   * One project's result for a client, the record this accumulator folds. Immutable and
   * thread-safe.
   *
   * @param client the client
   * @param project the project's profitability
   */
  public record ClientProject(
      @JsonProperty("client") ClientId client,
      @JsonProperty("project") ProjectProfitability project) {
    /** Validates presence. */
    public ClientProject {
      Checks.notNull("client", client);
      Checks.notNull("project", project);
    }
  }

  /**
   * Adds one project's result to a client.
   *
   * @param record the client and the project's profitability, in this accumulator's currency
   * @return this
   */
  @Override
  public ClientProfitabilityAccumulator add(ClientProject record) {
    Checks.notNull("record", record);
    return add(record.client(), record.project());
  }

  /**
   * Adds one project's result to a client.
   *
   * @param client the client
   * @param project the project's profitability, in this accumulator's currency
   * @return this
   */
  public ClientProfitabilityAccumulator add(ClientId client, ProjectProfitability project) {
    Checks.notNull("client", client);
    Checks.notNull("project", project);
    if (!project.revenue().currency().equals(currency)) {
      throw ValidationException.of("project.revenue", project.revenue(), "must be in " + currency);
    }
    long revenue = project.revenue().minorUnits();
    long cost = project.cost().minorUnits();
    long[] c = byClient.get(client);
    long r0 = c == null ? 0 : c[0];
    long c0 = c == null ? 0 : c[1];
    long m0 = c == null ? 0 : c[2];
    // every sum first: an add that overflows changes nothing
    long r = Checks.addExact("revenue", client, "", r0, revenue);
    long k = Checks.addExact("cost", client, "", c0, cost);
    long m = Checks.addExact("minutes", client, "", m0, project.minutes());
    c = cell(client);
    c[0] = r;
    c[1] = k;
    c[2] = m;
    return this;
  }

  /**
   * Adds contacts/requests made by a client.
   *
   * @param client the client
   * @param count number of contacts, &ge; 0
   * @return this
   */
  public ClientProfitabilityAccumulator addContacts(ClientId client, long count) {
    Checks.notNull("client", client);
    Checks.nonNegative("count", count);
    long[] c = byClient.get(client);
    long contacts = Checks.addExact("contacts", client, "", c == null ? 0 : c[3], count);
    cell(client)[3] = contacts;
    return this;
  }

  /**
   * Merges another accumulator in the same currency.
   *
   * @param other the other accumulator
   * @return this
   */
  @Override
  public ClientProfitabilityAccumulator merge(ClientProfitabilityAccumulator other) {
    Checks.notNull("other", other);
    if (!other.currency.equals(currency)) {
      throw ValidationException.of("other.currency", other.currency, "must be " + currency);
    }
    var staged = new TreeMap<ClientId, long[]>();
    for (Map.Entry<ClientId, long[]> e : other.byClient.entrySet()) {
      long[] c = byClient.getOrDefault(e.getKey(), new long[4]);
      long[] next = new long[4];
      for (int i = 0; i < 4; i++) {
        next[i] = Checks.addExact(FIELDS[i], e.getKey(), "", c[i], e.getValue()[i]);
      }
      staged.put(e.getKey(), next);
    }
    byClient.putAll(staged); // only once every sum fitted: a rejected merge changes nothing
    return this;
  }

  /**
   * The per-client results, ordered by client id.
   *
   * @return an immutable list
   */
  @Override
  public List<ClientProfitability> result() {
    List<ClientProfitability> out = new ArrayList<>(byClient.size());
    for (Map.Entry<ClientId, long[]> e : byClient.entrySet()) {
      long[] c = e.getValue();
      out.add(
          new ClientProfitability(
              e.getKey(),
              Margins.profitAndLoss(Money.ofMinor(c[0], currency), Money.ofMinor(c[1], currency)),
              c[2],
              c[3]));
    }
    return List.copyOf(out);
  }

  private long[] cell(ClientId client) {
    return byClient.computeIfAbsent(client, k -> new long[4]);
  }
}
