package io.clientyield.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clientyield.core.internal.Checks;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JSON for every clientyield value: an {@link ObjectMapper} with safe defaults for input that
 * comes from outside, and read methods that turn every failure into a
 * {@link ValidationException} naming the JSON path.
 *
 * <p>Safe defaults: no default typing (no polymorphic class names in input); read limits on
 * document size (16 MiB), nesting depth (64), number length (64 digits) and string length
 * (1 MiB); duplicate keys, trailing tokens, unknown properties, unknown enum values, numbers
 * for enums, floats for integers and nulls for primitives are all rejected, and so are
 * {@code NaN}/{@code Infinity} (as number tokens or as text), a bare {@code null} document and a
 * {@code null} element of a list read as a whole; dates are ISO text.
 * Map keys are written sorted so the JSON form is stable.
 *
 * <p>Read errors name the JSON path, a short prefix of the offending value and the rule in JSON
 * terms, never a Java class: {@code $.oops (unknown property) is not allowed: known properties
 * are successes, trials}; {@code $.kind (WEEK) must be one of MONTH, QUARTER, YEAR, CUSTOM}.
 *
 * <p>Example: {@code ClientyieldJson.read("{\"successes\":3,\"trials\":100}", Proportion.class)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ClientyieldJson {

  /**
   * The version of the JSON contract: the JSON forms of the library's types, described by the
   * JSON Schemas shipped in each module's jar under
   * {@code io/clientyield/<module>/schema/<Type>.schema.json}, whose {@code $id} is
   * {@code https://clientyield.io/schema/<version>/<module>/<Type>.schema.json}. Documents the
   * library writes for the outside (such as a review's {@code report.json}) carry it as
   * {@code schemaVersion}. The minor part grows when a form gains an optional property; the major
   * part when a form changes incompatibly (a property renamed, removed or made required).
   */
  public static final String SCHEMA_VERSION = "1.0";

  /**
   * The longest number token a document may hold, in characters: longer numbers are rejected by
   * the parser before any {@code BigDecimal} or {@code double} is made of them.
   */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** The longest prefix of a rejected value that a message shows. */
  private static final int MAX_VALUE_CHARS = 40;

  /** Where Jackson's message says what it found: "from String value ('x')", "Cannot coerce ...". */
  private static final Pattern FOUND = Pattern.compile(
      "(?:from|coerce) ([A-Z][\\w-]*) value(?: \\((.*?)\\))?(?: to| into|$|[ :;.,])");

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
        .addModule(new SimpleModule("clientyield-finite-numbers")
            .addDeserializer(Double.class, new FiniteDouble(Double.class, null))
            .addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0)))
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
        .maxNumberLength(MAX_NUMBER_LENGTH)
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

  /**
   * Reads a double as Jackson does, and rejects {@code "NaN"} and {@code "Infinity"} (Jackson
   * accepts them as strings even with coercion from strings disabled).
   */
  private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
    private static final long serialVersionUID = 1L;

    FiniteDouble(Class<Double> type, Double nullValue) {
      super(type, nullValue);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Double value = super.deserialize(p, ctxt);
      if (value != null && !Double.isFinite(value)) {
        throw ctxt.weirdStringException(p.getText(), Double.class, "not a finite number");
      }
      return value;
    }
  }

  private interface Reader<T> {
    T read() throws IOException;
  }

  private static <T> T read(Reader<T> reader) {
    T value;
    try {
      value = reader.read();
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (StreamConstraintsException e) {
      throw ValidationException.of("$", "(document)", "is too large: "
          + clean(firstLine(e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw ValidationException.of("$", "(document)", "must be well-formed JSON" + where + ": "
          + clean(firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw ValidationException.of("$", "(document)", "could not be read: "
          + clean(firstLine(e.getMessage())));
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      // e.g. a builder rejecting a missing attribute
      throw ValidationException.of("$", "(document)", "is not a valid value: "
          + clean(firstLine(e.getMessage())));
    }
    if (value == null) {
      throw ValidationException.of("$", "null", "must be a value, not null");
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object element : (Collection<?>) value) {
        if (element == null) {
          throw ValidationException.of("$[" + i + "]", "null", "must not be null");
        }
        i++;
      }
    }
    return value;
  }

  /**
   * Turns Jackson's mapping errors into violations that name the JSON path, a short prefix of
   * the offending value and the rule, in JSON terms: never a Java class name.
   */
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
    if (cause instanceof StreamConstraintsException) {
      return ValidationException.of(path, "(document)", "is too large: "
          + clean(firstLine(((StreamConstraintsException) cause).getOriginalMessage())));
    }
    JsonMappingException inner = e;
    while (inner.getCause() instanceof JsonMappingException) {
      inner = (JsonMappingException) inner.getCause();
      String innerPath = path(inner.getPath());
      if (innerPath.length() > path.length()) {
        path = innerPath;
      }
    }
    e = inner;
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
      List<String> known = new ArrayList<>();
      if (u.getKnownPropertyIds() != null) {
        u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      }
      Collections.sort(known);
      return ValidationException.of(path, "unknown property", known.isEmpty()
          ? "is not allowed: the object has no properties"
          : "is not allowed: known properties are " + String.join(", ", known));
    }
    if (e instanceof InvalidFormatException) {
      InvalidFormatException f = (InvalidFormatException) e;
      return ValidationException.of(path, shorten(String.valueOf(f.getValue())),
          "must be " + describe(f.getTargetType()));
    }
    if (e instanceof MismatchedInputException) {
      MismatchedInputException m = (MismatchedInputException) e;
      if (message.startsWith("Missing required creator property")
          || message.startsWith("Missing required property")) {
        return ValidationException.of(path, "missing", "is required");
      }
      if (message.startsWith("Null value for creator property")
          || message.startsWith("Cannot map `null`")) {
        return ValidationException.of(path, "null", "must be " + describe(m.getTargetType()));
      }
      return ValidationException.of(path, found(m), "must be " + describe(m.getTargetType()));
    }
    String detail = cause != null && cause != e && cause.getMessage() != null
        ? cause.getMessage() : message;
    return ValidationException.of(path, "(value)", "is not valid: " + clean(firstLine(detail)));
  }

  /**
   * What the reader found where the error happened, from Jackson's message (the parser is closed
   * by then): a short value when the message quotes one, else the kind of JSON value.
   */
  private static String found(MismatchedInputException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher m = FOUND.matcher(message);
    if (!m.find()) {
      return "(value)";
    }
    String quoted = m.group(2);
    if (quoted != null && !quoted.startsWith("token ")) {
      if (quoted.length() >= 2 && quoted.startsWith("'") && quoted.endsWith("'")) {
        quoted = quoted.substring(1, quoted.length() - 1);
      }
      return shorten(quoted);
    }
    switch (m.group(1)) {
      case "Array":
        return "an array";
      case "Object":
        return "an object";
      case "String":
        return "a string";
      case "Integer":
        return "an integer";
      case "Floating-point":
        return "a decimal number";
      case "Boolean":
        return "a boolean";
      case "Null":
        return "null";
      default:
        return "(value)";
    }
  }

  /** The JSON form a Java type is read from, in words (never the class name). */
  private static String describe(Class<?> type) {
    if (type == null) {
      return "of the documented form";
    }
    if (type.isPrimitive()) {
      if (type == boolean.class) {
        return "true or false";
      }
      if (type == double.class || type == float.class) {
        return "a finite number";
      }
      if (type == char.class) {
        return "a one-character string";
      }
      return "an integer within range";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == Double.class || type == Float.class || type == BigDecimal.class) {
      return "a finite number";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "an integer within range";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == Character.class) {
      return "a string";
    }
    if (type.isEnum()) {
      StringBuilder names = new StringBuilder();
      for (Object constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) constant).name());
      }
      return "one of " + shorten(names.toString(), 200);
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (type == LocalDate.class) {
      return "an ISO date such as 2026-09-30";
    }
    if (type == YearMonth.class) {
      return "an ISO month such as 2026-09";
    }
    if (type == Instant.class) {
      return "an ISO instant such as 2026-09-30T12:00:00Z";
    }
    if (type == Currency.class) {
      return "an ISO 4217 currency code such as EUR";
    }
    if (type.getName().startsWith("java.")) {
      return "a valid value";
    }
    AnnotatedMember jsonValue = MAPPER.getSerializationConfig()
        .introspect(MAPPER.constructType(type)).findJsonValueAccessor();
    if (jsonValue != null && jsonValue.getRawType() != type) {
      return describe(jsonValue.getRawType());
    }
    return "an object";
  }

  private static String shorten(String text) {
    return shorten(text, MAX_VALUE_CHARS);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  /** Removes Java names from a message of the JSON parser or of an unexpected exception. */
  private static String clean(String message) {
    return message
        .replaceAll(", from `[^`]*`", "")
        .replaceAll("`[^`]*`", "value")
        .replaceAll("(?:class |interface )?(?:[a-z_$][\\w$]*\\.)+([A-Za-z_$][\\w$]*)", "$1")
        .replace("class ", "");
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
    return shorten(line, 300);
  }
}
