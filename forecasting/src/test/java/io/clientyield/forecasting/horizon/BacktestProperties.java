package io.clientyield.forecasting.horizon;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.forecasting.horizon.HorizonForecast.DealProbability;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Deal.StageVisit;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestProperties {
  private static final Period MONTH = Period.ofMonths(1);

  /** Changes every fact dated after the origin: outcomes and close days, later visits, new deals. */
  static List<Deal> rewriteAfter(List<Deal> history, LocalDate origin, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Deal> out = new ArrayList<>();
    for (Deal d : history) {
      boolean closesLater = d.closedOn().isPresent() && d.closedOn().get().isAfter(origin);
      boolean startsLater = !d.history().isEmpty() && d.history().get(0).enteredOn().isAfter(origin);
      if (startsLater) {
        out.add(HorizonGenerators.deal(d.id().value(), r, origin.plusDays(1), 200));
      } else if (closesLater) {
        LocalDate last = d.history().isEmpty() ? origin : d.history().get(d.history().size() - 1).enteredOn();
        LocalDate close = (last.isAfter(origin) ? last : origin.plusDays(1)).plusDays(r.nextInt(60));
        Deal.Builder b = Deal.builder().id(d.id()).reachedStage(d.reachedStage()).history(d.history())
            .manager(d.manager().orElseThrow()).budget(d.budget().orElseThrow());
        if (r.nextBoolean()) {
          b.outcome(d.outcome().get().isWon() ? Outcome.clientRefused("price") : Outcome.won()).closedOn(close);
        }
        out.add(b.build());
      } else {
        out.add(d);
      }
    }
    for (int i = 0; i < 1 + r.nextInt(10); i++) {
      out.add(HorizonGenerators.deal("new" + i, r, origin.plusDays(1), 100));
    }
    return out;
  }

  @Test
  void forecastingEachOriginInOneCallEqualsForecastingThemOneByOne() {
    HorizonForecaster model = new HorizonForecaster(HorizonGenerators.options());
    qt().withExamples(10).forAll(HorizonGenerators.histories(), HorizonGenerators.origins(),
        integers().between(1, 9)).check((history, first, step) -> {
          List<LocalDate> origins = Backtest.every(first, first.plusDays(20L * step), step);
          List<HorizonForecast> each = model.forecastEach(history, origins, MONTH);
          for (int i = 0; i < origins.size(); i++) {
            LocalDate o = origins.get(i);
            if (!each.get(i).equals(model.forecast(Backtest.knownAt(history, o), o, MONTH))) {
              return false;
            }
          }
          return each.size() == origins.size();
        });
  }

  @Test
  void changingAnythingAfterAnOriginNeverChangesTheForecastMadeAtIt() {
    HorizonForecaster model = new HorizonForecaster(HorizonGenerators.options());
    Forecaster baseline = Backtest.stageWeightedBaseline(HorizonGenerators.STAGES, HorizonGenerators.USD, 200, 3L);
    qt().withExamples(40).forAll(HorizonGenerators.histories(), HorizonGenerators.origins(),
        integers().allPositive()).check((history, origin, seed) -> {
          List<Deal> rewritten = rewriteAfter(history, origin, seed);
          return model.forecast(Backtest.knownAt(history, origin), origin, MONTH)
              .equals(model.forecast(Backtest.knownAt(rewritten, origin), origin, MONTH))
              && baseline.forecast(Backtest.knownAt(history, origin), origin, MONTH)
                  .equals(baseline.forecast(Backtest.knownAt(rewritten, origin), origin, MONTH));
        });
  }

  @Test
  void aForecasterToldTheFutureScoresWapeZero() {
    qt().withExamples(40).forAll(HorizonGenerators.histories(), HorizonGenerators.origins())
        .check((history, first) -> {
          Forecaster oracle = (known, origin, horizon) -> {
            LocalDate end = origin.plus(horizon);
            long won = 0;
            List<DealProbability> deals = new ArrayList<>();
            for (Deal d : history) {
              boolean wonIn = d.outcome().isPresent() && d.outcome().get().isWon()
                  && d.closedOn().get().isAfter(origin) && !d.closedOn().get().isAfter(end);
              if (wonIn) {
                won += d.budget().orElseThrow().minorUnits();
              }
            }
            for (Deal d : known) {
              if (d.outcome().isEmpty() && !d.history().isEmpty()) {
                Deal full = history.stream().filter(h -> h.id().equals(d.id())).findFirst().orElseThrow();
                boolean wonIn = full.outcome().isPresent() && full.outcome().get().isWon()
                    && !full.closedOn().get().isAfter(end);
                deals.add(new DealProbability(d.id(), d.reachedStage(), 0, wonIn ? 1 : 0, d.budget().orElseThrow()));
              }
            }
            Money m = Money.ofMinor(won, HorizonGenerators.USD);
            return new HorizonForecast("oracle", origin, end, m, m, Money.zero(HorizonGenerators.USD), 0,
                List.of(m), deals, "told the future");
          };
          BacktestReport r = Backtest.run(history, Backtest.every(first, first.plusDays(60), 10), MONTH, oracle,
              Backtest.stageWeightedBaseline(HorizonGenerators.STAGES, HorizonGenerators.USD, 50, 1L), Deal::budget,
              HorizonGenerators.USD);
          boolean anyWon = r.rows().stream().anyMatch(row -> row.actual().minorUnits() > 0);
          return (anyWon ? r.model().wape().getAsDouble() == 0.0 : r.model().wape().isEmpty())
              && r.model().brier().orElse(0.0) == 0.0
              && r.model().coverage().stream().allMatch(c -> c.coverage().getAsDouble() == 1.0);
        });
  }

  @Test
  void winWithinTheHorizonIsAProbability() {
    HorizonForecaster model = new HorizonForecaster(HorizonGenerators.options());
    qt().withExamples(40).forAll(HorizonGenerators.histories(), HorizonGenerators.origins()).check((history, origin) -> {
      HorizonForecast f = model.forecast(Backtest.knownAt(history, origin), origin, MONTH);
      return f.deals().stream().allMatch(p -> p.probability() >= 0 && p.probability() <= 1)
          && f.p10().compareTo(f.p90()) <= 0
          && f.probabilityOfReaching(f.p10()) >= f.probabilityOfReaching(f.p90());
    });
  }

  @Test
  void knownAtIsIdempotentAndNeverShowsTheFuture() {
    qt().withExamples(60).forAll(HorizonGenerators.histories(), HorizonGenerators.origins()).check((history, origin) -> {
      List<Deal> known = Backtest.knownAt(history, origin);
      boolean noFuture = known.stream().allMatch(d -> d.closedOn().map(c -> !c.isAfter(origin)).orElse(true)
          && d.history().stream().map(StageVisit::enteredOn).noneMatch(x -> x.isAfter(origin)));
      return noFuture && Backtest.knownAt(known, origin).equals(known);
    });
  }

}
