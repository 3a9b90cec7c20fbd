/**
 * Forecasting: client-based sales plans, planning error, corrected targets, replenishment and
 * the probabilistic pipeline (DOMAIN section 5).
 *
 * <h2>Plans and their history</h2>
 *
 * A {@link io.clientyield.forecasting.PlannedDeal} is a client, a period, a planner, a manager
 * and an append-only budget history: the PLAN, any number of REFINED versions, at most one
 * ACTUAL (contracted) and at most one EXECUTED value, timestamps non-decreasing. {@code refine},
 * {@code contract} and {@code execute} return new values; nothing is overwritten.
 *
 * <h2>Planning error</h2>
 *
 * {@link io.clientyield.forecasting.PlanningErrorAccumulator} sums deals per period (overall, per
 * planner, per manager) at each step. Per period: realization ratio {@code r = executed / plan},
 * error share {@code 1 − r}, step ratios (refined / plan, actual / refined, executed / actual).
 * Over periods ({@link io.clientyield.forecasting.AccuracyMeasures}, computed by {@link
 * io.clientyield.forecasting.PlanningErrors}): {@code MAPE = mean |A − F| /
 * |A|} (empty when an actual is 0), {@code WAPE = Σ|A − F| / Σ|A|}, {@code bias = (ΣF − ΣA) /
 * ΣA}, {@code tracking signal = Σ(A − F) / MAD}. The stable error ({@link
 * io.clientyield.forecasting.RatioEstimate}): n periods, mean μ, standard deviation σ, EWMA with
 * α (default 0.3).
 *
 * <h2>Corrected targets: why 133.3 M and not 125 M</h2>
 *
 * Worked example: September contracts for 100 M were planned, refinement cut them to 80 M,
 * execution to 75 M. The realization ratio is {@code 75 / 100 = 0.75}, the error 25 % of plan.
 * To reach 100 M next time plan {@code 100 / 0.75 = 133.3 M} (EUR 133 333 333.33, rounded
 * half-even, {@code Money.ROUNDING}, to the cent): {@code (100 / 0.75) × 0.75 = 100}. The
 * additive answer adds the 25 % back, {@code 100 + 25 = 125 M}, but the 25 % loss applies to
 * the larger plan as well: {@code 125 × 0.75 = 93.75 M}, 6.25 M short. The correction is
 * multiplicative: {@code plan = target / r}. With dispersion, the plan that reaches the target
 * with confidence c is {@code target / (μ − z_c σ)} ({@code z_c = Φ⁻¹(c)}, normal model of the
 * ratio), explicitly empty when {@code μ − z_c σ ≤ 0}.
 * See {@link io.clientyield.forecasting.CorrectedTargets}.
 *
 * <h2>Replenishment</h2>
 *
 * Lost budget = Σ latest values of refused deals; prospects needed {@code = ⌈lost / (average
 * budget × conversion)⌉}; coverage {@code = weighted pipeline / target}, alert when below {@code
 * 1 / r} (or {@code 1 / (μ − z_c σ)}). See {@link io.clientyield.forecasting.Replenishment}.
 *
 * <h2>Probabilistic pipeline</h2>
 *
 * Open deals ({@link io.clientyield.forecasting.OpenPipeline}) are independent Bernoulli trials
 * with budgets {@code b_i} and win probabilities {@code p_i}; won revenue {@code X = Σ b_i W_i},
 * {@code E[X] = Σ b_i p_i}, summed exactly in {@code BigDecimal} and rounded once, half-even, to
 * the minor unit (never through {@code double}). That is the funnel's weighted pipeline, whose one
 * home is {@code io.clientyield.funnel.probability.WeightedPipelineAccumulator};
 * {@code OpenPipeline.of(deals, learnedProbabilities, currency)} is the one-call bridge from the
 * funnel's deals and stage probabilities to the forecaster, and the forecast's expected value then
 * equals the funnel's weighted total. Counts: exact Poisson-binomial by dynamic
 * programming. Amounts: exact convolution on a money grid (error ≤ {@code n × step / 2} per
 * outcome) or seeded Monte Carlo (standard error of the mean; 99 % DKW bound {@code √(ln 200 /
 * (2 trials))} on every probability). Quantiles: {@code Q(q) = min{x : P(X ≤ x) ≥ q}}. Leads
 * needed: smallest k with {@code P(X + b·Binomial(k, p) ≥ target) ≥ c}. See {@link
 * io.clientyield.forecasting.PipelineForecaster}, whose work is bounded by documented limits
 * (grid cells and work, Monte Carlo trials and deals × trials, the leads search, deals for exact
 * counts).
 *
 * <h2>Undefined and out-of-range results</h2>
 *
 * A zero denominator gives an explicit empty ({@code OptionalDouble}/{@code Optional}, with a
 * reason where the type has one), never NaN or infinity; value types reject NaN and infinity.
 * Sums kept in a {@code long} of minor units that would overflow are {@code ValidationException}s
 * naming the field, and accumulators are then unchanged.
 *
 * <p>Values are immutable and thread-safe; accumulators are mutable, one per thread, and merge.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.forecasting;
