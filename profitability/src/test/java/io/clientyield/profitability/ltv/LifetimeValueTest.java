package io.clientyield.profitability.ltv;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimeValueTest {

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  @Test
  void fromPaymentHistoryNetsOutIdlePeriods() {
    LifetimeValue v =
        LifetimeValues.lifetimeValue(
            List.of(eur("100.00"), eur("0.00"), eur("200.00"), eur("0.00"), eur("300.00")), 0.3);
    assertThat(v.arpu()).contains(eur("200.00"));
    assertThat(v.payingPeriods()).isEqualTo(3);
    assertThat(v.idlePeriods()).isEqualTo(2);
    assertThat(v.ltv()).isEqualTo(eur("180.00"));
    assertJsonRoundTrip(v, LifetimeValue.class);
  }

  @Test
  void fromParameters() {
    // 1500 x 24 x 0.25 = 9000
    assertThat(LifetimeValues.lifetimeValue(eur("1500.00"), 24, 0.25).ltv()).isEqualTo(eur("9000.00"));
  }

  @Test
  void neverPaidIsZero() {
    LifetimeValue v = LifetimeValues.lifetimeValue(List.of(eur("0.00"), eur("0.00")), 0.3);
    assertThat(v.ltv()).isEqualTo(eur("0.00"));
    assertThat(v.payingPeriods()).isZero();
    assertThat(v.idlePeriods()).isEqualTo(2);
    // zero revenue over zero paying periods: ARPU is undefined, an explicit empty
    assertThat(v.arpu()).isEmpty();
    assertJsonRoundTrip(v, LifetimeValue.class);
  }

  @Test
  void marginsOutsideTheirRangeAreRejected() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5}) {
      assertThatThrownBy(() -> LifetimeValues.lifetimeValue(eur("100.00"), 3, bad))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("margin (")
          .hasMessageContaining("must be finite and <= 1");
      assertThatThrownBy(() -> LifetimeValues.lifetimeValue(List.of(eur("100.00")), bad))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("margin (");
    }
    // the largest margin and a loss-making client are fine: 100 x 3 x -0.5 = -150
    assertThat(LifetimeValues.lifetimeValue(eur("100.00"), 3, 1.0).ltv()).isEqualTo(eur("300.00"));
    assertThat(LifetimeValues.lifetimeValue(eur("100.00"), 3, -0.5).ltv()).isEqualTo(eur("-150.00"));
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    assertThatThrownBy(() -> LifetimeValues.lifetimeValue(null, -1, Double.NaN))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(io.clientyield.core.ValidationException.Violation::field)
                    .containsExactlyInAnyOrder("arpu", "payingPeriods", "margin"));
    assertThatThrownBy(() -> LifetimeValues.lifetimeValue(eur("-0.01"), 1, 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("arpu (EUR -0.01) must be >= 0");
    assertThatThrownBy(
            () -> LifetimeValues.lifetimeValue(java.util.Arrays.asList(eur("-1.00"), null), 2.0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("payments[0]")
        .hasMessageContaining("payments[1]")
        .hasMessageContaining("margin");
  }

  @Test
  void mixedCurrenciesNameBoth() {
    assertThatThrownBy(
            () -> LifetimeValues.lifetimeValue(List.of(eur("1.00"), Money.of("2.00", "USD")), 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("payments[1] (USD 2.00) must be in EUR: cannot mix EUR and USD");
    assertThatThrownBy(
            () ->
                new LifetimeValue(
                    java.util.Optional.of(eur("1.00")), 1, 0, 0.3, Money.of("0.30", "USD")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ltv (USD 0.30) must be in EUR: cannot mix EUR and USD");
  }

  @Test
  void theCanonicalConstructorValidatesWhatJsonCanSend() {
    assertThatThrownBy(
            () -> new LifetimeValue(java.util.Optional.of(eur("-5.00")), 1, 0, 0.3, eur("-1.50")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("arpu (EUR -5.00) must be >= 0");
    assertThatThrownBy(() -> new LifetimeValue(java.util.Optional.empty(), 2, 0, 0.3, eur("0.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("arpu (null) must be present");
    assertThatThrownBy(
            () -> new LifetimeValue(java.util.Optional.of(eur("5.00")), 1, 0, 1.01, eur("5.05")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("margin (1.01)");
    assertThatThrownBy(
            () ->
                io.clientyield.core.json.ClientyieldJson.read(
                    "{\"arpu\":{\"amount\":\"-1.00\",\"currency\":\"EUR\"},\"payingPeriods\":1,"
                        + "\"idlePeriods\":0,\"margin\":0.5,\"ltv\":{\"amount\":\"-0.50\",\"currency\":\"EUR\"}}",
                    LifetimeValue.class))
        .hasStackTraceContaining("arpu (EUR -1.00) must be >= 0");
  }

  @Test
  void anLtvBeyondTheMoneyRangeIsNamed() {
    Money huge = Money.of("1000000000000000000000000.00", "EUR"); // 10^24
    assertThatThrownBy(() -> LifetimeValues.lifetimeValue(huge, 10_000_000_000L, 1.0))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("ltv (")
        .hasMessageContaining("integer digits");
  }

  @Test
  void aNullPaymentIsNamedByIndex() {
    assertThatThrownBy(
            () -> LifetimeValues.lifetimeValue(java.util.Arrays.asList(eur("1.00"), null), 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessage("payments[1] (null) must not be null");
  }

  @Test
  void negativePaymentRejected() {
    assertThatThrownBy(() -> LifetimeValues.lifetimeValue(List.of(eur("-1.00")), 0.3))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("payments[0]");
  }
}
