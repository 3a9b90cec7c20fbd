package io.clientyield.forecasting.horizon;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sweep of {@link HorizonForecaster} gives the very forecasts of the straightforward refold
 * ({@link ReferenceHorizonForecaster}), on histories with every kind of deal the rules treat
 * apart (undated, closed without a day, closed without a history, without a budget), with and
 * without groups, on every-day and working-day calendars, with and without the closing season,
 * calibrated or not.
 */
class HorizonSweepProperties {

  /** The generated history plus deals of the kinds the rules set apart. */
  static List<Deal> history(int seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Deal> out = new ArrayList<>();
    int n = 30 + r.nextInt(150);
    for (int i = 0; i < n; i++) {
      LocalDate from = HorizonGenerators.START.plusDays(r.nextInt(365));
      switch (r.nextInt(12)) {
        case 0 -> out.add(Deal.builder().id(DealId.of("u" + i)).reachedStage("lead")
            .outcome(Outcome.won()).build()); // closed without a day
        case 1 -> out.add(Deal.builder().id(DealId.of("c" + i)).reachedStage("deal")
            .budget(Money.ofMinor(5_000_00, HorizonGenerators.USD))
            .outcome(r.nextBoolean() ? Outcome.won() : Outcome.clientRefused("price")).closedOn(from).build());
        case 2 -> out.add(Deal.builder().id(DealId.of("n" + i)).reachedStage("lead")
            .history(List.of(StageVisit.of("lead", from))).build()); // no budget, no manager
        default -> out.add(HorizonGenerators.deal("d" + i, r, HorizonGenerators.START, 365));
      }
    }
    return out;
  }

  static HorizonOptions options(int variant) {
    HorizonOptions o = HorizonOptions.of(HorizonGenerators.STAGES, HorizonGenerators.USD)
        .withArrivalWindowDays(30).withCalibration(6, 14, 3).withMaturityDays(30).withMonteCarlo(200, 7L);
    if ((variant & 1) != 0) {
      o = o.withGroups("manager", 5);
    }
    if ((variant & 2) != 0) {
      o = o.withCalendar(BusinessCalendar.MONDAY_TO_FRIDAY);
    }
    if ((variant & 4) != 0) {
      o = o.withSeasonMonths(1);
    }
    if ((variant & 8) != 0) {
      o = o.withCalibration(26, 7, 8);
    }
    return o;
  }

  private static Optional<Money> wonValue(Deal d) {
    return d.budget().map(b -> b.plus(Money.ofMinor(d.id().value().length(), HorizonGenerators.USD)));
  }

  @Test
  void forecastEachEqualsTheReferenceRefoldAtEveryOrigin() {
    qt().withExamples(60).forAll(integers().allPositive(), integers().between(0, 15), HorizonGenerators.origins(),
        integers().between(1, 40)).check((seed, variant, first, step) -> {
          List<Deal> history = history(seed);
          List<LocalDate> origins = Backtest.every(first, first.plusDays(8L * step), step);
          Period h = variant % 3 == 0 ? Period.ofMonths(3) : Period.ofMonths(1);
          HorizonOptions o = options(variant);
          return new HorizonForecaster(o, HorizonSweepProperties::wonValue).forecastEach(history, origins, h)
              .equals(new ReferenceHorizonForecaster(o, HorizonSweepProperties::wonValue)
                  .forecastEach(history, origins, h));
        });
  }

  @Test
  void severalHorizonsInOneSweepEqualEachHorizonOnItsOwn() {
    qt().withExamples(40).forAll(integers().allPositive(), integers().between(0, 15), HorizonGenerators.origins(),
        integers().between(1, 40)).check((seed, variant, first, step) -> {
          List<Deal> history = history(seed);
          HorizonForecaster f = new HorizonForecaster(options(variant), HorizonSweepProperties::wonValue);
          // overlapping origins, one horizon with none, and the map's order kept
          java.util.Map<Period, List<LocalDate>> byHorizon = new java.util.LinkedHashMap<>();
          byHorizon.put(Period.ofMonths(3), Backtest.every(first, first.plusDays(5L * step), step));
          byHorizon.put(Period.ofDays(10), List.of());
          byHorizon.put(Period.ofMonths(1), Backtest.every(first.plusDays(step / 2), first.plusDays(8L * step), step));
          java.util.Map<Period, List<HorizonForecast>> together = f.forecastEach(history, byHorizon);
          if (!List.copyOf(together.keySet()).equals(List.copyOf(byHorizon.keySet()))) {
            return false;
          }
          for (var e : byHorizon.entrySet()) {
            if (!together.get(e.getKey()).equals(f.forecastEach(history, e.getValue(), e.getKey()))) {
              return false;
            }
          }
          return true;
        });
  }

  @Test
  void severalHorizonsRejectANullOrNonPositiveHorizonNamingIt() {
    HorizonForecaster f = new HorizonForecaster(options(0));
    java.util.Map<Period, List<LocalDate>> nullKey = new java.util.HashMap<>();
    nullKey.put(null, List.of(HorizonGenerators.START));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.forecastEach(history(1), nullKey))
        .isInstanceOf(io.clientyield.core.ValidationException.class).hasMessageContaining("originsByHorizon key");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> f.forecastEach(history(1), java.util.Map.of(Period.ZERO, List.of(HorizonGenerators.START))))
        .isInstanceOf(io.clientyield.core.ValidationException.class).hasMessageContaining("horizon")
        .hasMessageContaining("must be positive");
  }

  @Test
  void forecastEqualsTheReferenceRefoldOnTheListAsGiven() {
    qt().withExamples(60).forAll(integers().allPositive(), integers().between(0, 15), HorizonGenerators.origins())
        .check((seed, variant, asOf) -> {
          List<Deal> known = history(seed);
          HorizonOptions o = options(variant);
          Period h = Period.ofMonths(1 + variant % 3);
          return new HorizonForecaster(o, HorizonSweepProperties::wonValue).forecast(known, asOf, h)
              .equals(new ReferenceHorizonForecaster(o, HorizonSweepProperties::wonValue).forecast(known, asOf, h));
        });
  }

  @Test
  void theBaselinesSweepEqualsItsForecastOnTheHistoryKnownAtEachOrigin() {
    Forecaster baseline = Backtest.stageWeightedBaseline(HorizonGenerators.STAGES, HorizonGenerators.USD, 200, 3L);
    qt().withExamples(60).forAll(integers().allPositive(), HorizonGenerators.origins(), integers().between(1, 40))
        .check((seed, first, step) -> {
          List<Deal> history = history(seed);
          List<LocalDate> origins = new ArrayList<>(Backtest.every(first, first.plusDays(8L * step), step));
          java.util.Collections.reverse(origins); // any order, repeats allowed
          origins.add(first);
          List<HorizonForecast> each = baseline.forecastEach(history, origins, Period.ofMonths(1));
          for (int i = 0; i < origins.size(); i++) {
            LocalDate o = origins.get(i);
            if (!each.get(i).equals(baseline.forecast(Backtest.knownAt(history, o), o, Period.ofMonths(1)))) {
              return false;
            }
          }
          return each.size() == origins.size();
        });
  }
}
