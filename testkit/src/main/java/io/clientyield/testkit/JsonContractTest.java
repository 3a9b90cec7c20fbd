package io.clientyield.testkit;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A module's JSON contract as JUnit tests: the committed schemas match the code (regenerate them
 * with {@code -Dclientyield.schema.update=true}), every type with a JSON form is listed as a
 * document or excluded with a reason, every document has a sample that validates against its
 * schema, and no read error shows a Java class name. A module's test extends it and names its
 * package, documents, exclusions and extra samples.
 */
public abstract class JsonContractTest {

  /** Creates the tests. */
  protected JsonContractTest() {}

  /**
   * The module's short name, the folder of its schemas ({@code core}, {@code funnel}, ...).
   *
   * @return the name
   */
  protected abstract String module();

  /**
   * The types with a committed schema.
   *
   * @return the documents, never empty
   */
  protected abstract List<Class<?>> documents();

  /**
   * Types with a JSON form that are not documents of their own.
   *
   * @return the excluded types
   */
  protected abstract Set<Class<?>> excluded();

  /**
   * Samples of documents that no round-trip test of the module covers.
   *
   * @return the samples by type; empty by default
   */
  protected Map<Class<?>, Object> samples() {
    return Map.of();
  }

  @Test
  void committedSchemasMatchTheCode() {
    JsonSchemas.checkCommitted(module(), documents());
  }

  @Test
  void everyTypeWithAJsonFormIsListed() {
    JsonSchemas.assertListed(documents().get(0), "io.clientyield." + module(), documents(), excluded());
  }

  @Test
  void everyDocumentHasAValidatedSample() {
    JsonSchemas.assertSampled(documents(), samples().keySet());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void samplesValidateAgainstTheirCommittedSchema() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    for (Map.Entry<Class<?>, Object> e : samples().entrySet()) {
      assertJsonRoundTrip(e.getValue(), (Class) e.getKey());
    }
  }

  @Test
  void readErrorsNeverShowJavaNames() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    int tried = 0;
    for (Class<?> type : documents()) {
      tried += JsonSchemas.assertCleanMessages(type);
    }
    assertThat(tried).isGreaterThan(documents().size() * 10);
  }
}
