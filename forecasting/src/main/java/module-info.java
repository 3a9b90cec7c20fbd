/**
 * clientyield forecasting: client-based sales plans and their planning error, corrected targets,
 * replenishment, and the probabilistic pipeline (distributions of won revenue and won deals).
 *
 * <p>Builds on funnel: {@link io.clientyield.forecasting.OpenPipeline#of} turns the funnel's open
 * deals and learned stage probabilities into the forecaster's input, so funnel's types are part of
 * this module's API ({@code requires transitive}). Value types are opened to Jackson, which reads
 * and writes them.
 */
module io.clientyield.forecasting {
  requires transitive io.clientyield.core;
  requires transitive io.clientyield.funnel;
  requires hipparchus.core;

  exports io.clientyield.forecasting;
  exports io.clientyield.forecasting.horizon;

  opens io.clientyield.forecasting to com.fasterxml.jackson.databind;
  opens io.clientyield.forecasting.horizon to com.fasterxml.jackson.databind;
}
