package io.clientyield.profitability.roi;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientRoiTest {

  private static final double TOL = 1e-12;

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  @Test
  void benefitAndRoi() {
    Money benefit = ClientRoi.benefit(eur("1000000.00"), 0.2, eur("50000.00"));
    assertThat(benefit).isEqualTo(eur("250000.00"));
    assertThat(ClientRoi.roi(benefit, eur("100000.00")).getAsDouble()).isCloseTo(1.5, within(TOL));
    assertThat(ClientRoi.roi(benefit, eur("0.00"))).isEmpty();
  }

  @Test
  void aMarginAboveOneOrNotFiniteIsRejected() {
    assertThatThrownBy(() -> ClientRoi.benefit(eur("100.00"), 1.2, eur("0.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("clientMargin (1.2) must be finite and <= 1 (profit cannot exceed revenue)");
    assertThatThrownBy(() -> ClientRoi.benefit(eur("100.00"), Double.NaN, eur("0.00")))
        .hasMessageStartingWith("clientMargin (NaN)");
    // a whole margin and a loss-making client are allowed
    assertThat(ClientRoi.benefit(eur("100.00"), 1, eur("0.00"))).isEqualTo(eur("100.00"));
    assertThat(ClientRoi.benefit(eur("100.00"), -0.5, eur("10.00"))).isEqualTo(eur("-40.00"));
  }

  @Test
  void paybackMonth() {
    List<Money> stream = List.of(eur("30000.00"), eur("30000.00"), eur("30000.00"), eur("30000.00"));
    assertThat(ClientRoi.paybackMonth(stream, eur("100000.00"))).hasValue(4);
    assertThat(ClientRoi.paybackMonth(stream, eur("90000.00"))).hasValue(3);
    assertThat(ClientRoi.paybackMonth(stream, eur("120000.01"))).isEmpty();
    assertThat(ClientRoi.paybackMonth(List.of(), eur("1.00"))).isEmpty();
  }

  @Test
  void aNullMonthlyBenefitIsNamedByIndex() {
    assertThatThrownBy(
            () -> ClientRoi.paybackMonth(java.util.Arrays.asList(eur("1.00"), null), eur("5.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("monthlyBenefits[1] (null) must not be null");
  }

  @Test
  void tco() {
    TotalCostOfOwnership tco =
        new TotalCostOfOwnership(
            eur("60000.00"), eur("15000.00"), eur("10000.00"), eur("5000.00"), eur("10000.00"));
    assertThat(tco.total()).isEqualTo(eur("100000.00"));
    assertThat(tco.purchaseShare().getAsDouble()).isCloseTo(0.6, within(TOL));
    assertJsonRoundTrip(tco, TotalCostOfOwnership.class);
  }

  @Test
  void tcoRejectsNegativeAndNullTogether() {
    assertThatThrownBy(
            () -> new TotalCostOfOwnership(eur("-1.00"), null, eur("0.00"), eur("0.00"), eur("0.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("price")
        .hasMessageContaining("support");
  }
}
