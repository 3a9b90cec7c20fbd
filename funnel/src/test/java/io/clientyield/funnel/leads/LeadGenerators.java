package io.clientyield.funnel.leads;

import io.clientyield.core.Money;
import io.clientyield.funnel.leads.ChannelComparison.Channel;
import io.clientyield.funnel.leads.ChannelComparison.Defaults;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Generators for lead-economics properties. */
final class LeadGenerators {
  private LeadGenerators() {}

  static final Currency EUR = Money.currency("EUR");

  /** @return rates in [0, 1] */
  static Gen<Double> rates() {
    return SourceDSL.integers().between(0, 10_000).map(i -> i / 10_000.0);
  }

  /** @return rates in (0, 1] */
  static Gen<Double> positiveRates() {
    return SourceDSL.integers().between(1, 10_000).map(i -> i / 10_000.0);
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

  /** @return EUR amounts from 0.00 to 1 000 000.00 */
  static Gen<Money> money() {
    return SourceDSL.longs().between(0, 100_000_000L).map(c -> Money.ofMinor(c, EUR));
  }

  /** @return EUR amounts from 0.01 to 100 000.00 */
  static Gen<Money> positiveMoney() {
    return SourceDSL.longs().between(1, 10_000_000L).map(c -> Money.ofMinor(c, EUR));
  }

  /** @return target ROMIs in (-1, 10] */
  static Gen<Double> targetRomis() {
    return SourceDSL.integers().between(-999, 10_000).map(i -> i / 1000.0);
  }

  /**
   * Website-chain models: queries, CTR, site conversion, Cr given; check, spend, margin given;
   * sometimes clicks.
   *
   * @return models
   */
  static Gen<LeadInputs> websiteModels() {
    return counts().zip(rates(), rates(), rates(), (q, ctr, sc, cr) -> LeadInputs.builder()
        .set(LeadQuantity.QUERIES, q).set(LeadQuantity.CTR, ctr).set(LeadQuantity.SITE_CONVERSION, sc)
        .set(LeadQuantity.CR, cr))
        .zip(positiveMoney(), money(), rates(), (b, check, spend, m) -> b.averageCheck(check)
            .spend(spend).grossMargin(m))
        .zip(SourceDSL.integers().between(-1, 5_000), (b, clicks) -> {
          if (clicks >= 0) {
            b.set(LeadQuantity.CLICKS, clicks);
          }
          return b.build();
        });
  }

  /**
   * Models of any consistent shape: a random subset of the chain's inputs given.
   *
   * @return models
   */
  static Gen<LeadInputs> anyModels() {
    return websiteModels().zip(SourceDSL.integers().between(0, 127), (m, mask) -> {
      LeadInputs.Builder b = m.toBuilder();
      LeadQuantity[] fs = {LeadQuantity.QUERIES, LeadQuantity.CTR, LeadQuantity.SITE_CONVERSION, LeadQuantity.CR, LeadQuantity.CLICKS};
      for (int i = 0; i < fs.length; i++) {
        if ((mask & (1 << i)) != 0) {
          b.unset(fs[i]);
        }
      }
      if ((mask & 32) != 0) {
        b.set(LeadQuantity.LEADS, LeadEconomics.metrics(m).value(LeadQuantity.LEADS).orElse(0));
      }
      return b.build();
    });
  }

  /**
   * Channels with whole leads in [0, 500], a spend, a Cr (or none, 1 in 4) and a check.
   *
   * @return lists of 1 to 6 uniquely named channels
   */
  static Gen<List<Channel>> channels() {
    Gen<LeadInputs> one = SourceDSL.integers().between(0, 500)
        .zip(spendCents(), SourceDSL.integers().between(-2_500, 10_000), positiveMoney(),
            (leads, cents, cr, check) -> {
              LeadInputs.Builder b = LeadInputs.builder().set(LeadQuantity.LEADS, leads)
                  .spend(Money.ofMinor(cents, EUR)).averageCheck(check).grossMargin(0.5);
              if (cr >= 0) {
                b.set(LeadQuantity.CR, cr / 10_000.0);
              }
              return b.build();
            });
    return SourceDSL.lists().of(one).ofSizeBetween(1, 6).map(list -> {
      List<Channel> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(Channel.of("channel " + i, list.get(i)));
      }
      return out;
    });
  }

  /** @return fallback Crs in [0, 1] */
  static Gen<Defaults> defaults() {
    return rates().map(cr -> Defaults.builder().cr(cr).build());
  }

  /** @return whole spend factors in [1, 1 000] */
  static Gen<Integer> spendFactors() {
    return Generate.pick(List.of(1, 2, 3, 7, 10, 100, 365, 1000))
        .mix(SourceDSL.integers().between(1, 1000));
  }

  /** @return wild doubles: 0, subnormal, tiny, rates, large counts, beyond the maximum, negative */
  static Gen<Double> wildValues() {
    return Generate.pick(List.of(0.0, Double.MIN_VALUE, 1e-300, 1e-12, 1.0, 1e15, 2e15, -0.5))
        .mix(SourceDSL.doubles().between(0, 1))
        .mix(SourceDSL.doubles().between(0, 1e15));
  }

  /** @return money from 0 to 10^28 in EUR, or negative */
  static Gen<Money> wildMoney() {
    return Generate.pick(List.of("0", "0.01", "1", "-1", "1e20", "9.99e27"))
        .mix(SourceDSL.longs().between(0, Long.MAX_VALUE).map((Long x) -> String.valueOf(x)))
        .map(t -> Money.of(new java.math.BigDecimal(t), EUR, java.math.RoundingMode.DOWN));
  }

  /**
   * Builders with any subset of fields set to wild values (only values the setters accept).
   *
   * @return builders' products: models, or the exception building threw
   */
  static Gen<Object> wildModels() {
    Gen<double[]> vals = SourceDSL.lists().of(wildValues()).ofSize(LeadQuantity.values().length)
        .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    return vals.zip(SourceDSL.integers().between(0, (1 << LeadQuantity.values().length) - 1),
        wildMoney(), wildMoney(), (v, mask, check, money) -> {
          try {
            LeadInputs.Builder b = LeadInputs.builder();
            for (LeadQuantity f : LeadQuantity.values()) {
              if ((mask & (1 << f.ordinal())) != 0) {
                double x = f.isRate() ? Math.min(Math.abs(v[f.ordinal()]), 1) : v[f.ordinal()];
                if (x >= 0 && x <= LeadInputs.MAX_COUNT) {
                  b.set(f, x);
                }
              }
            }
            if (!check.isNegative()) {
              b.averageCheck(check);
            }
            if (!money.isNegative()) {
              if ((mask & 1) == 0) {
                b.spend(money);
              } else {
                b.costPerClick(money);
              }
            }
            b.grossMargin(Math.min(1, Math.abs(v[0]) % 1.0));
            return b.build();
          } catch (io.clientyield.core.ValidationException e) {
            return e;
          }
        });
  }
}
