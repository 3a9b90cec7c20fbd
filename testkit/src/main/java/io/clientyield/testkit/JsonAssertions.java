package io.clientyield.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.core.json.ClientyieldJson;

/** Shared assertion for the JSON form of value types (used by every module's tests). */
public final class JsonAssertions {
  private JsonAssertions() {}

  /**
   * Asserts that a value survives a JSON round trip unchanged, that writing the read-back
   * value gives the same text (the form is stable), and that the text validates against the
   * type's committed JSON Schema (see {@link JsonSchemas}; skipped while the schemas are being
   * regenerated).
   *
   * @param value the value
   * @param type its public type
   * @param <T> the type
   * @return the JSON text, for further assertions
   */
  public static <T> String assertJsonRoundTrip(T value, Class<T> type) {
    String json = ClientyieldJson.write(value);
    T back = ClientyieldJson.read(json, type);
    assertThat(back).as("read back from %s", json).isEqualTo(value);
    assertThat(ClientyieldJson.write(back)).isEqualTo(json);
    if (!JsonSchemas.updating()) {
      JsonSchemas.assertValid(type, json);
    }
    return json;
  }
}
