package io.clientyield.profitability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clientyield.testkit.JsonSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Profitability's JSON contract: the committed schemas match the code (regenerate with
 * {@code -Dclientyield.schema.update=true}), every type with a JSON form is listed in
 * {@link ProfitabilityJsonTypes}, every document has a sample that validates, and no read error shows a
 * Java class name.
 */
class JsonSchemaTest {

  /** Samples of documents that no round-trip test of the module covers: none, all are. */
  private static final Map<Class<?>, Object> SAMPLES = Map.of(
      io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase.class,
      new io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase(
          io.clientyield.core.ClientId.of("c-1"), java.time.LocalDate.of(1997, 1, 1),
          io.clientyield.core.Money.of("29.33", "USD")));

  @Test
  void committedSchemasMatchTheCode() {
    JsonSchemas.checkCommitted("profitability", ProfitabilityJsonTypes.DOCUMENTS);
  }

  @Test
  void everyTypeWithAJsonFormIsListed() {
    JsonSchemas.assertListed(ProfitabilityJsonTypes.DOCUMENTS.get(0), "io.clientyield.profitability", ProfitabilityJsonTypes.DOCUMENTS,
        ProfitabilityJsonTypes.EXCLUDED.keySet());
  }

  @Test
  void everyDocumentHasAValidatedSample() {
    JsonSchemas.assertSampled(ProfitabilityJsonTypes.DOCUMENTS, SAMPLES.keySet());
  }

  @Test
  void readErrorsNeverShowJavaNames() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    int tried = 0;
    for (Class<?> type : ProfitabilityJsonTypes.DOCUMENTS) {
      tried += JsonSchemas.assertCleanMessages(type);
    }
    assertThat(tried).isGreaterThan(ProfitabilityJsonTypes.DOCUMENTS.size() * 10);
  }
}
