/**
 * Composite client rating (DOMAIN 4.5): composite = status rating + campaign rating + personal
 * rating, in integer points.
 *
 * <p>The status rating accumulates the points of each recorded campaign outcome (a {@link
 * io.clientyield.profitability.rating.StatusPoints} table); the campaign rating is set once per
 * client and campaign and counts only in that campaign; the personal rating is set once per
 * client. {@link io.clientyield.profitability.rating.ClientRatings} is the immutable book and
 * ranks clients deterministically; {@link
 * io.clientyield.profitability.rating.ClientRatings.OutcomeAccumulator} records outcomes in bulk.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.rating;
