package io.clientyield.cli.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.forecasting.CorrectedTargets.CorrectedPlan;
import io.clientyield.forecasting.CorrectedTargets;
import io.clientyield.forecasting.PlannedDeal;
import io.clientyield.forecasting.PlanningErrorAccumulator;
import io.clientyield.forecasting.PlanningErrorReport;
import io.clientyield.funnel.leads.LeadEconomics;
import io.clientyield.funnel.leads.LeadInputs;
import io.clientyield.funnel.leads.LeadMetrics;
import io.clientyield.funnel.leads.LeadQuantity;
import io.clientyield.profitability.levers.FourLevers.LeverDecomposition;
import io.clientyield.profitability.levers.FourLevers;
import io.clientyield.profitability.pricing.HourlyPricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The worked examples of {@code DOMAIN.md} that the CRM export cannot show (it has no lead
 * costs, no timesheets and no plans), computed by the library: lead economics (section 3),
 * pricing an hour and the four levers (4.2, 4.3), and the planning error (5.2).
 *
 * <p>Money is never a double here: amounts are {@link Money} components, written by {@code
 * ClientyieldJson} in Money's exact form {@code {"amount":"20.00","currency":"EUR"}}; the {@code
 * leads} map holds only counts (expected, so fractional) and ratios.
 *
 * @param leads lead-economics counts and ratios by name (contracts, visits, leads, ROMI); no money
 * @param costPerLead CPL of the paid channel: spend 800 / 40 leads
 * @param costPerContract CAC of the paid channel: spend 800 / 4 contracts
 * @param costPerHour fully loaded cost of an hour: (6 000 + 1 800 + 2 200) / (160 × 0.5)
 * @param priceForMargin the hourly price for a 20 % margin on that cost
 * @param levers profit per partner decomposed, and what +1 % on each lever does
 * @param planningError the September example: plan 100 M, refined 80 M, executed 75 M
 * @param correctedPlan the multiplicative correction: 100 M / 0.75
 * @param additivePlan the source material's additive answer, 100 M + 25 % (shown, not used)
 */
public record WorkedExamples(
    @JsonProperty("leads") Map<String, Double> leads,
    @JsonProperty("costPerLead") Money costPerLead,
    @JsonProperty("costPerContract") Money costPerContract,
    @JsonProperty("costPerHour") Money costPerHour,
    @JsonProperty("priceForMargin") Money priceForMargin,
    @JsonProperty("levers") LeverDecomposition levers,
    @JsonProperty("planningError") PlanningErrorReport planningError,
    @JsonProperty("correctedPlan") CorrectedPlan correctedPlan,
    @JsonProperty("additivePlan") Money additivePlan) {

  /**
   * Copies the map.
   *
   * @param leads lead-economics counts and ratios by name (contracts, visits, leads, ROMI); no money
   * @param costPerLead CPL of the paid channel: spend 800 / 40 leads
   * @param costPerContract CAC of the paid channel: spend 800 / 4 contracts
   * @param costPerHour fully loaded cost of an hour: (6 000 + 1 800 + 2 200) / (160 × 0.5)
   * @param priceForMargin the hourly price for a 20 % margin on that cost
   * @param levers profit per partner decomposed, and what +1 % on each lever does
   * @param planningError the September example: plan 100 M, refined 80 M, executed 75 M
   * @param correctedPlan the multiplicative correction: 100 M / 0.75
   * @param additivePlan the source material's additive answer, 100 M + 25 % (shown, not used)
   */
  public WorkedExamples {
    leads = Map.copyOf(leads);
  }

  /**
   * Computes the worked examples.
   *
   * @return the results
   */
  public static WorkedExamples compute() {
    Map<String, Double> leads = new TreeMap<>();
    // Leads × Cr × check: 60 leads at 2 % against 120 leads at 5 %
    Money check = Money.of("1000.00", "EUR");
    LeadMetrics few = LeadEconomics.metrics(LeadInputs.builder()
        .set(LeadQuantity.LEADS, 60).set(LeadQuantity.CR, 0.02)
        .averageCheck(check).build());
    LeadMetrics more = LeadEconomics.metrics(LeadInputs.builder()
        .set(LeadQuantity.LEADS, 120).set(LeadQuantity.CR, 0.05)
        .averageCheck(check).build());
    leads.put("contracts.60leads.cr2pct", few.value(LeadQuantity.CONTRACTS).orElseThrow());
    leads.put("contracts.120leads.cr5pct", more.value(LeadQuantity.CONTRACTS).orElseThrow());
    // the website chain per day, scaled to a year of 365 days
    LeadMetrics year = LeadEconomics.metrics(LeadInputs.builder()
        .set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.01).set(LeadQuantity.CR, 0.05).build().scaledBy(365));
    leads.put("site.visitsPerYear", year.value(LeadQuantity.VISITS).orElseThrow());
    leads.put("site.leadsPerYear", year.value(LeadQuantity.LEADS).orElseThrow());
    leads.put("site.contractsPerYear", year.value(LeadQuantity.CONTRACTS).orElseThrow());
    LeadMetrics optimised = LeadEconomics.metrics(LeadInputs.builder()
        .set(LeadQuantity.QUERIES, 250).set(LeadQuantity.CTR, 0.05)
        .set(LeadQuantity.SITE_CONVERSION, 0.05).set(LeadQuantity.CR, 0.10).build().scaledBy(365));
    leads.put("optimised.leadsPerYear", optimised.value(LeadQuantity.LEADS).orElseThrow());
    leads.put("optimised.contractsPerYear", optimised.value(LeadQuantity.CONTRACTS).orElseThrow());
    // CPL, CAC, ROMI: 40 leads, Cr 10 %, check 500, spend 800, gross margin 50 %
    LeadMetrics paid = LeadEconomics.metrics(LeadInputs.builder()
        .set(LeadQuantity.LEADS, 40).set(LeadQuantity.CR, 0.10)
        .averageCheck(Money.of("500.00", "EUR")).spend(Money.of("800.00", "EUR"))
        .grossMargin(0.5).build());
    Money costPerLead = paid.costPerLead().orElseThrow();
    Money costPerContract = paid.costPerContract().orElseThrow();
    leads.put("paid.romi", paid.romi().orElseThrow());

    Money cost = HourlyPricing.costPerHour(Money.of("6000.00", "EUR"), Money.of("1800.00", "EUR"),
        Money.of("2200.00", "EUR"), 160, 0.5);
    Money price = HourlyPricing.priceForMargin(cost, 0.2);
    LeverDecomposition levers = FourLevers.decompose(Money.of("300000.00", "EUR"),
        Money.of("1200000.00", "EUR"), 12, 3);

    Instant t = Instant.parse("2026-08-01T09:00:00Z");
    Money target = Money.of("100000000.00", "EUR");
    PlannedDeal september = PlannedDeal.plan(ClientId.of("exhibition-clients"), ReportingPeriod.month(2026, 9),
            ManagerId.of("planner"), ManagerId.of("sales"), t, target)
        .refine(t.plusSeconds(86_400L * 14), Money.of("80000000.00", "EUR"))
        .execute(t.plusSeconds(86_400L * 60), Money.of("75000000.00", "EUR"));
    PlanningErrorReport error = new PlanningErrorAccumulator(target.currency()).add(september).result();
    double ratio = error.overall().realizationEstimate().orElseThrow().mean();
    CorrectedPlan corrected = CorrectedTargets.planFor(target, ratio);
    Money additive = target.multipliedBy(new BigDecimal("1.25"), Money.ROUNDING);
    return new WorkedExamples(
        leads, costPerLead, costPerContract, cost, price, levers, error, corrected, additive);
  }

  /**
   * Returns the realization ratio of the planning-error example (0.75).
   *
   * @return the ratio, empty if undefined
   */
  public OptionalDouble realizationRatio() {
    return planningError.overall().realizationEstimate()
        .map(e -> OptionalDouble.of(e.mean())).orElse(OptionalDouble.empty());
  }
}
