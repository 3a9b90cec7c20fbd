package io.clientyield.profitability.roi;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clientyield.core.Money;
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
}
