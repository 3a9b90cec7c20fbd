package io.clientyield.profitability.levers;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.levers.FourLevers.LeverDecomposition;
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
  void morePartnersThanStaffIsImpossible() {
    // staff include the partners: 3 staff cannot have 4 partners (leverage 0.75)
    assertThatThrownBy(
            () -> FourLevers.decompose(Money.of("1.00", "EUR"), Money.of("5.00", "EUR"), 3, 4))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "partners (4) must be <= staff (3): staff counts the partners, so leverage = staff /"
                + " partners >= 1");
    // a sole practitioner: leverage exactly 1
    var sole = FourLevers.decompose(Money.of("50.00", "EUR"), Money.of("100.00", "EUR"), 1, 1);
    assertThat(sole.leverage()).isEqualTo(1.0);
    assertThat(sole.profitPerPartner()).isEqualTo(Money.of("50.00", "EUR"));
    // a decomposition read from JSON cannot carry an impossible leverage either
    assertThatThrownBy(
            () ->
                new LeverDecomposition(
                    0.25,
                    FIRM.productivity(),
                    0.5,
                    FIRM.profitPerPartner(),
                    FIRM.afterMarginUp(),
                    FIRM.afterProductivityUp(),
                    FIRM.afterLeverageUp(),
                    FIRM.afterFeesUp()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("leverage (0.5) must be finite and >= 1");
  }

  @Test
  void everyBadArgumentIsReportedAtOnce() {
    assertThatThrownBy(
            () -> FourLevers.decompose(Money.of("1.00", "USD"), Money.of("0.00", "EUR"), 2, 5))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("fees (EUR 0.00) must be > 0")
        .hasMessageContaining("profit (USD 1.00) must be in EUR like fees: cannot mix EUR and USD")
        .hasMessageContaining("partners (5) must be <= staff (2)");
  }

  @Test
  void jsonRoundTrip() {
    assertJsonRoundTrip(FIRM, LeverDecomposition.class);
  }
}
