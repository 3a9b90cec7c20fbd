package io.clientyield.funnel;

import io.clientyield.testkit.JsonContractTest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Funnel's JSON contract: the committed schemas match the code (regenerate with
 * {@code -Dclientyield.schema.update=true}), every type with a JSON form is listed in
 * {@link FunnelJsonTypes}, every document has a sample that validates, and no read error shows a
 * Java class name.
 */
class JsonSchemaTest extends JsonContractTest {

  /** Samples of documents that no round-trip test of the module covers. */
  static final Map<Class<?>, Object> SAMPLES = Map.of(
      Stages.class, Stages.of("contact", "presentation", "proposal"));

  @Override
  protected String module() {
    return "funnel";
  }

  @Override
  protected List<Class<?>> documents() {
    return FunnelJsonTypes.DOCUMENTS;
  }

  @Override
  protected Set<Class<?>> excluded() {
    return FunnelJsonTypes.EXCLUDED.keySet();
  }

  @Override
  protected Map<Class<?>, Object> samples() {
    return SAMPLES;
  }
}
