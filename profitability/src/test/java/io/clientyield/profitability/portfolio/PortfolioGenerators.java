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

  private static Outcome outcomeOf(long n) {
    return switch ((int) (n % 4)) {
      case 0, 1 -> Outcome.won();
      case 2 -> Outcome.clientRefused("price");
      default -> Outcome.weDeclined("credit");
    };
  }
}
