package io.clientyield.core;

import static io.clientyield.testkit.CoreGenerators.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Extreme and hostile values at core's boundary: each gets a {@link ValidationException} with a
 * short message, or the correct result, never another exception and never unbounded work.
 */
class HostileCoreInputTest {

  @Test
  void proportionSumsBeyondLongAreValidationErrorsNamingTheSum() {
    Proportion full = Proportion.of(0, Long.MAX_VALUE);
    assertThatThrownBy(() -> full.plusTrial(true)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("trials");
    assertThatThrownBy(() -> full.merge(Proportion.of(1, 1))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("trials");
    assertThat(Proportion.of(1, Long.MAX_VALUE - 1).plusTrial(true)).isEqualTo(Proportion.of(2, Long.MAX_VALUE));
  }

  @Test
  void aTinyAmountWithAHugeExponentIsRoundedOrRejectedWithoutMaterialisingIt() {
    BigDecimal tiny = new BigDecimal("1e-999999999");
    assertThat(Money.of(tiny, EUR, RoundingMode.HALF_EVEN)).isEqualTo(Money.zero(EUR));
    assertThat(Money.of(tiny, EUR, RoundingMode.UP)).isEqualTo(Money.of("0.01", "EUR"));
    assertThat(Money.of(tiny.negate(), EUR, RoundingMode.FLOOR)).isEqualTo(Money.of("-0.01", "EUR"));
    assertThatThrownBy(() -> Money.of(tiny, EUR)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("1E-999999999").hasMessageContaining("decimal places");
    assertThatThrownBy(() -> Money.of("1e-999999999", "EUR")).isInstanceOf(ValidationException.class);
  }

  @Test
  void aHugeAmountIsRejectedWithAShortMessage() {
    BigDecimal huge = new BigDecimal("9".repeat(5000));
    assertThatThrownBy(() -> Money.of(huge, EUR)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("integer digits")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }

  @Test
  void multiplyingByAFactorWithAnExtremeExponentIsBounded() {
    Money hundred = Money.of("100.00", "EUR");
    assertThat(hundred.multipliedBy(new BigDecimal("1e-2147483647"), RoundingMode.HALF_EVEN))
        .isEqualTo(Money.zero(EUR));
    assertThat(hundred.multipliedBy(new BigDecimal("1e-2147483647"), RoundingMode.CEILING))
        .isEqualTo(Money.of("0.01", "EUR"));
    assertThatThrownBy(() -> hundred.multipliedBy(new BigDecimal("1e2147483647"), RoundingMode.HALF_EVEN))
        .isInstanceOf(ValidationException.class).hasMessageContaining("factor");
  }

  @Test
  void periodsAtTheEndOfTime() {
    assertThat(ReportingPeriod.containing(ReportingPeriod.Kind.MONTH, LocalDate.MAX).end())
        .isEqualTo(LocalDate.MAX);
    assertThat(ReportingPeriod.containing(ReportingPeriod.Kind.YEAR, LocalDate.MIN).start())
        .isEqualTo(LocalDate.MIN);
    assertThatThrownBy(() -> ReportingPeriod.year(java.time.Year.MAX_VALUE).next())
        .isInstanceOf(ValidationException.class);
  }
}
