package io.clientyield.profitability;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.testkit.JsonContractTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Profitability's JSON contract (see {@link JsonContractTest}): the documents and exclusions are
 * listed in {@link ProfitabilityJsonTypes}.
 */
class JsonSchemaTest extends JsonContractTest {

  /** Samples of documents that no round-trip test of the module covers. */
  static final Map<Class<?>, Object> SAMPLES = Map.of(
      Purchase.class, new Purchase(ClientId.of("c-1"), LocalDate.of(1997, 1, 1), Money.of("29.33", "USD")));

  @Override
  protected String module() {
    return "profitability";
  }

  @Override
  protected List<Class<?>> documents() {
    return ProfitabilityJsonTypes.DOCUMENTS;
  }

  @Override
  protected Set<Class<?>> excluded() {
    return ProfitabilityJsonTypes.EXCLUDED.keySet();
  }

  @Override
  protected Map<Class<?>, Object> samples() {
    return SAMPLES;
  }
}
