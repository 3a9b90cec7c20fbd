/**
 * The main example, {@link io.clientyield.examples.ProfitabilityReview}: a profitability review of
 * the bundled "CRM Sales Opportunities" export using every module of the library. Not a library
 * package: the examples module is neither installed nor deployed.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.examples;
