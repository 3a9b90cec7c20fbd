/**
 * The 3 × 3 client portfolio matrix (DOMAIN 4.6): relationship strength (weak / medium /
 * strong) × attractiveness (low / medium / high).
 *
 * <p>Each axis score is the weighted mean, in [0, 1], of criteria normalized by the caller's
 * choice (min-max over the clients, percentile rank, or clamped fixed bounds), turned around for
 * lower-is-better criteria. A criterion a client has no value for is skipped and the remaining
 * weights renormalized (reported in the placement); a client with no value on any criterion of an
 * axis is rejected. Scores are cut into three levels at configurable cut points (default 1/3,
 * 2/3): score &lt; low → first level, score &lt; high → second, else third. Each cell has a
 * strategy, data a CRM can override ({@link io.clientyield.profitability.portfolio.PortfolioMatrix.Strategies}).
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.portfolio;

import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategies;