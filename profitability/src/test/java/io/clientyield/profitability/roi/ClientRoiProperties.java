package io.clientyield.profitability.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.testkit.CoreGenerators;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.MoneyAccumulator;
import io.clientyield.profitability.ProfitabilityGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClientRoiProperties {

  @Test
  void paybackNeverBeforeCumulativeBenefitReachesPrice() {
    qt().forAll(
            lists().of(ProfitabilityGenerators.monthlyCosts()).ofSizeBetween(0, 24),
            ProfitabilityGenerators.monthlyCosts())
        .check(
            (stream, price) -> {
              OptionalInt month = ClientRoi.paybackMonth(stream, price);
              MoneyAccumulator cum = new MoneyAccumulator(price.currency());
              for (int i = 0; i < stream.size(); i++) {
                cum.add(stream.get(i));
                boolean reached = cum.minorUnits() >= price.minorUnits();
                boolean before = month.isEmpty() || i + 1 < month.getAsInt();
                if (reached && before && price.signum() > 0) {
                  return false;
                }
                if (!reached && month.isPresent() && month.getAsInt() == i + 1) {
                  return false;
                }
              }
              return true;
            });
  }

  @Test
  void paybackIsMonotoneInTheBenefitStream() {
    qt().forAll(
            lists().of(ProfitabilityGenerators.monthlyCosts()).ofSizeBetween(1, 24),
            ProfitabilityGenerators.monthlyCosts(),
            ProfitabilityGenerators.monthlyCosts())
        .check(
            (stream, price, extra) -> {
              List<Money> more = new ArrayList<>(stream);
              more.set(0, stream.get(0).plus(extra));
              OptionalInt a = ClientRoi.paybackMonth(stream, price);
              OptionalInt b = ClientRoi.paybackMonth(more, price);
              return a.isEmpty() || (b.isPresent() && b.getAsInt() <= a.getAsInt());
            });
  }

  @Test
  void roiSignFollowsBenefitMinusPrice() {
    qt().forAll(CoreGenerators.money(CoreGenerators.EUR), ProfitabilityGenerators.monthlyCosts())
        .checkAssert(
            (benefit, price) -> {
              var roi = ClientRoi.roi(benefit, price);
              if (price.isZero()) {
                assertThat(roi).isEmpty();
                return;
              }
              assertThat(Math.signum(roi.getAsDouble()))
                  .isEqualTo((double) benefit.minus(price).signum());
              // ROI >= -100 % exactly when the benefit is not negative
              assertThat(roi.getAsDouble() >= -1.0).isEqualTo(!benefit.isNegative());
            });
  }

  @Test
  void roiIsMonotoneInBenefitAndTimesPriceGivesTheNetBenefit() {
    qt().forAll(
            CoreGenerators.money(CoreGenerators.EUR),
            ProfitabilityGenerators.monthlyCosts(),
            ProfitabilityGenerators.monthlyCosts())
        .checkAssert(
            (benefit, price, extra) -> {
              var roi = ClientRoi.roi(benefit, price);
              if (roi.isEmpty()) {
                return;
              }
              assertThat(ClientRoi.roi(benefit.plus(extra), price).getAsDouble())
                  .isGreaterThanOrEqualTo(roi.getAsDouble());
              double net = benefit.minus(price).amount().doubleValue();
              assertThat(roi.getAsDouble() * price.amount().doubleValue())
                  .isCloseTo(net, within(1e-9 * (1 + Math.abs(net))));
            });
  }

  @Test
  void benefitIsExtraRevenueTimesMarginPlusSavings() {
    qt().forAll(
            ProfitabilityGenerators.monthlyCosts(),
            ProfitabilityGenerators.margins(),
            ProfitabilityGenerators.monthlyCosts(),
            ProfitabilityGenerators.monthlyCosts())
        .checkAssert(
            (revenue, margin, savings, extra) -> {
              Money b = ClientRoi.benefit(revenue, margin, savings);
              // savings pass through exactly
              assertThat(ClientRoi.benefit(revenue, margin, savings.plus(extra)))
                  .isEqualTo(b.plus(extra));
              // the revenue part is rounded to the cent
              double exact = revenue.amount().doubleValue() * margin;
              assertThat(b.minus(savings).amount().doubleValue())
                  .isCloseTo(exact, within(0.005 + 1e-9 * Math.abs(exact)));
            });
  }

  @Test
  void aNegativePriceIsRejected() {
    qt().forAll(CoreGenerators.money(CoreGenerators.EUR), ProfitabilityGenerators.monthlyCosts())
        .checkAssert(
            (benefit, price) -> {
              Money negative = price.plus(Money.ofMinor(1, price.currency())).negated();
              assertThatThrownBy(() -> ClientRoi.roi(benefit, negative))
                  .isInstanceOf(ValidationException.class)
                  .hasMessageStartingWith("price (")
                  .hasMessageContaining("must be >= 0");
            });
  }
}
