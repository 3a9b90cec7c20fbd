package io.clientyield.profitability.rating;

import static io.clientyield.profitability.portfolio.PortfolioGenerators.campaignIds;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.clientIds;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.ratingBooks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.core.ValidationException;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatingProperties {

  @Test
  void compositeEqualsSumOfParts() {
    qt().withExamples(200)
        .forAll(ratingBooks(), clientIds(), campaignIds())
        .checkAssert(
            (book, client, campaign) -> {
              var e = book.explain(client, campaign);
              long status =
                  e.statusOutcomes().stream().mapToLong(RankedClient.ScoredOutcome::points).sum();
              assertThat(e.composite())
                  .isEqualTo(status + e.campaignRating() + e.personalRating());
              assertThat(e.campaignRating())
                  .isEqualTo(book.campaignRating(client, campaign).orElse(0L));
              assertThat(e.personalRating()).isEqualTo(book.personalRating(client).orElse(0L));
            });
  }

  @Test
  void rankingIsTotalDeterministicAndIndependentOfInputOrder() {
    qt().withExamples(200)
        .forAll(ratingBooks(), campaignIds(), lists().of(clientIds()).ofSizeBetween(0, 15))
        .checkAssert(
            (book, campaign, clients) -> {
              var ranked = book.rank(campaign, clients);
              var shuffled = new ArrayList<>(clients);
              Collections.shuffle(shuffled, new Random(clients.size()));
              Collections.reverse(shuffled);
              assertThat(book.rank(campaign, shuffled)).isEqualTo(ranked);
              assertThat(ranked).hasSize((int) clients.stream().distinct().count());
              for (int i = 1; i < ranked.size(); i++) {
                assertThat(RankedClient.ORDER.compare(ranked.get(i - 1), ranked.get(i)))
                    .isNegative();
                assertThat(ranked.get(i - 1).composite())
                    .isGreaterThanOrEqualTo(ranked.get(i).composite());
                assertThat(ranked.get(i).rank()).isEqualTo(i + 1);
              }
            });
  }

  @Test
  void reassigningOnceRatingsIsRejected() {
    qt().withExamples(200)
        .forAll(ratingBooks(), clientIds(), campaignIds())
        .checkAssert(
            (book, client, campaign) -> {
              var once = book.replacePersonalRating(client, 1).replaceCampaignRating(client, campaign, 2);
              assertThatThrownBy(() -> once.assignPersonalRating(client, 3))
                  .isInstanceOf(ValidationException.class);
              assertThatThrownBy(() -> once.assignCampaignRating(client, campaign, 3))
                  .isInstanceOf(ValidationException.class);
              assertThat(once.personalRating(client)).contains(1L);
            });
  }

  @Test
  void jsonRoundTrip() {
    qt().withExamples(100)
        .forAll(ratingBooks())
        .checkAssert(
            book -> io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip(book, ClientRatings.class));
  }
}
