package io.clientyield.profitability;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.CoreGenerators;
import io.clientyield.core.Money;
import org.quicktheories.core.Gen;

/** QuickTheories generators for the profitability module's domain. */
public final class ProfitabilityGenerators {

  private ProfitabilityGenerators() {}

  /** Monthly cost components in EUR between 0.00 and 100 000.00. */
  public static Gen<Money> monthlyCosts() {
    return longs().between(0, 10_000_000L).map(m -> Money.ofMinor(m, CoreGenerators.EUR));
  }

  /** Utilizations in [0.05, 1]. */
  public static Gen<Double> utilizations() {
    return doubles().between(0.05, 1.0);
  }

  /** Target margins in [0, 0.9]. */
  public static Gen<Double> targetMargins() {
    return doubles().between(0.0, 0.9);
  }

  /** Margins in [-5, 0.99], a range where the markup is defined. */
  public static Gen<Double> margins() {
    return doubles().between(-5.0, 0.99);
  }
}
