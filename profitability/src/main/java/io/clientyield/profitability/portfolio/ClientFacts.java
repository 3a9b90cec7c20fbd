package io.clientyield.profitability.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ClientId;
import io.clientyield.core.ValidationException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's raw criterion values by criterion name; a missing name means the value is unknown.
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client
 * @param values finite raw values by criterion name
 */
public record ClientFacts(
    @JsonProperty("client") ClientId client, @JsonProperty("values") Map<String, Double> values) {

  /**
   * Validates: values finite and non-null.
   */
  public ClientFacts {
    Checks.notNull("client", client);
    Checks.notNull("values", values);
    var c = Checks.collector();
    for (var e : values.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        c.add("values", e.getKey() == null ? "null key" : "\"" + e.getKey() + "\"",
            "criterion names must not be null or blank");
      } else if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        c.add("values." + e.getKey(), e.getValue(), "must be finite");
      }
    }
    c.throwIfAny();
    values = Map.copyOf(new TreeMap<>(values));
  }

  /**
   * Returns these facts with one value set.
   *
   * @param name the criterion name
   * @param value the raw value
   * @return the new facts
   * @throws ValidationException if the value is not finite
   */
  public ClientFacts with(String name, double value) {
    var m = new TreeMap<>(values);
    m.put(name, value);
    return new ClientFacts(client, m);
  }
}
