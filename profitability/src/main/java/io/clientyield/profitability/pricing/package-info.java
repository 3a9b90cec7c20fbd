/**
 * Pricing an hour of a specialist (DOMAIN 4.2) and the margin/markup vocabulary.
 *
 * <ul>
 *   <li>fully loaded cost per hour = (salary + payroll taxes + overhead share) / (working hours
 *       &times; utilization); at 50 % utilization the cost per hour is twice the cost at 100 %;
 *   <li>price for a target margin m = cost / (1 &minus; m);
 *   <li>price for a target markup k = cost &times; (1 + k);
 *   <li>margin = profit / revenue, markup = profit / cost; m = k / (1 + k), k = m / (1 &minus; m).
 * </ul>
 *
 * <p>Money amounts are {@link io.clientyield.core.Money}; ratios are doubles (0.25 means 25 %);
 * an undefined ratio is an empty {@link java.util.OptionalDouble}.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.pricing;
