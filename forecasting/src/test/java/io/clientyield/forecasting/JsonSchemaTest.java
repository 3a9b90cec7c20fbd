package io.clientyield.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clientyield.testkit.JsonSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forecasting's JSON contract: the committed schemas match the code (regenerate with
 * {@code -Dclientyield.schema.update=true}), every type with a JSON form is listed in
 * {@link ForecastingJsonTypes}, every document has a sample that validates, and no read error shows a
 * Java class name.
 */
class JsonSchemaTest {

  /** Samples of documents that no round-trip test of the module covers: none, all are. */
  private static final Map<Class<?>, Object> SAMPLES = Map.of();

  @Test
  void committedSchemasMatchTheCode() {
    JsonSchemas.checkCommitted("forecasting", ForecastingJsonTypes.DOCUMENTS);
  }

  @Test
  void everyTypeWithAJsonFormIsListed() {
    JsonSchemas.assertListed(ForecastingJsonTypes.DOCUMENTS.get(0), "io.clientyield.forecasting", ForecastingJsonTypes.DOCUMENTS,
        ForecastingJsonTypes.EXCLUDED.keySet());
  }

  @Test
  void everyDocumentHasAValidatedSample() {
    JsonSchemas.assertSampled(ForecastingJsonTypes.DOCUMENTS, SAMPLES.keySet());
  }

  @Test
  void readErrorsNeverShowJavaNames() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    int tried = 0;
    for (Class<?> type : ForecastingJsonTypes.DOCUMENTS) {
      tried += JsonSchemas.assertCleanMessages(type);
    }
    assertThat(tried).isGreaterThan(ForecastingJsonTypes.DOCUMENTS.size() * 10);
  }
}
