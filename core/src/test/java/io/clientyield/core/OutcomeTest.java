package io.clientyield.core;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.json.ClientyieldJson;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void jsonFormOmitsAbsentReason() {
    assertThat(ClientyieldJson.write(Outcome.won())).isEqualTo("{\"kind\":\"WON\"}");
    assertThat(ClientyieldJson.write(Outcome.clientRefused("price")))
        .isEqualTo("{\"kind\":\"CLIENT_REFUSED\",\"reason\":\"price\"}");
    assertJsonRoundTrip(Outcome.weDeclined("risk"), Outcome.class);
    assertJsonRoundTrip(Outcome.won(), Outcome.class);
  }

  @Test
  void wonWithReasonIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.WON, Optional.of("price")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reason")
        .hasMessageContaining("must be absent for a WON outcome");
    assertThatThrownBy(() -> Outcome.clientRefused(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not be blank");
  }

  @Test
  void lossesAreEverythingButWon() {
    assertThat(Outcome.Kind.WON.isLoss()).isFalse();
    assertThat(Outcome.Kind.CLIENT_REFUSED.isLoss()).isTrue();
    assertThat(Outcome.Kind.LOST_UNKNOWN.isLoss()).isTrue();
    assertThat(Outcome.lostUnknown()).isEqualTo(Outcome.of(Outcome.Kind.LOST_UNKNOWN));
    assertThat(Outcome.lostUnknown().reason()).isEmpty();
    assertThat(ClientyieldJson.write(Outcome.lostUnknown())).isEqualTo("{\"kind\":\"LOST_UNKNOWN\"}");
    assertJsonRoundTrip(Outcome.lostUnknown(), Outcome.class);
    assertThat(Outcome.clientRefused("price").compareTo(Outcome.weDeclined("a"))).isNegative();
  }
}
