package io.clientyield.forecasting;

import io.clientyield.testkit.JsonContractTest;
import java.util.List;
import java.util.Set;

/**
 * Forecasting's JSON contract (see {@link JsonContractTest}): the documents and exclusions are
 * listed in {@link ForecastingJsonTypes}; every document has a round-trip test, so no extra
 * samples are needed.
 */
class JsonSchemaTest extends JsonContractTest {

  @Override
  protected String module() {
    return "forecasting";
  }

  @Override
  protected List<Class<?>> documents() {
    return ForecastingJsonTypes.DOCUMENTS;
  }

  @Override
  protected Set<Class<?>> excluded() {
    return ForecastingJsonTypes.EXCLUDED.keySet();
  }
}
