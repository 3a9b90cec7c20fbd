package io.clientyield.forecasting.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.DealId;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HorizonForecasterTest {
  private static final double EXACT = 1e-9;
  private static final LocalDate AS_OF = LocalDate.of(2020, 3, 1);
  private static final Period MONTH = Period.ofMonths(1);

  private static Deal deal(String id, String entered, String closed, Boolean won, long budgetMinor) {
    Deal.Builder b = Deal.builder().id(DealId.of(id)).reachedStage("lead")
        .addHistory(StageVisit.of("lead", LocalDate.parse(entered)))
        .budget(Money.ofMinor(budgetMinor, HorizonGenerators.USD));
    if (closed != null) {
      b.outcome(won ? Outcome.won() : Outcome.clientRefused("price")).closedOn(LocalDate.parse(closed));
    }
    return b.build();
  }

  private static List<Deal> history() {
    List<Deal> out = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 400; i++) {
      out.add(HorizonGenerators.deal("d" + i, r, HorizonGenerators.START, 365));
    }
    return out;
  }

  @Test
  void weighsAnOpenDealByItsWinWithinTheHorizon() {
    // two deals entered on Jan 1: one won after 10 days, one lost after 40; one open deal aged 5 days
    List<Deal> deals = List.of(deal("w", "2020-01-01", "2020-01-11", true, 100_00),
        deal("l", "2020-01-01", "2020-02-10", false, 100_00), deal("o", "2020-02-25", null, null, 1000_00));
    HorizonForecaster model = new HorizonForecaster(HorizonGenerators.options().withArrivalWindowDays(1));
    HorizonForecast f = model.forecast(deals, AS_OF, MONTH);
    // S(5) = 1, F_won(5 + 31) - F_won(5) = 0.5: expected 0.5 x 1000.00
    assertThat(f.deals()).hasSize(1);
    assertThat(f.deals().get(0).probability()).isCloseTo(0.5, within(EXACT));
    assertThat(f.deals().get(0).age()).isEqualTo(5);
    assertThat(f.openDeals()).isEqualTo(Money.of("500.00", "USD"));
    assertThat(f.newBusiness()).isEqualTo(Money.zero(HorizonGenerators.USD));
    assertThat(f.method()).startsWith("model only");
    assertThat(f.point()).isEqualTo(Money.of("500.00", "USD"));
    assertThat(f.p10()).isEqualTo(Money.zero(HorizonGenerators.USD));
    assertThat(f.p90()).isEqualTo(Money.of("1000.00", "USD"));
    assertThat(f.probabilityOfReaching(Money.of("1000.00", "USD"))).isBetween(0.4, 0.6);
  }

  @Test
  void scalesByTheClosingSeasonMeasuredOnPastWins() {
    // 40 wins, all closed in the last month of a quarter (Mar 15 .. Dec 2019), one open deal
    List<Deal> deals = new ArrayList<>();
    for (String month : List.of("03", "06", "09", "12")) {
      for (int i = 0; i < 10; i++) {
        deals.add(deal("w" + month + i, "2019-" + month + "-05", "2019-" + month + "-15", true, 100_00));
      }
    }
    deals.add(deal("o", "2019-12-28", null, null, 10_000_000_00L));
    LocalDate asOf = LocalDate.of(2019, 12, 31);
    HorizonOptions base = HorizonGenerators.options().withArrivalWindowDays(1).withCalibration(0, 7, 2);
    HorizonForecast off = new HorizonForecaster(base.withSeasonMonths(1)).forecast(deals, asOf, MONTH);
    HorizonForecast january = new HorizonForecaster(base).forecast(deals, asOf, MONTH);
    // observed from Mar 15: first months of a quarter 92 days, second 92, third 17 + 30 + 30 + 31;
    // k = 92 / 30.4375 seasons; January's intensity is 0, so its factor is 1 - k / (k + 1)
    double k = 92 / 30.4375;
    double factor = 1 - k / (k + 1);
    assertThat(off.method()).doesNotContain("season");
    assertThat(january.method()).contains("closing-season factor 0.249");
    assertThat(january.openDeals().minorUnits() / (double) off.openDeals().minorUnits())
        .isCloseTo(factor, within(1e-8));
    // a horizon that ends in the last month of the quarter is scaled up, capped at probability 1
    HorizonForecast march = new HorizonForecaster(base).forecast(deals, LocalDate.of(2020, 2, 29), MONTH);
    HorizonForecast marchOff = new HorizonForecaster(base.withSeasonMonths(1))
        .forecast(deals, LocalDate.of(2020, 2, 29), MONTH);
    assertThat(march.openDeals().minorUnits()).isGreaterThanOrEqualTo(marchOff.openDeals().minorUnits());
    assertThat(march.deals()).allSatisfy(d -> assertThat(d.probability()).isBetween(0.0, 1.0));
  }

  @Test
  void rejectsASeasonThatDoesNotDivideTheYear() {
    assertThatThrownBy(() -> HorizonGenerators.options().withSeasonMonths(5))
        .isInstanceOf(ValidationException.class).hasMessageContaining("seasonMonths");
  }

  @Test
  void calibratesOnPastOriginsWhenThereAreEnough() {
    List<Deal> h = history();
    HorizonForecast f = new HorizonForecaster(HorizonGenerators.options()).forecast(h, LocalDate.of(2020, 10, 1), MONTH);
    assertThat(f.method()).startsWith("split-conformal");
    assertThat(f.scenarios()).hasSize(6);
    assertThat(f.point()).isEqualTo(f.p50());
    assertThat(f.setAside()).isPositive();
    JsonAssertions.assertJsonRoundTrip(f, HorizonForecast.class);
  }

  @Test
  void backtestReportsBothModelsAndRoundTrips() {
    List<Deal> h = history();
    BacktestReport r = Backtest.run(h, Backtest.monthEnds(YearMonth.of(2020, 4), YearMonth.of(2020, 9)), MONTH,
        new HorizonForecaster(HorizonGenerators.options()),
        Backtest.stageWeightedBaseline(HorizonGenerators.STAGES, HorizonGenerators.USD, 100, 1L), Deal::budget,
        HorizonGenerators.USD);
    assertThat(r.rows()).hasSize(6);
    assertThat(r.model().name()).isEqualTo(HorizonForecaster.NAME);
    assertThat(r.baseline().name()).isEqualTo(Backtest.BASELINE);
    assertThat(r.model().coverage()).extracting(BacktestReport.IntervalCoverage::nominal).containsExactly(0.5, 0.8, 0.9);
    assertThat(r.model().calibration()).hasSize(10);
    assertThat(r.model().calibration().stream().mapToLong(BacktestReport.CalibrationBin::deals).sum())
        .isEqualTo(r.model().dealForecasts());
    assertThat(r.undated()).isEqualTo(h.stream().filter(d -> d.history().isEmpty()).count());
    JsonAssertions.assertJsonRoundTrip(r, BacktestReport.class);
    assertThat(Backtest.run(h, Backtest.monthEnds(YearMonth.of(2020, 4), YearMonth.of(2020, 9)), MONTH,
        new HorizonForecaster(HorizonGenerators.options()),
        Backtest.stageWeightedBaseline(HorizonGenerators.STAGES, HorizonGenerators.USD, 100, 1L), Deal::budget,
        HorizonGenerators.USD)).isEqualTo(r);
  }

  @Test
  void knownAtRevertsLaterClosesAndDropsDealsNotYetEngaged() {
    Deal closesLater = deal("a", "2020-01-01", "2020-04-01", true, 100);
    Deal engagedLater = deal("b", "2020-03-05", null, null, 100);
    Deal done = deal("c", "2020-01-01", "2020-02-01", false, 100);
    List<Deal> known = Backtest.knownAt(List.of(closesLater, engagedLater, done), AS_OF);
    assertThat(known).hasSize(2);
    assertThat(known.get(0).outcome()).isEmpty();
    assertThat(known.get(0).closedOn()).isEmpty();
    assertThat(known.get(1)).isSameAs(done);
  }

  @Test
  void optionsRoundTripAndRejectBadSettings() {
    JsonAssertions.assertJsonRoundTrip(HorizonGenerators.options(), HorizonOptions.class);
    assertThatThrownBy(() -> HorizonGenerators.options().withArrivalWindowDays(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("arrivalWindowDays (0) must be >= 1");
    assertThatThrownBy(() -> new HorizonForecaster(HorizonGenerators.options()).forecast(List.of(), AS_OF, Period.ZERO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("horizon");
  }
}
