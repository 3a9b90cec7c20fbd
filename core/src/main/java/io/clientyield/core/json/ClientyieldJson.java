package io.clientyield.core.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteConstraints;
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
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
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
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JSON for every clientyield value: an {@link ObjectMapper} with safe defaults for input that
 * comes from outside, and read methods that turn every failure into a
 * {@link ValidationException} naming the JSON path.
 *
 * <p>Safe defaults: no default typing (no polymorphic class names in input); read limits
 * ({@link Limits#DEFAULT}) on document size (16 MiB), nesting depth (64), number length
 * (64 characters) and string length (1 MiB); duplicate keys, trailing tokens, unknown
 * properties, unknown enum values, numbers for enums, floats for integers, numbers or
 * booleans for text and nulls for primitives are all rejected, and so are non-finite numbers ({@code NaN}/{@code Infinity} as
 * number tokens or as text, and numbers too large for a {@code double} such as {@code 1e999}) in
 * every {@code double}, {@code float}, {@code OptionalDouble} and {@code double[]} field, a bare
 * {@code null} document and a {@code null} element of any list, array or map; dates are ISO
 * text. Map keys are written sorted so the JSON form is stable.
 *
 * <p>Read what we write: every write checks its output against the same limits a read applies
 * (the defaults, or the {@link Limits} given), so whatever a write returns reads back with those
 * limits, and a value too large for them fails to write with a {@link ValidationException}
 * naming the limit. A caller who stores larger documents (a {@code CrossStatistics} of 100 000
 * groups is about 128 MB) writes and reads them with larger limits:
 * {@code Limits big = Limits.DEFAULT.withMaxDocumentLength(512L << 20);
 * ClientyieldJson.read(ClientyieldJson.write(stats, big), CrossStatistics.class, big)}.
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
   * The longest number token a document may hold under the default limits, in characters: longer
   * numbers are rejected by the parser before any {@code BigDecimal} or {@code double} is made of
   * them.
   */
  public static final int MAX_NUMBER_LENGTH = 64;

  /**
   * The size limits of a read, and of a write (whose output must read back under them).
   * {@link #DEFAULT} applies when none is given. Every limit is checked by the parser before the
   * offending part is materialised, so a document within the limits costs time and memory linear
   * in its length.
   *
   * <p>Example: {@code Limits.DEFAULT.withMaxDocumentLength(256L << 20)} allows documents of
   * 256 MiB. Immutable and thread-safe.
   *
   * @param maxDocumentLength the longest document, in characters of text or bytes of UTF-8
   *     input, within {@code [1, Integer.MAX_VALUE]} (the longest Java string); default 16 MiB
   * @param maxNestingDepth the deepest nesting of arrays and objects, within
   *     {@code [1, }{@value #MAX_NESTING_DEPTH}{@code ]}; default 64
   * @param maxNumberLength the longest number token, in digits, within
   *     {@code [32, }{@value #MAX_NUMBER_TOKEN}{@code ]} (every number the library writes has at
   *     most 32); default {@value ClientyieldJson#MAX_NUMBER_LENGTH}
   * @param maxStringLength the longest string value, in characters, within
   *     {@code [1, Integer.MAX_VALUE]}; default 1 MiB
   */
  public record Limits(long maxDocumentLength, int maxNestingDepth, int maxNumberLength,
      int maxStringLength) {

    /**
     * The deepest nesting a caller may allow: deeper documents would risk the reader's stack.
     */
    public static final int MAX_NESTING_DEPTH = 256;

    /** The longest number token a caller may allow: parsing it stays well under a millisecond. */
    public static final int MAX_NUMBER_TOKEN = 1000;

    /** The limits used when none is given: 16 MiB, depth 64, 64-character numbers, 1 MiB strings. */
    public static final Limits DEFAULT = new Limits(16L * 1024 * 1024, 64, MAX_NUMBER_LENGTH,
        1024 * 1024);

    /**
     * Creates limits.
     *
     * @param maxDocumentLength the longest document, within {@code [1, Integer.MAX_VALUE]}
     * @param maxNestingDepth the deepest nesting, within {@code [1, 256]}
     * @param maxNumberLength the longest number token, within {@code [32, 1000]}
     * @param maxStringLength the longest string, within {@code [1, Integer.MAX_VALUE]}
     * @throws ValidationException if a limit is out of its range
     */
    public Limits {
      Checks.Collector problems = Checks.collector();
      problems.check(() -> Checks.inRange("maxDocumentLength", maxDocumentLength, 1,
          Integer.MAX_VALUE));
      problems.check(() -> Checks.inRange("maxNestingDepth", maxNestingDepth, 1,
          MAX_NESTING_DEPTH));
      problems.check(() -> Checks.inRange("maxNumberLength", maxNumberLength, 32,
          MAX_NUMBER_TOKEN));
      problems.check(() -> Checks.inRange("maxStringLength", maxStringLength, 1,
          Integer.MAX_VALUE));
      problems.throwIfAny();
    }

    /**
     * Returns these limits with another document length.
     *
     * @param length the longest document, within {@code [1, Integer.MAX_VALUE]}
     * @return the new limits
     */
    public Limits withMaxDocumentLength(long length) {
      return new Limits(length, maxNestingDepth, maxNumberLength, maxStringLength);
    }

    /**
     * Returns these limits with another nesting depth.
     *
     * @param depth the deepest nesting, within {@code [1, 256]}
     * @return the new limits
     */
    public Limits withMaxNestingDepth(int depth) {
      return new Limits(maxDocumentLength, depth, maxNumberLength, maxStringLength);
    }

    /**
     * Returns these limits with another number length.
     *
     * @param length the longest number token, within {@code [32, 1000]}
     * @return the new limits
     */
    public Limits withMaxNumberLength(int length) {
      return new Limits(maxDocumentLength, maxNestingDepth, length, maxStringLength);
    }

    /**
     * Returns these limits with another string length.
     *
     * @param length the longest string, within {@code [1, Integer.MAX_VALUE]}
     * @return the new limits
     */
    public Limits withMaxStringLength(int length) {
      return new Limits(maxDocumentLength, maxNestingDepth, maxNumberLength, length);
    }

    private String describe() {
      return "maxDocumentLength " + maxDocumentLength + ", maxNestingDepth " + maxNestingDepth
          + ", maxNumberLength " + maxNumberLength + ", maxStringLength " + maxStringLength;
    }
  }

  /** The longest prefix of a rejected value that a message shows. */
  private static final int MAX_VALUE_CHARS = 40;

  /** Where Jackson's message says what it found: "from String value ('x')", "Cannot coerce ...". */
  private static final Pattern FOUND = Pattern.compile(
      "(?:from|coerce) ([A-Z][\\w-]*) value(?: \\((.*?)\\))?(?: to| into|$|[ :;.,])");

  private static final ObjectMapper MAPPER = create();

  /** The parser factories of the limits in use (a caller uses few; bounded below). */
  private static final Map<Limits, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

  /** How many custom limits keep a cached factory. */
  private static final int MAX_CACHED_LIMITS = 32;

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
            .addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0))
            .addDeserializer(Float.class, new FiniteFloat(Float.class, null))
            .addDeserializer(Float.TYPE, new FiniteFloat(Float.TYPE, 0.0f))
            .addDeserializer(OptionalDouble.class, new FiniteOptionalDouble())
            .addDeserializer(double[].class, new FiniteDoubleArray()))
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
        // a null element of a list, array or map is an error, not a value
        .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .build();
    // a number where text is expected (an amount, an id) is an error: the JSON forms say string
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.getFactory().setStreamReadConstraints(readConstraints(Limits.DEFAULT));
    mapper.getFactory().setStreamWriteConstraints(StreamWriteConstraints.builder()
        .maxNestingDepth(Limits.MAX_NESTING_DEPTH).build());
    return mapper;
  }

  private static StreamReadConstraints readConstraints(Limits limits) {
    return StreamReadConstraints.builder()
        .maxDocumentLength(limits.maxDocumentLength())
        .maxNestingDepth(limits.maxNestingDepth())
        .maxNumberLength(limits.maxNumberLength())
        .maxStringLength(limits.maxStringLength())
        .maxNameLength(1024)
        .build();
  }

  private static JsonFactory factory(Limits limits) {
    if (limits.equals(Limits.DEFAULT)) {
      return MAPPER.getFactory();
    }
    JsonFactory cached = FACTORIES.get(limits);
    if (cached != null) {
      return cached;
    }
    JsonFactory made = MAPPER.getFactory().rebuild()
        .streamReadConstraints(readConstraints(limits)).build();
    if (FACTORIES.size() < MAX_CACHED_LIMITS) {
      FACTORIES.putIfAbsent(limits, made);
    }
    return made;
  }

  /**
   * Writes a value as JSON whose size is within the default limits ({@link Limits#DEFAULT}), so
   * that {@link #read(String, Class)} reads it back.
   *
   * @param value the value
   * @return the JSON text
   * @throws ValidationException if the value cannot be written, or its JSON form exceeds a default
   *     limit (the message names the limit: write and read it with larger {@link Limits})
   */
  public static String write(Object value) {
    return write(value, Limits.DEFAULT);
  }

  /**
   * Writes a value as JSON whose size is within the given limits, so that
   * {@link #read(String, Class, Limits)} with the same limits reads it back.
   *
   * @param value the value
   * @param limits the limits the output must respect
   * @return the JSON text
   * @throws ValidationException if the value cannot be written, or its JSON form exceeds a limit
   */
  public static String write(Object value, Limits limits) {
    Checks.notNull("value", value);
    Checks.notNull("limits", limits);
    return checked(value, limits, false);
  }

  /**
   * Writes a value as indented JSON within the default limits.
   *
   * @param value the value
   * @return the JSON text
   * @throws ValidationException if the value cannot be written, or its JSON form exceeds a default
   *     limit
   */
  public static String writePretty(Object value) {
    return writePretty(value, Limits.DEFAULT);
  }

  /**
   * Writes a value as indented JSON within the given limits.
   *
   * @param value the value
   * @param limits the limits the output must respect
   * @return the JSON text
   * @throws ValidationException if the value cannot be written, or its JSON form exceeds a limit
   */
  public static String writePretty(Object value, Limits limits) {
    Checks.notNull("value", value);
    Checks.notNull("limits", limits);
    return checked(value, limits, true);
  }

  private static String checked(Object value, Limits limits, boolean pretty) {
    String json;
    try {
      json = pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value)
          : MAPPER.writeValueAsString(value);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ValidationException) {
        throw (ValidationException) cause;
      }
      throw ValidationException.of("value", "(value)", "cannot be written as JSON: "
          + clean(firstLine(e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      throw ValidationException.of("value", "(value)", "cannot be written as JSON: "
          + clean(firstLine(e.getOriginalMessage())));
    }
    long length = utf8Length(json);
    if (length > limits.maxDocumentLength()) {
      throw ValidationException.of("value", "JSON of " + length + " bytes",
          "exceeds the read limit maxDocumentLength " + limits.maxDocumentLength()
              + ": write and read it with larger ClientyieldJson.Limits");
    }
    // every token within the read limits, so that the text reads back under them
    try (JsonParser p = factory(limits).createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          p.getTextLength();
        } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          p.getNumberValue();
        }
      }
    } catch (StreamConstraintsException e) {
      throw ValidationException.of("value", "JSON of " + length + " bytes",
          "exceeds a read limit (" + clean(firstLine(e.getOriginalMessage()))
              + "): write and read it with larger ClientyieldJson.Limits");
    } catch (IOException e) {
      throw ValidationException.of("value", "(value)", "cannot be read back: "
          + clean(firstLine(e.getMessage())));
    }
    return json;
  }

  /** The UTF-8 length of a text, without encoding it. */
  private static long utf8Length(String text) {
    long n = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        n += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
      }
    }
    return n;
  }

  /**
   * Reads a value from JSON text within the default limits.
   *
   * @param json the JSON text
   * @param type the type to read
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed, exceeds a limit or the value breaks a
   *     rule; each violation names the JSON path
   */
  public static <T> T read(String json, Class<T> type) {
    return read(json, type, Limits.DEFAULT);
  }

  /**
   * Reads a value from JSON text within the given limits.
   *
   * @param json the JSON text
   * @param type the type to read
   * @param limits the limits
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed, exceeds a limit or the value breaks a
   *     rule; each violation names the JSON path
   */
  public static <T> T read(String json, Class<T> type, Limits limits) {
    Checks.notNull("json", json);
    Checks.notNull("type", type);
    checkLength(json.length(), limits);
    return read(() -> MAPPER.readerFor(type).with(factory(limits)).readValue(json));
  }

  /**
   * Reads a value from JSON bytes (UTF-8) within the default limits.
   *
   * @param json the JSON bytes
   * @param type the type to read
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed, exceeds a limit or the value breaks a
   *     rule
   */
  public static <T> T read(byte[] json, Class<T> type) {
    return read(json, type, Limits.DEFAULT);
  }

  /**
   * Reads a value from JSON bytes (UTF-8) within the given limits.
   *
   * @param json the JSON bytes
   * @param type the type to read
   * @param limits the limits
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed, exceeds a limit or the value breaks a
   *     rule
   */
  public static <T> T read(byte[] json, Class<T> type, Limits limits) {
    Checks.notNull("json", json);
    Checks.notNull("type", type);
    checkLength(json.length, limits);
    return read(() -> MAPPER.readerFor(type).with(factory(limits)).readValue(json));
  }

  /**
   * Reads a generic value (e.g. a list of deals) from JSON text within the default limits.
   *
   * @param json the JSON text
   * @param type the type to read
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed, exceeds a limit or the value breaks a
   *     rule
   */
  public static <T> T read(String json, TypeReference<T> type) {
    return read(json, type, Limits.DEFAULT);
  }

  /**
   * Reads a generic value (e.g. a list of deals) from JSON text within the given limits.
   *
   * @param json the JSON text
   * @param type the type to read
   * @param limits the limits
   * @param <T> the type
   * @return the value
   * @throws ValidationException if the JSON is malformed, exceeds a limit or the value breaks a
   *     rule
   */
  public static <T> T read(String json, TypeReference<T> type, Limits limits) {
    Checks.notNull("json", json);
    Checks.notNull("type", type);
    checkLength(json.length(), limits);
    JavaType javaType = MAPPER.getTypeFactory().constructType(type);
    return read(() -> MAPPER.readerFor(javaType).with(factory(limits)).readValue(json));
  }

  private static void checkLength(long length, Limits limits) {
    Checks.notNull("limits", limits);
    if (length > limits.maxDocumentLength()) {
      throw ValidationException.of("$", "document of " + length + " characters",
          "is too large: the limit maxDocumentLength is " + limits.maxDocumentLength()
              + " (read with larger ClientyieldJson.Limits)");
    }
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

  /** Reads a float as Jackson does, and rejects non-finite values (and overflow to infinity). */
  private static final class FiniteFloat extends NumberDeserializers.FloatDeserializer {
    private static final long serialVersionUID = 1L;

    FiniteFloat(Class<Float> type, Float nullValue) {
      super(type, nullValue);
    }

    @Override
    public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Float value = super.deserialize(p, ctxt);
      if (value != null && !Float.isFinite(value)) {
        throw ctxt.weirdStringException(p.getText(), Float.class, "not a finite number");
      }
      return value;
    }
  }

  /** Reads an {@code OptionalDouble} (null or absent is empty) whose value must be finite. */
  private static final class FiniteOptionalDouble
      extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<OptionalDouble> {
    private static final long serialVersionUID = 1L;
    private static final FiniteDouble DOUBLE = new FiniteDouble(Double.class, null);

    FiniteOptionalDouble() {
      super(OptionalDouble.class);
    }

    @Override
    public OptionalDouble deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Double value = DOUBLE.deserialize(p, ctxt);
      return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public OptionalDouble getNullValue(DeserializationContext ctxt) {
      return OptionalDouble.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return OptionalDouble.empty();
    }
  }

  /** Reads a {@code double[]} whose elements must be finite numbers (never null). */
  private static final class FiniteDoubleArray
      extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<double[]> {
    private static final long serialVersionUID = 1L;
    private static final FiniteDouble DOUBLE = new FiniteDouble(Double.class, null);

    FiniteDoubleArray() {
      super(double[].class);
    }

    @Override
    public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
      }
      double[] values = new double[8];
      int n = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == JsonToken.VALUE_NULL) {
          throw JsonMappingException.wrapWithPath(InvalidNullException.from(ctxt,
              PropertyName.construct("[" + n + "]"), ctxt.constructType(double.class)), values, n);
        }
        Double value;
        try {
          value = DOUBLE.deserialize(p, ctxt);
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, values, n);
        }
        if (n == values.length) {
          values = java.util.Arrays.copyOf(values, n + (n >> 1) + 8);
        }
        values[n++] = value;
      }
      return java.util.Arrays.copyOf(values, n);
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
  /** Where Jackson's message on a rejected map key quotes the key type's own reason. */
  private static final String KEY_PROBLEM = "not a valid representation, problem: ";

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
    if (e instanceof InvalidNullException) {
      return ValidationException.of(path, "null", "must not be null");
    }
    if (e instanceof InvalidFormatException) {
      InvalidFormatException f = (InvalidFormatException) e;
      int problem = message.indexOf(KEY_PROBLEM);
      if (message.startsWith("Cannot deserialize Map key") && problem >= 0) {
        // Jackson's key reader keeps only the text of the key type's own rejection: pass it on
        String rule = message.substring(problem + KEY_PROBLEM.length()).replaceFirst("^\\([^)]*\\) ", "");
        return ValidationException.of(path, shorten(String.valueOf(f.getValue())),
            "is not a valid key: " + shorten(clean(firstLine(rule))));
      }
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
