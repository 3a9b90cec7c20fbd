package io.clientyield.forecasting.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Extreme horizons, origins and histories at the horizon package's API, each with its exact
 * outcome: a ValidationException naming the horizon or the origin, or a result in bounded work.
 */
class HorizonBadInputTest {
  private static final LocalDate ORIGIN = LocalDate.of(2020, 6, 1);
  private static final HorizonForecaster MODEL =
      new HorizonForecaster(HorizonOptions.of(HorizonGenerators.STAGES, HorizonGenerators.USD));
  private static final Forecaster BASELINE =
      Backtest.stageWeightedBaseline(HorizonGenerators.STAGES, HorizonGenerators.USD, 100, 1L);

  /** Fifty open leads entered over the 50 days to the origin, and two wins at the ends of time. */
  private static List<Deal> history() {
    List<Deal> out = new ArrayList<>();
    String stage = HorizonGenerators.STAGES.id(0);
    Money budget = Money.ofMinor(100_00, HorizonGenerators.USD);
    for (int i = 0; i < 50; i++) {
      out.add(Deal.builder().id(DealId.of("d" + i)).reachedStage(stage).budget(budget)
          .history(List.of(StageVisit.of(stage, ORIGIN.minusDays(i)))).build());
    }
    out.add(Deal.builder().id(DealId.of("first")).reachedStage(stage).budget(budget)
        .history(List.of(StageVisit.of(stage, LocalDate.MIN))).outcome(Outcome.won())
        .closedOn(LocalDate.MIN.plusDays(3)).build());
    out.add(Deal.builder().id(DealId.of("last")).reachedStage(stage).budget(budget)
        .history(List.of(StageVisit.of(stage, ORIGIN))).outcome(Outcome.won()).closedOn(LocalDate.MAX).build());
    return out;
  }

  @Test
  void aHorizonLongerThanTheMaximumIsNamedBeforeAnyWork() {
    String rule = " must end at most 3660 days after its origin (2020-06-01)";
    assertThatThrownBy(() -> MODEL.forecast(history(), ORIGIN, Period.ofYears(2_000_000_000)))
        .isInstanceOf(ValidationException.class).hasMessage("horizon (P2000000000Y)" + rule);
    assertThatThrownBy(() -> MODEL.forecast(history(), ORIGIN, Period.ofDays(Integer.MAX_VALUE)))
        .isInstanceOf(ValidationException.class).hasMessage("horizon (P2147483647D)" + rule);
    assertThatThrownBy(() -> MODEL.forecastEach(history(), Map.of(Period.ofDays(3661), List.of(ORIGIN))))
        .isInstanceOf(ValidationException.class).hasMessage("horizon (P3661D)" + rule);
    assertThatThrownBy(() -> BASELINE.forecast(history(), ORIGIN, Period.ofDays(3661)))
        .isInstanceOf(ValidationException.class).hasMessage("horizon (P3661D)" + rule);
    assertThat(MODEL.forecast(history(), ORIGIN, Period.ofDays(HorizonForecaster.MAX_HORIZON_DAYS)).end())
        .isEqualTo(ORIGIN.plusDays(3660));
  }

  @Test
  void anOriginWithoutRoomForItsHorizonIsNamed() {
    String rule = " must leave room for the horizon P1D before +999999999-12-31 and after -999999999-01-01";
    assertThatThrownBy(() -> MODEL.forecast(history(), LocalDate.MAX, Period.ofDays(1)))
        .isInstanceOf(ValidationException.class).hasMessage("origin (+999999999-12-31)" + rule);
    assertThatThrownBy(() -> MODEL.forecast(history(), LocalDate.MIN, Period.ofDays(1)))
        .isInstanceOf(ValidationException.class).hasMessage("origin (-999999999-01-01)" + rule);
    assertThatThrownBy(() -> BASELINE.forecastEach(history(), List.of(LocalDate.MAX), Period.ofDays(1)))
        .isInstanceOf(ValidationException.class).hasMessage("origin (+999999999-12-31)" + rule);
    assertThatThrownBy(() -> Backtest.run(history(), List.of(ORIGIN, LocalDate.MAX), Period.ofDays(1), MODEL,
        BASELINE, d -> Optional.empty(), HorizonGenerators.USD))
        .isInstanceOf(ValidationException.class).hasMessage("origin (+999999999-12-31)" + rule);
  }

  @Test
  void aHistoryFromTheFirstToTheLastDayALocalDateHoldsIsForecastInBoundedWork() {
    // the closing season is measured from the first win (year -999999999): counted by 400-year
    // cycles, not walked month by month
    HorizonForecast f = MODEL.forecast(history(), ORIGIN, Period.ofMonths(1));
    assertThat(f.deals()).hasSize(51); // the fifty leads and the deal that closes on the last day
    assertThat(MODEL.forecastEach(history(), List.of(ORIGIN), Period.ofMonths(1)).get(0)).isEqualTo(f);
    assertThat(MODEL.forecast(history(), LocalDate.MIN.plusDays(40), Period.ofDays(30)).deals()).isEmpty();
  }

  @Test
  void originListsAreBoundedAndNeverStepPastTheLastDay() {
    assertThatThrownBy(() -> Backtest.every(LocalDate.MIN, LocalDate.MAX, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("last (+999999999-12-31) must give at most 100000 origins from -999999999-01-01 every 1 days"
            + " (730484999634)");
    assertThatThrownBy(() -> Backtest.monthEnds(YearMonth.of(-999_999_999, 1), YearMonth.of(999_999_999, 12)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("to (999999999-12) must be at most 100000 months from -999999999-01 (23999999988)");
    assertThat(Backtest.every(LocalDate.MAX.minusDays(3), LocalDate.MAX, 2))
        .containsExactly(LocalDate.MAX.minusDays(3), LocalDate.MAX.minusDays(1));
    assertThat(Backtest.monthEnds(YearMonth.of(999_999_999, 11), YearMonth.of(999_999_999, 12)))
        .containsExactly(LocalDate.of(999_999_999, 11, 30), LocalDate.MAX);
    assertThat(Backtest.every(ORIGIN, ORIGIN.minusDays(1), 1)).isEmpty();
    assertThatThrownBy(() -> HorizonOptions.of(HorizonGenerators.STAGES, HorizonGenerators.USD)
        .withCalibration(Integer.MAX_VALUE, 1, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("calibrationOrigins (2147483647) must be within [0, 10000]");
  }

  @Test
  void daysBySeasonMonthCountedByCyclesEqualsWalkingTheDays() {
    qt().withExamples(200).forAll(integers().between(-3_000, 3_000), integers().between(0, 366),
        integers().between(0, 1_500 * 366), integers().between(1, 12)).check((year, day, span, m) -> {
          if (12 % m != 0) {
            return true;
          }
          LocalDate from = LocalDate.ofYearDay(year, 1).plusDays(day);
          LocalDate to = from.plusDays(span);
          long[] walked = new long[m];
          for (LocalDate d = from; !d.isAfter(to); d = d.plusMonths(1).withDayOfMonth(1)) {
            LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
            LocalDate last = monthEnd.isAfter(to) ? to : monthEnd;
            walked[(d.getMonthValue() - 1) % m] += ChronoUnit.DAYS.between(d, last) + 1;
          }
          return java.util.Arrays.equals(HorizonSweep.daysBySeasonMonth(from, to, m), walked);
        });
  }
}
