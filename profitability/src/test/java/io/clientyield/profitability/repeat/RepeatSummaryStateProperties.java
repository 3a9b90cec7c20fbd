package io.clientyield.profitability.repeat;

import static io.clientyield.profitability.repeat.RepeatGenerators.CALIBRATION_END;
import static io.clientyield.profitability.repeat.RepeatGenerators.DAY0;
import static io.clientyield.profitability.repeat.RepeatGenerators.HOLDOUT_END;
import static io.clientyield.profitability.repeat.RepeatGenerators.USD;
import static io.clientyield.profitability.repeat.RepeatGenerators.purchaseLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import io.clientyield.testkit.AccumulatorLaws;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact state of {@link RepeatSummaryAccumulator}: decode(encode(acc)) has the same result
 * (the same JSON), merging decoded states equals folding all purchases, and truncated, corrupted
 * or inconsistent bytes are a {@link ValidationException}, never another exception, neither when
 * decoding nor from the result or a merge of what was decoded.
 */
class RepeatSummaryStateProperties {

  private static RepeatSummaryAccumulator empty() {
    return new RepeatSummaryAccumulator(USD, CALIBRATION_END, HOLDOUT_END);
  }

  private static RepeatSummaryAccumulator fold(List<Purchase> purchases) {
    RepeatSummaryAccumulator acc = empty();
    purchases.forEach(acc::add);
    return acc;
  }

  private static RepeatSummaryAccumulator copy(RepeatSummaryAccumulator a) {
    return decode(a.encode());
  }

  private static RepeatSummaryAccumulator decode(byte[] state) {
    return RepeatSummaryAccumulator.decode(USD, CALIBRATION_END, HOLDOUT_END, RepeatSummaryAccumulator.WEEK, state);
  }

  @Test
  void decodedStateHasTheSameResultAndJson() {
    qt().withExamples(300).forAll(purchaseLists()).checkAssert(purchases -> {
      RepeatSummaryAccumulator acc = fold(purchases);
      RepeatSummaries decoded = copy(acc).result();
      assertThat(decoded).isEqualTo(acc.result());
      assertThat(ClientyieldJson.write(decoded)).isEqualTo(ClientyieldJson.write(acc.result()));
      assertThat(copy(acc).encode()).isEqualTo(acc.encode());
    });
  }

  @Test
  void mergingDecodedStatesObeysTheAccumulatorLaws() {
    qt().withExamples(300).forAll(AccumulatorLaws.splits(purchaseLists())).check(s -> AccumulatorLaws.hold(s,
        RepeatSummaryStateProperties::empty, RepeatSummaryAccumulator::add,
        (x, y) -> copy(x).merge(copy(y)), a -> copy(a).result()));
  }

  @Test
  void extremeDaysAmountsAndIdsRoundTrip() {
    RepeatSummaryAccumulator acc = empty();
    acc.add(Purchase.of(ClientId.of("ancient"), LocalDate.MIN, Money.ofMinor(Long.MAX_VALUE, USD)));
    acc.add(Purchase.of(ClientId.of("ancient"), HOLDOUT_END, Money.ofMinor(0, USD)));
    acc.add(Purchase.of(ClientId.of("zoë"), CALIBRATION_END, Money.ofMinor(1, USD)));
    acc.add(Purchase.of(ClientId.of("lone \uD800 surrogate"), DAY0, Money.ofMinor(1, USD)));
    assertThat(copy(acc).result()).isEqualTo(acc.result());
  }

  @Test
  void truncatedOrCorruptedStatesAreOnlyValidationExceptions() {
    qt().withExamples(300).forAll(purchaseLists(), integers().all()).checkAssert((purchases, seed) -> {
      RepeatSummaryAccumulator acc = fold(purchases);
      byte[] state = acc.encode();
      Random r = new Random(seed);
      byte[] broken = r.nextBoolean() ? Arrays.copyOf(state, r.nextInt(state.length)) : corrupt(state, r);
      decodeAndUse(broken, acc);
    });
  }

  @Test
  void everyPrefixAndEverySingleByteChangeOfAStateIsHandled() {
    List<Purchase> purchases = List.of(buy("ann", 0, 1000), buy("ann", 0, 250), buy("ann", 9, 5000),
        buy("ann", 50, 700), buy("bob", 3, 999_999), buy("cy", 45, 10), buy("cy", 58, 0));
    RepeatSummaryAccumulator acc = fold(purchases);
    byte[] state = acc.encode();
    assertThat(acc.result().clientsFirstSeenInHoldout()).isEqualTo(1);
    for (int n = 0; n < state.length; n++) {
      byte[] prefix = Arrays.copyOf(state, n);
      assertThatThrownBy(() -> decode(prefix)).isInstanceOf(ValidationException.class);
    }
    int decoded = 0;
    for (int i = 0; i < state.length; i++) {
      for (int v = 0; v < 256; v++) {
        byte[] changed = state.clone();
        changed[i] = (byte) v;
        decoded += decodeAndUse(changed, acc) ? 1 : 0;
      }
    }
    // an amount, a day gap or a letter of an id may change into another consistent state
    assertThat(decoded).isBetween(state.length, state.length * 256 / 2);
  }

  private static Purchase buy(String client, int day, long cents) {
    return Purchase.of(ClientId.of(client), DAY0.plusDays(day), Money.ofMinor(cents, USD));
  }

  /**
   * Decodes the bytes: either a {@link ValidationException} (false), or an accumulator whose
   * result, merges and re-encoding throw nothing but a {@link ValidationException} (true).
   */
  private static boolean decodeAndUse(byte[] bytes, RepeatSummaryAccumulator valid) {
    RepeatSummaryAccumulator decoded;
    try {
      decoded = decode(bytes);
    } catch (ValidationException e) {
      return false;
    }
    try {
      RepeatSummaries result = decoded.result();
      assertThat(copy(decoded).result()).isEqualTo(result);
      copy(valid).merge(decoded).result();
      decoded.merge(copy(valid)).result();
    } catch (ValidationException e) {
      // a repeat spend or a day's sum that overflows is named, never wrapped around
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
    byte[] state = fold(List.of(buy("ann", 1, 100))).encode();
    assertThatThrownBy(() -> RepeatSummaryAccumulator.decode(Money.currency("EUR"), CALIBRATION_END, HOLDOUT_END,
        7, state)).isInstanceOf(ValidationException.class).hasMessageContaining("state.configuration");
    assertThatThrownBy(() -> RepeatSummaryAccumulator.decode(USD, CALIBRATION_END.minusDays(1), HOLDOUT_END,
        7, state)).isInstanceOf(ValidationException.class).hasMessageContaining("state.configuration");
    assertThatThrownBy(() -> RepeatSummaryAccumulator.decode(USD, CALIBRATION_END, HOLDOUT_END.plusDays(1),
        7, state)).isInstanceOf(ValidationException.class).hasMessageContaining("state.configuration");
    assertThatThrownBy(() -> RepeatSummaryAccumulator.decode(USD, CALIBRATION_END, HOLDOUT_END, 1, state))
        .isInstanceOf(ValidationException.class).hasMessageContaining("state.configuration");
    assertThatThrownBy(() -> decode(new byte[0]))
        .isInstanceOf(ValidationException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> decode(null)).isInstanceOf(ValidationException.class).hasMessageContaining("state");
    byte[] trailing = Arrays.copyOf(state, state.length + 1);
    assertThatThrownBy(() -> decode(trailing)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("trailing");
  }
}
