package io.clientyield.profitability.review;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ProjectId;
import io.clientyield.profitability.pricing.ProfitAndLoss;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.review.MonthlyReview.GroupTotals;
import io.clientyield.profitability.review.MonthlyReview.MarginDistribution;
import io.clientyield.profitability.review.MonthlyReview.PmKpi;
import java.time.YearMonth;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MonthlyReviewAccumulatorTest {

  private static final double TOL = 1e-12;
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final YearMonth JAN = YearMonth.of(2024, 1);
  private static final YearMonth FEB = YearMonth.of(2024, 2);

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  /** Revenue 1000 and a cost giving the margin wanted. */
  private static CompletedProject project(
      String id, YearMonth month, String pm, String client, String cost, String planned) {
    return new CompletedProject(
        ProjectId.of(id),
        month,
        ManagerId.of(pm),
        ClientId.of(client),
        new ProjectProfitability(eur("1000.00"), eur(cost), eur("0.00"), 60, 60),
        eur(planned),
        0.25);
  }

  @Test
  void nullElementsAreNamedByIndex() {
    var totals = new GroupTotals<>(java.time.YearMonth.of(2024, 1), 0, ProfitAndLoss.zero(EUR), eur("0.00"));
    assertThatThrownBy(
            () ->
                new MonthlyReview(
                    java.util.Arrays.asList(totals, null),
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.Optional.empty(),
                    java.util.Arrays.asList((PmKpi) null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("byMonth[1] (null) must not be null");
    assertThatThrownBy(
            () ->
                new MonthlyReview(
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.Optional.empty(),
                    java.util.Arrays.asList((PmKpi) null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("kpis[0] (null) must not be null");
  }

  @Test
  void totalsBeyondALongAreRejectedAndNothingIsApplied() {
    Money nearMax = Money.ofMinor(Long.MAX_VALUE - 100, EUR);
    var big =
        new CompletedProject(
            ProjectId.of("p1"), JAN, ManagerId.of("anna"), ClientId.of("acme"),
            new ProjectProfitability(nearMax, eur("0.00"), eur("0.00"), 60, 60), eur("0.00"), 0.25);
    var acc = new MonthlyReviewAccumulator(EUR).add(big);
    var before = acc.result();
    // a new month and client, but anna's revenue would overflow: nothing may be recorded
    var more =
        new CompletedProject(
            ProjectId.of("p2"), FEB, ManagerId.of("anna"), ClientId.of("beta"),
            new ProjectProfitability(eur("5.00"), eur("0.00"), eur("0.00"), 60, 60), eur("0.00"), 0.25);
    assertThatThrownBy(() -> acc.add(more))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("byPm[anna].revenue (")
        .hasMessageContaining("must fit in a long");
    assertThatThrownBy(() -> acc.merge(new MonthlyReviewAccumulator(EUR).add(more)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("byPm[anna]");
    assertThat(acc.result()).isEqualTo(before);
    assertThat(acc.result().byMonth()).hasSize(1);
  }

  private static MonthlyReview review() {
    return new MonthlyReviewAccumulator(EUR, 0.75)
        .add(project("p1", JAN, "anna", "acme", "900.00", "250.00")) // margin 0.10
        .add(project("p2", JAN, "anna", "beta", "800.00", "250.00")) // margin 0.20
        .add(project("p3", FEB, "boris", "acme", "700.00", "250.00")) // margin 0.30
        .add(project("p4", FEB, "boris", "acme", "600.00", "250.00")) // margin 0.40
        .result();
  }

  @Test
  void marginDistributionAndSuggestedStandard() {
    MarginDistribution d = review().margins().orElseThrow();
    assertThat(d.count()).isEqualTo(4);
    assertThat(d.min()).isCloseTo(0.10, within(TOL));
    assertThat(d.q1()).isCloseTo(0.175, within(TOL));
    assertThat(d.median()).isCloseTo(0.25, within(TOL));
    assertThat(d.q3()).isCloseTo(0.325, within(TOL));
    assertThat(d.max()).isCloseTo(0.40, within(TOL));
    assertThat(d.suggestedStandard()).isCloseTo(0.325, within(TOL));
  }

  @Test
  void totalsByMonthPmClient() {
    MonthlyReview r = review();
    assertThat(r.byMonth()).extracting(GroupTotals::key)
        .containsExactly(java.time.YearMonth.of(2024, 1), java.time.YearMonth.of(2024, 2));
    assertThat(r.byMonth().get(0).profit()).isEqualTo(eur("300.00"));
    assertThat(r.byClient()).extracting(GroupTotals::key)
        .containsExactly(ClientId.of("acme"), ClientId.of("beta"));
    assertThat(r.byClient().get(0).projects()).isEqualTo(3);
    assertThat(r.byClient().get(0).profit()).isEqualTo(eur("800.00"));
    assertThat(r.byPm().get(1).margin().getAsDouble()).isCloseTo(0.35, within(TOL));
  }

  @Test
  void pmKpiAgainstTarget() {
    MonthlyReview r = review();
    PmKpi anna = r.kpis().get(0);
    // target 0.25: 0.10 and 0.20 miss by 0.15 and 0.05
    assertThat(anna.pm()).isEqualTo(ManagerId.of("anna"));
    assertThat(anna.hits()).isZero();
    assertThat(anna.misses()).isEqualTo(2);
    assertThat(anna.totalShortfall()).isCloseTo(0.20, within(TOL));
    assertThat(anna.totalDistance()).isCloseTo(-0.20, within(TOL));
    assertThat(anna.actualProfit()).isEqualTo(eur("300.00"));
    assertThat(anna.plannedProfit()).isEqualTo(eur("500.00"));
    PmKpi boris = r.kpis().get(1);
    assertThat(boris.hits()).isEqualTo(2);
    assertThat(boris.totalShortfall()).isZero();
    assertThat(boris.totalDistance()).isCloseTo(0.20, within(TOL));
  }

  @Test
  void jsonRoundTrip() {
    assertJsonRoundTrip(review(), MonthlyReview.class);
    assertJsonRoundTrip(new MonthlyReviewAccumulator(EUR).result(), MonthlyReview.class);
  }
}
