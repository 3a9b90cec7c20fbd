package io.clientyield.profitability.portfolio;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.Outcome;
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

  /** A matrix over m0..m2 on both axes with the given normalisation for every criterion. */
  public static PortfolioMatrix matrix(Normalisation n) {
    var crit =
        java.util.List.of(
            new Criterion("m0", true, 2, n),
            new Criterion("m1", false, 1, n),
            new Criterion("m2", true, 0.5, n));
    return PortfolioMatrix.of(crit, crit);
  }

  private static Outcome outcomeOf(long n) {
    return switch ((int) (n % 4)) {
      case 0, 1 -> Outcome.won();
      case 2 -> Outcome.clientRefused("price");
      default -> Outcome.weDeclined("credit");
    };
  }
}
