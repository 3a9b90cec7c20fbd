package io.clientyield.profitability;

import io.clientyield.core.WorkerId;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.testkit.CoreGenerators;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ProjectId;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.project.RateCard;
import io.clientyield.profitability.review.CompletedProject;
import io.clientyield.profitability.roi.TotalCostOfOwnership;
import java.time.YearMonth;
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
              WorkerId.of("a"), Money.of("37.33", "EUR"), WorkerId.of("b"), Money.of("51.17", "EUR"),
              WorkerId.of("c"), Money.of("19.99", "EUR")),
          Map.of(
              WorkerId.of("a"), Money.of("95.55", "EUR"), WorkerId.of("b"), Money.of("120.01", "EUR"),
              WorkerId.of("c"), Money.of("45.45", "EUR")));

  /** Timesheet entries for workers a, b, c of {@link #RATES}, 0..600 minutes. */
  public static Gen<TimesheetEntry> timesheetEntries() {
    return SourceDSL.integers()
        .between(0, 2)
        .zip(
            longs().between(0, 600),
            SourceDSL.booleans().all(),
            (w, m, b) ->
                new TimesheetEntry(
                    WorkerId.of(String.valueOf((char) ('a' + w))), LocalDate.of(2024, 1, 1), m, b));
  }

  /** Monthly cost components in EUR between 0.00 and 100 000.00. */
  public static Gen<Money> monthlyCosts() {
    return longs().between(0, 10_000_000L).map(m -> Money.ofMinor(m, CoreGenerators.EUR));
  }

  /** Total costs of ownership with each part in EUR 0.00 .. 100 000.00. */
  public static Gen<TotalCostOfOwnership> tcos() {
    return monthlyCosts()
        .zip(monthlyCosts(), monthlyCosts(), (a, b, c) -> new Money[] {a, b, c})
        .zip(
            monthlyCosts(),
            monthlyCosts(),
            (abc, d, e) -> new TotalCostOfOwnership(abc[0], abc[1], abc[2], d, e));
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

  /** Completed projects over three months, three PMs, three clients, revenue and cost to 10 000. */
  public static Gen<CompletedProject> completedProjects() {
    Gen<long[]> nums =
        longs().between(0, 1_000_000L)
            .zip(longs().between(0, 1_000_000L), longs().between(-500_000L, 500_000L),
                (a, b, c) -> new long[] {a, b, c});
    return SourceDSL.integers()
        .between(0, 26)
        .zip(
            nums,
            doubles().between(-0.5, 0.8),
            (k, n, t) ->
                new CompletedProject(
                    ProjectId.of("p" + k),
                    YearMonth.of(2024, 1 + k % 3),
                    ManagerId.of("pm" + (k / 3) % 3),
                    ClientId.of("c" + (k / 9) % 3),
                    new ProjectProfitability(
                        Money.ofMinor(n[0], CoreGenerators.EUR),
                        Money.ofMinor(n[1], CoreGenerators.EUR),
                        Money.zero(CoreGenerators.EUR),
                        60,
                        30),
                    Money.ofMinor(n[2], CoreGenerators.EUR),
                    t));
  }
}
