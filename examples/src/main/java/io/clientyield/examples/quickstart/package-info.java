/**
 * Four small programs, one per library module, meant to be read and copied into a CRM's code.
 *
 * <ul>
 *   <li>{@code CoreQuickstart}: money, proportions with a
 *       Wilson interval, working days, a scenario built with the DSL, a run, JSON and Mermaid.
 *   <li>{@code FunnelQuickstart}: deals, the stage funnel and
 *       its weakest stage, cross statistics per manager, learned stage probabilities, the weighted
 *       pipeline and lead economics.
 *   <li>{@code ProfitabilityQuickstart}: project profitability
 *       from timesheets, pricing an hour, the four levers, client ROI, ratings and the portfolio
 *       matrix.
 *   <li>{@code ForecastingQuickstart}: planned deals, planning
 *       error, corrected targets, replenishment and the probabilistic pipeline.
 * </ul>
 *
 * <p>Each takes no arguments, uses the worked numbers of the domain specification and prints a
 * few lines. Run one with {@code mvn -q -pl examples -am -DskipTests package exec:java
 * -Dexec.mainClass=io.clientyield.examples.quickstart.CoreQuickstart} (see
 * {@code examples/QUICKSTART.md}).
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.examples.quickstart;
