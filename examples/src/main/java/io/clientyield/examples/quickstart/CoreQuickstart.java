package io.clientyield.examples.quickstart;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.core.scenario.Scenario;
import io.clientyield.core.scenario.ScenarioRun;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The {@code core} module in one page: exact money, a conversion with its 95 % Wilson interval,
 * working days, the exhibition scenario built with the DSL, one run of it, its JSON and its
 * Mermaid diagram.
 */
public final class CoreQuickstart {
  private CoreQuickstart() {}

  /**
   * Runs the example and prints its results.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    // Money is exact (BigDecimal with a currency): no 0.30000000000000004, no lost cent.
    Money budget = Money.of("100000.00", "EUR");
    List<Money> parts = budget.allocate(1, 1, 1); // the parts always sum to the whole
    MoneyAccumulator total = new MoneyAccumulator(budget.currency()); // fast exact sums
    parts.forEach(total::add);
    System.out.println("Budget split 1:1:1:   " + parts + " (sum " + total.result() + ")");
    Money exact = Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"));
    System.out.println("0.10 + 0.20 =         " + exact);

    // A conversion is a Proportion: 3 contracts of 100 clients (DOMAIN 2.3), with its interval.
    Proportion conversion = Proportion.of(3, 100);
    ConfidenceInterval ci = conversion.wilson95().orElseThrow(); // empty only when there are no trials
    System.out.printf(Locale.ROOT,
        "Conversion:           %d of %d = %.1f %%, 95 %% Wilson [%.4f, %.4f]%n",
        conversion.successes(), conversion.trials(), conversion.value().orElseThrow() * 100,
        ci.lower(), ci.upper());

    // Working days: weekends and holidays are configurable.
    BusinessCalendar calendar = BusinessCalendar.MONDAY_TO_FRIDAY
        .withHolidays(List.of(LocalDate.of(2026, 12, 25)));
    LocalDate friday = LocalDate.of(2026, 11, 20);
    System.out.println("2 working days after  " + friday + ": "
        + calendar.plusWorkingDays(friday, 2));
    System.out.println("Working days 12/2026: "
        + calendar.workingDaysBetween(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 31)));

    // The exhibition scenario: send info by e-mail -> present -> negotiate (-> remind) -> contract.
    // build() checks every rule at once (reachability, dead ends, a WON ending...).
    Scenario exhibition = Scenario.builder("exhibition")
        .start("send-info", "Send information by e-mail").stage("contact").norm(2)
            .on("opened").next("present", "Present the company").stage("presentation").norm(5)
                .on("interested").next("negotiate", "Negotiate").stage("negotiation").norm(10)
                    .on("agreed").next("contract", "Sign the contract").stage("contract")
                        .on("signed").end(Outcome.won())
                        .on("withdrawn").end(Outcome.clientRefused("timing"))
        .step("negotiate")
            .on("declined-price").end(Outcome.clientRefused("price"))
            .on("no-response").next("remind", "Remind").norm(3)
                .on("answered").goTo("negotiate")
                .on("silent").end(Outcome.clientRefused("no-response"))
        .step("send-info").on("bounced").end(Outcome.weDeclined("no-contact"))
        .step("present").on("not-interested").end(Outcome.clientRefused("interest"))
        .build();
    System.out.println("Scenario stages:      " + exhibition.stageOrder()
        + ", outcomes " + exhibition.outcomes());

    // A run is an immutable value; advance(label, at, by) returns the next run.
    ManagerId anna = ManagerId.of("anna");
    ScenarioRun run = exhibition.startRun()
        .advance("opened", Instant.parse("2026-03-02T09:00:00Z"), anna)
        .advance("interested", Instant.parse("2026-03-05T14:00:00Z"), anna)
        .advance("no-response", Instant.parse("2026-03-12T10:00:00Z"), anna)
        .advance("answered", Instant.parse("2026-03-16T11:30:00Z"), ManagerId.of("boris"))
        .advance("agreed", Instant.parse("2026-03-20T16:00:00Z"), anna);
    try { // a wrong label is an error that names what is allowed; the run is unchanged
      run.advance("paid", Instant.parse("2026-03-21T09:00:00Z"), anna);
    } catch (ValidationException e) {
      System.out.println("Wrong label:          " + e.getMessage());
    }
    run = run.advance("signed", Instant.parse("2026-03-23T12:00:00Z"), anna);
    System.out.println("Run outcome:          " + run.outcome().orElseThrow()
        + " after " + run.historySize() + " transitions");

    // A CRM stores the run as JSON and restores it (the history is replayed and checked).
    String json = ClientyieldJson.write(run.snapshot());
    System.out.println("Run JSON:             " + json);
    System.out.println("Restored equals run:  " + exhibition.readRun(json).equals(run));

    // Mermaid text for the CRM's UI (Graphviz: toDot()).
    System.out.println(exhibition.toMermaid());
  }
}
