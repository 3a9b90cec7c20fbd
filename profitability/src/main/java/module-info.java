/**
 * clientyield profitability: project and client profitability from timesheets, the monthly review,
 * hourly pricing and the margin/markup vocabulary, the four levers, client ROI and TCO, the
 * composite client rating, the 3 &times; 3 portfolio matrix and lifetime value.
 *
 * <p>Exports its API packages; every value package is opened to Jackson, which reads and writes
 * the records.
 */
module io.clientyield.profitability {
  requires transitive io.clientyield.core;
  requires hipparchus.core;
  requires hipparchus.optim;

  exports io.clientyield.profitability.levers;
  exports io.clientyield.profitability.ltv;
  exports io.clientyield.profitability.portfolio;
  exports io.clientyield.profitability.pricing;
  exports io.clientyield.profitability.project;
  exports io.clientyield.profitability.rating;
  exports io.clientyield.profitability.repeat;
  exports io.clientyield.profitability.review;
  exports io.clientyield.profitability.roi;

  opens io.clientyield.profitability.levers to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.ltv to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.portfolio to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.pricing to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.project to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.rating to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.repeat to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.review to com.fasterxml.jackson.databind;
  opens io.clientyield.profitability.roi to com.fasterxml.jackson.databind;
}
