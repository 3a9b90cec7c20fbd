package io.clientyield.profitability.project;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.ClientId;
import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientProfitabilityAccumulatorTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  private static Money eur(String a) {
    return Money.of(a, "EUR");
  }

  @Test
  void perClientTotalsAndCostPerContact() {
    List<ClientProfitability> r =
        new ClientProfitabilityAccumulator(EUR)
            .add(ClientId.of("acme"), new ProjectProfitability(eur("1200.00"), eur("500.00"), eur("200.00"), 600, 600))
            .add(ClientId.of("acme"), new ProjectProfitability(eur("1000.00"), eur("400.00"), eur("0.00"), 750, 300))
            .addContacts(ClientId.of("acme"), 30)
            .add(ClientId.of("quiet"), new ProjectProfitability(eur("500.00"), eur("100.00"), eur("0.00"), 60, 60))
            .addContacts(ClientId.of("quiet"), 1)
            .result();
    ClientProfitability acme = r.get(0);
    assertThat(acme.client()).isEqualTo(ClientId.of("acme"));
    assertThat(acme.revenue()).isEqualTo(eur("2200.00"));
    assertThat(acme.cost()).isEqualTo(eur("1100.00"));
    assertThat(acme.profit()).isEqualTo(eur("1100.00"));
    assertThat(acme.margin().getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(acme.minutes()).isEqualTo(1350);
    // 1100 / 30 = 36.666.. -> 36.67
    assertThat(acme.costPerContact()).contains(eur("36.67"));
    assertThat(r.get(1).costPerContact()).contains(eur("100.00"));
    assertJsonRoundTrip(acme, ClientProfitability.class);
  }

  @Test
  void sumsBeyondALongAreRejectedAndNothingIsApplied() {
    Money nearMax = Money.ofMinor(Long.MAX_VALUE - 100, EUR);
    var acc =
        new ClientProfitabilityAccumulator(EUR)
            .add(ClientId.of("acme"), new ProjectProfitability(eur("1.00"), nearMax, eur("0.00"), 60, 60))
            .addContacts(ClientId.of("acme"), Long.MAX_VALUE - 1);
    var before = acc.result();
    // revenue fits, cost does not: the revenue must not be added either
    assertThatThrownBy(
            () ->
                acc.add(
                    ClientId.of("acme"), new ProjectProfitability(eur("5.00"), eur("2.00"), eur("0.00"), 1, 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("cost[acme] (")
        .hasMessageContaining("must fit in a long");
    assertThatThrownBy(() -> acc.addContacts(ClientId.of("acme"), 2))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("contacts[acme] (");
    var other =
        new ClientProfitabilityAccumulator(EUR)
            .add(ClientId.of("zeta"), new ProjectProfitability(eur("7.00"), eur("0.00"), eur("0.00"), 1, 1))
            .add(ClientId.of("acme"), new ProjectProfitability(eur("3.00"), eur("2.00"), eur("0.00"), 1, 1));
    assertThatThrownBy(() -> acc.merge(other))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("cost[acme] (");
    assertThat(acc.result()).isEqualTo(before);
  }

  @Test
  void noContactsMeansUndefinedCostPerContact() {
    List<ClientProfitability> r =
        new ClientProfitabilityAccumulator(EUR)
            .add(ClientId.of("x"), new ProjectProfitability(eur("0.00"), eur("10.00"), eur("0.00"), 0, 0))
            .result();
    assertThat(r.get(0).costPerContact()).isEmpty();
    assertThat(r.get(0).margin()).isEmpty();
  }
}
