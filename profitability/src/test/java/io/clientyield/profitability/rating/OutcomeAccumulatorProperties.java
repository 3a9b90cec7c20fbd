package io.clientyield.profitability.rating;

import static io.clientyield.profitability.portfolio.PortfolioGenerators.campaignIds;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.clientIds;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.extremePoints;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.outcomes;
import static io.clientyield.profitability.portfolio.PortfolioGenerators.ratingBooks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.testkit.AccumulatorLaws;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.rating.ClientRatings.CampaignOutcome;
import io.clientyield.profitability.rating.ClientRatings.OutcomeAccumulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class OutcomeAccumulatorProperties {

  /** Campaign outcomes, possibly for the same client and campaign twice. */
  private static Gen<List<CampaignOutcome>> outcomeLists(int max) {
    return lists()
        .of(clientIds().zip(campaignIds(), outcomes(), CampaignOutcome::new))
        .ofSizeBetween(0, max);
  }

  /** The outcomes whose client and campaign the book (and the list before them) has not seen. */
  private static List<CampaignOutcome> fresh(ClientRatings book, List<CampaignOutcome> list) {
    var seen = new HashSet<List<Object>>();
    book.outcomes().forEach(o -> seen.add(List.of(o.client(), o.campaign())));
    return list.stream()
        .filter(o -> seen.add(List.of(o.client(), o.campaign())))
        .collect(Collectors.toList());
  }

  /** Records one by one on the book, skipping what the book rejects. */
  private static ClientRatings recordEach(ClientRatings book, List<CampaignOutcome> list) {
    for (CampaignOutcome o : list) {
      book = book.recordOutcome(o.client(), o.campaign(), o.outcome());
    }
    return book;
  }

  private static OutcomeAccumulator fold(ClientRatings base, List<CampaignOutcome> list) {
    var acc = new OutcomeAccumulator(base);
    list.forEach(acc::add);
    return acc;
  }

  @Test
  void recordingInPiecesAndMergingEqualsRecordingAll() {
    qt().withExamples(300)
        .forAll(ratingBooks(), outcomeLists(60), integers().between(1, 5))
        .checkAssert(
            (book, list, pieces) -> {
              List<CampaignOutcome> all = fresh(book, list);
              var merged = new OutcomeAccumulator(book);
              for (int p = 0; p < pieces; p++) {
                int from = all.size() * p / pieces;
                int to = all.size() * (p + 1) / pieces;
                merged.merge(fold(book, all.subList(from, to)));
              }
              ClientRatings whole = recordEach(book, all);
              assertThat(merged.result()).isEqualTo(whole);
              assertThat(fold(book, all).result()).isEqualTo(whole);
              assertThat(all.parallelStream().collect(OutcomeAccumulator.collector(book)))
                  .isEqualTo(whole);
            });
  }

  @Test
  void theAccumulatorAcceptsAndRejectsExactlyWhatRecordOutcomeDoes() {
    qt().withExamples(300)
        .forAll(extremePoints(), extremePoints(), outcomeLists(12))
        .checkAssert(
            (won, refused, list) -> {
              var points =
                  new StatusPoints(
                      Map.of(
                          Outcome.Kind.WON, won,
                          Outcome.Kind.CLIENT_REFUSED, refused,
                          Outcome.Kind.WE_DECLINED, -won),
                      List.of());
              var book = ClientRatings.empty(points);
              var acc = new OutcomeAccumulator(ClientRatings.empty(points));
              for (CampaignOutcome o : list) {
                String bookSays = null;
                String accSays = null;
                try {
                  book = book.recordOutcome(o.client(), o.campaign(), o.outcome());
                } catch (ValidationException e) {
                  bookSays = e.getMessage();
                }
                try {
                  acc.add(o);
                } catch (ValidationException e) {
                  accSays = e.getMessage();
                }
                assertThat(accSays).isEqualTo(bookSays);
                assertThat(acc.result()).isEqualTo(book);
              }
            });
  }

  /** The accumulator laws; a merge that is rejected counts as its message. */
  @Test
  void mergeEqualsConcatenationIsAssociativeAndHasTheEmptyIdentity() {
    qt().withExamples(200)
        .forAll(
            ratingBooks().zip(outcomeLists(30), (b, l) -> List.<Object>of(b, fresh(b, l))),
            integers().between(0, 1 << 20),
            integers().between(0, 1 << 20))
        .check(
            (bl, x, y) -> {
              ClientRatings book = (ClientRatings) bl.get(0);
              @SuppressWarnings("unchecked")
              List<CampaignOutcome> items = (List<CampaignOutcome>) bl.get(1);
              int i = x % (items.size() + 1);
              int j = y % (items.size() + 1);
              var split = new AccumulatorLaws.Split<>(items, Math.min(i, j), Math.max(i, j));
              Supplier<Guarded> empty = () -> new Guarded(new OutcomeAccumulator(book));
              return AccumulatorLaws.hold(
                  split, empty, Guarded::add, Guarded::merge, Guarded::result);
            });
  }

  /** An accumulator whose rejected merge is remembered, so laws compare rejections too. */
  private static final class Guarded {
    private final OutcomeAccumulator acc;
    private String rejected;

    Guarded(OutcomeAccumulator acc) {
      this.acc = acc;
    }

    void add(CampaignOutcome o) {
      acc.add(o);
    }

    Guarded merge(Guarded other) {
      if (rejected == null && other.rejected == null) {
        try {
          acc.merge(other.acc);
        } catch (ValidationException e) {
          rejected = e.getMessage();
        }
      } else if (rejected == null) {
        rejected = other.rejected;
      }
      return this;
    }

    Object result() {
      return rejected != null ? rejected : acc.result();
    }
  }

  @Test
  void aSelfMergeRecordsEveryOutcomeTwiceAndIsRejectedLeavingTheAccumulatorUnchanged() {
    var acc =
        new OutcomeAccumulator(ClientRatings.empty())
            .add(
                new CampaignOutcome(
                    io.clientyield.core.ClientId.of("acme"),
                    io.clientyield.core.CampaignId.of("expo-2025"),
                    Outcome.won()));
    var before = acc.result();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> acc.merge(acc))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("outcome[acme/expo-2025]")
        .hasMessageContaining("already recorded as");
    assertThat(acc.result()).isEqualTo(before);
    var other = new OutcomeAccumulator(ClientRatings.empty(StatusPoints.DEFAULT.withOverride(Outcome.won(), 3)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> acc.merge(other))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("other.base");
    assertThat(new ArrayList<>(acc.result().outcomes())).hasSize(1);
  }
}
