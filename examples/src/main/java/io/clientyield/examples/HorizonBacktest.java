package io.clientyield.examples;

import io.clientyield.core.Money;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.cli.crm.CrmDeals;
import io.clientyield.cli.crm.CrmExport;
import io.clientyield.cli.crm.Opportunity;
import io.clientyield.forecasting.horizon.Backtest;
import io.clientyield.forecasting.horizon.BacktestReport;
import io.clientyield.forecasting.horizon.BacktestReport.IntervalCoverage;
import io.clientyield.forecasting.horizon.BacktestReport.ModelScore;
import io.clientyield.forecasting.horizon.Forecaster;
import io.clientyield.forecasting.horizon.HorizonForecaster;
import io.clientyield.forecasting.horizon.HorizonOptions;
import io.clientyield.funnel.Deal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The horizon forecast's backtest on the bundled CRM export (or a folder given as the first
 * argument): month-end origins 2017-03 … 2017-11 at one month and 2017-03 … 2017-09 at three
 * months, and weekly origins over the same spans for interval coverage, each beside the
 * stage-weighted baseline. The actual of a horizon is the export's {@code close_value} of the
 * deals won in it; open deals weigh their list price. Prints the scores and writes every report
 * to {@code examples/target/horizon-backtest.json}.
 *
 * <pre>
 * mvn -q -pl examples -am -DskipTests package exec:java -Dexec.mainClass=io.clientyield.examples.HorizonBacktest
 * </pre>
 */
public final class HorizonBacktest {
  private HorizonBacktest() {}

  /**
   * One backtest design.
   *
   * @param label the label printed
   * @param origins the origins
   * @param horizon the horizon
   */
  record Design(String label, List<LocalDate> origins, Period horizon) {}

  /**
   * The designs of the targets.
   *
   * @return month-end and weekly designs at one and three months
   */
  static List<Design> designs() {
    LocalDate firstWeek = LocalDate.of(2017, 3, 31);
    return List.of(
        new Design("month-end, h = 1 month", Backtest.monthEnds(YearMonth.of(2017, 3), YearMonth.of(2017, 11)),
            Period.ofMonths(1)),
        new Design("month-end, h = 3 months", Backtest.monthEnds(YearMonth.of(2017, 3), YearMonth.of(2017, 9)),
            Period.ofMonths(3)),
        new Design("weekly, h = 1 month", Backtest.every(firstWeek, LocalDate.of(2017, 11, 30), 7),
            Period.ofMonths(1)),
        new Design("weekly, h = 3 months", Backtest.every(firstWeek, LocalDate.of(2017, 9, 30), 7),
            Period.ofMonths(3)));
  }

  /**
   * Runs the designs on an export.
   *
   * @param export the export
   * @return the reports by design label
   */
  static Map<String, BacktestReport> run(CrmExport export) {
    Currency usd = export.currency();
    List<Deal> deals = CrmDeals.deals(export);
    Map<String, Money> closeValues = new HashMap<>();
    for (Opportunity o : export.opportunities()) {
      closeValues.put(o.id(), CrmDeals.closeValue(o, usd));
    }
    java.util.function.Function<Deal, Optional<Money>> wonValue =
        d -> Optional.ofNullable(closeValues.get(d.id().value()));
    Forecaster model = new HorizonForecaster(HorizonOptions.of(CrmDeals.STAGES, usd), wonValue);
    Forecaster baseline = Backtest.stageWeightedBaseline(CrmDeals.STAGES, usd, 2000, 42L);
    Map<String, BacktestReport> out = new LinkedHashMap<>();
    for (Design d : designs()) {
      out.put(d.label(), Backtest.run(deals, d.origins(), d.horizon(), model, baseline, wonValue, usd));
    }
    return out;
  }

  /**
   * Prints the backtest.
   *
   * @param args an optional folder with the four CSV files
   */
  public static void main(String[] args) {
    CrmExport export = args.length > 0 ? CrmExport.fromFolder(Path.of(args[0])) : CrmExport.bundled();
    Map<String, BacktestReport> reports = run(export);
    for (Map.Entry<String, BacktestReport> e : reports.entrySet()) {
      BacktestReport r = e.getValue();
      System.out.printf(Locale.ROOT, "== %s (%d origins)%n", e.getKey(), r.rows().size());
      System.out.println("  model            WAPE     bias   cover50  cover80  cover90   Brier");
      for (ModelScore s : List.of(r.model(), r.baseline())) {
        List<String> cov = new ArrayList<>();
        for (IntervalCoverage c : s.coverage()) {
          cov.add(pct(c.coverage().orElse(Double.NaN)));
        }
        System.out.printf(Locale.ROOT, "  %-14s %7s %8s %9s %8s %8s %7s%n", s.name(),
            pct(s.wape().orElse(Double.NaN)), pct(s.bias().orElse(Double.NaN)), cov.get(0), cov.get(1),
            cov.get(2), s.brier().isPresent() ? String.format(Locale.ROOT, "%.4f", s.brier().getAsDouble()) : "-");
      }
    }
    Path out = Path.of("examples", "target", "horizon-backtest.json");
    if (!Files.isDirectory(out.getParent())) {
      out = Path.of("target", "horizon-backtest.json");
    }
    try {
      Files.createDirectories(out.getParent());
      Files.writeString(out, ClientyieldJson.write(new ArrayList<>(reports.values())));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    System.out.println("Reports written to " + out.toAbsolutePath());
  }

  private static String pct(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * x);
  }
}
