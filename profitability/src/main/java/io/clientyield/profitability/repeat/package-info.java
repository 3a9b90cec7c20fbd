/**
 * Repeat clients: how many more purchases a client will make, whether they are still "alive",
 * what they will spend and what that is worth — the buy-till-you-die models of Fader, Hardie and
 * Lee, fitted by maximum likelihood.
 *
 * <h2>Data</h2>
 *
 * <p>{@link io.clientyield.profitability.repeat.RepeatSummaryAccumulator} folds
 * {@link io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase}s into one
 * {@link io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary} per client over a calibration period
 * ending on a given day: {@code x} = repeat purchases (the first purchase is not counted;
 * purchases on the same day count once, their amounts summed), {@code t_x} = time from the first
 * to the last purchase ({@code 0} when {@code x = 0}), {@code T} = time from the first purchase to
 * the end of calibration, and the total spend of the repeat purchases (exact
 * {@link io.clientyield.core.Money}). <b>Time unit</b>: days / {@code daysPerUnit}, 7 by default,
 * i.e. <b>weeks</b>; every time and rate of the models is in that unit.
 *
 * <h2>BG/NBD (purchases and dropout)</h2>
 *
 * <p>While alive a client buys as a Poisson process of rate λ; after each purchase they drop out
 * with probability p. λ ~ Gamma(r, α) (shape r, rate α, so α is in time units), p ~ Beta(a, b),
 * independent across clients. The likelihood of one client is
 * <pre>
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + [x &gt; 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 * </pre>
 * computed in log space with {@code log Γ} (Hipparchus {@code Gamma.logGamma}) and a log-sum-exp,
 * so it stays finite for x in the hundreds. Per client
 * ({@link io.clientyield.profitability.repeat.BgNbdModel}):
 * <ul>
 *   <li>P(alive) = 1 / (1 + [x &gt; 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)); it is 1 when
 *       x = 0 (a client can only drop out right after a purchase);</li>
 *   <li>E[Y(t) | x, t_x, T] = P(alive) · G(a, b+x, r+x, α+T, t), where
 *       G(a, B, R, A, t) = E over p ~ Beta(a, B) of (1/p)(1 − (A/(A+pt))^R) — the expected
 *       purchases in the next t of a client known to be alive — equal to the published
 *       (a+B−1)/(a−1) · [1 − (A/(A+t))^R ₂F₁(R, B; a+B−1; z)], z = t/(A+t);</li>
 *   <li>P(Y(t) = k | x, t_x, T) = (1 − P(alive))·[k = 0] + P(alive) · P(k | alive) with
 *       P(0 | alive) = (A/(A+t))^R and, for k &ge; 1,
 *       P(k | alive) = B(a+1, B+k−1)/B(a, B) · I_z(k, R) + B(a, B+k)/B(a, B) · NB_k, where
 *       NB_k = Γ(R+k)/(Γ(R) k!) (A/(A+t))^R z^k and I_z is the regularised incomplete beta
 *       function (the tail P(N &ge; k) of the negative binomial, without cancellation).</li>
 * </ul>
 * The population curve E[X(t)] (expected repeat purchases of a new client by time t since the
 * first purchase, for the tracking plot) is G(a, b, r, α, t).
 *
 * <p><b>The ₂F₁ series.</b> With Euler's transformation
 * ₂F₁(R, B; c; z) = (1−z)^(c−R−B) ₂F₁(c−R, a−1; c; z), c = a+B−1, G becomes
 * <pre>
 *   G = c · (1 − (1−z)^(a−1))/(a−1) − (1−z)^(a−1) · Σ_{n≥1} T_n,
 *   T_1 = (c−R) z,  T_{n+1} = T_n · (c−R+n)(a+n−1) z / ((c+n)(n+1)),
 * </pre>
 * which has no pole at a = 1 (the first ratio is taken as −ln(1−z) there) nor at c &le; 0,
 * divides only by c+n &gt; 0, and whose terms are of one sign once n &gt; R−c = r+1−a−b (a
 * number independent of x, so large x costs nothing). Once n+1 &gt; R−c, every further ratio is
 * at most ρ = z·(1 + max(0, a−2)/(n+2)) &lt; 1, so the tail after T_{n+1} is at most
 * |T_{n+1}|·ρ/(1−ρ); the sum stops when that bound is below 10⁻¹⁵ of the sum. The terms fall
 * like zⁿ: about 36/(1−z) terms; horizons are limited to t &le; 9 999·(A) (z &le; 0.9999, at
 * most about 400 000 terms), beyond which a {@link io.clientyield.core.ValidationException} names t.
 *
 * <h2>Gamma-Gamma (spend per purchase)</h2>
 *
 * <p>A client's purchase amounts are Gamma(p, ν) with ν ~ Gamma(q, γ) across clients, independent
 * of the purchase process. For a client with x &gt; 0 repeat purchases of mean z̄ &gt; 0:
 * <pre>
 *   log L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)
 * </pre>
 * and the conditional expected spend per purchase is
 * E[Z | x, z̄] = p(γ + x z̄)/(px + q − 1) (finite when px + q &gt; 1; for a new client it is the
 * population mean pγ/(q−1)). The model assumes spend independent of frequency: the fit reports
 * the Pearson correlation of x and z̄ over the fitted clients. Spend in the model is a
 * {@code double} in the currency's major units (statistics, not bookkeeping); the money results
 * are rounded back into {@link io.clientyield.core.Money}.
 *
 * <h2>Fitting</h2>
 *
 * <p>{@link io.clientyield.profitability.repeat.BgNbdFitter} and
 * {@link io.clientyield.profitability.repeat.GammaGammaFitter} maximize the log-likelihood over
 * the logarithms of the parameters (so every parameter stays positive) with Hipparchus'
 * Nelder-Mead simplex: start at every parameter = 1 (log = 0), initial simplex steps 1 in log
 * space, convergence when every vertex's value moves by less than 10⁻¹² relative or 10⁻¹⁰
 * absolute between iterations, then one restart from the optimum with steps 0.1 (Nelder-Mead can
 * stall; the restart costs little and makes the optimum reliable). Clients with equal (x, t_x, T)
 * are counted once with a weight. Everything is deterministic: the same data gives the same
 * parameters, bit for bit. Standard errors come from the numerical Hessian of the negative
 * log-likelihood in log-parameters (central differences, step 10⁻⁴), inverted, and carried to
 * the parameters by the delta method (SE(θ) = θ · SE(ln θ)); they are empty when that Hessian is
 * not positive definite.
 *
 * <h2>Lifetime value</h2>
 *
 * <p>{@link io.clientyield.profitability.repeat.RepeatValuation}: CLV = margin × E[Z | x, z̄] ×
 * Σ_{k=1..K} (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1+d)^k over K steps of length Δ at a discount rate d
 * per step, per client and for a segment; it converts into a
 * {@link io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue} and gives the portfolio matrix an
 * attractiveness criterion.
 *
 * <p>Results are records with JSON forms; no method returns NaN or an infinity (an undefined value
 * is an empty {@code Optional}/{@code OptionalDouble}).
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.profitability.repeat;
