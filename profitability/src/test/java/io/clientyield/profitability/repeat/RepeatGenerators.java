package io.clientyield.profitability.repeat;

import io.clientyield.profitability.repeat.RepeatSummaries.RepeatSummary;
import io.clientyield.profitability.repeat.RepeatSummaryAccumulator.Purchase;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators for the repeat-client models. */
final class RepeatGenerators {
  static final Currency USD = Currency.getInstance("USD");
  /** Day 0 of the generated purchases; calibration ends on day 40, the hold-out on day 60. */
  static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);
  static final LocalDate CALIBRATION_END = DAY0.plusDays(40);
  static final LocalDate HOLDOUT_END = DAY0.plusDays(60);

  private RepeatGenerators() {}

  /** A client's history: x, t_x, T. */
  record History(long x, double tx, double bigT) {}

  static Gen<BgNbdModel> bgNbdModels() {
    return doubles().between(0.05, 5).zip(doubles().between(0.5, 50), doubles().between(0.1, 5),
        doubles().between(0.1, 10), BgNbdModel::of);
  }

  static Gen<GammaGammaModel> gammaGammaModels() {
    return doubles().between(0.5, 10).zip(doubles().between(1.1, 10), doubles().between(1, 100),
        GammaGammaModel::of);
  }

  static Gen<History> histories() {
    return longs().between(0, 300).zip(doubles().between(0, 100), doubles().between(0, 1),
        (x, bigT, share) -> new History(x, x == 0 ? 0 : bigT * share, bigT));
  }

  static Gen<RepeatSummary> summaries() {
    return histories().zip(longs().between(0, 1_000_000), integers().between(0, 999),
        (h, cents, id) -> new RepeatSummary(ClientId.of("c" + id), h.x(), h.tx(), h.bigT(),
            Money.ofMinor(h.x() == 0 ? 0 : cents, USD), id % 3));
  }

  static Gen<Purchase> purchases() {
    return integers().between(0, 5).zip(integers().between(0, 60), longs().between(0, 100_000),
        (client, day, cents) -> Purchase.of(ClientId.of("c" + client), DAY0.plusDays(day),
            Money.ofMinor(cents, USD)));
  }

  static Gen<List<Purchase>> purchaseLists() {
    return lists().of(purchases()).ofSizeBetween(0, 40);
  }
}
