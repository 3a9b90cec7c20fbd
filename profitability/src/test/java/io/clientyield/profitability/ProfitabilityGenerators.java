package io.clientyield.profitability;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.CoreGenerators;
import io.clientyield.core.Money;
import io.clientyield.profitability.project.RateCard;
import io.clientyield.profitability.project.TimesheetEntry;
import java.time.LocalDate;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** QuickTheories generators for the profitability module's domain. */
public final class ProfitabilityGenerators {

  private ProfitabilityGenerators() {}

  /** A rate card with three roles, odd rates so rounding matters. */
  public static final RateCard RATES =
      new RateCard(
          CoreGenerators.EUR,
          Map.of(
              "a", Money.of("37.33", "EUR"), "b", Money.of("51.17", "EUR"),
              "c", Money.of("19.99", "EUR")),
          Map.of(
              "a", Money.of("95.55", "EUR"), "b", Money.of("120.01", "EUR"),
              "c", Money.of("45.45", "EUR")));

  /** Timesheet entries for workers a, b, c of {@link #RATES}, 0..600 minutes. */
  public static Gen<TimesheetEntry> timesheetEntries() {
    return SourceDSL.integers()
        .between(0, 2)
        .zip(
            longs().between(0, 600),
            SourceDSL.booleans().all(),
            (w, m, b) ->
                new TimesheetEntry(
                    String.valueOf((char) ('a' + w)), LocalDate.of(2024, 1, 1), m, b));
  }

  /** Monthly cost components in EUR between 0.00 and 100 000.00. */
  public static Gen<Money> monthlyCosts() {
    return longs().between(0, 10_000_000L).map(m -> Money.ofMinor(m, CoreGenerators.EUR));
  }

  /** Utilizations in [0.05, 1]. */
  public static Gen<Double> utilizations() {
    return doubles().between(0.05, 1.0);
  }

  /** Target margins in [0, 0.9]. */
  public static Gen<Double> targetMargins() {
    return doubles().between(0.0, 0.9);
  }

  /** Margins in [-5, 0.99], a range where the markup is defined. */
  public static Gen<Double> margins() {
    return doubles().between(-5.0, 0.99);
  }
}
