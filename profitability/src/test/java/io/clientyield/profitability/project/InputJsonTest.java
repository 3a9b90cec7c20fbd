package io.clientyield.profitability.project;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ProjectId;
import io.clientyield.core.ValidationException;
import io.clientyield.core.WorkerId;
import io.clientyield.core.json.ClientyieldJson;
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

  @Test
  void workerIdsAreBareStringsAlsoAsKeysAndABlankOneIsRejected() {
    String json = ClientyieldJson.write(new RateCard(Currency.getInstance("EUR"),
        Map.of(WorkerId.of("senior"), Money.of("50.00", "EUR")), Map.of()));
    assertThat(json).contains("\"costRates\":{\"senior\":");
    assertThat(ClientyieldJson.write(
        new TimesheetEntry(WorkerId.of("senior"), LocalDate.of(2024, 3, 4), 90, true)))
        .contains("\"worker\":\"senior\"");
    // a blank key fails as a ValidationException naming the map, the key and WorkerId's own rule
    assertThatThrownBy(() -> ClientyieldJson.read(json.replace("\"senior\"", "\" \""),
        RateCard.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("$.costRates ( ) is not a valid key: workerId (\" \") must not be blank");
    assertThatThrownBy(() -> ClientyieldJson.read(
        "{\"worker\":\"\",\"date\":\"2024-03-04\",\"minutes\":1,\"billable\":true}",
        TimesheetEntry.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("workerId");
  }
}
