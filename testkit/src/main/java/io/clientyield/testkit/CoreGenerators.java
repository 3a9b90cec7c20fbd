package io.clientyield.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clientyield.core.Money;
import io.clientyield.core.Proportion;
import io.clientyield.core.Rate;
import java.time.LocalDate;
import java.util.Currency;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for the core vocabulary, shared by every module's properties. */
public final class CoreGenerators {
  private CoreGenerators() {}

  /** Euro. */
  public static final Currency EUR = Currency.getInstance("EUR");
  /** US dollar. */
  public static final Currency USD = Currency.getInstance("USD");
  /** Japanese yen (no minor digits). */
  public static final Currency JPY = Currency.getInstance("JPY");

  /**
   * Currencies with 0 and 2 minor digits.
   *
   * @return a generator
   */
  public static Gen<Currency> currencies() {
    return Generate.pick(java.util.List.of(EUR, USD, JPY));
  }

  /**
   * Money in a currency, between -10^12 and 10^12 minor units.
   *
   * @param currency the currency
   * @return a generator
   */
  public static Gen<Money> money(Currency currency) {
    return longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(m -> Money.ofMinor(m, currency));
  }

  /**
   * Non-negative money in a currency, up to 10^10 minor units.
   *
   * @param currency the currency
   * @return a generator
   */
  public static Gen<Money> nonNegativeMoney(Currency currency) {
    return longs().between(0, 10_000_000_000L).map(m -> Money.ofMinor(m, currency));
  }

  /**
   * Proportions with up to 10 000 trials.
   *
   * @return a generator
   */
  public static Gen<Proportion> proportions() {
    return longs().between(0, 10_000).flatMap(
        t -> longs().between(0, t).map(s -> Proportion.of(s, t)));
  }

  /**
   * Dates between 1990 and 2060.
   *
   * @return a generator
   */
  public static Gen<LocalDate> dates() {
    return longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2060, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /**
   * Rates in [0, 1], including both ends.
   *
   * @return a generator
   */
  public static Gen<Rate> rates() {
    return integers().between(0, 10_000).map(i -> Rate.of(i / 10_000.0));
  }
}
