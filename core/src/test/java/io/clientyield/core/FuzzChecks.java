package io.clientyield.core;

import static io.clientyield.core.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clientyield.core.json.ClientyieldJson;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The laws every module's Jazzer fuzz tests check (core test-jar): bad input fails only with
 * {@link ValidationException}; anything accepted gives finite numbers and a stable JSON form.
 */
public final class FuzzChecks {
  private FuzzChecks() {}

  /**
   * Runs a call on fuzzed input: a {@link ValidationException} is an accepted answer (null is
   * returned); any other exception fails; a result must hold only finite numbers in its JSON form
   * and must round-trip through JSON.
   *
   * @param call the call
   * @param type the result's type, for reading it back
   * @param <T> the result type
   * @return the result, or null when the input was rejected
   */
  public static <T> T check(Supplier<? extends T> call, Class<T> type) {
    T result;
    try {
      result = call.get();
    } catch (ValidationException expected) {
      return null;
    }
    assertFinite(ClientyieldJson.mapper().valueToTree(result));
    assertJsonRoundTrip(result, type);
    return result;
  }

  /**
   * Asserts a finite double.
   *
   * @param x the value
   */
  public static void assertFinite(double x) {
    assertThat(Double.isFinite(x)).as("finite: %s", x).isTrue();
  }

  /**
   * Asserts that every number in a JSON tree is finite (NaN and infinities show as numbers or as
   * text).
   *
   * @param node the tree
   */
  public static void assertFinite(JsonNode node) {
    if (node.isNumber()) {
      assertThat(Double.isFinite(node.doubleValue()) || node.isBigDecimal() || node.isBigInteger())
          .as("finite number: %s", node).isTrue();
    } else if (node.isTextual()) {
      assertThat(node.textValue()).as("non-finite number written as text")
          .isNotIn("NaN", "Infinity", "-Infinity");
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      assertFinite(it.next());
    }
  }

  /**
   * Reads arbitrary bytes as each type: only {@link ValidationException} may come out.
   *
   * @param input the fuzzed bytes
   * @param types the types to read
   */
  public static void readFailsOnlyWithValidationException(byte[] input, List<Class<?>> types) {
    for (Class<?> type : types) {
      try {
        ClientyieldJson.read(input, type);
      } catch (ValidationException expected) {
        // the only allowed failure
      }
    }
  }
}
