/**
 * Test support for code that uses clientyield, and for the library's own tests: the laws every
 * {@link io.clientyield.core.Accumulator} obeys ({@link io.clientyield.testkit.AccumulatorLaws}),
 * the JSON round-trip assertion ({@link io.clientyield.testkit.JsonAssertions}), QuickTheories
 * generators of the core vocabulary ({@link io.clientyield.testkit.CoreGenerators}) and the checks
 * of the Jazzer fuzz tests ({@link io.clientyield.testkit.FuzzChecks}).
 *
 * <p>Use it in test scope. It brings QuickTheories and AssertJ; {@code FuzzChecks} also needs
 * {@code com.code-intelligence:jazzer-api}, an optional dependency the user adds when fuzzing.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.testkit;
