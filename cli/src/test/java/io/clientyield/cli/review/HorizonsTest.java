package io.clientyield.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.cli.crm.CrmDeals;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.core.Money;
import io.clientyield.forecasting.horizon.Backtest;
import io.clientyield.forecasting.horizon.Forecaster;
import io.clientyield.funnel.Deal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HorizonsTest {

  @Test
  void theBaselineForecastOnceAndNamedForEachHorizonEqualsItsOwnForecastsAtThatHorizon() {
    CrmExport export = CrmExport.bundled();
    List<Deal> deals = CrmDeals.deals(export);
    LocalDate asOf = deals.stream().flatMap(d -> d.closedOn().stream()).max(Comparator.naturalOrder()).orElseThrow();
    LocalDate first = LocalDate.of(2016, 10, 20);
    Horizons plan = Horizons.plan(export, deals, asOf, Optional.of(first));
    Forecaster shared = plan.baselines();
    Forecaster direct = Backtest.stageWeightedBaseline(CrmDeals.STAGES, Money.currency(CrmDeals.CURRENCY),
        Horizons.trials(deals.size()), Horizons.BASELINE_SEED);
    for (Period h : List.of(Period.ofMonths(1), Period.ofMonths(3))) {
      List<LocalDate> origins = Horizons.origins(Optional.of(first), asOf, h);
      assertThat(origins).isNotEmpty();
      assertThat(shared.forecastEach(deals, origins, h)).isEqualTo(direct.forecastEach(deals, origins, h));
    }
  }
}
