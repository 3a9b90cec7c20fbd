package io.clientyield.funnel.time;

import static io.clientyield.funnel.time.FunnelTimeGenerators.EUR;
import static io.clientyield.funnel.time.FunnelTimeGenerators.STAGES;
import static io.clientyield.funnel.time.FunnelTimeGenerators.dealLists;
import static io.clientyield.funnel.time.FunnelTimeGenerators.durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.internal.StateCodec;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.Deal;
import io.clientyield.funnel.Stages;
import io.clientyield.funnel.internal.WorkingDayHistogram;
import io.clientyield.testkit.AccumulatorLaws;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The compact state of {@link TimeInStageAccumulator}: decode(encode(acc)) has the same result
 * (the same JSON), merging decoded states equals folding all deals, and truncated, corrupted or
 * inconsistent bytes are a {@link ValidationException}, never another exception, neither when
 * decoding nor from the result or a merge of what was decoded.
 */
class TimeInStageStateProperties {
  private static final StageNorms NORMS =
      StageNorms.of(STAGES, Map.of("contact", 2L, "qualified", 5L, "proposal", 0L, "signed", 8L));
  private static final BusinessCalendar CALENDAR = BusinessCalendar.of(
      List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
      List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));

  /** A date a few days after the latest history date, so that ongoing stays straddle the norms. */
  private static LocalDate asOfShortlyAfter(List<Deal> deals, int k) {
    LocalDate latest = FunnelTimeGenerators.START;
    for (Deal d : deals) {
      for (Deal.StageVisit v : d.history()) {
        latest = v.enteredOn().isAfter(latest) ? v.enteredOn() : latest;
      }
    }
    return latest.plusDays(k % 12);
  }

  private static TimeInStageAccumulator fold(List<Deal> deals, LocalDate asOf) {
    TimeInStageAccumulator acc = new TimeInStageAccumulator(NORMS, CALENDAR, asOf, EUR);
    deals.forEach(acc::add);
    return acc;
  }

  private static TimeInStageAccumulator copy(TimeInStageAccumulator a, LocalDate asOf) {
    return TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, EUR, a.encode());
  }

  @Test
  void decodedStateHasTheSameResultAndJson() {
    qt().withExamples(200).forAll(dealLists(), integers().between(0, 100)).checkAssert((deals, k) -> {
      LocalDate asOf = asOfShortlyAfter(deals, k);
      TimeInStageAccumulator acc = fold(deals, asOf);
      TimeInStage decoded = copy(acc, asOf).result();
      TimeInStage direct = TimeInStageAccumulator.timeInStage(deals, NORMS, CALENDAR, asOf, EUR);
      assertThat(decoded).isEqualTo(direct).isEqualTo(acc.result());
      assertThat(ClientyieldJson.write(decoded)).isEqualTo(ClientyieldJson.write(direct));
      assertThat(decoded.velocity()).isEqualTo(direct.velocity());
      // a state encodes the same whether it was decoded or built
      assertThat(copy(acc, asOf).encode()).isEqualTo(acc.encode());
    });
  }

  @Test
  void mergingDecodedStatesObeysTheAccumulatorLaws() {
    qt().withExamples(200).forAll(AccumulatorLaws.splits(dealLists())).check(s -> {
      LocalDate asOf = asOfShortlyAfter(s.items(), s.first());
      UnaryOperator<TimeInStageAccumulator> copy = a -> copy(a, asOf);
      return AccumulatorLaws.hold(s, () -> new TimeInStageAccumulator(NORMS, CALENDAR, asOf, EUR),
          TimeInStageAccumulator::add, (x, y) -> copy.apply(x).merge(copy.apply(y)),
          a -> copy.apply(a).result());
    });
  }

  @Test
  void histogramsRoundTripThroughTheirState() {
    qt().forAll(durations()).checkAssert(days -> {
      WorkingDayHistogram h = new WorkingDayHistogram();
      days.forEach(h::add);
      StateCodec.Writer w = StateCodec.writer(1);
      h.encode(w);
      StateCodec.Reader r = StateCodec.reader(w.bytes(), 1, "h");
      assertThat(WorkingDayHistogram.decode(r, "h")).isEqualTo(h);
      r.end();
    });
  }

  @Test
  void manyDealsOfOneDurationCostNoMoreThanOne() {
    WorkingDayHistogram one = WorkingDayHistogram.of(7);
    WorkingDayHistogram many = new WorkingDayHistogram().add(7, 1_000_000);
    StateCodec.Writer a = StateCodec.writer(1);
    StateCodec.Writer b = StateCodec.writer(1);
    one.encode(a);
    many.encode(b);
    assertThat(b.bytes().length - a.bytes().length).isLessThanOrEqualTo(3);
    assertThat(many.count()).isEqualTo(1_000_000);
    assertThat(many.sum()).isEqualTo(7_000_000);
  }

  @Test
  void truncatedOrCorruptedStatesAreOnlyValidationExceptions() {
    qt().withExamples(300).forAll(dealLists(), integers().all()).checkAssert((deals, seed) -> {
      LocalDate asOf = asOfShortlyAfter(deals, seed & 0xFF);
      byte[] state = fold(deals, asOf).encode();
      Random r = new Random(seed);
      byte[] broken = r.nextBoolean() ? Arrays.copyOf(state, r.nextInt(state.length)) : corrupt(state, r);
      decodeAndUse(broken, asOf, fold(deals, asOf));
    });
  }

  @Test
  void everyPrefixAndEverySingleByteChangeOfAStateIsHandled() {
    LocalDate asOf = LocalDate.of(2026, 6, 30);
    TimeInStageAccumulator acc = fold(sample(asOf), asOf);
    byte[] state = acc.encode();
    assertThat(acc.result().overdueOpenDeals()).hasSize(3);
    for (int n = 0; n < state.length; n++) {
      byte[] prefix = Arrays.copyOf(state, n);
      assertThatThrownBy(() -> TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, EUR, prefix))
          .isInstanceOf(ValidationException.class);
    }
    int decoded = 0;
    for (int i = 0; i < state.length; i++) {
      for (int v = 0; v < 256; v++) {
        byte[] changed = state.clone();
        changed[i] = (byte) v;
        decoded += decodeAndUse(changed, asOf, acc) ? 1 : 0;
      }
    }
    // most changes break a count or an invariant; some (a completed stay's length or count, the
    // won budget) give another consistent state
    assertThat(decoded).isBetween(state.length, state.length * 256 / 2);
  }

  /**
   * Deals with every part of the state: overdue open deals (two of the same length) and one on
   * time, won and lost cycles, a closed deal without close date and one without history.
   */
  private static List<Deal> sample(LocalDate asOf) {
    Money budget = Money.of("1200.00", "EUR");
    return List.of(
        open("O1", asOf.minusDays(20), "contact", "qualified", "proposal"),
        open("O2 \uD800", asOf.minusDays(20), "contact", "qualified", "proposal"), // a lone surrogate
        open("O3", asOf.minusDays(30), "contact"),
        open("O4", asOf.minusDays(1), "contact"),
        Deal.builder().id(DealId.of("W1")).reachedStage("signed").outcome(Outcome.won()).budget(budget)
            .addHistory(Deal.StageVisit.of("contact", asOf.minusDays(90)))
            .addHistory(Deal.StageVisit.of("proposal", asOf.minusDays(60)))
            .addHistory(Deal.StageVisit.of("signed", asOf.minusDays(40)))
            .closedOn(asOf.minusDays(30)).build(),
        Deal.builder().id(DealId.of("L1")).reachedStage("qualified").outcome(Outcome.clientRefused("price"))
            .addHistory(Deal.StageVisit.of("contact", asOf.minusDays(50)))
            .addHistory(Deal.StageVisit.of("qualified", asOf.minusDays(45)))
            .closedOn(asOf.minusDays(10)).build(),
        Deal.builder().id(DealId.of("L2")).reachedStage("contact").outcome(Outcome.weDeclined("fit"))
            .addHistory(Deal.StageVisit.of("contact", asOf.minusDays(50))).build(),
        Deal.builder().id(DealId.of("N1")).reachedStage("contact").budget(budget).build());
  }

  private static Deal open(String id, LocalDate first, String... stages) {
    Deal.Builder b = Deal.builder().id(DealId.of(id)).reachedStage(stages[stages.length - 1]);
    for (int i = 0; i < stages.length; i++) {
      b.addHistory(Deal.StageVisit.of(stages[i], first.plusDays(3L * i)));
    }
    return b.build();
  }

  /**
   * Decodes the bytes: either a {@link ValidationException} (false), or a consistent accumulator
   * (true): it has a result, and its merges throw nothing but a {@link ValidationException}
   * naming a count that would overflow.
   */
  private static boolean decodeAndUse(byte[] bytes, LocalDate asOf, TimeInStageAccumulator valid) {
    TimeInStageAccumulator decoded;
    try {
      decoded = TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, EUR, bytes);
    } catch (ValidationException e) {
      return false;
    }
    // a decoded state is consistent: it always has a result
    TimeInStage result = decoded.result();
    try {
      TimeInStageAccumulator again = TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, EUR, decoded.encode());
      assertThat(again.result()).isEqualTo(result);
      copy(valid, asOf).merge(decoded).result();
      decoded.merge(copy(valid, asOf)).result();
    } catch (ValidationException e) {
      // an overflowing count is named, never wrapped around
    }
    return true;
  }

  private static byte[] corrupt(byte[] state, Random r) {
    byte[] copy = state.clone();
    for (int i = 0; i < 1 + r.nextInt(3); i++) {
      copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
    }
    return copy;
  }

  @Test
  void aStateOfAnotherConfigurationIsRejected() {
    LocalDate asOf = FunnelTimeGenerators.AS_OF;
    byte[] state = new TimeInStageAccumulator(NORMS, CALENDAR, asOf, EUR).encode();
    assertThatThrownBy(() -> TimeInStageAccumulator.decode(StageNorms.none(Stages.of("a", "b")), CALENDAR,
        asOf, EUR, state)).isInstanceOf(ValidationException.class).hasMessageContaining("state.stages");
    assertThatThrownBy(() -> TimeInStageAccumulator.decode(StageNorms.none(STAGES), CALENDAR, asOf, EUR,
        state)).isInstanceOf(ValidationException.class).hasMessageContaining("state.norms[contact]");
    assertThatThrownBy(() -> TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf.plusDays(1), EUR, state))
        .isInstanceOf(ValidationException.class).hasMessageContaining("state.asOf");
    assertThatThrownBy(() -> TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, Money.currency("USD"),
        state)).isInstanceOf(ValidationException.class).hasMessageContaining("state.currency");
    assertThatThrownBy(() -> TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, EUR, new byte[0]))
        .isInstanceOf(ValidationException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, EUR, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("state");
    byte[] trailing = Arrays.copyOf(state, state.length + 1);
    assertThatThrownBy(() -> TimeInStageAccumulator.decode(NORMS, CALENDAR, asOf, EUR, trailing))
        .isInstanceOf(ValidationException.class).hasMessageContaining("trailing");
  }
}
