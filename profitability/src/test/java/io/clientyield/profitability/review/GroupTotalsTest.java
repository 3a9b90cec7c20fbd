package io.clientyield.profitability.review;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ProjectId;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.pricing.Margins;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import io.clientyield.profitability.review.MonthlyReview.GroupTotals;
import io.clientyield.profitability.review.MonthlyReview.PmKpi;
import org.junit.jupiter.api.Test;

class GroupTotalsTest {

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  private static Money usd(String a) {
    return Money.of(a, "USD");
  }

  @Test
  void profitAndMargin() {
    var g =
        new GroupTotals<>(java.time.YearMonth.of(2024, 1), 2,
            Margins.profitAndLoss(eur("1000.00"), eur("750.00")), eur("300.00"));
    assertThat(g.profit()).isEqualTo(eur("250.00"));
    assertThat(g.margin().getAsDouble()).isCloseTo(0.25, within(1e-12));
    // typed keys, written as bare strings; a part of the review (no document of its own)
    var review = new MonthlyReview(java.util.List.of(g),
        java.util.List.of(new GroupTotals<>(ManagerId.of("anna"), 2, g.profitAndLoss(),
            g.plannedProfit())),
        java.util.List.of(new GroupTotals<>(ClientId.of("acme"), 2, g.profitAndLoss(),
            g.plannedProfit())),
        java.util.Optional.empty(), java.util.List.of());
    assertThat(assertJsonRoundTrip(review, MonthlyReview.class))
        .contains("\"key\":\"2024-01\"").contains("\"key\":\"anna\"")
        .contains("\"key\":\"acme\"");
  }

  @Test
  void mixingCurrenciesNamesTheFieldAndBothCurrencies() {
    assertThatThrownBy(() -> Margins.profitAndLoss(eur("1000.00"), usd("750.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("cost (USD 750.00) must be in EUR like revenue: cannot mix EUR and USD");
    assertThatThrownBy(
            () ->
                new GroupTotals<>(
                    ManagerId.of("anna"), 1, Margins.profitAndLoss(eur("1000.00"), eur("750.00")), usd("1.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "plannedProfit (USD 1.00) must be in EUR like profitAndLoss.revenue: cannot mix EUR and"
                + " USD");
    // every violation of a line at once
    assertThatThrownBy(
            () ->
                new ProfitAndLoss(
                    eur("1000.00"),
                    usd("750.00"),
                    usd("250.00"),
                    java.util.OptionalDouble.empty(),
                    java.util.OptionalDouble.empty()))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(ValidationException.Violation::field)
                    .containsExactly("cost", "profit"));
  }

  @Test
  void pmKpiRejectsMixedCurrencies() {
    assertThatThrownBy(() -> new PmKpi(ManagerId.of("anna"), 1, 0, 0, 0.1, eur("10.00"), usd("10.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "plannedProfit (USD 10.00) must be in EUR like actualProfit: cannot mix EUR and USD");
    var ok = new PmKpi(ManagerId.of("anna"), 1, 0, 0, 0.1, eur("10.00"), eur("12.00"));
    assertJsonRoundTrip(ok, PmKpi.class);
  }

  @Test
  void mixedCurrenciesInAProjectOrTheReviewNameBoth() {
    var actual =
        new io.clientyield.profitability.project.ProjectProfitability(
            eur("1000.00"), eur("500.00"), eur("0.00"), 60, 60);
    assertThatThrownBy(
            () ->
                new CompletedProject(
                    ProjectId.of("p1"), java.time.YearMonth.of(2024, 1), ManagerId.of("anna"), ClientId.of("acme"), actual, usd("1.00"), 0.2))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "plannedProfit (USD 1.00) must be in EUR like actual.revenue: cannot mix EUR and USD");
    var project =
        new CompletedProject(
            ProjectId.of("p1"), java.time.YearMonth.of(2024, 1), ManagerId.of("anna"), ClientId.of("acme"), actual, eur("1.00"), 0.2);
    var review = new MonthlyReviewAccumulator(java.util.Currency.getInstance("USD"));
    assertThatThrownBy(() -> review.add(project))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("project.actual.revenue")
        .hasMessageContaining("cannot mix USD and EUR");
  }
}
