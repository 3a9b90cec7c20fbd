package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.clientyield.core.Accumulator;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.internal.StateCodec;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds purchases into one {@link RepeatSummary} per client: transactions → (x, t_x, T, repeat
 * spend, hold-out purchases).
 *
 * <p>Rules (those of the published CDNOW analyses): purchases of one client on the same day are
 * one purchase, their amounts summed; the client's first purchase day starts the clock and is not
 * counted in x nor in the repeat spend; x counts the later purchase days up to and including
 * {@code calibrationEnd}; t_x = (last such day − first day) / daysPerUnit, 0 when x = 0;
 * T = (calibrationEnd − first day) / daysPerUnit; purchase days after calibrationEnd up to
 * holdoutEnd are the hold-out purchases. A client whose first purchase is after calibrationEnd is
 * counted in {@link RepeatSummaries#clientsFirstSeenInHoldout()} and not summarized. A purchase
 * after holdoutEnd is rejected. The time unit is days / daysPerUnit: 7 (weeks) unless stated.
 *
 * <p>An {@link Accumulator}: it keeps each client's distinct purchase days with their summed
 * amounts (exact minor units), so merging accumulators built on any split of the purchases gives
 * the result of folding them all, in any order. Distributed engines ship partial states as
 * {@link #encode()} and rebuild them with {@link #decode}. Mutable and not thread-safe: one per
 * thread, then merge.
 */
public final class RepeatSummaryAccumulator
    implements Accumulator<RepeatSummaryAccumulator.Purchase, RepeatSummaryAccumulator, RepeatSummaries> {

  /** Days per week, the default time unit. */
  public static final int WEEK = 7;

  private final Currency currency;
  private final LocalDate calibrationEnd;
  private final LocalDate holdoutEnd;
  private final long holdoutEndDay;
  private final int daysPerUnit;
  private final Map<ClientId, Days> clients = new HashMap<>();

  /**
   * Creates an empty accumulator with weeks as the time unit.
   *
   * @param currency the currency of every purchase
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the hold-out period (= calibrationEnd for none)
   * @throws ValidationException if a part is missing or holdoutEnd is before calibrationEnd
   */
  public RepeatSummaryAccumulator(Currency currency, LocalDate calibrationEnd, LocalDate holdoutEnd) {
    this(currency, calibrationEnd, holdoutEnd, WEEK);
  }

  /**
   * Creates an empty accumulator.
   *
   * @param currency the currency of every purchase
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the hold-out period (= calibrationEnd for none)
   * @param daysPerUnit days per time unit (7 for weeks, 1 for days), &ge; 1
   * @throws ValidationException if a part is missing, daysPerUnit &lt; 1 or holdoutEnd is before
   *     calibrationEnd
   */
  public RepeatSummaryAccumulator(Currency currency, LocalDate calibrationEnd, LocalDate holdoutEnd,
      int daysPerUnit) {
    this.currency = Checks.notNull("currency", currency);
    this.calibrationEnd = Checks.notNull("calibrationEnd", calibrationEnd);
    this.holdoutEnd = Checks.notNull("holdoutEnd", holdoutEnd);
    this.daysPerUnit = (int) Checks.positive("daysPerUnit", daysPerUnit);
    if (holdoutEnd.isBefore(calibrationEnd)) {
      throw ValidationException.of("holdoutEnd", holdoutEnd,
          "must not be before calibrationEnd (" + calibrationEnd + ")");
    }
    this.holdoutEndDay = holdoutEnd.toEpochDay();
  }

  /**
   * Folds one purchase in.
   *
   * @param purchase the purchase, in this accumulator's currency, on or before holdoutEnd
   * @return this accumulator
   * @throws ValidationException naming the client if the currency differs, the purchase is after
   *     holdoutEnd or a day's sum overflows (this accumulator is then unchanged)
   */
  @Override
  public RepeatSummaryAccumulator add(Purchase purchase) {
    Checks.notNull("purchase", purchase);
    ClientId client = purchase.client();
    if (!purchase.amount().currency().equals(currency)) {
      throw ValidationException.of("purchase[" + client + "].amount", purchase.amount(),
          "must be in " + currency.getCurrencyCode());
    }
    long day = purchase.date().toEpochDay();
    if (day > holdoutEndDay) {
      throw ValidationException.of("purchase[" + client + "].date", purchase.date(),
          "must not be after holdoutEnd (" + holdoutEnd + ")");
    }
    long minor = purchase.amount().minorUnits();
    Days days = clients.get(client);
    if (days == null) {
      days = new Days();
      days.put(client, day, minor);
      clients.put(client, days);
    } else {
      days.put(client, day, minor);
    }
    return this;
  }

  /**
   * Adds every purchase another accumulator has folded.
   *
   * @param other an accumulator with the same currency, dates and time unit
   * @return this accumulator
   * @throws ValidationException if the configurations differ or a day's sum overflows (this
   *     accumulator is then unchanged)
   */
  @Override
  public RepeatSummaryAccumulator merge(RepeatSummaryAccumulator other) {
    Checks.notNull("other", other);
    if (!other.currency.equals(currency) || !other.calibrationEnd.equals(calibrationEnd)
        || !other.holdoutEnd.equals(holdoutEnd) || other.daysPerUnit != daysPerUnit) {
      throw ValidationException.of("other", other.describe(), "must have the configuration " + describe());
    }
    // compute every merged client first, store after: nothing is half-applied
    Map<ClientId, Days> merged = new HashMap<>();
    for (Map.Entry<ClientId, Days> e : other.clients.entrySet()) {
      Days mine = clients.get(e.getKey());
      merged.put(e.getKey(), mine == null ? e.getValue().copy() : mine.mergedWith(e.getKey(), e.getValue()));
    }
    clients.putAll(merged);
    return this;
  }

  private String describe() {
    return currency.getCurrencyCode() + ", calibrationEnd " + calibrationEnd + ", holdoutEnd "
        + holdoutEnd + ", daysPerUnit " + daysPerUnit;
  }

  /**
   * The per-client summaries of everything folded so far.
   *
   * @return the summaries, sorted by client id
   */
  @Override
  public RepeatSummaries result() {
    long calEnd = calibrationEnd.toEpochDay();
    List<ClientId> ids = new ArrayList<>(clients.keySet());
    ids.sort(null);
    List<RepeatSummary> out = new ArrayList<>(ids.size());
    long lateClients = 0;
    for (ClientId id : ids) {
      Days d = clients.get(id);
      long first = d.day[0];
      if (first > calEnd) {
        lateClients++;
        continue;
      }
      long x = 0;
      long spend = 0;
      long last = first;
      long holdout = 0;
      for (int i = 1; i < d.size; i++) {
        if (d.day[i] <= calEnd) {
          x++;
          spend = Checks.addExact("summary[" + id + "].repeatSpend", spend, d.minor[i]);
          last = d.day[i];
        } else {
          holdout++;
        }
      }
      out.add(new RepeatSummary(id, x, (double) (last - first) / daysPerUnit,
          (double) (calEnd - first) / daysPerUnit, Money.ofMinor(spend, currency), holdout));
    }
    return new RepeatSummaries(currency, calibrationEnd, holdoutEnd, daysPerUnit, out, lateClients);
  }

  /** The format tag of this accumulator's state. */
  private static final int STATE_TAG = 0x52;

  /**
   * Encodes the state compactly (a versioned binary form of each client's purchase days and
   * summed amounts, clients in id order, for distributed engines that ship partial states):
   * {@link #decode} with the same configuration gives an accumulator with the same result that
   * merges like this one. A client costs its id and a few bytes per purchase day.
   *
   * @return the state's bytes
   */
  public byte[] encode() {
    StateCodec.Writer w = StateCodec.writer(STATE_TAG);
    w.string(currency.getCurrencyCode()).signed(calibrationEnd.toEpochDay())
        .signed(holdoutEndDay).count(daysPerUnit);
    List<ClientId> ids = new ArrayList<>(clients.keySet());
    ids.sort(null);
    w.count(ids.size());
    for (ClientId id : ids) {
      Days d = clients.get(id);
      w.string(id.value()).count(d.size).signed(d.day[0]).count(d.minor[0]);
      for (int i = 1; i < d.size; i++) {
        w.count(d.day[i] - d.day[i - 1] - 1).count(d.minor[i]);
      }
    }
    return w.bytes();
  }

  /**
   * Decodes a state written by {@link #encode}.
   *
   * @param currency the currency of every purchase (as given to the encoded accumulator)
   * @param calibrationEnd the last day of calibration (as given to the encoded accumulator)
   * @param holdoutEnd the last day of the hold-out period (as given to the encoded accumulator)
   * @param daysPerUnit days per time unit (as given to the encoded accumulator)
   * @param state the bytes
   * @return an accumulator holding the encoded clients
   * @throws ValidationException if the bytes are malformed, of another accumulator or version,
   *     or were encoded with another configuration; naming the client whose days are not
   *     ascending, fall after holdoutEnd or whose id is not a client id
   */
  public static RepeatSummaryAccumulator decode(Currency currency, LocalDate calibrationEnd,
      LocalDate holdoutEnd, int daysPerUnit, byte[] state) {
    RepeatSummaryAccumulator a = new RepeatSummaryAccumulator(currency, calibrationEnd, holdoutEnd, daysPerUnit);
    StateCodec.Reader r = StateCodec.reader(state, STATE_TAG, "state");
    String code = r.string("currency");
    long calibration = r.signed("calibrationEnd");
    long holdout = r.signed("holdoutEnd");
    long unit = r.count("daysPerUnit");
    if (!code.equals(currency.getCurrencyCode()) || calibration != calibrationEnd.toEpochDay()
        || holdout != a.holdoutEndDay || unit != daysPerUnit) {
      throw r.invalid("configuration", code + ", calibrationEnd epoch day " + calibration
          + ", holdoutEnd epoch day " + holdout + ", daysPerUnit " + unit,
          "must be the accumulator's configuration " + a.describe());
    }
    long minDay = LocalDate.MIN.toEpochDay();
    int n = r.size("clients", r.remaining() / 4);
    ClientId previousId = null;
    for (int c = 0; c < n; c++) {
      String value = r.string("clients[" + c + "]");
      ClientId id;
      try {
        id = ClientId.of(value);
      } catch (ValidationException e) {
        throw r.invalid("clients[" + c + "]", value, "must be a client id (" + e.getMessage() + ")");
      }
      if (previousId != null && previousId.compareTo(id) >= 0) {
        throw r.invalid("clients[" + c + "]", value, "must follow " + previousId + " (ids ascending, once each)");
      }
      previousId = id;
      String field = "clients[" + id + "]";
      int size = r.size(field + ".days", r.remaining() / 2);
      if (size == 0) {
        throw r.invalid(field + ".days", 0, "must be >= 1 (a client has a purchase)");
      }
      Days d = new Days();
      d.day = new long[Math.max(2, size)];
      d.minor = new long[d.day.length];
      long day = r.signed(field + ".day[0]");
      if (day < minDay || day > a.holdoutEndDay) {
        throw r.invalid(field + ".day[0]", day, "must be an epoch day within [" + minDay + ", "
            + a.holdoutEndDay + "] (holdoutEnd " + holdoutEnd + ")");
      }
      d.day[0] = day;
      d.minor[0] = r.count(field + ".amount[0]");
      for (int i = 1; i < size; i++) {
        long gap = r.count(field + ".day[" + i + "]");
        if (gap > a.holdoutEndDay - day - 1) {
          throw r.invalid(field + ".day[" + i + "]", gap, "must keep the days ascending and not after"
              + " holdoutEnd " + holdoutEnd + " (previous epoch day " + day + ")");
        }
        day += gap + 1;
        d.day[i] = day;
        d.minor[i] = r.count(field + ".amount[" + i + "]");
      }
      d.size = size;
      a.clients.put(id, d);
    }
    r.end();
    return a;
  }

  /** One client's distinct purchase days (ascending) with the summed minor units of each. */
  private static final class Days {
    long[] day = new long[2];
    long[] minor = new long[2];
    int size;

    void put(ClientId client, long d, long m) {
      int i = Arrays.binarySearch(day, 0, size, d);
      if (i >= 0) {
        minor[i] = Checks.addExact("purchase[" + client + "].amount on day", minor[i], m);
        return;
      }
      int at = -i - 1;
      if (size == day.length) {
        day = Arrays.copyOf(day, size * 2);
        minor = Arrays.copyOf(minor, size * 2);
      }
      System.arraycopy(day, at, day, at + 1, size - at);
      System.arraycopy(minor, at, minor, at + 1, size - at);
      day[at] = d;
      minor[at] = m;
      size++;
    }

    Days copy() {
      Days c = new Days();
      c.day = Arrays.copyOf(day, Math.max(2, size));
      c.minor = Arrays.copyOf(minor, Math.max(2, size));
      c.size = size;
      return c;
    }

    /** A new list with both lists' days, sums added (this and other are left unchanged). */
    Days mergedWith(ClientId client, Days other) {
      Days m = new Days();
      m.day = new long[Math.max(2, size + other.size)];
      m.minor = new long[m.day.length];
      int i = 0;
      int j = 0;
      int k = 0;
      while (i < size || j < other.size) {
        if (j >= other.size || (i < size && day[i] < other.day[j])) {
          m.day[k] = day[i];
          m.minor[k++] = minor[i++];
        } else if (i >= size || other.day[j] < day[i]) {
          m.day[k] = other.day[j];
          m.minor[k++] = other.minor[j++];
        } else {
          m.day[k] = day[i];
          m.minor[k++] = Checks.addExact("purchase[" + client + "].amount on day", minor[i++], other.minor[j++]);
        }
      }
      m.size = k;
      return m;
    }
  }

  /**
   * One purchase of a client: who, on which day, for how much (&ge; 0; a zero amount is a purchase
   * too, e.g. a free item).
   *
   * <p>Immutable and thread-safe.
   *
   * @param client the client
   * @param date the day of the purchase
   * @param amount the amount, &ge; 0
   */
  public record Purchase(
      @JsonProperty("client") ClientId client,
      @JsonProperty("date") LocalDate date,
      @JsonProperty("amount") Money amount) {

    /**
     * Validates the purchase, reporting every problem at once.
     *
     * @param client the client
     * @param date the day of the purchase
     * @param amount the amount, &ge; 0
     * @throws ValidationException if a part is missing or the amount is negative
     */
    @JsonCreator
    public Purchase {
      Checks.Collector c = Checks.collector();
      c.check(() -> Checks.notNull("client", client));
      c.check(() -> Checks.notNull("date", date));
      c.check(() -> Checks.notNull("amount", amount));
      if (amount != null && amount.isNegative()) {
        c.add(client == null ? "amount" : "purchase[" + client + "].amount", amount, "must be >= 0");
      }
      c.throwIfAny();
    }

    /**
     * Creates a purchase.
     *
     * @param client the client
     * @param date the day of the purchase
     * @param amount the amount, &ge; 0
     * @return the purchase
     * @throws ValidationException if a part is missing or the amount is negative
     */
    public static Purchase of(ClientId client, LocalDate date, Money amount) {
      return new Purchase(client, date, amount);
    }
  }
}
