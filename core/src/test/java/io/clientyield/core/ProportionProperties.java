package io.clientyield.core;

import static io.clientyield.testkit.CoreGenerators.proportions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.testkit.JsonAssertions;
import org.junit.jupiter.api.Test;

class ProportionProperties {

  @Test
  void valueLiesWithinItsWilsonInterval() {
    qt().forAll(proportions())
        .assuming(p -> p.trials() > 0)
        .check(p -> p.wilson95().orElseThrow().contains(p.value().getAsDouble()));
  }

  @Test
  void wilsonIntervalStaysWithinUnitBounds() {
    qt().forAll(proportions())
        .assuming(p -> p.trials() > 0)
        .check(p -> p.wilson95().orElseThrow().lower() >= 0 && p.wilson95().orElseThrow().upper() <= 1);
  }

  @Test
  void mergeEqualsCountingTheConcatenation() {
    qt().forAll(proportions(), proportions())
        .check((a, b) -> a.merge(b).successes() == a.successes() + b.successes()
            && a.merge(b).trials() == a.trials() + b.trials());
  }

  @Test
  void emptyIsTheIdentityOfMerge() {
    qt().forAll(proportions()).check(p -> p.merge(Proportion.EMPTY).equals(p) && Proportion.EMPTY.merge(p).equals(p));
  }

  @Test
  void jsonRoundTrip() {
    qt().forAll(proportions()).checkAssert(p -> JsonAssertions.assertJsonRoundTrip(p, Proportion.class));
  }

  @Test
  void valueIsWithinZeroAndOne() {
    qt().forAll(proportions()).assuming(p -> p.trials() > 0).checkAssert(p ->
        assertThat(p.value().getAsDouble()).isBetween(0.0, 1.0));
  }
}
