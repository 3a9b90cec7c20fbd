package io.clientyield.testkit;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The laws every module's Jazzer fuzz tests check (clientyield-testkit): bad input fails only with
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
   * A fuzzed double: a small integer, a probability, or any double (NaN and infinities included).
   *
   * @param data the fuzzer's data
   * @return the number
   */
  public static double number(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 3)) {
      case 0:
        return data.consumeInt(-2, 1000);
      case 1:
        return data.consumeProbabilityDouble();
      default:
        return data.consumeDouble();
    }
  }

  /**
   * Fuzzed money: small or huge minor units, or a decimal of any scale that fits; in
   * {@code usual}, one time in ten in {@code other} (to mix currencies).
   *
   * @param data the fuzzer's data
   * @param usual the usual currency
   * @param other the occasional other currency (may equal {@code usual})
   * @return the money
   */
  public static Money money(FuzzedDataProvider data, Currency usual, Currency other) {
    Currency cur = data.consumeInt(0, 9) == 0 ? other : usual;
    switch (data.consumeInt(0, 3)) {
      case 0:
        return Money.ofMinor(data.consumeLong(-2, 10_000_000), cur);
      case 1:
        return Money.ofMinor(data.consumeLong(), cur);
      default:
        try {
          return Money.of(BigDecimal.valueOf(data.consumeLong(), data.consumeInt(-20, 2)), cur);
        } catch (ValidationException tooLarge) {
          return Money.zero(cur);
        }
    }
  }

  /**
   * Reads arbitrary bytes as one type of a surface, the one the first byte picks (its unsigned
   * value modulo the number of types); the rest of the bytes are the document. The law is that of
   * {@link #readFailsOnlyWithValidationException}: only {@link ValidationException}, and what reads
   * is written and read back to the same text. One read per execution lets a fuzzer run each
   * surface many times faster than reading every type, and learn each type's paths apart.
   *
   * @param input the fuzzed bytes (empty: nothing to do)
   * @param types the surface's types
   */
  public static void readOneFailsOnlyWithValidationException(byte[] input, List<Class<?>> types) {
    if (input.length == 0) {
      return;
    }
    Class<?> type = types.get(Byte.toUnsignedInt(input[0]) % types.size());
    readFailsOnlyWithValidationException(java.util.Arrays.copyOfRange(input, 1, input.length), List.of(type));
  }

  /**
   * Reads arbitrary bytes as each type: only {@link ValidationException} may come out, and a
   * value that reads is written and read back to the same JSON text (the library reads what it
   * writes).
   *
   * @param input the fuzzed bytes
   * @param types the types to read
   */
  public static void readFailsOnlyWithValidationException(byte[] input, List<Class<?>> types) {
    for (Class<?> type : types) {
      Object value;
      try {
        value = ClientyieldJson.read(input, type);
      } catch (ValidationException expected) {
        continue; // the only allowed failure
      }
      String json = ClientyieldJson.write(value);
      assertThat(ClientyieldJson.write(ClientyieldJson.read(json, type)))
          .as("%s read back from what was written", type.getSimpleName()).isEqualTo(json);
    }
  }
}
