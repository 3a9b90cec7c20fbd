/**
 * Project and phase profitability from timesheets, "profitability inside" (DOMAIN 4.1).
 *
 * <p>cost = &Sigma; hours &times; cost rate (per person or role) + direct expenses; revenue = the
 * fixed fee, or for time and materials &Sigma; billable hours &times; bill rate; profit = revenue
 * &minus; cost (exact); margin = profit / revenue; markup = profit / cost; effective realized
 * hourly rate = revenue / hours. Hours are whole minutes, so sums are exact; money is rounded
 * half-even ({@code Money.ROUNDING}) once per worker when the result is taken, so merge equals concatenation exactly.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.project;
