package io.clientyield.funnel.time;

import static io.clientyield.funnel.time.FunnelTimeGenerators.velocityInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.testkit.JsonAssertions;
import io.clientyield.core.Money;
import io.clientyield.funnel.time.FunnelTimeGenerators.VelocityInputs;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of {@link SalesVelocity}: {@code velocity = open deals × win rate × average won budget /
 * average won cycle length}, rounded once HALF_EVEN to the cent.
 */
class SalesVelocityProperties {
  /** Half a euro cent: the most the once-rounded velocity may differ from the exact one. */
  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
  /** Precision of the reference computation (34 digits; the inputs have at most 17). */
  private static final MathContext PRECISION = MathContext.DECIMAL128;
  /** Slack for the reference computation's own rounding at 34 digits. */
  private static final BigDecimal REFERENCE_SLACK = new BigDecimal("1e-20");

  private static Gen<VelocityInputs> defined() {
    return FunnelTimeGenerators.definedVelocityInputs();
  }

  private static BigDecimal velocity(VelocityInputs in) {
    return in.velocity().perWorkingDay().orElseThrow().amount();
  }

  @Test
  void velocityIsDealsTimesWinRateTimesAverageDealSizeOverCycleLength() {
    qt().forAll(defined()).checkAssert(in -> {
      BigDecimal deals = BigDecimal.valueOf(in.openDeals());
      BigDecimal winRate = BigDecimal.valueOf(in.won()).divide(BigDecimal.valueOf(in.closed()), PRECISION);
      BigDecimal averageDealSize = Money.ofMinor(in.wonBudgetMinor(), FunnelTimeGenerators.EUR).amount()
          .divide(BigDecimal.valueOf(in.wonDealsWithBudget()), PRECISION);
      BigDecimal cycleLength = BigDecimal.valueOf(in.wonCycleWorkingDays())
          .divide(BigDecimal.valueOf(in.wonCycleDeals()), PRECISION);
      BigDecimal exact = deals.multiply(winRate, PRECISION).multiply(averageDealSize, PRECISION)
          .divide(cycleLength, PRECISION);
      SalesVelocity v = in.velocity();
      assertThat(velocity(in).subtract(exact).abs()).isLessThanOrEqualTo(HALF_CENT.add(REFERENCE_SLACK));
      assertThat(v.averageWonBudget().orElseThrow().amount().subtract(averageDealSize).abs())
          .isLessThanOrEqualTo(HALF_CENT.add(REFERENCE_SLACK));
      assertThat(v.averageWonCycleWorkingDays())
          .hasValue((double) in.wonCycleWorkingDays() / in.wonCycleDeals());
    });
  }

  @Test
  void velocityIsDefinedExactlyWithClosedDealsWonDealsWithBudgetAndCycleAndANonZeroCycle() {
    qt().forAll(velocityInputs()).checkAssert(in ->
        assertThat(in.velocity().perWorkingDay().isPresent()).isEqualTo(in.isDefined()));
  }

  @Test
  void velocityIsUndefinedForAZeroCycleLength() {
    qt().forAll(velocityInputs()).checkAssert(in ->
        assertThat(in.withWonCycleWorkingDays(0).velocity().perWorkingDay()).isEmpty());
  }

  @Test
  void velocityIsUndefinedWithoutDeals() {
    qt().forAll(velocityInputs()).checkAssert(in -> {
      VelocityInputs none = new VelocityInputs(in.openDeals(), 0, 0, 0, 0, 0, 0);
      assertThat(none.velocity().perWorkingDay()).isEmpty();
      assertThat(none.velocity().averageWonBudget()).isEmpty();
      assertThat(none.velocity().averageWonCycleWorkingDays()).isEmpty();
    });
  }

  @Test
  void noOpenDealsGiveZeroVelocityWhenDefined() {
    qt().forAll(defined()).checkAssert(in ->
        assertThat(velocity(in.withOpenDeals(0))).isEqualByComparingTo(BigDecimal.ZERO));
  }

  @Test
  void velocityIsMonotoneInOpenDeals() {
    qt().forAll(defined(), Generate.longRange(0, 1_000_000)).checkAssert((in, more) ->
        assertThat(velocity(in.withOpenDeals(in.openDeals() + more))).isGreaterThanOrEqualTo(velocity(in)));
  }

  @Test
  void velocityIsMonotoneInWinRate() {
    qt().forAll(defined(), Generate.longRange(0, 1000)).checkAssert((in, k) -> {
      long more = k % (in.closed() - in.won() + 1);
      assertThat(velocity(in.withWon(in.won() + more))).isGreaterThanOrEqualTo(velocity(in));
    });
  }

  @Test
  void velocityIsMonotoneInAverageDealSize() {
    qt().forAll(defined(), Generate.longRange(0, 10_000_000_000L)).checkAssert((in, more) ->
        assertThat(velocity(in.withWonBudgetMinor(in.wonBudgetMinor() + more)))
            .isGreaterThanOrEqualTo(velocity(in)));
  }

  @Test
  void velocityIsAntitoneInCycleLength() {
    qt().forAll(defined(), Generate.longRange(0, 1_000_000)).checkAssert((in, more) ->
        assertThat(velocity(in.withWonCycleWorkingDays(in.wonCycleWorkingDays() + more)))
            .isLessThanOrEqualTo(velocity(in)));
  }

  /**
   * {@code v(k · open) = round(k · x)} and {@code k · v(open) = k · round(x)} differ by at most
   * half a cent plus k half cents.
   */
  @Test
  void scalingOpenDealsByKScalesVelocityByK() {
    qt().forAll(defined(), Generate.longRange(1, 1000)).checkAssert((in, k) -> {
      BigDecimal scaled = velocity(in.withOpenDeals(in.openDeals() * k));
      BigDecimal timesK = velocity(in).multiply(BigDecimal.valueOf(k));
      assertThat(scaled.subtract(timesK).abs())
          .isLessThanOrEqualTo(HALF_CENT.multiply(BigDecimal.valueOf(k + 1)));
    });
  }

  @Test
  void velocityRoundTripsThroughJson() {
    qt().forAll(velocityInputs()).checkAssert(in ->
        JsonAssertions.assertJsonRoundTrip(in.velocity(), SalesVelocity.class));
  }
}
