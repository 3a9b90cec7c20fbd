package io.clientyield.core.scenario;

import io.clientyield.core.Outcome;

/**
 * Ready-made scenarios to start from. Stateless and thread-safe; every call returns an equal,
 * immutable scenario.
 */
public final class ScenarioTemplates {
  private ScenarioTemplates() {}

  /**
   * The customer life cycle: attraction → interest → evaluation → purchase → loyalty, one stage
   * per step. Losses: no response at attraction ({@code CLIENT_REFUSED(no-response)}), no interest
   * ({@code CLIENT_REFUSED(interest)}), refusal on price or on the competitor's offer during
   * evaluation, a client we do not qualify ({@code WE_DECLINED(not-qualified)}), and a purchase
   * that is not completed ({@code CLIENT_REFUSED(timing)}). From loyalty the client repeats
   * ({@code WON}) or churns ({@code CLIENT_REFUSED(churn)}); evaluation may loop back to interest
   * for a new offer.
   *
   * @return the scenario
   */
  public static Scenario customerLifeCycle() {
    return Scenario.builder("customer-life-cycle")
        .start("attraction", "Attraction").stage("attraction")
            .on("responded").next("interest", "Interest").stage("interest")
                .on("interested").next("evaluation", "Evaluation").stage("evaluation")
                    .on("accepted").next("purchase", "Purchase").stage("purchase")
                        .on("paid").next("loyalty", "Loyalty").stage("loyalty")
                            .on("repeat-order").end(Outcome.won())
                            .on("churned").end(Outcome.clientRefused("churn"))
        .step("attraction").on("no-response").end(Outcome.clientRefused("no-response"))
        .step("interest")
            .on("not-interested").end(Outcome.clientRefused("interest"))
            .on("not-qualified").end(Outcome.weDeclined("not-qualified"))
        .step("evaluation")
            .on("new-offer").goTo("interest")
            .on("declined-price").end(Outcome.clientRefused("price"))
            .on("chose-competitor").end(Outcome.clientRefused("competitor"))
        .step("purchase").on("not-completed").end(Outcome.clientRefused("timing"))
        .build();
  }
}
