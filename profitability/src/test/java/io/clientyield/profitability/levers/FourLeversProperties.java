package io.clientyield.profitability.levers;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.testkit.CoreGenerators;
import io.clientyield.core.Money;
import io.clientyield.profitability.levers.FourLevers.LeverDecomposition;
import org.junit.jupiter.api.Test;

class FourLeversProperties {

  @Test
  void productOfLeversIsProfitPerPartner() {
    qt().forAll(
            longs().between(-100_000_000L, 100_000_000L),
            longs().between(1, 100_000_000L),
            longs().between(0, 450),
            longs().between(1, 50))
        .check(
            (profit, fees, juniors, partners) -> {
              long staff = partners + juniors;
              LeverDecomposition d =
                  FourLevers.decompose(
                      Money.ofMinor(profit, CoreGenerators.EUR),
                      Money.ofMinor(fees, CoreGenerators.EUR),
                      staff,
                      partners);
              double product = d.margin() * (fees / 100.0 / staff) * d.leverage();
              double expected = profit / 100.0 / partners;
              return Math.abs(product - expected) <= 1e-9 * (1 + Math.abs(expected))
                  && Math.abs(d.profitPerPartner().amount().doubleValue() - expected) <= 0.005 + 1e-9;
            });
  }

  @Test
  void leverageIsAtLeastOneAndMorePartnersThanStaffIsRejected() {
    qt().forAll(longs().between(1, 500), longs().between(1, 500))
        .check(
            (staff, partners) -> {
              Money profit = Money.of("10.00", "EUR");
              Money fees = Money.of("100.00", "EUR");
              if (partners > staff) {
                try {
                  FourLevers.decompose(profit, fees, staff, partners);
                  return false;
                } catch (io.clientyield.core.ValidationException e) {
                  return e.violations().size() == 1
                      && e.violations().get(0).field().equals("partners");
                }
              }
              return FourLevers.decompose(profit, fees, staff, partners).leverage() >= 1;
            });
  }
}
