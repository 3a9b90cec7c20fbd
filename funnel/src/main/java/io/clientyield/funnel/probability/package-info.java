/**
 * Stage win probabilities and the weighted pipeline (DOMAIN 2.4).
 *
 * <p>Every stage of a funnel carries the probability that a deal which reached it is won. The
 * table is either <b>configured</b> ({@link io.clientyield.funnel.probability.StageProbabilities#configured},
 * e.g. the IT-outsourcing table 5 / 10 / 25 / 80 / 99 / 100 %) or <b>learned</b> from closed
 * deals by {@link io.clientyield.funnel.probability.StageProbabilityLearner}:
 * <pre>
 *   P(win | reached s) = (won among closed deals that reached s + α) / (closed deals that reached s + α + β)
 * </pre>
 * with additive smoothing {@link io.clientyield.funnel.probability.StageProbabilities.Smoothing} (Laplace
 * {@code α = β = 1} by default), the sample size and a 95 % Wilson interval of the raw sample
 * reported. A deal "reached" every stage up to and including its furthest stage. Only resolved
 * (closed) deals are in the sample: the open deals that reached a stage are reported beside it
 * as in progress and never count as losses.
 *
 * <p>The weighted pipeline is {@code Σ budget × P(stage of the open deal)}
 * ({@link io.clientyield.funnel.probability.WeightedPipeline}).
 *
 * <p>Results are immutable and thread-safe; accumulators are mutable, one per thread, and merge.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.funnel.probability;
