package io.clientyield.profitability.rating;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.rating.ClientRatings.RankedClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientRatingsTest {

  private static final ClientId ACME = ClientId.of("acme");
  private static final ClientId BETA = ClientId.of("beta");
  private static final ClientId GAMMA = ClientId.of("gamma");
  private static final CampaignId EXPO = CampaignId.of("expo-2025");
  private static final CampaignId SPRING = CampaignId.of("spring-2026");

  private static final ClientRatings BOOK =
      ClientRatings.empty(StatusPoints.DEFAULT.withOverride(Outcome.clientRefused("price"), 3))
          .recordOutcome(ACME, EXPO, Outcome.won())
          .recordOutcome(BETA, EXPO, Outcome.clientRefused("price"))
          .recordOutcome(GAMMA, EXPO, Outcome.weDeclined("credit"))
          .assignCampaignRating(BETA, SPRING, 8)
          .assignCampaignRating(GAMMA, EXPO, 50)
          .assignPersonalRating(GAMMA, 5)
          .assignPersonalRating(BETA, -1);

  @Test
  void explainsEachPart() {
    RankedClient beta = BOOK.explain(BETA, SPRING);
    assertThat(beta.statusOutcomes())
        .containsExactly(new RankedClient.ScoredOutcome(EXPO, Outcome.clientRefused("price"), 3));
    assertThat(beta.statusRating()).isEqualTo(3);
    assertThat(beta.campaignRating()).isEqualTo(8);
    assertThat(beta.personalRating()).isEqualTo(-1);
    assertThat(beta.composite()).isEqualTo(10);
    // the campaign rating counts only in its own campaign
    assertThat(BOOK.explain(BETA, EXPO).composite()).isEqualTo(2);
  }

  @Test
  void ranksByCompositeThenPersonalThenStatusThenId() {
    // spring: acme 10+0+0=10, beta 3+8-1=10, gamma 0+0+5=5 -> tie 10: personal acme 0 > beta -1
    var ranked = BOOK.rank(SPRING, List.of(GAMMA, BETA, ACME));
    assertThat(ranked).extracting(RankedClient::client).containsExactly(ACME, BETA, GAMMA);
    assertThat(ranked).extracting(RankedClient::rank).containsExactly(1, 2, 3);
    assertThat(ranked).extracting(RankedClient::composite).containsExactly(10L, 10L, 5L);
    // expo: gamma 0+50+5=55 first
    assertThat(BOOK.rank(EXPO, List.of(ACME, BETA, GAMMA)))
        .extracting(RankedClient::client)
        .containsExactly(GAMMA, ACME, BETA);
    var unknown = ClientId.of("zeta");
    var tie = ClientRatings.empty().rank(EXPO, List.of(unknown, ACME));
    assertThat(tie).extracting(RankedClient::client).containsExactly(ACME, unknown);
  }

  @Test
  void reassigningOnceRatingsIsRejectedUnlessReplaced() {
    assertThatThrownBy(() -> BOOK.assignPersonalRating(GAMMA, 7))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("personalRating[gamma]")
        .hasMessageContaining("already assigned as 5");
    assertThatThrownBy(() -> BOOK.assignCampaignRating(GAMMA, EXPO, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("campaignRating[gamma/expo-2025]")
        .hasMessageContaining("already assigned as 50");
    assertThatThrownBy(() -> BOOK.recordOutcome(ACME, EXPO, Outcome.weDeclined("x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("outcome[acme/expo-2025]")
        .hasMessageContaining("already recorded as WON");
    assertThat(BOOK.replacePersonalRating(GAMMA, 7).personalRating(GAMMA)).contains(7L);
    assertThat(BOOK.replaceCampaignRating(GAMMA, EXPO, 1).campaignRating(GAMMA, EXPO)).contains(1L);
    assertThat(BOOK.personalRating(GAMMA)).contains(5L);
  }

  @Test
  void pointSumsBeyondALongAreRejectedAndTheBookIsUnchanged() {
    var extreme =
        new StatusPoints(
            Map.of(
                Outcome.Kind.WON, Long.MAX_VALUE,
                Outcome.Kind.CLIENT_REFUSED, 1L,
                Outcome.Kind.WE_DECLINED, Long.MIN_VALUE),
            List.of());
    var book = ClientRatings.empty(extreme).recordOutcome(ACME, EXPO, Outcome.won());
    // status: MAX + 1
    assertThatThrownBy(() -> book.recordOutcome(ACME, SPRING, Outcome.clientRefused("price")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("statusRating[acme]")
        .hasMessageContaining("must fit in a long");
    // composite without a campaign rating: MAX + 0 + 1
    assertThatThrownBy(() -> book.assignPersonalRating(ACME, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("composite[acme]");
    assertThatThrownBy(() -> book.replacePersonalRating(ACME, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("composite[acme]");
    // composite in one campaign: MAX + 1 + 0
    assertThatThrownBy(() -> book.assignCampaignRating(ACME, SPRING, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("composite[acme/spring-2026]");
    // downwards too: MIN + (-1)
    var low = ClientRatings.empty(extreme).recordOutcome(BETA, EXPO, Outcome.weDeclined("credit"));
    assertThatThrownBy(() -> low.replaceCampaignRating(BETA, EXPO, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("composite[beta/expo-2025]");
    // nothing was applied: the books still explain and rank exactly
    assertThat(book.outcomes()).hasSize(1);
    assertThat(book.personalRating(ACME)).isEmpty();
    assertThat(book.campaignRating(ACME, SPRING)).isEmpty();
    assertThat(book.explain(ACME, SPRING).composite()).isEqualTo(Long.MAX_VALUE);
    assertThat(low.rank(EXPO, List.of(BETA)).get(0).composite()).isEqualTo(Long.MIN_VALUE);
    // sums that cancel out stay allowed
    assertThat(book.assignPersonalRating(ACME, -5).explain(ACME, EXPO).composite())
        .isEqualTo(Long.MAX_VALUE - 5);
  }

  @Test
  void aRankedClientWhosePartsOverflowIsRejected() {
    var won = Outcome.won();
    assertThatThrownBy(
            () ->
                new RankedClient(
                    0,
                    ACME,
                    List.of(
                        new RankedClient.ScoredOutcome(EXPO, won, Long.MAX_VALUE),
                        new RankedClient.ScoredOutcome(SPRING, won, 1)),
                    0,
                    0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("statusRating");
    assertThatThrownBy(
            () ->
                new RankedClient(
                    0,
                    ACME,
                    List.of(new RankedClient.ScoredOutcome(EXPO, won, 10)),
                    Long.MAX_VALUE - 5,
                    0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("composite");
  }

  @Test
  void nullElementsAreNamedByIndex() {
    var won = new ClientRatings.CampaignOutcome(ACME, EXPO, Outcome.won());
    assertThatThrownBy(
            () ->
                new ClientRatings(
                    StatusPoints.DEFAULT,
                    java.util.Arrays.asList(won, null),
                    java.util.Arrays.asList((ClientRatings.CampaignRating) null),
                    List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("outcomes[1] (null) must not be null")
        .hasMessageContaining("campaignRatings[0] (null) must not be null");
    assertThatThrownBy(() -> BOOK.rank(EXPO, java.util.Arrays.asList(ACME, BETA, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("clients[2] (null) must not be null");
    assertThatThrownBy(
            () -> new RankedClient(0, ACME, java.util.Arrays.asList((RankedClient.ScoredOutcome) null), 0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("statusOutcomes[0] (null) must not be null");
    assertThatThrownBy(
            () ->
                new StatusPoints(
                    StatusPoints.DEFAULT.perKind(),
                    java.util.Arrays.asList(new StatusPoints.OutcomePoints(Outcome.won(), 3), null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("overrides[1] (null) must not be null");
    var withNullKey = new java.util.HashMap<Outcome.Kind, Long>(StatusPoints.DEFAULT.perKind());
    withNullKey.put(null, 4L);
    assertThatThrownBy(() -> new StatusPoints(withNullKey, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("perKind");
  }

  @Test
  void defaultPoints() {
    assertThat(StatusPoints.DEFAULT.pointsFor(Outcome.won())).isEqualTo(10);
    assertThat(StatusPoints.DEFAULT.pointsFor(Outcome.clientRefused("price"))).isEqualTo(1);
    assertThat(StatusPoints.DEFAULT.pointsFor(Outcome.weDeclined("credit"))).isZero();
  }

  @Test
  void jsonRoundTrip() {
    assertJsonRoundTrip(BOOK, ClientRatings.class);
    assertJsonRoundTrip(BOOK.explain(BETA, SPRING), RankedClient.class);
    assertJsonRoundTrip(StatusPoints.DEFAULT, StatusPoints.class);
  }
}
