package io.clientyield.examples.quickstart;

import io.clientyield.core.WorkerId;
import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.profitability.levers.FourLevers.LeverDecomposition;
import io.clientyield.profitability.levers.FourLevers;
import io.clientyield.profitability.portfolio.ClientFacts;
import io.clientyield.profitability.portfolio.Placement;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.PortfolioMatrix;
import io.clientyield.profitability.pricing.HourlyPricing;
import io.clientyield.profitability.project.ClientProfitability;
import io.clientyield.profitability.project.ClientProfitabilityAccumulator;
import io.clientyield.profitability.project.ProjectAccumulator;
import io.clientyield.profitability.project.ProjectProfitability;
import io.clientyield.profitability.project.RateCard;
import io.clientyield.profitability.project.TimesheetEntry;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import io.clientyield.profitability.rating.ClientRatings;
import io.clientyield.profitability.roi.ClientRoi;
import io.clientyield.profitability.roi.TotalCostOfOwnership;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code profitability} module in one page: a project's profitability from timesheets and a
 * rate card, a client's profitability, the price of an hour, the four levers, the client's ROI and
 * TCO, the composite rating and the 3 × 3 portfolio matrix (DOMAIN section 4).
 */
public final class ProfitabilityQuickstart {
  private ProfitabilityQuickstart() {}

  /**
   * Runs the example and prints its results.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    // 4.1 Cost and bill rates per person or role; timesheets in whole minutes (exact sums).
    WorkerId senior = WorkerId.of("senior");
    WorkerId junior = WorkerId.of("junior");
    RateCard rates = new RateCard(Money.currency("EUR"),
        Map.of(senior, eur("50.00"), junior, eur("20.00")),   // cost per hour
        Map.of(senior, eur("120.00"), junior, eur("60.00"))); // bill rate per hour
    LocalDate day = LocalDate.of(2026, 3, 4);
    ProjectProfitability website = ProjectAccumulator.timeAndMaterials(rates) // time and materials
        .add(new TimesheetEntry(senior, day, 10 * 60, true))
        .addExpense(eur("200.00"))
        .result();
    ProjectProfitability audit = ProjectAccumulator.fixedFee(rates, eur("1000.00"))
        .add(new TimesheetEntry(senior, day, 5 * 60, true))  // fixed fee of 1 000
        .add(new TimesheetEntry(junior, day, 450, false))
        .result();
    for (ProjectProfitability p : List.of(website, audit)) { // margin and markup, both named
      System.out.printf(Locale.ROOT,
          "Project: revenue %s, cost %s, profit %s, margin %.1f %%, markup %.1f %%, %s/h%n",
          p.revenue(), p.cost(), p.profit(), p.margin().orElseThrow() * 100,
          p.markup().orElseThrow() * 100, p.realizedHourlyRate().orElseThrow());
    }
    ClientProfitability acme = new ClientProfitabilityAccumulator(Money.currency("EUR"))
        .add(ClientId.of("acme"), website).add(ClientId.of("acme"), audit)
        .addContacts(ClientId.of("acme"), 30)
        .result().get(0);
    System.out.printf(Locale.ROOT,
        "Client acme: profit %s, margin %.0f %%, cost per contact %s (%d contacts)%n",
        acme.profit(), acme.margin().orElseThrow() * 100, acme.costPerContact().orElseThrow(),
        acme.contacts());

    // 4.2 An hour billable only half the time costs twice as much; price = cost / (1 - margin).
    // Salary 6 000 + payroll taxes 1 800 + overhead 2 200 a month, 160 working hours.
    Money full = HourlyPricing.costPerHour(eur("6000"), eur("1800"), eur("2200"), 160, 1.0);
    Money half = HourlyPricing.costPerHour(eur("6000"), eur("1800"), eur("2200"), 160, 0.5);
    System.out.println("Hour: cost " + full + " at 100 % utilization, " + half
        + " at 50 %; price for a 20 % margin " + HourlyPricing.priceForMargin(half, 0.20));

    // 4.3 Profit per partner = margin x productivity x leverage, and what +1 % on each does.
    LeverDecomposition levers = FourLevers.decompose(eur("300000"), eur("1200000"), 12, 3);
    System.out.printf(Locale.ROOT,
        "Levers: margin %.2f x productivity %s x leverage %.0f = %s per partner; "
            + "+1 %% margin %s, +1 %% fees %s%n",
        levers.margin(), levers.productivity(), levers.leverage(), levers.profitPerPartner(),
        levers.afterMarginUp(), levers.afterFeesUp());

    // 4.4 Value for the client: benefit = extra revenue x client margin + savings; ROI; payback;
    // and the total cost of ownership of which the purchase price is only a part.
    Money benefit = ClientRoi.benefit(eur("1000000"), 0.20, eur("50000"));
    Money price = eur("100000");
    int payback = ClientRoi.paybackMonth(Collections.nCopies(6, eur("30000")), price)
        .orElseThrow(); // empty if the benefits never cover the price
    TotalCostOfOwnership tco = new TotalCostOfOwnership(eur("60000"), eur("15000"),
        eur("10000"), eur("5000"), eur("10000")); // price, support, upgrades, training, integration
    System.out.printf(Locale.ROOT,
        "Client ROI: benefit %s, ROI %.0f %%, payback in month %d; "
            + "TCO %s, purchase %.0f %% of it%n",
        benefit, ClientRoi.roi(benefit, price).orElseThrow() * 100, payback, tco.total(),
        tco.purchaseShare().orElseThrow() * 100);

    // 4.5 Composite rating = status (points per campaign outcome) + campaign + personal rating.
    ClientId a = ClientId.of("acme");
    ClientId b = ClientId.of("beta");
    ClientId g = ClientId.of("gamma");
    CampaignId spring = CampaignId.of("spring-2026");
    ClientRatings book = ClientRatings.empty() // WON +10, CLIENT_REFUSED +1, WE_DECLINED 0
        .recordOutcome(a, CampaignId.of("expo-2025"), Outcome.won())
        .recordOutcome(a, CampaignId.of("autumn-2025"), Outcome.won())
        .recordOutcome(b, CampaignId.of("expo-2025"), Outcome.clientRefused("price"))
        .recordOutcome(g, CampaignId.of("expo-2025"), Outcome.weDeclined("credit"))
        .assignPersonalRating(a, 5)
        .assignCampaignRating(b, spring, 8)
        .assignPersonalRating(g, 3);
    List<RankedClient> ranking = book.rank(spring, List.of(a, b, g));
    for (RankedClient r : ranking) {
      System.out.printf(Locale.ROOT,
          "Rank %d %-6s composite %2d = status %d + campaign %d + personal %d%n", r.rank(),
          r.client(), r.composite(), r.statusRating(), r.campaignRating(), r.personalRating());
    }

    // 4.6 The 3 x 3 matrix: weighted criteria per axis, cut at 1/3 and 2/3, a strategy per cell.
    PortfolioMatrix matrix = PortfolioMatrix.of(
        List.of(new Criterion("margin", true, 2, Normalization.fixedBounds(0, 0.5)),
            new Criterion("revenue", true, 1, Normalization.minMax())),
        List.of(new Criterion("tenure", true, 1, Normalization.fixedBounds(0, 10)),
            new Criterion("rating", true, 1, Normalization.minMax())));
    Map<ClientId, Double> rating = new HashMap<>(); // the composite rating is a criterion too
    ranking.forEach(r -> rating.put(r.client(), (double) r.composite()));
    List<ClientFacts> facts = List.of( // margin (fraction), revenue, tenure (years), rating
        facts(a, 0.50, 2200, 8, rating.get(a)),
        facts(b, 0.05, 9000, 2, rating.get(b)),
        facts(g, 0.10, 1000, 1, rating.get(g)));
    for (Placement p : matrix.place(facts)) {
      System.out.printf(Locale.ROOT, "%-6s attractiveness %.2f %-6s relationship %.2f %-6s -> %s%n",
          p.client(), p.attractivenessScore(), p.attractiveness(), p.relationshipScore(),
          p.relationship(), p.strategy().name());
      System.out.println("       " + p.strategy().actions());
    }
  }

  private static ClientFacts facts(ClientId client, double margin, double revenue, double tenure,
      double rating) {
    return new ClientFacts(client,
        Map.of("margin", margin, "revenue", revenue, "tenure", tenure, "rating", rating));
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }
}
