package io.clientyield.profitability.portfolio;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Relationship;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Strategy;
import io.clientyield.profitability.rating.ClientRatings;
import io.clientyield.profitability.rating.StatusPoints;
import org.quicktheories.core.Gen;

/** Generators for the rating and portfolio packages. */
public final class PortfolioGenerators {

  private PortfolioGenerators() {}

  /** Client ids c0..c9 (few, so ties and collisions happen). */
  public static Gen<ClientId> clientIds() {
    return integers().between(0, 9).map(i -> ClientId.of("c" + i));
  }

  /** Campaign ids k0..k3. */
  public static Gen<CampaignId> campaignIds() {
    return integers().between(0, 3).map(i -> CampaignId.of("k" + i));
  }

  /** Outcomes of all three kinds, with a few reasons. */
  public static Gen<Outcome> outcomes() {
    return integers()
        .between(0, 4)
        .map(
            i ->
                switch (i) {
                  case 0, 1 -> Outcome.won();
                  case 2 -> Outcome.clientRefused("price");
                  case 3 -> Outcome.clientRefused("timing");
                  default -> Outcome.weDeclined("credit");
                });
  }

  /** A rating book built by random operations; rejected operations are skipped. */
  public static Gen<ClientRatings> ratingBooks() {
    Gen<long[]> op =
        lists()
            .of(longs().between(0, Long.MAX_VALUE / 4))
            .ofSizeBetween(5, 5)
            .map(l -> l.stream().mapToLong(Long::longValue).toArray());
    return lists()
        .of(op)
        .ofSizeBetween(0, 40)
        .map(
            ops -> {
              var book =
                  ClientRatings.empty(
                      StatusPoints.DEFAULT.withOverride(Outcome.clientRefused("price"), -2));
              for (long[] o : ops) {
                var client = ClientId.of("c" + (o[1] % 10));
                var campaign = CampaignId.of("k" + (o[2] % 4));
                long rating = (o[3] % 41) - 20;
                try {
                  book =
                      switch ((int) (o[0] % 3)) {
                        case 0 -> book.recordOutcome(client, campaign, outcomeOf(o[4]));
                        case 1 -> book.assignCampaignRating(client, campaign, rating);
                        default -> book.assignPersonalRating(client, rating);
                      };
                } catch (io.clientyield.core.ValidationException e) {
                  // a once-only value already set: keep the book unchanged
                }
              }
              return book;
            });
  }

  /** Facts for up to 12 clients over criteria m0..m2 (a value may be missing), values in [-50, 150]. */
  public static Gen<java.util.List<ClientFacts>> portfolios() {
    return lists()
        .of(lists().of(integers().between(-60, 150)).ofSizeBetween(3, 3))
        .ofSizeBetween(1, 12)
        .map(
            rows -> {
              var out = new java.util.ArrayList<ClientFacts>();
              for (int i = 0; i < rows.size(); i++) {
                var m = new java.util.TreeMap<String, Double>();
                for (int j = 0; j < 3; j++) {
                  int v = rows.get(i).get(j);
                  if (v >= -50 || j == 0) {
                    m.put("m" + j, (double) v);
                  }
                }
                out.add(new ClientFacts(ClientId.of("c" + i), m));
              }
              return java.util.List.copyOf(out);
            });
  }

  /** A matrix over m0..m2 on both axes with the given normalization for every criterion. */
  public static PortfolioMatrix matrix(Normalization n) {
    var crit =
        java.util.List.of(
            new Criterion("m0", true, 2, n),
            new Criterion("m1", false, 1, n),
            new Criterion("m2", true, 0.5, n));
    return PortfolioMatrix.of(crit, crit);
  }

  /** Points tables with per-kind points in [-1000, 1000] and up to four overrides (first wins). */
  public static Gen<StatusPoints> statusPoints() {
    Gen<Long> pts = longs().between(-1000, 1000);
    Gen<long[]> kinds = pts.zip(pts, pts, (w, r, d) -> new long[] {w, r, d});
    Gen<java.util.List<StatusPoints.OutcomePoints>> overrides =
        lists().of(outcomes().zip(pts, StatusPoints.OutcomePoints::new)).ofSizeBetween(0, 4);
    return kinds.zip(
        overrides,
        (k, ov) -> {
          var unique = new java.util.LinkedHashMap<Outcome, StatusPoints.OutcomePoints>();
          ov.forEach(o -> unique.putIfAbsent(o.outcome(), o));
          return new StatusPoints(
              java.util.Map.of(
                  Outcome.Kind.WON, k[0], Outcome.Kind.CLIENT_REFUSED, k[1], Outcome.Kind.WE_DECLINED, k[2]),
              java.util.List.copyOf(unique.values()));
        });
  }

  /** Points near the ends of a long (and a few small ones), so that status sums can overflow. */
  public static Gen<Long> extremePoints() {
    return org.quicktheories.generators.Generate.pick(
        java.util.List.of(
            Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 3, 1L, 0L, -1L,
            Long.MIN_VALUE / 3, Long.MIN_VALUE / 2, Long.MIN_VALUE));
  }

  /**
   * Inputs of {@link PortfolioSummary#of}: distinct clients c0..c(n-1), n in [0, 15], each placed
   * in a random cell, with revenue (EUR 0 to 10 000, zero about a quarter of the time) and profit
   * (EUR -10 000 to 10 000), and a topN in [1, 6].
   */
  public static Gen<SummaryInput> summaryInputs() {
    return summaryInputs(0);
  }

  /**
   * Like {@link #summaryInputs()} with at least {@code minClients} clients.
   *
   * @param minClients the fewest clients, at most 15
   * @return the generator
   */
  public static Gen<SummaryInput> summaryInputs(int minClients) {
    Gen<long[]> row =
        integers()
            .between(0, 8)
            .zip(
                longs().between(-300_000L, 1_000_000L).map(r -> Math.max(0L, r)),
                longs().between(-1_000_000L, 1_000_000L),
                (cell, rev, prof) -> new long[] {cell, rev, prof});
    return lists()
        .of(row)
        .ofSizeBetween(minClients, 15)
        .zip(
            integers().between(1, 6),
            (rows, topN) -> {
              var placements = new java.util.ArrayList<Placement>();
              var financials = new java.util.ArrayList<PortfolioSummary.ClientFinancials>();
              for (int i = 0; i < rows.size(); i++) {
                long[] r = rows.get(i);
                ClientId id = ClientId.of("c" + i);
                placements.add(placed(id, (int) r[0]));
                financials.add(
                    new PortfolioSummary.ClientFinancials(
                        id,
                        io.clientyield.core.Money.ofMinor(r[1], io.clientyield.testkit.CoreGenerators.EUR),
                        io.clientyield.core.Money.ofMinor(r[2], io.clientyield.testkit.CoreGenerators.EUR)));
              }
              return new SummaryInput(
                  java.util.List.copyOf(placements), java.util.List.copyOf(financials), topN);
            });
  }

  /**
   * A client placed in cell {@code cell} (attractiveness × 3 + relationship).
   *
   * @param id the client
   * @param cell 0..8
   * @return the placement
   */
  public static Placement placed(ClientId id, int cell) {
    return new Placement(
        id,
        0.5,
        0.5,
        Attractiveness.values()[cell / 3],
        Relationship.values()[cell % 3],
        new Strategy("s", java.util.List.of()),
        java.util.List.of(),
        java.util.List.of(),
        java.util.List.of());
  }

  /**
   * The arguments of one {@link PortfolioSummary#of} call.
   *
   * @param placements distinct clients
   * @param financials one entry per placed client
   * @param topN the concentration count
   */
  public record SummaryInput(
      java.util.List<Placement> placements,
      java.util.List<PortfolioSummary.ClientFinancials> financials,
      int topN) {}

  private static Outcome outcomeOf(long n) {
    return switch ((int) (n % 4)) {
      case 0, 1 -> Outcome.won();
      case 2 -> Outcome.clientRefused("price");
      default -> Outcome.weDeclined("credit");
    };
  }
}
