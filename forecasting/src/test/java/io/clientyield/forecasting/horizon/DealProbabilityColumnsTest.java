package io.clientyield.forecasting.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.forecasting.horizon.HorizonForecast.DealProbability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The column form of a forecast's deal-level probabilities is the list of its elements. */
class DealProbabilityColumnsTest {

  @Test
  void columnsEqualTheListOfTheirElementsAndReadBackFromJson() {
    qt().withExamples(50).forAll(integers().between(0, 300), integers().all()).check((n, seed) -> {
      SplittableRandom r = new SplittableRandom(seed);
      DealProbabilityColumns.Builder b = new DealProbabilityColumns.Builder(r.nextInt(4));
      List<DealProbability> plain = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        DealProbability p = new DealProbability(DealId.of("d" + i), r.nextBoolean() ? "lead" : "deal",
            r.nextInt(100), r.nextInt(101) / 100.0, Money.ofMinor(r.nextInt(1_000_000), HorizonGenerators.USD));
        plain.add(p);
        b.add(p.id(), p.stage(), p.age(), p.probability(), p.budget());
      }
      List<DealProbability> columns = b.build();
      HorizonForecast f = forecast(columns);
      return columns.equals(plain) && plain.equals(columns) && columns.hashCode() == plain.hashCode()
          && f.deals() == columns && f.equals(forecast(plain))
          && ClientyieldJson.read(ClientyieldJson.write(f), HorizonForecast.class).equals(f);
    });
  }

  @Test
  void anInvalidElementIsRejectedAsDealProbabilityRejectsIt() {
    DealProbabilityColumns.Builder b = new DealProbabilityColumns.Builder(0);
    Money one = Money.ofMinor(100, HorizonGenerators.USD);
    assertThatThrownBy(() -> b.add(DealId.of("x"), "lead", 0, 1.5, one))
        .isInstanceOf(ValidationException.class).hasMessageContaining("probability");
    assertThatThrownBy(() -> b.add(DealId.of("x"), "lead", -1, 0.5, one))
        .isInstanceOf(ValidationException.class).hasMessageContaining("age");
    assertThatThrownBy(() -> b.add(null, "lead", 0, 0.5, one))
        .isInstanceOf(ValidationException.class).hasMessageContaining("id/stage/budget");
    assertThat(b.build()).isEmpty();
  }

  @Test
  void aBudgetInAnotherCurrencyIsNamedByTheForecast() {
    DealProbabilityColumns.Builder b = new DealProbabilityColumns.Builder(2);
    b.add(DealId.of("a"), "lead", 0, 0.5, Money.ofMinor(100, HorizonGenerators.USD));
    b.add(DealId.of("b"), "lead", 0, 0.5, Money.of("1.00", "EUR"));
    assertThatThrownBy(() -> forecast(b.build())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("deals[1].budget");
  }

  private static HorizonForecast forecast(List<DealProbability> deals) {
    Money zero = Money.zero(HorizonGenerators.USD);
    return new HorizonForecast("test", LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), zero, zero, zero, 0,
        List.of(zero), deals, "test");
  }
}
