/**
 * clientyield core: money, proportions, typed ids, periods, the business calendar, validation
 * errors, the JSON mapper and the scenario DSL. Every other module of the library builds on it.
 *
 * <p>Exports its API packages; {@code io.clientyield.core.internal} (argument checks) is exported
 * only to the library's own modules. Value packages are opened to Jackson, which reads and
 * writes them.
 */
module io.clientyield.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires hipparchus.core;
  requires transitive org.jspecify;

  exports io.clientyield.core;
  exports io.clientyield.core.json;
  exports io.clientyield.core.scenario;
  exports io.clientyield.core.internal to
      io.clientyield.funnel,
      io.clientyield.profitability,
      io.clientyield.forecasting;

  opens io.clientyield.core to com.fasterxml.jackson.databind;
  opens io.clientyield.core.scenario to com.fasterxml.jackson.databind;
}
