package io.clientyield.funnel;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clientyield.testkit.JsonSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Funnel's JSON contract: the committed schemas match the code (regenerate with
 * {@code -Dclientyield.schema.update=true}), every type with a JSON form is listed in
 * {@link FunnelJsonTypes}, every document has a sample that validates, and no read error shows a
 * Java class name.
 */
class JsonSchemaTest {

  /** Samples of documents that no round-trip test of the module covers. */
  private static final Map<Class<?>, Object> SAMPLES = Map.of(
      Stages.class, Stages.of("contact", "presentation", "proposal"));

  @Test
  void committedSchemasMatchTheCode() {
    JsonSchemas.checkCommitted("funnel", FunnelJsonTypes.DOCUMENTS);
  }

  @Test
  void everyTypeWithAJsonFormIsListed() {
    JsonSchemas.assertListed(FunnelJsonTypes.DOCUMENTS.get(0), "io.clientyield.funnel", FunnelJsonTypes.DOCUMENTS,
        FunnelJsonTypes.EXCLUDED.keySet());
  }

  @Test
  void everyDocumentHasAValidatedSample() {
    JsonSchemas.assertSampled(FunnelJsonTypes.DOCUMENTS, SAMPLES.keySet());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void samplesValidateAgainstTheirCommittedSchema() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    for (Map.Entry<Class<?>, Object> e : SAMPLES.entrySet()) {
      assertJsonRoundTrip(e.getValue(), (Class) e.getKey());
    }
  }

  @Test
  void readErrorsNeverShowJavaNames() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    int tried = 0;
    for (Class<?> type : FunnelJsonTypes.DOCUMENTS) {
      tried += JsonSchemas.assertCleanMessages(type);
    }
    assertThat(tried).isGreaterThan(FunnelJsonTypes.DOCUMENTS.size() * 10);
  }
}
