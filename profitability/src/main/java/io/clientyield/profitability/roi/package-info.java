/**
 * Value for the client, "profitability outside" (DOMAIN 4.4).
 *
 * <p>benefit = extra revenue &times; client's margin + cost savings; ROI = (benefit &minus; price) /
 * price; payback month = the first month whose cumulative benefit &ge; price (empty if never);
 * TCO = price + support + upgrades + training + integration, and the purchase price's share of
 * TCO (often 50&ndash;70 %).
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.roi;
