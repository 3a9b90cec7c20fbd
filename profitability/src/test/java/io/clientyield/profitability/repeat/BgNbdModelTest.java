package io.clientyield.profitability.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ValidationException;
import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;

/** Predictions of the BG/NBD model, checked against independent computations. */
class BgNbdModelTest {
  private static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
  private static final double QUADRATURE_TOLERANCE = 1e-7;
  private static final double SUM_TOLERANCE = 1e-9;

  /**
   * E over p ~ Beta(a, B) of (1/p)(1 − (A/(A+pt))^R) by the midpoint rule, on u = p^a over
   * (0, 1/2] and on v = (1−p)^B over [1/2, 1), which removes both end-point singularities.
   */
  private static double quadrature(double a, double bigB, double bigR, double bigA, double t) {
    int n = 1_000_000;
    double lower = 0;
    double uMax = Math.pow(0.5, a);
    for (int i = 0; i < n; i++) {
      double p = Math.pow((i + 0.5) / n * uMax, 1 / a);
      lower += g(p, bigR, bigA, t) * Math.pow(1 - p, bigB - 1);
    }
    lower *= uMax / n / a;
    double upper = 0;
    double vMax = Math.pow(0.5, bigB);
    for (int i = 0; i < n; i++) {
      double p = 1 - Math.pow((i + 0.5) / n * vMax, 1 / bigB);
      upper += g(p, bigR, bigA, t) * Math.pow(p, a - 1);
    }
    upper *= vMax / n / bigB;
    return (lower + upper) / Math.exp(Beta.logBeta(a, bigB));
  }

  private static double g(double p, double bigR, double bigA, double t) {
    return -Math.expm1(-bigR * Math.log1p(p * t / bigA)) / p;
  }

  @Test
  void seriesAgreesWithQuadrature() {
    double[][] cases = {
      {0.793, 2.426, 0.243, 4.414, 39}, // population curve at 39 weeks
      {0.793, 4.426, 2.243, 43.27, 39}, // x = 2, T = 38.86
      {1.0, 3.0, 1.5, 10, 100}, // a = 1: the removable pole
      {2.5, 1.5, 0.7, 2, 60}, // a > 2, horizon 30 A
      {0.3, 0.4, 3, 1, 20}, // c = a + b - 1 < 0
      {0.793, 202.426, 200.243, 43.27, 39}, // x = 200
    };
    for (double[] c : cases) {
      assertThat(BgNbdModel.aliveMean(c[0], c[1], c[2], c[3], c[4]))
          .as("G(%s, %s, %s, %s, %s)", c[0], c[1], c[2], c[3], c[4])
          .isCloseTo(quadrature(c[0], c[1], c[2], c[3], c[4]),
              within(QUADRATURE_TOLERANCE * Math.max(1, quadrature(c[0], c[1], c[2], c[3], c[4]))));
    }
  }

  @Test
  void probabilitiesOfCountsSumToOneAndHaveTheExpectedMean() {
    long[][] histories = {{0, 0}, {2, 1}, {7, 2}};
    double[][] times = {{0, 38.86}, {30.43, 38.86}, {20.0, 38.0}};
    for (int h = 0; h < histories.length; h++) {
      long x = histories[h][0];
      double tx = times[h][0];
      double bigT = times[h][1];
      double total = 0;
      double mean = 0;
      for (int k = 0; k < 400; k++) {
        double p = CDNOW.probabilityOfPurchases(k, 39, x, tx, bigT);
        total += p;
        mean += k * p;
      }
      assertThat(total).isCloseTo(1, within(SUM_TOLERANCE));
      assertThat(mean).isCloseTo(CDNOW.expectedPurchases(39, x, tx, bigT), within(1e-7));
    }
  }

  @Test
  void aClientWithoutRepeatPurchasesIsAlive() {
    assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
  }

  @Test
  void workedExampleOfTheJavadoc() {
    assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.7266, within(0.0001));
    // Fader, Hardie & Lee (2005), section 4: this client is expected to buy 1.226 times in weeks 40-78
    assertThat(CDNOW.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.0005));
    System.out.printf("alive %.4f  E[Y(39)] %.4f  E[X(39)] %.4f E[X(78)] %.4f%n",
        CDNOW.probabilityAlive(2, 30.43, 38.86), CDNOW.expectedPurchases(39, 2, 30.43, 38.86),
        CDNOW.expectedRepeatPurchases(39), CDNOW.expectedRepeatPurchases(78));
  }

  @Test
  void largeFrequenciesStayFinite() {
    double e = CDNOW.expectedPurchases(39, 500, 38, 38.86);
    assertThat(e).isFinite().isPositive();
    assertThat(CDNOW.logLikelihood(500, 38, 38.86)).isFinite();
    assertThat(CDNOW.probabilityAlive(500, 1, 38.86)).isBetween(0.0, 1.0);
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> CDNOW.probabilityAlive(-1, 0, 1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("x (-1) must be >= 0");
    assertThatThrownBy(() -> CDNOW.expectedPurchases(10, 1, 3, 2)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("tx (3) must be <= T (2)");
    assertThatThrownBy(() -> CDNOW.expectedPurchases(-1, 1, 1, 2)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("t (-1)");
    assertThatThrownBy(() -> CDNOW.expectedRepeatPurchases(1e9)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("convergence bound");
    assertThatThrownBy(() -> BgNbdModel.of(0, Double.NaN, 1, 1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("r (0)").hasMessageContaining("alpha (NaN)");
  }
}
