package io.clientyield.core;

import static io.clientyield.testkit.CoreGenerators.EUR;
import static io.clientyield.testkit.CoreGenerators.JPY;
import static io.clientyield.testkit.CoreGenerators.USD;
import static io.clientyield.testkit.CoreGenerators.currencies;
import static io.clientyield.testkit.CoreGenerators.money;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.testkit.CoreGenerators;
import io.clientyield.testkit.JsonAssertions;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyProperties {

  @Test
  void allocationSumsToTheWhole() {
    qt().forAll(money(EUR), lists().of(longs().between(0, 1_000_000)).ofSizeBetween(1, 12))
        .assuming((m, w) -> w.stream().mapToLong(Long::longValue).sum() > 0)
        .check((m, w) -> {
          List<Money> parts = m.allocate(w.stream().mapToLong(Long::longValue).toArray());
          return parts.size() == w.size()
              && parts.stream().reduce(Money.zero(EUR), Money::plus).equals(m);
        });
  }

  @Test
  void equalAllocationPartsDifferByAtMostOneMinorUnit() {
    qt().forAll(money(USD), integers().between(1, 50)).check((m, n) -> {
      List<Money> parts = m.allocate(n);
      long max = parts.stream().mapToLong(Money::minorUnits).max().orElseThrow();
      long min = parts.stream().mapToLong(Money::minorUnits).min().orElseThrow();
      return max - min <= 1;
    });
  }

  @Test
  void addThenSubtractIsIdentity() {
    qt().forAll(money(EUR), money(EUR)).check((a, b) -> a.plus(b).minus(b).equals(a));
  }

  @Test
  void currencyMismatchIsAlwaysRejected() {
    // the second currency is drawn as a different one (no assumption filtering, which can give up)
    qt().forAll(currencies(), integers().between(1, 2), longs().between(-1000, 1000))
        .checkAssert((a, shift, m) -> {
          Currency b = otherThan(a, shift);
          Money x = Money.ofMinor(m, a);
          Money y = Money.ofMinor(m, b);
          assertThatThrownBy(() -> x.plus(y)).isInstanceOf(ValidationException.class)
              .hasMessageContaining(a.getCurrencyCode()).hasMessageContaining(b.getCurrencyCode());
        });
  }

  @Test
  void accumulatorMergeEqualsSumOfAll() {
    qt().forAll(lists().of(money(EUR)).ofSizeBetween(0, 30), integers().between(0, 30))
        .checkAssert((all, cut) -> {
          int k = Math.min(cut, all.size());
          MoneyAccumulator left = new MoneyAccumulator(EUR);
          MoneyAccumulator right = new MoneyAccumulator(EUR);
          all.subList(0, k).forEach(left::add);
          all.subList(k, all.size()).forEach(right::add);
          Money whole = all.stream().reduce(Money.zero(EUR), Money::plus);
          org.assertj.core.api.Assertions.assertThat(left.merge(right).result()).isEqualTo(whole);
        });
  }

  @Test
  void jsonRoundTrip() {
    qt().forAll(currencies().flatMap(CoreGenerators::money))
        .checkAssert(m -> JsonAssertions.assertJsonRoundTrip(m, Money.class));
  }

  private static Currency otherThan(Currency a, int shift) {
    List<Currency> all = List.of(EUR, USD, JPY);
    int i = all.indexOf(a);
    return all.get(Math.floorMod((i < 0 ? 0 : i) + shift, all.size()));
  }
}
