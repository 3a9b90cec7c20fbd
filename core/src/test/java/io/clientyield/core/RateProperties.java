package io.clientyield.core;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.clientyield.testkit.CoreGenerators;
import org.junit.jupiter.api.Test;

class RateProperties {

  @Test
  void everyValueInTheUnitIntervalIsARateAndRoundTrips() {
    qt().forAll(doubles().between(0, 1)).checkAssert(v -> {
      Rate r = Rate.of(v);
      assertThat(r.value()).isEqualTo(v == 0 ? 0.0 : v);
      assertThat(assertJsonRoundTrip(r, Rate.class)).isEqualTo(Double.toString(r.value()));
    });
  }

  @Test
  void everyValueOutsideTheUnitIntervalIsRejectedNamingTheField() {
    qt().forAll(doubles().any()).assuming(v -> !(v >= 0 && v <= 1)).checkAssert(v -> {
      try {
        Rate.of("ctr", v);
        throw new AssertionError("accepted " + v);
      } catch (ValidationException e) {
        assertThat(e.getMessage()).startsWith("ctr (").endsWith(") must be within [0, 1]");
      }
    });
  }

  @Test
  void complementIsAnInvolutionWithinRoundingAndOrderReversing() {
    qt().forAll(CoreGenerators.rates(), CoreGenerators.rates()).checkAssert((a, b) -> {
      assertThat(a.complement().complement().value()).isCloseTo(a.value(), org.assertj.core.data.Offset.offset(1e-15));
      assertThat(a.value() + a.complement().value()).isEqualTo(1.0);
      if (a.compareTo(b) < 0) {
        assertThat(a.complement().compareTo(b.complement())).isGreaterThan(0);
      }
    });
  }

  @Test
  void percentAndValueAgree() {
    qt().forAll(doubles().between(0, 100)).checkAssert(p -> {
      Rate r = Rate.ofPercent(p);
      assertThat(r.value()).isEqualTo(p / 100.0 == 0 ? 0.0 : p / 100.0);
      assertThat(r.percent()).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-12));
    });
  }

  @Test
  void equalityFollowsTheValue() {
    qt().forAll(CoreGenerators.rates(), CoreGenerators.rates()).checkAssert((a, b) -> {
      assertThat(a.equals(b)).isEqualTo(a.value() == b.value());
      assertThat(a.equals(b)).isEqualTo(a.compareTo(b) == 0);
      if (a.equals(b)) {
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
      }
    });
  }
}
