package io.clientyield.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON for every clientyield value: an {@link ObjectMapper} with safe defaults for input that
 * comes from outside, and read methods that turn every failure into a
 * {@link ValidationException} naming the JSON path.
 *
 * <p>Safe defaults: no default typing (no polymorphic class names in input); read limits on
 * document size (16 MiB), nesting depth (64), number length (64 digits) and string length
 * (1 MiB); duplicate keys, trailing tokens, unknown properties, unknown enum values, numbers
 * for enums, floats for integers and nulls for primitives are all rejected; dates are ISO text.
 * Map keys are written sorted so the JSON form is stable.
 *
 * <p>Example: {@code ClientyieldJson.read("{\"successes\":3,\"trials\":100}", Proportion.class)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ClientyieldJson {

  private static final ObjectMapper MAPPER = create();

  private ClientyieldJson() {}

  /**
   * Returns a new mapper configured with the safe defaults (a copy: reconfiguring it does not
   * affect the library).
   *
   * @return a new mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  private static ObjectMapper create() {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxDocumentLength(16L * 1024 * 1024)
        .maxNestingDepth(64)
        .maxNumberLength(64)
        .maxStringLength(1024 * 1024)
        .maxNameLength(1024)
        .build());
    return mapper;
  }

  /**
   * Writes a value as JSON.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /**
   * Writes a value as indented JSON.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String writePretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /**
   * Reads a value from JSON text.
   *
   * @param json the JSON text
   * @param type the type to read
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed or the value breaks a rule; each
   *     violation names the JSON path
   */
  public static <T> T read(String json, Class<T> type) {
    Checks.notNull("json", json);
    return read(() -> MAPPER.readValue(json, type));
  }

  /**
   * Reads a value from JSON bytes (UTF-8).
   *
   * @param json the JSON bytes
   * @param type the type to read
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed or the value breaks a rule
   */
  public static <T> T read(byte[] json, Class<T> type) {
    Checks.notNull("json", json);
    return read(() -> MAPPER.readValue(json, type));
  }

  /**
   * Reads a generic value (e.g. a list of deals) from JSON text.
   *
   * @param json the JSON text
   * @param type the type to read
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed or the value breaks a rule
   */
  public static <T> T read(String json, TypeReference<T> type) {
    Checks.notNull("json", json);
    JavaType javaType = MAPPER.getTypeFactory().constructType(type);
    return read(() -> MAPPER.readValue(json, javaType));
  }

  private interface Reader<T> {
    T read() throws IOException;
  }

  private static <T> T read(Reader<T> reader) {
    try {
      return reader.read();
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw ValidationException.of("$", "(document)", "must be well-formed JSON" + where + ": "
          + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw ValidationException.of("$", "(document)", "could not be read: " + e.getMessage());
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      // e.g. a builder rejecting a missing attribute
      throw ValidationException.of("$", "(document)", "is not a valid value: " + firstLine(e.getMessage()));
    }
  }

  private static ValidationException translate(JsonMappingException e) {
    String path = path(e.getPath());
    Throwable cause = e.getCause();
    while (cause instanceof JsonMappingException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ValidationException) {
      List<ValidationException.Violation> prefixed = new ArrayList<>();
      for (ValidationException.Violation v : ((ValidationException) cause).violations()) {
        String field = path.equals("$") ? v.field() : path + "." + v.field();
        prefixed.add(new ValidationException.Violation(field, v.rejectedValue(), v.rule()));
      }
      return new ValidationException(prefixed);
    }
    String message = cause != null && cause != e && cause.getMessage() != null
        ? cause.getMessage() : e.getOriginalMessage();
    return ValidationException.of(path, "(see rule)", "is invalid: " + firstLine(message));
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    if (refs == null || refs.isEmpty()) {
      return "$";
    }
    return refs.stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName()
            : r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "")
        .collect(Collectors.joining("", "$", ""));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no detail)";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
