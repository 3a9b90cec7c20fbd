package io.clientyield.profitability.ltv;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.profitability.ProfitabilityGenerators;
import io.clientyield.profitability.ltv.LifetimeValues.LifetimeValue;
import org.junit.jupiter.api.Test;

class LifetimeValueProperties {

  @Test
  void ltvIsMonotoneInEachFactor() {
    qt().forAll(
            ProfitabilityGenerators.monthlyCosts(),
            longs().between(0, 120),
            doubles().between(0.0, 1.0),
            ProfitabilityGenerators.monthlyCosts())
        .check(
            (arpu, n, m, extra) -> {
              LifetimeValue base = LifetimeValues.lifetimeValue(arpu, n, m);
              return LifetimeValues.lifetimeValue(arpu.plus(extra), n, m).ltv().compareTo(base.ltv()) >= 0
                  && LifetimeValues.lifetimeValue(arpu, n + 1, m).ltv().compareTo(base.ltv()) >= 0
                  && LifetimeValues.lifetimeValue(arpu, n, Math.min(1.0, m + 0.01)).ltv().compareTo(base.ltv())
                      >= 0;
            });
  }
}
