/**
 * Lead economics (DOMAIN.md section 3): the website chain and the metrics derived from it.
 *
 * <p>Formulas (all counts are <em>expected counts</em>, fractional doubles, rounded only for
 * display):
 * <ul>
 *   <li>visits = queries × CTR; leads = visits × site conversion; contracts = leads × Cr;
 *       revenue = contracts × average check (money); spend = clicks × CPC (money).</li>
 *   <li>CPL = spend / leads (the source material wrote it upside down as leads / spend; this
 *       is the correct rule). CAC = spend / contracts. Cost per visitor = spend / visits.</li>
 *   <li>ROMI = (revenue × gross margin − spend) / spend.</li>
 * </ul>
 * Money divisions round to the currency scale with {@link java.math.RoundingMode#HALF_EVEN}.
 * Period scaling is explicit: {@link io.clientyield.funnel.leads.LeadEconomics#scaledBy(double)}
 * with a stated factor such as 365 days per year.
 */
package io.clientyield.funnel.leads;
