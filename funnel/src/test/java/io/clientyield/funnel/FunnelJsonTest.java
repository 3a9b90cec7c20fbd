package io.clientyield.funnel;

import io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import io.clientyield.funnel.StageFunnel.FunnelStage.ReasonCount;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The JSON forms of the funnel result types. */
class FunnelJsonTest {
  private static final Money ZERO = Money.zero(Money.currency("EUR"));

  @Test
  void reasonCountOmitsAnAbsentReason() {
    ReasonCount r = ReasonCount.of(Outcome.Kind.WE_DECLINED, Optional.empty(), 2, 0.5, 1.0);
    assertThat(assertJsonRoundTrip(r, ReasonCount.class))
        .isEqualTo("{\"kind\":\"WE_DECLINED\",\"count\":2,\"shareOfDrops\":0.5,\"shareOfKind\":1.0}");
  }

  @Test
  void reasonCountRejectsAWin() {
    assertThatThrownBy(() -> ReasonCount.of(Outcome.Kind.WON, Optional.empty(), 1, 1, 1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("kind");
  }

  @Test
  void funnelStageRoundTripsAndChecksItsConservation() {
    FunnelStage s = new FunnelStage("proposal", 2, 5, 2, 1, 2, 2, 0, 0,
        List.of(ReasonCount.of(Outcome.Kind.CLIENT_REFUSED, Optional.of("price"), 2, 1.0, 1.0)),
        Proportion.of(2, 10), ZERO, ZERO, ZERO);
    assertJsonRoundTrip(s, FunnelStage.class);
    assertThatThrownBy(() -> ClientyieldJson.read(ClientyieldJson.write(s).replace("\"entered\":5", "\"entered\":6"),
        FunnelStage.class)).isInstanceOf(ValidationException.class).hasMessageContaining("entered");
  }

  @Test
  void untestedStageCellHasNoTestFields() {
    StageCell c = new StageCell("contact", Proportion.of(1, 2), 3, Proportion.of(1, 2).wilson95(),
        Proportion.of(3, 4), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), false);
    String json = assertJsonRoundTrip(c, StageCell.class);
    assertThat(json).doesNotContain("pValue").doesNotContain("test\"");
  }

  @Test
  void testedStageCellRoundTrips() {
    StageCell c = new StageCell("contact", Proportion.of(1, 40), 7,
        Optional.of(new ConfidenceInterval(0.004, 0.13)), Proportion.of(30, 40),
        Optional.of(ConversionTestMethod.FISHER_EXACT), OptionalDouble.of(-5.2), OptionalDouble.of(1e-9),
        OptionalDouble.of(2e-9), true);
    assertThat(assertJsonRoundTrip(c, StageCell.class))
        .contains("\"test\":\"FISHER_EXACT\",\"zStatistic\":-5.2,\"pValue\":1.0E-9");
    assertThatThrownBy(() -> new StageCell("x", Proportion.of(0, 0), 0, Optional.empty(), Proportion.EMPTY,
        Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), true))
        .isInstanceOf(ValidationException.class).hasMessageContaining("flagged");
  }

  @Test
  void unknownPropertiesAreRejected() {
    assertThatThrownBy(() -> ClientyieldJson.read("{\"falseDiscoveryRate\":0.05,\"minTrials\":30,\"x\":1}",
        CrossStatisticsOptions.class)).isInstanceOf(ValidationException.class);
  }
}
