package io.clientyield.core;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The stable JSON form of every core value type. */
class CoreJsonTest {

  @Test
  void money() {
    assertThat(assertJsonRoundTrip(Money.of("1234.5", "EUR"), Money.class))
        .isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"EUR\"}");
  }

  @Test
  void proportionRateInterval() {
    assertThat(assertJsonRoundTrip(Proportion.of(3, 100), Proportion.class)).isEqualTo("{\"successes\":3,\"trials\":100}");
    assertThat(assertJsonRoundTrip(Rate.of(0.05), Rate.class)).isEqualTo("0.05");
    assertThat(assertJsonRoundTrip(new ConfidenceInterval(0.1, 0.2), ConfidenceInterval.class)).isEqualTo("{\"lower\":0.1,\"upper\":0.2}");
  }

  @Test
  void ids() {
    assertThat(assertJsonRoundTrip(ClientId.of("Acme"), ClientId.class)).isEqualTo("\"Acme\"");
    assertJsonRoundTrip(ManagerId.of("m-1"), ManagerId.class);
    assertThat(assertJsonRoundTrip(WorkerId.of("senior"), WorkerId.class)).isEqualTo("\"senior\"");
    assertJsonRoundTrip(ProjectId.of("p-1"), ProjectId.class);
    assertJsonRoundTrip(CampaignId.of("expo-2026"), CampaignId.class);
    assertJsonRoundTrip(DealId.of("1C1I7A6R"), DealId.class);
  }

  @Test
  void periods() {
    assertThat(assertJsonRoundTrip(ReportingPeriod.month(2026, 9), ReportingPeriod.class))
        .isEqualTo("{\"kind\":\"MONTH\",\"start\":\"2026-09-01\",\"end\":\"2026-09-30\"}");
    assertJsonRoundTrip(ReportingPeriod.quarter(2026, 3), ReportingPeriod.class);
    assertJsonRoundTrip(ReportingPeriod.year(2026), ReportingPeriod.class);
    assertJsonRoundTrip(ReportingPeriod.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 1)), ReportingPeriod.class);
  }

  @Test
  void calendarAndViolation() {
    assertThat(assertJsonRoundTrip(
        BusinessCalendar.MONDAY_TO_FRIDAY.withHolidays(java.util.List.of(LocalDate.of(2026, 12, 25))),
        BusinessCalendar.class))
        .isEqualTo("{\"weekends\":[\"SATURDAY\",\"SUNDAY\"],\"holidays\":[\"2026-12-25\"]}");
    assertJsonRoundTrip(new ValidationException.Violation("ctr", "1.3", "must be within [0, 1]"), ValidationException.Violation.class);
  }
}
