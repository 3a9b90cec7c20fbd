/**
 * Lead economics (DOMAIN.md section 3): the website chain, its metrics, channel comparison and
 * the inverse questions.
 *
 * <p>Formulas (counts are <em>expected counts</em>, fractional doubles, rounded only for
 * display; rates are doubles in [0, 1]; money is exact {@link io.clientyield.core.Money},
 * rounded once to the minor unit):
 * <ul>
 *   <li>visits = queries × CTR; leads = visits × site conversion; contracts = leads × Cr;
 *       revenue = contracts × average check = leads × Cr × check; spend = clicks × CPC.</li>
 *   <li>CPL = spend / leads (the source material wrote it upside down as leads / spend; this
 *       is the correct rule), CAC = spend / contracts, cost per visitor = spend / visits, cost
 *       per call = spend / calls, revenue per visitor = revenue / visits, profit per visitor =
 *       (revenue × margin − spend) / visits. An inquiry is a lead: cost per inquiry = CPL,
 *       turnover from inquiries = revenue.</li>
 *   <li>ROMI = (revenue × gross margin − spend) / spend.</li>
 * </ul>
 * {@link io.clientyield.funnel.leads.LeadEconomics} holds one channel and period;
 * {@link io.clientyield.funnel.leads.ChannelComparison} ranks channels by CPL, CAC and ROMI
 * using each channel's own Cr (lead maturity) where known;
 * {@link io.clientyield.funnel.leads.RevenueTargetPlan} and
 * {@link io.clientyield.funnel.leads.CostCeilings} answer the inverse questions;
 * {@link io.clientyield.funnel.leads.LeverRanking} ranks the levers. ReportingPeriod scaling is explicit:
 * {@link io.clientyield.funnel.leads.PeriodScale}, e.g. 365 days per year.
 */
@io.clientyield.core.internal.ClientyieldStyle
@org.jspecify.annotations.NullMarked
package io.clientyield.funnel.leads;
