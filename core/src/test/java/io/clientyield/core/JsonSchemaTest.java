package io.clientyield.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.core.scenario.RunSnapshot;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioDefinition;
import io.clientyield.core.scenario.ScenarioRun;
import io.clientyield.testkit.JsonContractTest;
import io.clientyield.testkit.JsonSchemas;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Core's JSON contract: the committed schemas match the code (regenerate with
 * {@code -Dclientyield.schema.update=true}), every type with a JSON form is listed in
 * {@link CoreJsonTypes}, every document has a sample that validates, and no read error shows a
 * Java class name.
 */
class JsonSchemaTest extends JsonContractTest {

  private static final Scenario LIFE_CYCLE = Scenario.customerLifeCycle();

  /** Samples of documents that no round-trip test of the module covers. */
  static final Map<Class<?>, Object> SAMPLES = Map.of(
      Scenario.class, LIFE_CYCLE,
      ScenarioDefinition.class, LIFE_CYCLE.definition());

  @Test
  void aRunIsStoredAsItsSnapshot() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    ScenarioRun run = LIFE_CYCLE.startRun();
    JsonSchemas.assertValid(RunSnapshot.class, ClientyieldJson.write(run.snapshot()));
  }

  @Test
  void aDocumentOfTheWrongShapeFailsValidation() {
    assumeFalse(JsonSchemas.updating(), "the committed schemas are being regenerated");
    assertThat(JsonSchemas.validate(Money.class, "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"x\":1}"))
        .isNotEmpty();
    assertThat(JsonSchemas.validate(Money.class, "{\"amount\":1.00,\"currency\":\"EUR\"}"))
        .isNotEmpty();
    assertThat(JsonSchemas.validate(Money.class, "{\"amount\":\"1.00\",\"currency\":\"EUR\"}"))
        .isEmpty();
  }

  @Test
  void aChangedSchemaIsShownWithItsFirstDifferingLine() {
    assertThat(JsonSchemas.diffHint("a\nb\nc\n", "a\nx\nc\n"))
        .contains("line 2").contains("- committed: b").contains("+ generated: x");
  }

  @Test
  void schemaIdsCarryTheSchemaVersion() {
    assertThat(JsonSchemas.id(Money.class))
        .isEqualTo("https://clientyield.io/schema/" + ClientyieldJson.SCHEMA_VERSION
            + "/core/Money.schema.json");
    assertThat(List.of(JsonSchemas.generate(Money.class).path("$id").asText()))
        .containsExactly(JsonSchemas.id(Money.class));
  }

  @Override
  protected String module() {
    return "core";
  }

  @Override
  protected List<Class<?>> documents() {
    return CoreJsonTypes.DOCUMENTS;
  }

  @Override
  protected Set<Class<?>> excluded() {
    return CoreJsonTypes.EXCLUDED.keySet();
  }

  @Override
  protected Map<Class<?>, Object> samples() {
    return SAMPLES;
  }
}
