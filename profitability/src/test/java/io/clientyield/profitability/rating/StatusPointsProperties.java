package io.clientyield.profitability.rating;

import static io.clientyield.profitability.portfolio.PortfolioGenerators.campaignIds;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.clientIds;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.extremePoints;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.outcomes;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.statusPoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.CampaignId;
import io.clientyield.core.ClientId;
import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPointsProperties {

  @Test
  void pointsAreTheOverrideElseThePointsOfTheKind() {
    qt().forAll(statusPoints(), outcomes())
        .checkAssert(
            (points, outcome) -> {
              long expected =
                  points.overrides().stream()
                      .filter(o -> o.outcome().equals(outcome))
                      .mapToLong(StatusPoints.OutcomePoints::points)
                      .findFirst()
                      .orElse(points.perKind().get(outcome.kind()));
              assertThat(points.pointsFor(outcome)).isEqualTo(expected);
            });
  }

  @Test
  void withOverrideChangesOnlyThatOutcome() {
    qt().forAll(statusPoints(), outcomes(), longs().between(-1000, 1000), outcomes())
        .checkAssert(
            (points, outcome, p, other) -> {
              var changed = points.withOverride(outcome, p);
              assertThat(changed.pointsFor(outcome)).isEqualTo(p);
              if (!other.equals(outcome)) {
                assertThat(changed.pointsFor(other)).isEqualTo(points.pointsFor(other));
              }
              assertThat(changed.perKind()).isEqualTo(points.perKind());
              // replacing, not adding: one override per outcome
              assertThat(changed.overrides().stream().filter(o -> o.outcome().equals(outcome)))
                  .hasSize(1);
            });
  }

  @Test
  void overridingAnOutcomeTwiceIsRejected() {
    qt().forAll(statusPoints(), outcomes(), longs().between(-1000, 1000))
        .checkAssert(
            (points, outcome, p) -> {
              var twice = new ArrayList<>(points.withOverride(outcome, p).overrides());
              twice.add(new StatusPoints.OutcomePoints(outcome, p + 1));
              assertThatThrownBy(() -> new StatusPoints(points.perKind(), twice))
                  .isInstanceOf(ValidationException.class)
                  .hasMessageContaining("must not override an outcome twice");
            });
  }

  @Test
  void statusRatingIsTheSumOfThePointsOfTheClientsOutcomes() {
    qt().forAll(statusPoints(), lists().of(outcomes()).ofSizeBetween(0, 4), clientIds())
        .checkAssert(
            (points, list, client) -> {
              var book = ClientRatings.empty(points);
              long expected = 0;
              for (int i = 0; i < list.size(); i++) {
                book = book.recordOutcome(client, CampaignId.of("k" + i), list.get(i));
                expected += points.pointsFor(list.get(i));
              }
              assertThat(book.explain(client, CampaignId.of("k0")).statusRating())
                  .isEqualTo(expected);
            });
  }

  @Test
  void raisingThePointsOfAKindNeverLowersAStatusRating() {
    qt().forAll(statusPoints(), lists().of(outcomes()).ofSizeBetween(0, 4), longs().between(0, 1000))
        .checkAssert(
            (points, list, raise) -> {
              var raised = new java.util.EnumMap<Outcome.Kind, Long>(points.perKind());
              raised.replaceAll((k, v) -> v + raise);
              var higher = new StatusPoints(raised, points.overrides());
              long before = 0;
              long after = 0;
              for (Outcome o : list) {
                before += points.pointsFor(o);
                after += higher.pointsFor(o);
              }
              assertThat(after).isGreaterThanOrEqualTo(before);
            });
  }

  @Test
  void statusSumsAreExactOrRejectedWithTheBookUnchanged() {
    qt().withExamples(300)
        .forAll(
            extremePoints(),
            extremePoints(),
            lists().of(outcomes()).ofSizeBetween(1, 6),
            campaignIds())
        .checkAssert(
            (won, refused, list, campaign) -> {
              var points =
                  new StatusPoints(
                      Map.of(
                          Outcome.Kind.WON, won,
                          Outcome.Kind.CLIENT_REFUSED, refused,
                          Outcome.Kind.WE_DECLINED, -won),
                      List.of());
              ClientId client = ClientId.of("c0");
              var book = ClientRatings.empty(points);
              BigInteger exact = BigInteger.ZERO;
              for (int i = 0; i < list.size(); i++) {
                Outcome o = list.get(i);
                BigInteger next = exact.add(BigInteger.valueOf(points.pointsFor(o)));
                var before = book;
                CampaignId k = CampaignId.of("k" + i);
                if (next.bitLength() < Long.SIZE) {
                  book = book.recordOutcome(client, k, o);
                  exact = next;
                } else {
                  assertThatThrownBy(() -> before.recordOutcome(client, k, o))
                      .isInstanceOf(ValidationException.class)
                      .hasMessageContaining("statusRating[c0]");
                }
                assertThat(book.explain(client, campaign).statusRating())
                    .isEqualTo(exact.longValueExact());
              }
            });
  }

  @Test
  void jsonRoundTrip() {
    qt().forAll(statusPoints())
        .checkAssert(points -> JsonAssertions.assertJsonRoundTrip(points, StatusPoints.class));
  }
}
