package io.clientyield.funnel;

import io.clientyield.funnel.StageFunnel.WeakStage;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.StageFunnel.FunnelStage.ReasonCount;
import io.clientyield.funnel.internal.FunnelSinks;
import io.clientyield.funnel.internal.DealSink;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageFunnelTest {
  static final Currency EUR = Money.currency("EUR");
  static final Stages STAGES = Stages.of("contact", "presentation", "proposal");
  private static final double TOLERANCE = 1e-12;

  /** DOMAIN 2.1: 100 entered, 20 refused after stage 1, 79 after stage 2, 1 reached stage 3 and signed. */
  static List<Deal> domainExample() {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      deals.add(deal("c" + i, "contact", Outcome.clientRefused(i < 5 ? "timing" : "no-need")));
    }
    for (int i = 0; i < 79; i++) {
      deals.add(deal("p" + i, "presentation", Outcome.clientRefused(i < 60 ? "price" : "quality")));
    }
    deals.add(deal("won", "proposal", Outcome.won()));
    return deals;
  }

  static Deal deal(String id, String stage, Outcome outcome) {
    Deal.Builder b = Deal.builder().id(DealId.of(id)).reachedStage(stage);
    if (outcome != null) {
      b.outcome(outcome);
    }
    return b.build();
  }

  private static StageFunnel domainFunnel() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    domainExample().forEach(acc::add);
    return acc.result();
  }

  @Test
  void domainExampleEnteredIs100Then80Then1() {
    StageFunnel f = domainFunnel();
    assertThat(f.stages()).extracting(FunnelStage::entered).containsExactly(100L, 80L, 1L);
    assertThat(f.stages()).extracting(FunnelStage::passed).containsExactly(80L, 1L, 1L);
    assertThat(f.stages()).extracting(FunnelStage::refused).containsExactly(20L, 79L, 0L);
    assertThat(f.stages()).extracting(FunnelStage::won).containsExactly(0L, 0L, 1L);
    assertThat(f.topEntered()).isEqualTo(100);
    assertThat(f.won()).isEqualTo(1);
    assertThat(f.refused()).isEqualTo(99);
    assertThat(f.stage("contact").conversion().value().getAsDouble()).isCloseTo(0.8, within(TOLERANCE));
    assertThat(f.stage("presentation").conversion()).isEqualTo(Proportion.of(1, 80));
    assertThat(f.stage("proposal").conversion()).isEqualTo(Proportion.of(1, 1));
    assertThat(f.stages()).extracting(s -> s.cumulative().value().getAsDouble())
        .containsExactly(0.8, 0.01, 0.01);
  }

  @Test
  void domainExampleWeakestIsTheStepIntoTheProposalBothWays() {
    StageFunnel f = domainFunnel();
    WeakStage expected = WeakStage.of("presentation", 1, Optional.of("proposal"), 79, 0, Proportion.of(1, 80));
    assertThat(f.weakestByLoss()).contains(expected);
    assertThat(f.weakestByConversion()).contains(expected);
  }

  @Test
  void domainExampleReproducesWithResolvedConversion() {
    StageFunnel f = domainFunnel();
    assertThat(f.stages()).extracting(FunnelStage::resolvedConversion)
        .containsExactly(Proportion.of(80, 100), Proportion.of(1, 80), Proportion.of(1, 1));
    assertThat(f.stages()).extracting(FunnelStage::resolved).containsExactly(100L, 80L, 1L);
  }

  @Test
  void openDealsAreInProgressAndNeverMakeAStageTheWeakest() {
    List<Deal> deals = new ArrayList<>(domainExample());
    for (int i = 0; i < 400; i++) {
      deals.add(deal("open" + i, "contact", null)); // unfinished, not failed
    }
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    deals.forEach(acc::add);
    StageFunnel f = acc.result();
    FunnelStage contact = f.stage("contact");
    assertThat(contact.conversion()).isEqualTo(Proportion.of(80, 500)); // display base: 16 %
    assertThat(contact.resolvedConversion()).isEqualTo(Proportion.of(80, 100));
    assertThat(contact.inProgress()).isEqualTo(400);
    WeakStage weakest = f.weakestByConversion().orElseThrow();
    assertThat(weakest.stage()).isEqualTo("presentation");
    assertThat(weakest.resolvedConversion()).isEqualTo(Proportion.of(1, 80));
    assertThat(weakest.inProgress()).isZero();
  }

  @Test
  void aStageWithOnlyOpenDealsIsNotCompared() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    acc.add(deal("a", "contact", null));
    acc.add(deal("b", "proposal", Outcome.clientRefused("price")));
    StageFunnel f = acc.result();
    assertThat(f.stage("contact").resolvedConversion()).isEqualTo(Proportion.of(1, 1));
    assertThat(f.weakestByConversion().orElseThrow().stage()).isEqualTo("proposal");
  }

  @Test
  void reasonsBreakDownTheWeakStage() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    domainExample().forEach(acc::add);
    acc.add(deal("dec", "presentation", Outcome.weDeclined("too-small")));
    acc.add(deal("dec2", "presentation", Outcome.of(Outcome.Kind.WE_DECLINED)));
    FunnelStage presentation = acc.result().stage("presentation");
    // 60 price + 19 quality refusals, 2 declines: 81 drops
    assertThat(presentation.reasons()).containsExactly(
        ReasonCount.of(Outcome.Kind.CLIENT_REFUSED, Optional.of("price"), 60, 60.0 / 81, 60.0 / 79),
        ReasonCount.of(Outcome.Kind.CLIENT_REFUSED, Optional.of("quality"), 19, 19.0 / 81, 19.0 / 79),
        ReasonCount.of(Outcome.Kind.WE_DECLINED, Optional.empty(), 1, 1.0 / 81, 0.5),
        ReasonCount.of(Outcome.Kind.WE_DECLINED, Optional.of("too-small"), 1, 1.0 / 81, 0.5));
    assertThat(presentation.reasons(Outcome.Kind.WE_DECLINED)).hasSize(2);
    assertThat(presentation.dropped(Outcome.Kind.CLIENT_REFUSED, Optional.of("price"))).isEqualTo(60);
    assertThat(presentation.dropped(Outcome.Kind.CLIENT_REFUSED, Optional.of("timing"))).isZero();
    FunnelStage contact = acc.result().stage("contact");
    assertThat(contact.reasons()).extracting(r -> r.reason().orElseThrow(), ReasonCount::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("no-need", 15L),
            org.assertj.core.groups.Tuple.tuple("timing", 5L));
    assertThat(contact.reasons().get(0).shareOfDrops()).isCloseTo(0.75, within(TOLERANCE));
  }

  @Test
  void conservationHoldsWithOpenDealsAndDeclines() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    domainExample().forEach(acc::add);
    acc.add(deal("open1", "presentation", null));
    acc.add(deal("dec1", "contact", Outcome.weDeclined("too-small")));
    StageFunnel f = acc.result();
    assertThat(f.topEntered()).isEqualTo(102).isEqualTo(f.won() + f.refused() + f.declined() + f.inProgress());
    assertThat(f.stage("presentation").inProgress()).isEqualTo(1);
    assertThat(f.stage("contact").declined()).isEqualTo(1);
  }

  @Test
  void emptyFunnelHasUndefinedConversionsAndNoWeakStage() {
    StageFunnel f = new StageFunnelAccumulator(STAGES, EUR).result();
    assertThat(f.topEntered()).isZero();
    assertThat(f.stage("contact").conversion().value()).isEmpty();
    assertThat(f.weakestByLoss()).isEmpty();
    assertThat(f.weakestByConversion()).isEmpty();
    assertJsonRoundTrip(f, StageFunnel.class);
  }

  @Test
  void primitivePathEqualsObjectPath() {
    StageFunnelAccumulator objects = new StageFunnelAccumulator(STAGES, EUR);
    objects.add(Deal.builder().id(DealId.of("a")).reachedStage("proposal").outcome(Outcome.clientRefused("price"))
        .budget(Money.of("10.50", "EUR")).build());
    objects.add(deal("b", "contact", Outcome.won()));
    StageFunnelAccumulator primitives = new StageFunnelAccumulator(STAGES, EUR, List.of("price"));
    FunnelSinks.of(primitives).deal(0, 2, Outcome.Kind.CLIENT_REFUSED.ordinal(), 0, 1050);
    FunnelSinks.of(primitives).deal(0, 0, Outcome.Kind.WON.ordinal(), DealSink.NO_REASON, DealSink.NO_BUDGET);
    assertThat(primitives.result()).isEqualTo(objects.result());
  }

  @Test
  void rejectsBadInputNamingTheDealAndChangingNothing() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    StageFunnel before = acc.result();
    Deal usd = Deal.builder().id(DealId.of("D-9")).reachedStage("contact").budget(Money.of("1.00", "USD"))
        .outcome(Outcome.clientRefused("new-reason")).build();
    assertThatThrownBy(() -> acc.add(usd)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("D-9").hasMessageContaining("USD").hasMessageContaining("EUR");
    assertThatThrownBy(() -> acc.add(deal("D-10", "nowhere", null))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("D-10").hasMessageContaining("nowhere");
    assertThatThrownBy(() -> FunnelSinks.of(acc).deal(0, 3, -1, -1, 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("reachedStage");
    assertThatThrownBy(() -> FunnelSinks.of(acc).deal(0, 0, 0, 0, 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("reason");
    assertThat(acc.result()).isEqualTo(before);
    assertThat(acc.reasons()).isEmpty();
  }

  @Test
  void mergeRejectsAnotherCurrencyOrOtherStagesAndChangesNothing() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    domainExample().forEach(acc::add);
    StageFunnel before = acc.result();
    StageFunnelAccumulator usd = new StageFunnelAccumulator(STAGES, Money.currency("USD"));
    usd.add(deal("u", "contact", Outcome.clientRefused("other")));
    assertThatThrownBy(() -> acc.merge(usd)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("USD").hasMessageContaining("EUR");
    assertThatThrownBy(() -> acc.merge(new StageFunnelAccumulator(Stages.of("contact"), EUR)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("stages");
    assertThat(acc.result()).isEqualTo(before);
    assertThat(acc.reasons()).doesNotContain("other");
  }

  @Test
  void roundTripsThroughJson() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    domainExample().forEach(acc::add);
    acc.add(Deal.builder().id(DealId.of("o")).reachedStage("proposal").budget(Money.of("99.99", "EUR")).build());
    StageFunnel f = acc.result();
    assertJsonRoundTrip(f, StageFunnel.class);
    assertJsonRoundTrip(f.weakestByLoss().orElseThrow(), WeakStage.class);
    assertJsonRoundTrip(f.stage("presentation").reasons().get(0), ReasonCount.class);
    assertJsonRoundTrip(f.conversion(), ConversionComparison.class);
  }

  /** 2^62: one deal self-merged 62 times; one more self-merge is 2^63, beyond a long. */
  private static final long TWO_TO_62 = 1L << 62;
  /** Two budgets of this many minor units overflow a long. */
  private static final long HALF_OVER = Long.MAX_VALUE / 2 + 1;

  @Test
  void aMergeBeyondALongOfDealsIsNamedAndChangesNothing() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    acc.add(deal("a", "presentation", Outcome.clientRefused("price")));
    for (int i = 0; i < 62; i++) {
      acc.merge(acc);
    }
    StageFunnel before = acc.result();
    assertThat(before.stages().get(0).entered()).isEqualTo(TWO_TO_62);
    assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("deals (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThat(acc.result()).isEqualTo(before);
    assertThatThrownBy(() -> acc.merge(copyOf(acc))).isInstanceOf(ValidationException.class);
    assertThat(acc.result()).isEqualTo(before);
  }

  private static StageFunnelAccumulator copyOf(StageFunnelAccumulator acc) {
    return new StageFunnelAccumulator(STAGES, EUR).merge(acc);
  }

  @Test
  void aBudgetBeyondALongIsNamedAndNothingIsCountedOrInterned() {
    StageFunnelAccumulator acc = new StageFunnelAccumulator(STAGES, EUR);
    acc.add(Deal.builder().id(DealId.of("a")).reachedStage("contact")
        .budget(Money.ofMinor(HALF_OVER, EUR)).build());
    StageFunnel before = acc.result();
    Deal lost = Deal.builder().id(DealId.of("b")).reachedStage("proposal")
        .outcome(Outcome.clientRefused("price")).budget(Money.ofMinor(HALF_OVER, EUR)).build();
    assertThatThrownBy(() -> acc.add(lost)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("budget (minor units) (4611686018427387904 + 4611686018427387904) must fit in a long");
    assertThatThrownBy(() -> FunnelSinks.of(acc).deal(0, 2, Outcome.Kind.WON.ordinal(), DealSink.NO_REASON, HALF_OVER))
        .isInstanceOf(ValidationException.class).hasMessageContaining("budget (minor units)");
    assertThat(acc.result()).isEqualTo(before);
    assertThat(acc.reasons()).isEmpty();
  }
}
