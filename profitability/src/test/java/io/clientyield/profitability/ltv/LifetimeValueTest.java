package io.clientyield.profitability.ltv;

import static io.clientyield.core.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimeValueTest {

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  @Test
  void fromPaymentHistoryNetsOutIdlePeriods() {
    LifetimeValue v =
        LifetimeValue.fromPayments(
            List.of(eur("100.00"), eur("0.00"), eur("200.00"), eur("0.00"), eur("300.00")), 0.3);
    assertThat(v.arpu()).isEqualTo(eur("200.00"));
    assertThat(v.payingPeriods()).isEqualTo(3);
    assertThat(v.idlePeriods()).isEqualTo(2);
    assertThat(v.ltv()).isEqualTo(eur("180.00"));
    assertJsonRoundTrip(v, LifetimeValue.class);
  }

  @Test
  void fromParameters() {
    // 1500 x 24 x 0.25 = 9000
    assertThat(LifetimeValue.of(eur("1500.00"), 24, 0.25).ltv()).isEqualTo(eur("9000.00"));
  }

  @Test
  void neverPaidIsZero() {
    LifetimeValue v = LifetimeValue.fromPayments(List.of(eur("0.00"), eur("0.00")), 0.3);
    assertThat(v.ltv()).isEqualTo(eur("0.00"));
    assertThat(v.payingPeriods()).isZero();
  }

  @Test
  void aNullPaymentIsNamedByIndex() {
    assertThatThrownBy(
            () -> LifetimeValue.fromPayments(java.util.Arrays.asList(eur("1.00"), null), 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("payments[1] (null) must not be null");
  }

  @Test
  void negativePaymentRejected() {
    assertThatThrownBy(() -> LifetimeValue.fromPayments(List.of(eur("-1.00")), 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("payments[0]");
  }
}
