/**
 * Client lifetime value (DOMAIN 4.7).
 *
 * <p>LTV = ARPU &times; lifetime &times; margin, where ARPU is the average revenue per paying
 * period and lifetime counts paying periods only (idle periods, with a zero payment, are netted
 * out). From a payment history, ARPU &times; lifetime is the total paid, so LTV = total &times;
 * margin. ARPU is undefined (empty) without a paying period; the margin is a finite fraction &le; 1;
 * money is non-negative and in one currency (see {@link io.clientyield.profitability.ltv.LifetimeValues}).
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.ltv;
