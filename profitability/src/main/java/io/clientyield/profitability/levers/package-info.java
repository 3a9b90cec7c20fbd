/**
 * The four levers of a professional-services firm (DOMAIN 4.3).
 *
 * <p>profit per partner = margin &times; productivity &times; leverage = profit/fees &times;
 * fees/staff &times; staff/partners. The product telescopes exactly to profit/partners. Staff include
 * the partners, so leverage &ge; 1; more partners than staff is rejected. Hourly
 * rate and utilization act through fees; project profitability through margin; delegation to
 * juniors through leverage.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.levers;
