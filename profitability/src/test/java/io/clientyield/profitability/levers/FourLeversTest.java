package io.clientyield.profitability.levers;

import static io.clientyield.core.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import org.junit.jupiter.api.Test;

class FourLeversTest {

  private static final double TOL = 1e-12;
  private static final LeverDecomposition FIRM =
      FourLevers.decompose(Money.of("300000.00", "EUR"), Money.of("1200000.00", "EUR"), 12, 3);

  @Test
  void decomposition() {
    assertThat(FIRM.margin()).isCloseTo(0.25, within(TOL));
    assertThat(FIRM.productivity()).isEqualTo(Money.of("100000.00", "EUR"));
    assertThat(FIRM.leverage()).isCloseTo(4.0, within(TOL));
    assertThat(FIRM.profitPerPartner()).isEqualTo(Money.of("100000.00", "EUR"));
    // 0.25 x 100000 x 4 = 100000 = 300000 / 3
    assertThat(FIRM.margin() * FIRM.productivity().amount().doubleValue() * FIRM.leverage())
        .isCloseTo(100000.0, within(1e-6));
  }

  @Test
  void onePercentOnEachLever() {
    assertThat(FIRM.afterMarginUp()).isEqualTo(Money.of("101000.00", "EUR"));
    assertThat(FIRM.afterProductivityUp()).isEqualTo(Money.of("101000.00", "EUR"));
    assertThat(FIRM.afterLeverageUp()).isEqualTo(Money.of("101000.00", "EUR"));
    // fees +1 % at the same cost: (300000 + 12000) / 3
    assertThat(FIRM.afterFeesUp()).isEqualTo(Money.of("104000.00", "EUR"));
  }

  @Test
  void zeroFeesAndPartnersAreRejected() {
    assertThatThrownBy(
            () -> FourLevers.decompose(Money.of("1.00", "EUR"), Money.of("0.00", "EUR"), 1, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("fees");
    assertThatThrownBy(
            () -> FourLevers.decompose(Money.of("1.00", "EUR"), Money.of("5.00", "EUR"), 0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("staff")
        .hasMessageContaining("partners");
  }

  @Test
  void jsonRoundTrip() {
    assertJsonRoundTrip(FIRM, LeverDecomposition.class);
  }
}
