package io.clientyield.profitability.project;

import io.clientyield.core.WorkerId;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.ProjectId;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;

import io.clientyield.core.Money;
import io.clientyield.profitability.review.CompletedProject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputJsonTest {

  @Test
  void inputsRoundTrip() {
    assertJsonRoundTrip(
        new TimesheetEntry(WorkerId.of("senior"), LocalDate.of(2024, 3, 4), 90, true), TimesheetEntry.class);
    assertJsonRoundTrip(
        new RateCard(
            Currency.getInstance("EUR"),
            Map.of(WorkerId.of("senior"), Money.of("50.00", "EUR")),
            Map.of(WorkerId.of("senior"), Money.of("120.00", "EUR"))),
        RateCard.class);
    assertJsonRoundTrip(
        new CompletedProject(
            ProjectId.of("p1"),
            YearMonth.of(2024, 3),
            ManagerId.of("anna"),
            ClientId.of("acme"),
            new ProjectProfitability(
                Money.of("10.00", "EUR"), Money.of("5.00", "EUR"), Money.of("1.00", "EUR"), 60, 0),
            Money.of("3.00", "EUR"),
            0.25),
        CompletedProject.class);
  }
}
