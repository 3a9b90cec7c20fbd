package io.clientyield.funnel.leads;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Generators for lead-economics properties. */
final class LeadGenerators {
  private LeadGenerators() {}

  /** @return rates in [0, 1] */
  static Gen<Double> rates() {
    return SourceDSL.integers().between(0, 10_000).map(i -> i / 10_000.0);
  }

  /** @return expected counts in [0, 10 000] with two decimals */
  static Gen<Double> counts() {
    return SourceDSL.integers().between(0, 1_000_000).map(i -> i / 100.0);
  }

  /** @return values outside [0, 1] */
  static Gen<Double> badRates() {
    return SourceDSL.doubles().between(1.000001, 1e6)
        .mix(SourceDSL.doubles().between(-1e6, -1e-9));
  }

  /** @return whole lead counts in [1, 500] */
  static Gen<Integer> wholeLeads() {
    return SourceDSL.integers().between(1, 500);
  }

  /** @return spends in minor units (cents) in [0, 10^8] */
  static Gen<Long> spendCents() {
    return SourceDSL.longs().between(0, 100_000_000L);
  }
}
