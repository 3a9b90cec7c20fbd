package io.clientyield.funnel;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversionComparisonTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final Stages STAGES = Stages.of("contact", "proposal", "contract");
  private static final double TOLERANCE = 1e-12;

  private static void deals(List<Deal> into, String manager, int count, Outcome outcome, String budget) {
    for (int i = 0; i < count; i++) {
      Deal.Builder b = Deal.builder().id(DealId.of(manager + "-" + into.size())).manager(ManagerId.of(manager))
          .reachedStage(outcome != null && outcome.isWon() ? "contract" : "proposal");
      if (outcome != null) {
        b.outcome(outcome);
      }
      if (budget != null) {
        b.budget(Money.of(budget, "EUR"));
      }
      into.add(b.build());
    }
  }

  /**
   * DOMAIN 2.3: quinn signs 3 contracts of 100 clients (3 %), but they are large; rick signs 15 of
   * 100 (15 %) small ones.
   */
  private static CrossStatistics quinnAndRick() {
    List<Deal> d = new ArrayList<>();
    deals(d, "quinn", 3, Outcome.won(), "100000.00");
    deals(d, "quinn", 97, Outcome.clientRefused("price"), "10000.00");
    deals(d, "rick", 15, Outcome.won(), "5000.00");
    deals(d, "rick", 85, Outcome.clientRefused("price"), "5000.00");
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    d.forEach(acc::add);
    return acc.result();
  }

  @Test
  void threeContractsOfHundredClientsIsThreePercent() {
    ConversionComparison quinn = quinnAndRick().group("quinn").conversion();
    assertThat(quinn.won()).isEqualTo(3);
    assertThat(quinn.worked()).isEqualTo(100);
    assertThat(quinn.quantitative().value().getAsDouble()).isCloseTo(0.03, within(TOLERANCE));
  }

  @Test
  void aThreePercentManagerBringsMoreMoneyThanAFifteenPercentOne() {
    CrossStatistics stats = quinnAndRick();
    ConversionComparison quinn = stats.conversions().get("quinn");
    ConversionComparison rick = stats.conversions().get("rick");
    assertThat(rick.quantitative().value().getAsDouble()).isCloseTo(0.15, within(TOLERANCE));
    assertThat(quinn.quantitative().value().getAsDouble()).isLessThan(rick.quantitative().value().getAsDouble());
    assertThat(quinn.wonBudget()).isEqualTo(Money.of("300000.00", "EUR"));
    assertThat(rick.wonBudget()).isEqualTo(Money.of("75000.00", "EUR"));
    assertThat(quinn.wonBudget()).isGreaterThan(rick.wonBudget());
    // financial: 300 000 / (300 000 + 970 000) and 75 000 / 500 000
    assertThat(quinn.financial().getAsDouble()).isCloseTo(300_000.0 / 1_270_000, within(TOLERANCE));
    assertThat(rick.financial().getAsDouble()).isCloseTo(0.15, within(TOLERANCE));
    assertThat(quinn.financial().getAsDouble()).isGreaterThan(rick.financial().getAsDouble());
    assertThat(stats.conversions().keySet()).containsExactly("quinn", "rick");
  }

  @Test
  void dealsWithoutBudgetAreCountedButLeftOutOfTheFinancialConversion() {
    List<Deal> d = new ArrayList<>();
    deals(d, "anna", 1, Outcome.won(), "400.00");
    deals(d, "anna", 1, Outcome.clientRefused("price"), "600.00");
    deals(d, "anna", 1, Outcome.won(), null);
    deals(d, "anna", 1, null, "1000.00");
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    d.forEach(acc::add);
    ConversionComparison c = acc.result().conversion();
    assertThat(c.worked()).isEqualTo(4);
    assertThat(c.closed()).isEqualTo(3);
    assertThat(c.won()).isEqualTo(2);
    assertThat(c.dealsWithoutBudget()).isEqualTo(1);
    assertThat(c.quantitative().value().getAsDouble()).isCloseTo(0.5, within(TOLERANCE));
    assertThat(c.quantitativeClosed().value().getAsDouble()).isCloseTo(2.0 / 3, within(TOLERANCE));
    assertThat(c.workedBudget()).isEqualTo(Money.of("2000.00", "EUR"));
    assertThat(c.closedBudget()).isEqualTo(Money.of("1000.00", "EUR"));
    assertThat(c.financial().getAsDouble()).isCloseTo(0.2, within(TOLERANCE));
    assertThat(c.financialClosed().getAsDouble()).isCloseTo(0.4, within(TOLERANCE));
    assertJsonRoundTrip(c, ConversionComparison.class);
  }

  @Test
  void financialConversionIsUndefinedWithoutBudgets() {
    List<Deal> d = new ArrayList<>();
    deals(d, "anna", 2, Outcome.won(), null);
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    d.forEach(acc::add);
    ConversionComparison c = acc.result().conversion();
    assertThat(c.financial()).isEmpty();
    assertThat(c.financialClosed()).isEmpty();
    assertThat(c.quantitative().value().getAsDouble()).isEqualTo(1.0);
    assertThat(new StageFunnelAccumulator(STAGES, EUR).result().conversion().quantitative().value()).isEmpty();
  }

  @Test
  void mixedCurrencyNamesTheDeal() {
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    Deal usd = Deal.builder().id(DealId.of("D-USD-1")).manager(ManagerId.of("anna")).reachedStage("contact")
        .budget(Money.of("5.00", "USD")).build();
    assertThatThrownBy(() -> acc.add(usd)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("deal D-USD-1 budget").hasMessageContaining("must be in EUR");
    // a negative budget never reaches an accumulator: the deal itself rejects it
    assertThatThrownBy(() -> Deal.builder().id(DealId.of("D-NEG")).reachedStage("contact")
            .budget(Money.of("-5.00", "EUR")).build())
        .isInstanceOf(ValidationException.class).hasMessage("budget (EUR -5.00) must be >= 0");
    assertThat(acc.result().groups()).isEmpty();
  }

  @Test
  void inconsistentCountsAreRejected() {
    assertThatThrownBy(() -> new ConversionComparison(1, 2, 3, 0, Money.zero(EUR), Money.zero(EUR),
            Money.zero(EUR), java.util.Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2));
  }
}
