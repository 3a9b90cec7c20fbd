/**
 * clientyield funnel: the stage funnel, cross statistics per group, stage win probabilities and
 * the weighted pipeline, time in stage and sales velocity, and lead economics.
 *
 * <p>Exports its API packages; {@code io.clientyield.funnel.internal} (the primitive deal path,
 * the event folders, the working-day histogram and the significance tests) is not exported.
 * Value packages are opened to Jackson, which reads and writes them.
 */
module io.clientyield.funnel {
  requires transitive io.clientyield.core;
  requires hipparchus.core;

  exports io.clientyield.funnel;
  exports io.clientyield.funnel.probability;
  exports io.clientyield.funnel.time;
  exports io.clientyield.funnel.leads;
  exports io.clientyield.funnel.survival;

  opens io.clientyield.funnel to com.fasterxml.jackson.databind;
  opens io.clientyield.funnel.probability to com.fasterxml.jackson.databind;
  opens io.clientyield.funnel.time to com.fasterxml.jackson.databind;
  opens io.clientyield.funnel.leads to com.fasterxml.jackson.databind;
  opens io.clientyield.funnel.survival to com.fasterxml.jackson.databind;
}
