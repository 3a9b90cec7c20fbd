/**
 * Lead economics (DOMAIN.md section 3): the website chain, its metrics, channel comparison and
 * the inverse questions.
 *
 * <p>Shape: {@link io.clientyield.funnel.leads.LeadInputs} records what was given (built with its
 * builder or read from JSON; contradictions are rejected there);
 * {@link io.clientyield.funnel.leads.LeadEconomics} answers the forward questions (its
 * {@link io.clientyield.funnel.leads.LeadMetrics}, a
 * {@link io.clientyield.funnel.leads.ChannelComparison}, a
 * {@link io.clientyield.funnel.leads.LeverRanking});
 * {@link io.clientyield.funnel.leads.LeadTargets} answers the inverse ones ("what is needed to
 * reach a target": a {@link io.clientyield.funnel.leads.RevenueTargetPlan}, leads needed,
 * {@link io.clientyield.funnel.leads.CostCeilings}). The solver that derives the missing values
 * is package-private.
 *
 * <p>Formulas (counts are <em>expected counts</em>, fractional doubles, rounded only for
 * display; rates are doubles in [0, 1]; money is exact {@link io.clientyield.core.Money},
 * rounded once to the minor unit with {@link io.clientyield.core.Money#ROUNDING}):
 * <ul>
 *   <li>visits = queries × CTR; leads = visits × site conversion; contracts = leads × Cr;
 *       revenue = contracts × average check = leads × Cr × check; spend = paid clicks × CPC.</li>
 *   <li>CPL = spend / leads (the source material wrote it upside down as leads / spend; this
 *       is the correct rule), CAC = spend / contracts, cost per visitor = spend / visits, cost
 *       per call = spend / calls, revenue per visitor = revenue / visits, profit per visitor =
 *       (revenue × margin − spend) / visits. An inquiry is a lead: cost per inquiry = CPL,
 *       turnover from inquiries = revenue.</li>
 *   <li>ROMI = (revenue × gross margin − spend) / spend.</li>
 *   <li>leads needed = shortfall / (check × Cr); contracts needed = shortfall / check.</li>
 * </ul>
 *
 * <p><b>One rule for paid clicks:</b> only {@link io.clientyield.funnel.leads.LeadQuantity#CLICKS}
 * (given, or derived as spend / CPC) counts paid clicks; visits are never taken as paid clicks.
 * With a CPC but no clicks there is therefore no spend and no CPC ceiling.
 *
 * <p><b>Periods</b> are labels of what the counts are per ({@code day}, {@code year}, or a
 * {@link io.clientyield.core.ReportingPeriod}'s label); scaling is explicit,
 * {@link io.clientyield.funnel.leads.PeriodScale}, e.g. 365 days per year, and keeps the label.
 */
package io.clientyield.funnel.leads;
