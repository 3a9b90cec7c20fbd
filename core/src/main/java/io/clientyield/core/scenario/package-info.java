/**
 * Scenarios: the regulated process of working a client before a contract, as a validated state
 * machine, and the runs of that process per deal.
 *
 * <p>A {@link io.clientyield.core.scenario.Scenario} is built with a fluent builder: steps
 * (id, display name, optional funnel stage, optional norm in working days), labelled transitions
 * between them and endings with an {@link io.clientyield.core.Outcome}. {@code build()} checks
 * every rule at once and throws one {@link io.clientyield.core.ValidationException} naming each
 * problem's step: duplicate ids, unknown targets, unreachable steps, steps from which no outcome
 * can be reached (dead ends, trap cycles), duplicate labels in one step, no {@code WON} ending,
 * no steps.
 *
 * <pre>{@code
 * Scenario exhibition = Scenario.builder("exhibition")
 *     .start("send-info", "Send information by e-mail").stage("contact").norm(2)
 *         .on("opened").next("present", "Present the company").stage("presentation")
 *             .on("interested").next("negotiate", "Negotiate").stage("negotiation")
 *                 .on("agreed").end(Outcome.won())
 *                 .on("declined-price").end(Outcome.clientRefused("price"))
 *                 .on("no-response").next("remind", "Remind")
 *                     .on("answered").goTo("negotiate")
 *                     .on("silent").end(Outcome.clientRefused("no-response"))
 *     .step("send-info").on("bounced").end(Outcome.weDeclined("no-contact"))
 *     .step("present").on("not-interested").end(Outcome.clientRefused("interest"))
 *     .build();
 *
 * ScenarioRun run = exhibition.startRun()
 *     .advance("opened", Instant.parse("2024-03-01T09:00:00Z"), ManagerId.of("anna"));
 * }</pre>
 *
 * <p>A {@link io.clientyield.core.scenario.ScenarioRun} is an immutable value; advancing returns
 * the next run (or, with {@code tryAdvance}, a typed rejection). Runs replay from their stored
 * history, {@link io.clientyield.core.scenario.EventRules} move them on external events, and
 * definitions and runs round-trip through JSON. Scenarios export to Mermaid and Graphviz text.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.core.scenario;
