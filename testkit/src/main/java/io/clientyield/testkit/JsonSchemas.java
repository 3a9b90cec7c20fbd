package io.clientyield.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.JsonValueSerializer;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.Rate;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON contract machinery shared by every module's {@code JsonSchemaTest}: generates a JSON
 * Schema (draft 2020-12) per type from the code, compares it with the committed one under
 * {@code src/main/resources/io/clientyield/<module>/schema/<Type>.schema.json} (or rewrites the
 * committed ones when run with {@code -Dclientyield.schema.update=true}), validates JSON against
 * the committed schema, and finds the types that have a JSON form.
 *
 * <p>The generator is victools' jsonschema-generator with its Jackson module; the object types
 * of the library are described from what {@link ClientyieldJson}'s own mapper serialises (its
 * bean serializer's properties, in write order, or the target of a {@code @JsonValue}), so the
 * schema is the form the library writes: a property the writer always writes is
 * {@code required}, one it leaves out when absent ({@code @JsonInclude(NON_ABSENT)}) is not, and
 * no other property is allowed (the reader rejects unknown properties). The reader may accept a
 * little more than the schema (an amount such as {@code "1e3"}, an omitted property that has a
 * default); never less.
 */
public final class JsonSchemas {

  /** The system property that rewrites the committed schemas instead of comparing with them. */
  public static final String UPDATE_PROPERTY = "clientyield.schema.update";

  /** The base of every schema's {@code $id}; the schema version is part of it. */
  public static final String ID_BASE = "https://clientyield.io/schema/"
      + ClientyieldJson.SCHEMA_VERSION + "/";

  private static final ObjectMapper JSON = ClientyieldJson.mapper();
  private static final SchemaGenerator GENERATOR = generator();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<Class<?>, Schema> COMMITTED = new ConcurrentHashMap<>();

  /** A decimal number as {@link Money} writes it (plain notation, at most 30 integer digits). */
  static final String AMOUNT_PATTERN = "^-?[0-9]{1,30}(\\.[0-9]+)?$";

  private JsonSchemas() {}

  /**
   * Whether this run rewrites the committed schemas.
   *
   * @return true with {@code -Dclientyield.schema.update=true}
   */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  /**
   * The module a type belongs to: the third part of its package ({@code funnel} for
   * {@code io.clientyield.funnel.leads.Channel}).
   *
   * @param type the type
   * @return the module name
   */
  public static String module(Class<?> type) {
    String[] parts = type.getPackageName().split("\\.");
    return parts.length > 2 ? parts[2] : parts[parts.length - 1];
  }

  /**
   * The schema's name: the type's name inside its package ({@code PortfolioSummary.CellTotals}
   * for a nested type).
   *
   * @param type the type
   * @return the name
   */
  public static String name(Class<?> type) {
    return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
  }

  /**
   * The class-path resource of a type's committed schema.
   *
   * @param type the type
   * @return e.g. {@code io/clientyield/core/schema/Money.schema.json}
   */
  public static String resource(Class<?> type) {
    return "io/clientyield/" + module(type) + "/schema/" + name(type) + ".schema.json";
  }

  /**
   * The schema's {@code $id}.
   *
   * @param type the type
   * @return e.g. {@code https://clientyield.io/schema/1.0/core/Money.schema.json}
   */
  public static String id(Class<?> type) {
    return ID_BASE + module(type) + "/" + name(type) + ".schema.json";
  }

  // ---------------------------------------------------------------------------------------------
  // generation

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
        JSON, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON);
    builder.with(new JacksonModule(
        JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY,
        JacksonOption.RESPECT_JSONPROPERTY_ORDER,
        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED));
    builder.with(Option.FLATTENED_ENUMS, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
        Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.PLAIN_DEFINITION_KEYS,
        Option.STANDARD_FORMATS, Option.NULLABLE_ALWAYS_AS_ANYOF);
    builder.forTypesInGeneral().withCustomDefinitionProvider(new Definitions());
    return new SchemaGenerator(builder.build());
  }

  /** Describes the JDK types Jackson writes as text, and every library type from its serializer. */
  private static final class Definitions implements CustomDefinitionProviderV2 {

    private static final com.fasterxml.classmate.TypeResolver RESOLVER =
        new com.fasterxml.classmate.TypeResolver();

    @Override
    public CustomDefinition provideCustomSchemaDefinition(
        ResolvedType javaType, SchemaGenerationContext context) {
      Class<?> raw = javaType.getErasedType();
      ObjectNode text = JSON.createObjectNode().put("type", "string");
      if (raw == LocalDate.class) {
        return inline(text.put("format", "date"));
      }
      if (raw == Instant.class) {
        return inline(text.put("format", "date-time"));
      }
      if (raw == YearMonth.class) {
        return inline(text.put("pattern", "^-?[0-9]{4,}-(0[1-9]|1[0-2])$"));
      }
      if (raw == Currency.class) {
        return inline(text.put("pattern", "^[A-Z]{3}$"));
      }
      if (raw == OptionalDouble.class) {
        return inline(JSON.createObjectNode().put("type", "number"));
      }
      if (raw == OptionalInt.class || raw == OptionalLong.class) {
        return inline(JSON.createObjectNode().put("type", "integer"));
      }
      if (!raw.getName().startsWith("io.clientyield.") || raw.isEnum()) {
        return null;
      }
      return library(raw, javaType, context);
    }

    private static CustomDefinition inline(ObjectNode node) {
      return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE,
          CustomDefinition.AttributeInclusion.NO);
    }

    private CustomDefinition library(Class<?> raw, ResolvedType javaType,
        SchemaGenerationContext context) {
      JsonSerializer<Object> serializer;
      try {
        serializer = JSON.getSerializerProviderInstance().findValueSerializer(raw);
      } catch (JsonMappingException e) {
        throw new IllegalStateException("no serializer for " + raw.getName(), e);
      }
      if (serializer instanceof JsonValueSerializer) {
        BeanDescription description = JSON.getSerializationConfig()
            .introspect(JSON.constructType(raw));
        AnnotatedMember accessor = description.findJsonValueAccessor();
        ObjectNode value = context.createDefinition(
            context.getTypeContext().resolve(genericType(accessor)));
        refine(raw, null, value);
        return new CustomDefinition(value, CustomDefinition.DefinitionType.STANDARD,
            CustomDefinition.AttributeInclusion.NO);
      }
      if (!(serializer instanceof BeanSerializerBase)) {
        throw new IllegalStateException("cannot describe " + raw.getName()
            + " written by " + serializer.getClass().getName());
      }
      ObjectNode object = JSON.createObjectNode().put("type", "object");
      ObjectNode properties = object.putObject("properties");
      ArrayNode required = JSON.createArrayNode();
      for (java.util.Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
        BeanPropertyWriter property = (BeanPropertyWriter) it.next();
        Type type = genericType(property.getMember());
        // a generic record's component (GroupTotals<K>.key) takes the type argument in use
        ResolvedType resolved = RESOLVER.resolve(javaType.getTypeBindings(), type);
        Class<?> rawType = resolved.getErasedType();
        boolean optional = rawType == Optional.class || rawType == OptionalDouble.class
            || rawType == OptionalInt.class || rawType == OptionalLong.class;
        if (rawType == Optional.class) {
          resolved = resolved.getTypeParameters().get(0);
        }
        ObjectNode schema = context.createDefinitionReference(resolved);
        if (property.willSuppressNulls()) {
          // left out when absent: optional, never null
        } else {
          required.add(property.getName());
        }
        refine(raw, property.getName(), schema);
        if (optional && !property.willSuppressNulls()) {
          // written as null when absent: the reference stays the node victools fills in later
          ObjectNode nullable = JSON.createObjectNode();
          nullable.putArray("anyOf").add(schema).add(JSON.createObjectNode().put("type", "null"));
          schema = nullable;
        }
        properties.set(property.getName(), schema);
      }
      if (!required.isEmpty()) {
        object.set("required", required);
      }
      object.put("additionalProperties", false);
      return new CustomDefinition(object, CustomDefinition.DefinitionType.STANDARD,
          CustomDefinition.AttributeInclusion.NO);
    }
  }

  /** Rules the serializer cannot tell: the text forms of Money and the ranges of the core numbers. */
  private static void refine(Class<?> owner, String property, ObjectNode schema) {
    if (owner == Money.class && "amount".equals(property)) {
      schema.put("pattern", AMOUNT_PATTERN).put("maxLength", 64);
    } else if (owner == Money.class && "currency".equals(property)) {
      schema.put("pattern", "^[A-Z]{3}$");
    } else if (owner == Proportion.class) {
      schema.put("minimum", 0);
    } else if (owner == Rate.class && property == null) {
      schema.put("minimum", 0).put("maximum", 1);
    }
  }

  private static Type genericType(AnnotatedMember member) {
    AnnotatedElement element = member.getAnnotated();
    if (element instanceof Method) {
      return ((Method) element).getGenericReturnType();
    }
    if (element instanceof Field) {
      return ((Field) element).getGenericType();
    }
    throw new IllegalStateException("unexpected accessor " + member);
  }

  /**
   * Generates the schema of a type.
   *
   * @param type the type
   * @return the schema, with {@code $id} and {@code title}
   */
  public static ObjectNode generate(Class<?> type) {
    ObjectNode generated = GENERATOR.generateSchema(type);
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$schema", generated.path("$schema").asText());
    schema.put("$id", id(type));
    schema.put("title", name(type));
    generated.properties().forEach(e -> {
      if (!e.getKey().equals("$schema")) {
        schema.set(e.getKey(), e.getValue());
      }
    });
    return schema;
  }

  /**
   * Renders a schema as committed: two-space indent, one property per line, final newline.
   *
   * @param schema the schema
   * @return the text
   */
  public static String render(JsonNode schema) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(schema)
          .replace("\" : ", "\": ") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the committed schemas

  /**
   * Compares the generated schema of every type with the committed one, or rewrites the
   * committed ones (and deletes those of types no longer listed) when {@link #updating()}.
   *
   * @param module the module's name, e.g. {@code funnel}
   * @param types the module's JSON types
   */
  public static void checkCommitted(String module, List<Class<?>> types) {
    Path dir = sourceSchemaDirectory(module);
    Map<String, String> expected = new TreeMap<>();
    for (Class<?> type : types) {
      assertThat(module(type)).as("module of %s", type.getName()).isEqualTo(module);
      expected.put(name(type) + ".schema.json", render(generate(type)));
    }
    Set<String> committed = listSchemas(dir);
    if (updating()) {
      write(dir, expected, committed);
      return;
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path file = dir.resolve(e.getKey());
      if (!committed.contains(e.getKey())) {
        problems.add("missing: " + file);
        continue;
      }
      String actual = read(file);
      if (!actual.equals(e.getValue())) {
        problems.add("differs: " + file + "\n" + diffHint(actual, e.getValue()));
      }
    }
    for (String stale : committed) {
      if (!expected.containsKey(stale)) {
        problems.add("not generated (type no longer listed): " + dir.resolve(stale));
      }
    }
    assertThat(problems)
        .as("The committed JSON schemas of %s differ from the code. If the change of the JSON form"
            + " is intended, regenerate them with\n  mvn -B -q test -Dtest='JsonSchemaTest'"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dclientyield.schema.update=true\n"
            + "and commit the diff.", module)
        .isEmpty();
  }

  private static void write(Path dir, Map<String, String> expected, Set<String> committed) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> e : expected.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      for (String stale : committed) {
        if (!expected.containsKey(stale)) {
          Files.delete(dir.resolve(stale));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> listSchemas(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new TreeSet<>();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".schema.json"))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first differing line of two texts, with the line number. */
  public static String diffHint(String committed, String generated) {
    String[] a = committed.split("\n", -1);
    String[] b = generated.split("\n", -1);
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (!a[i].equals(b[i])) {
        return "  first difference at line " + (i + 1) + ":\n  - committed: " + a[i].strip()
            + "\n  + generated: " + b[i].strip();
      }
    }
    return "  committed has " + a.length + " lines, generated " + b.length;
  }

  /** The module's {@code src/main/resources/io/clientyield/<module>/schema} directory. */
  private static Path sourceSchemaDirectory(String module) {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Paths.get(basedir, "src", "main", "resources", "io", "clientyield", module, "schema");
  }

  // ---------------------------------------------------------------------------------------------
  // validation

  /**
   * Validates a JSON document against the committed schema of a type.
   *
   * @param type the type
   * @param json the JSON text
   * @return the errors, empty when valid
   */
  public static List<String> validate(Class<?> type, String json) {
    Schema schema = COMMITTED.computeIfAbsent(type, JsonSchemas::loadCommitted);
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    return errors.stream().map(Error::toString).collect(Collectors.toList());
  }

  /**
   * Asserts that a JSON document validates against the committed schema of a type.
   *
   * @param type the type
   * @param json the JSON text
   */
  public static void assertValid(Class<?> type, String json) {
    assertThat(validate(type, json)).as("%s validated against %s", json, resource(type)).isEmpty();
  }

  private static Schema loadCommitted(Class<?> type) {
    String resource = resource(type);
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no committed JSON schema " + resource + " for " + type.getName()
            + ": list the type in its module's JsonTypes and regenerate the schemas with"
            + " -D" + UPDATE_PROPERTY + "=true (see CONTRIBUTING)");
      }
      return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // which types have a JSON form

  /**
   * Finds the types of a module that have a JSON form: every public, non-enum class, interface or
   * record under the package that is a record, or carries a Jackson annotation on itself, a
   * constructor, a method, a field or a parameter. (A record is read and written by Jackson
   * without any annotation; a class is not, unless annotated. Enums are described inside the
   * types that use them.)
   *
   * @param anchor any class of the module's main code (locates its class directory or jar)
   * @param packagePrefix e.g. {@code io.clientyield.funnel}
   * @return the types, sorted by name
   */
  public static List<Class<?>> typesWithJsonForm(Class<?> anchor, String packagePrefix) {
    List<Class<?>> found = new ArrayList<>();
    for (String name : classNames(anchor, packagePrefix)) {
      Class<?> type;
      try {
        type = Class.forName(name, false, anchor.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      if (!isPublic(type) || type.isEnum() || type.isAnnotation() || type.isSynthetic()) {
        continue;
      }
      if (type.isRecord() || hasJacksonAnnotation(type)) {
        found.add(type);
      }
    }
    found.sort((a, b) -> a.getName().compareTo(b.getName()));
    return found;
  }

  private static boolean isPublic(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isLocalClass();
  }

  private static boolean hasJacksonAnnotation(Class<?> type) {
    List<AnnotatedElement> elements = new ArrayList<>();
    elements.add(type);
    elements.addAll(List.of(type.getDeclaredConstructors()));
    elements.addAll(List.of(type.getDeclaredMethods()));
    elements.addAll(List.of(type.getDeclaredFields()));
    for (java.lang.reflect.Executable e : type.getDeclaredConstructors()) {
      elements.addAll(List.of(e.getParameters()));
    }
    for (Method m : type.getDeclaredMethods()) {
      elements.addAll(List.of(m.getParameters()));
    }
    for (AnnotatedElement element : elements) {
      for (Annotation a : element.getDeclaredAnnotations()) {
        String pkg = a.annotationType().getPackageName();
        if (a.annotationType() != JsonIgnore.class
            && (pkg.equals("com.fasterxml.jackson.annotation")
                || pkg.equals("com.fasterxml.jackson.databind.annotation"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> classNames(Class<?> anchor, String packagePrefix) {
    Path root;
    try {
      root = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("expected a class directory, not " + root);
    }
    Path start = root.resolve(packagePrefix.replace('.', '/'));
    try (Stream<Path> files = Files.walk(start)) {
      return files.map(p -> root.relativize(p).toString())
          .filter(n -> n.endsWith(".class") && !n.equals("module-info.class")
              && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')
              .replace('\\', '.'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The simple names of the types given to {@code assertJsonRoundTrip(..., Type.class)} anywhere
   * in the module's test sources: the types whose JSON samples are validated by the round trips.
   *
   * @return the names (nested types as {@code Outer.Inner} when written so)
   */
  public static Set<String> roundTrippedTypeNames() {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    Path tests = Paths.get(basedir, "src", "test", "java");
    java.util.regex.Pattern call = java.util.regex.Pattern.compile(
        "assertJsonRoundTrip\\((?:[^;]*?),\\s*([A-Z][\\w.]*)\\.class\\s*\\)",
        java.util.regex.Pattern.DOTALL);
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
        java.util.regex.Matcher m = call.matcher(read(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /**
   * Asserts that the module's list is complete and exact: every type the scan
   * ({@link #typesWithJsonForm}) finds is either a document (with a committed schema) or
   * excluded with a reason, and nothing else is listed.
   *
   * @param anchor any class of the module's main code
   * @param packagePrefix the module's package
   * @param documents the types with a committed schema
   * @param excluded the types with a JSON form that are deliberately not documents
   */
  public static void assertListed(Class<?> anchor, String packagePrefix,
      List<Class<?>> documents, Collection<Class<?>> excluded) {
    List<String> found = names(typesWithJsonForm(anchor, packagePrefix));
    List<String> listed = new ArrayList<>(names(documents));
    listed.addAll(names(excluded));
    assertThat(listed).as("a type is listed twice").doesNotHaveDuplicates();
    assertThat(found)
        .as("types with a JSON form (public records, or types with a Jackson annotation) must be"
            + " listed in the module's JsonTypes: as a document (then regenerate the schemas with"
            + " -D%s=true) or as excluded, with the reason", UPDATE_PROPERTY)
        .containsExactlyInAnyOrderElementsOf(listed);
  }

  /**
   * Asserts that every document has a sample that is validated against its committed schema:
   * either a round trip in the module's tests ({@code assertJsonRoundTrip(..., Type.class)},
   * which validates), or an explicit sample.
   *
   * @param documents the module's documents
   * @param sampled the documents that have an explicit sample in the module's JsonSchemaTest
   */
  public static void assertSampled(List<Class<?>> documents, Collection<Class<?>> sampled) {
    Set<String> roundTripped = roundTrippedTypeNames();
    List<String> missing = new ArrayList<>();
    for (Class<?> type : documents) {
      boolean tripped = roundTripped.contains(type.getSimpleName())
          || roundTripped.contains(name(type));
      if (!tripped && !sampled.contains(type)) {
        missing.add(name(type));
      }
    }
    assertThat(missing).as("documents without a validated JSON sample: add an"
        + " assertJsonRoundTrip(value, Type.class) test or a sample in JsonSchemaTest").isEmpty();
  }

  /** What a validation message must never show. */
  public static final List<String> FORBIDDEN_IN_MESSAGES =
      List.of("io.clientyield", "class ", "java.", "(see rule)", "com.fasterxml", "Immutable");

  /**
   * Reads bad documents as the type and asserts that each fails with a {@link
   * ValidationException} whose message shows no Java class name or placeholder. The documents are
   * generic (wrong JSON kinds, unknown properties, malformed text) and, from the committed schema,
   * one per property with a value of the wrong kind.
   *
   * @param type the type
   * @return the number of documents tried
   */
  public static int assertCleanMessages(Class<?> type) {
    List<String> documents = new ArrayList<>(List.of(
        "{}", "{\"oops\":1}", "[]", "[null]", "\"text\"", "1.5", "-7", "true", "null", "{\"a\":",
        "{\"oops\":{\"deep\":[1,2]}}", "NaN", "{\"x\":NaN}", "[1,2,3]", "{\"\":null}"));
    JsonNode schema;
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource(type))) {
      assertThat(in).as("committed schema %s", resource(type)).isNotNull();
      schema = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> wrongValues = List.of("{\"oops\":true}", "\"text\"", "-1.5", "[{}]", "null",
        "99999999999999999999999", "\"2026-13-45\"", "\"1e-999999999\"");
    schema.path("properties").fieldNames().forEachRemaining(property -> {
      for (String value : wrongValues) {
        documents.add("{\"" + property + "\":" + value + "}");
      }
    });
    for (String document : documents) {
      Throwable thrown;
      try {
        ClientyieldJson.read(document, type);
        continue; // some documents are valid for some types (a string for an id)
      } catch (Throwable t) {
        thrown = t;
      }
      assertThat(thrown).as("reading %s as %s", document, name(type))
          .isInstanceOf(ValidationException.class);
      String message = thrown.getMessage();
      for (String forbidden : FORBIDDEN_IN_MESSAGES) {
        assertThat(message).as("message for %s read as %s", document, name(type))
            .doesNotContain(forbidden);
      }
    }
    return documents.size();
  }

  /**
   * The names of types, in order.
   *
   * @param types the types
   * @return the names
   */
  public static List<String> names(Collection<Class<?>> types) {
    return types.stream().map(Class::getName).collect(Collectors.toList());
  }
}
