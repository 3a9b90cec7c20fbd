package io.clientyield.profitability.levers;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.CoreGenerators;
import io.clientyield.core.Money;
import org.junit.jupiter.api.Test;

class FourLeversProperties {

  @Test
  void productOfLeversIsProfitPerPartner() {
    qt().forAll(
            longs().between(-100_000_000L, 100_000_000L),
            longs().between(1, 100_000_000L),
            longs().between(1, 500),
            longs().between(1, 50))
        .check(
            (profit, fees, staff, partners) -> {
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
}
