/**
 * Monthly review of completed projects and phases (DOMAIN 4.1): totals by month, PM and client,
 * the distribution of margins (min, quartiles, max), a suggested standard, and each PM's KPI.
 *
 * <p>Quantiles use linear interpolation between order statistics (position p &times; (n &minus; 1)
 * in the sorted margins). The suggested standard is the chosen percentile of the historical
 * margins (the median unless configured): a target most past projects reached or half of them
 * reached, stated by the caller. A project hits the target when its margin &ge; target; a project
 * without revenue (undefined margin) misses. Distance = margin &minus; target.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.review;
