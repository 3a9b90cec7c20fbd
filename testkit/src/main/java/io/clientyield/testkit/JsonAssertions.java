package io.clientyield.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shared assertion for the JSON form of value types (used by every module's tests). */
public final class JsonAssertions {
  private JsonAssertions() {}

  /** Documents longer than this get no hostile variants (their cost grows with the size). */
  private static final int MAX_MUTATED_LENGTH = 64 * 1024;

  /** How many sites of each kind (numbers, arrays, amounts) a document's variants touch. */
  private static final int MAX_SITES = 12;

  /** Replaced by a raw number token after the tree is written (a tree cannot hold 1e999). */
  private static final String RAW = "\u0000raw:";

  private static final ObjectMapper TREES = new ObjectMapper();

  /**
   * Asserts that a value survives a JSON round trip unchanged, that writing the read-back
   * value gives the same text (the form is stable), that the text validates against the
   * type's committed JSON Schema (see {@link JsonSchemas}; skipped while the schemas are being
   * regenerated), and that reads are strict ({@link #assertStrictReads}).
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
    assertStrictReads(json, type);
    return json;
  }

  /**
   * Asserts that hostile variants of a valid document fail to read with a
   * {@link ValidationException} (and nothing else): a bare {@code null} and {@code [null]}; each
   * number (up to a few) replaced by {@code "NaN"}, {@code 1e999} or {@code -1e999}; the first
   * element of each array replaced by {@code null}; each money amount replaced by
   * {@code "1e-999999999"} or {@code "1e999999999"}; and, in a document holding several amounts
   * (or a currency and amounts) of one currency, the last put in another currency (a document
   * never mixes currencies).
   * Documents over 64 KiB get only the first two variants.
   *
   * @param json a valid document
   * @param type its type
   */
  public static void assertStrictReads(String json, Class<?> type) {
    assertRejected("null", type);
    assertRejected("[null]", type);
    if (json.length() > MAX_MUTATED_LENGTH) {
      return;
    }
    JsonNode root;
    try {
      root = TREES.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    List<String> numbers = new ArrayList<>();
    List<String> arrays = new ArrayList<>();
    List<String> amounts = new ArrayList<>();
    Map<String, List<String>> currencies = new java.util.TreeMap<>();
    sites(root, "", numbers, arrays, amounts, currencies);
    for (String at : numbers) {
      assertRejected(mutate(root, at, n -> JsonNodeFactory.instance.textNode("NaN")), type);
      assertRejected(mutate(root, at, n -> JsonNodeFactory.instance.textNode(RAW + "1e999")), type);
      assertRejected(mutate(root, at, n -> JsonNodeFactory.instance.textNode(RAW + "-1e999")), type);
    }
    for (String at : arrays) {
      assertRejected(mutate(root, at + "/0", n -> JsonNodeFactory.instance.nullNode()), type);
    }
    for (String at : amounts) {
      assertRejected(mutate(root, at, n -> JsonNodeFactory.instance.textNode("1e-999999999")), type);
      assertRejected(mutate(root, at, n -> JsonNodeFactory.instance.textNode("1e999999999")), type);
    }
    for (Map.Entry<String, List<String>> e : currencies.entrySet()) {
      if (e.getValue().size() >= 2) {
        String other = e.getKey().equals("EUR") ? "USD" : "EUR";
        assertRejected(mutate(root, e.getValue().get(e.getValue().size() - 1),
            n -> JsonNodeFactory.instance.textNode(other)), type);
      }
    }
  }

  private static void assertRejected(String document, Class<?> type) {
    Object read;
    try {
      read = ClientyieldJson.read(document, type);
    } catch (ValidationException expected) {
      assertThat(expected.getMessage().length()).as("message length for %s", shorten(document))
          .isLessThan(20_000);
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("reading " + type.getSimpleName() + " from " + shorten(document)
          + " must fail with a ValidationException, not " + e, e);
    }
    throw new AssertionError("reading " + type.getSimpleName() + " from " + shorten(document)
        + " must fail with a ValidationException (a strict read), but gave " + shorten(
            String.valueOf(read)));
  }

  private static String shorten(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "…";
  }

  private static void sites(JsonNode node, String at, List<String> numbers, List<String> arrays,
      List<String> amounts, Map<String, List<String>> currencies) {
    if (node.isNumber() && numbers.size() < MAX_SITES) {
      numbers.add(at);
    } else if (node.isArray()) {
      if (node.size() > 0 && arrays.size() < MAX_SITES) {
        arrays.add(at);
      }
      for (int i = 0; i < node.size(); i++) {
        sites(node.get(i), at + "/" + i, numbers, arrays, amounts, currencies);
      }
    } else if (node.isObject()) {
      if (node.size() == 2 && node.path("amount").isTextual() && node.path("currency").isTextual()) {
        if (amounts.size() < MAX_SITES) {
          amounts.add(at + "/amount");
        }
        currencies.computeIfAbsent(node.get("currency").textValue(), c -> new ArrayList<>())
            .add(at + "/currency");
        return;
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equals("currency") && e.getValue().isTextual()) {
          // a document's own currency, which its amounts must share
          currencies.computeIfAbsent(e.getValue().textValue(), c -> new ArrayList<>())
              .add(at + "/currency");
          continue;
        }
        sites(e.getValue(), at + "/" + escape(e.getKey()), numbers, arrays, amounts, currencies);
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The document with the node at a JSON pointer replaced. */
  private static String mutate(JsonNode root, String at, Function<JsonNode, JsonNode> change) {
    JsonNode copy = root.deepCopy();
    JsonPointer pointer = JsonPointer.compile(at);
    JsonNode replacement = change.apply(copy.at(pointer));
    if (pointer.matches()) {
      copy = replacement;
    } else {
      JsonNode parent = copy.at(pointer.head());
      JsonPointer last = pointer.last();
      if (parent.isArray()) {
        ((ArrayNode) parent).set(last.getMatchingIndex(), replacement);
      } else {
        ((ObjectNode) parent).set(last.getMatchingProperty(), replacement);
      }
    }
    String text = copy.toString();
    // "\u0000raw:1e999" is written with its NUL escaped; put the raw token in place of the string
    return text.replace("\"\\u0000raw:", "").replace("e999\"", "e999");
  }
}
