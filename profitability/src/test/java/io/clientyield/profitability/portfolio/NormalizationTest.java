package io.clientyield.profitability.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Attractiveness;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Criterion;
import io.clientyield.profitability.portfolio.PortfolioMatrix.Normalization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizationTest {

  private static final double TOL = 1e-12;
  private static final double MAX = Double.MAX_VALUE;

  @Test
  void nonFiniteInputsAreRejected() {
    assertThatThrownBy(() -> Normalization.fixedBounds(Double.NaN, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("lo (NaN) must be finite");
    assertThatThrownBy(() -> Normalization.fixedBounds(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(ValidationException.class)
        .hasMessage("hi (Infinity) must be finite");
    assertThatThrownBy(() -> new ClientFacts(ClientId.of("a"), Map.of("m", Double.NaN)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("values.m (NaN) must be finite");
    // the normalization itself never turns a non-finite value into a NaN score
    assertThatThrownBy(() -> Normalization.minMax().apply(Double.NaN, new double[] {0, 1}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("value (NaN) must be finite");
    assertThatThrownBy(
            () ->
                Normalization.percentileRank()
                    .apply(1, new double[] {1, Double.POSITIVE_INFINITY}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("values[1] (Infinity) must be finite");
  }

  @Test
  void aDegenerateRangeGivesTheMiddle() {
    double[] same = {3, 3, 3};
    assertThat(Normalization.minMax().apply(3, same)).isEqualTo(0.5);
    assertThat(Normalization.percentileRank().apply(3, same)).isEqualTo(0.5);
    assertThat(Normalization.minMax().apply(-7, new double[] {-7})).isEqualTo(0.5);
    assertThat(Normalization.percentileRank().apply(-7, new double[] {-7})).isEqualTo(0.5);
    assertThatThrownBy(() -> Normalization.fixedBounds(2, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be > lo");
  }

  @Test
  void rangesBeyondTheDoubleRangeStayDefined() {
    double[] wide = {-MAX, 0, MAX};
    assertThat(Normalization.minMax().apply(-MAX, wide)).isEqualTo(0.0);
    assertThat(Normalization.minMax().apply(0, wide)).isCloseTo(0.5, within(TOL));
    assertThat(Normalization.minMax().apply(MAX, wide)).isEqualTo(1.0);
    var fixed = Normalization.fixedBounds(-MAX, MAX);
    assertThat(fixed.apply(MAX, wide)).isEqualTo(1.0);
    assertThat(fixed.apply(0, wide)).isCloseTo(0.5, within(TOL));
    assertThat(fixed.apply(-MAX, wide)).isEqualTo(0.0);
    // through the matrix: the scores are defined and in [0, 1]
    var k = new Criterion("m", true, 1, Normalization.minMax());
    var matrix = PortfolioMatrix.of(List.of(k), List.of(k));
    var placed =
        matrix.place(
            List.of(
                new ClientFacts(ClientId.of("lo"), Map.of("m", -MAX)),
                new ClientFacts(ClientId.of("mid"), Map.of("m", 0.0)),
                new ClientFacts(ClientId.of("hi"), Map.of("m", MAX))));
    assertThat(placed).extracting(Placement::attractivenessScore).containsExactly(0.0, 0.5, 1.0);
    assertThat(placed)
        .extracting(Placement::attractiveness)
        .containsExactly(Attractiveness.LOW, Attractiveness.MEDIUM, Attractiveness.HIGH);
  }

  @Test
  void axisWeightsMustHaveAFiniteSum() {
    var n = Normalization.minMax();
    var big = List.of(new Criterion("a", true, MAX, n), new Criterion("b", true, MAX, n));
    assertThatThrownBy(() -> PortfolioMatrix.of(big, List.of(new Criterion("a", true, 1, n))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("attractivenessCriteria.weights (Infinity) must sum to a finite value > 0");
  }
}
