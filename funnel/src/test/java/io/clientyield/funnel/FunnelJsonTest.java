package io.clientyield.funnel;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ConfidenceInterval;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
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
    FunnelStage s = FunnelStage.builder().stage("proposal").index(2).entered(5).passed(2).inProgress(1).won(2)
        .refused(2).declined(0)
        .addReason(ReasonCount.of(Outcome.Kind.CLIENT_REFUSED, Optional.of("price"), 2, 1.0, 1.0))
        .cumulative(Proportion.of(2, 10)).inProgressBudget(ZERO).wonBudget(ZERO).droppedBudget(ZERO).build();
    assertJsonRoundTrip(s, FunnelStage.class);
    assertThatThrownBy(() -> ClientyieldJson.read(ClientyieldJson.write(s).replace("\"entered\":5", "\"entered\":6"),
        FunnelStage.class)).isInstanceOf(ValidationException.class).hasMessageContaining("entered");
  }

  @Test
  void untestedStageCellHasNoTestFields() {
    StageCell c = StageCell.builder().stage("contact").conversion(Proportion.of(1, 2))
        .wilson95(Proportion.of(1, 2).wilson95()).rest(Proportion.of(3, 4)).flagged(false).build();
    String json = assertJsonRoundTrip(c, StageCell.class);
    assertThat(json).doesNotContain("pValue").doesNotContain("test\"");
  }

  @Test
  void testedStageCellRoundTrips() {
    StageCell c = StageCell.builder().stage("contact").conversion(Proportion.of(1, 40))
        .wilson95(Optional.of(new ConfidenceInterval(0.004, 0.13))).rest(Proportion.of(30, 40))
        .test(LowerConversionTest.Method.FISHER_EXACT).pValue(OptionalDouble.of(1e-9))
        .qValue(OptionalDouble.of(2e-9)).flagged(true).build();
    assertJsonRoundTrip(c, StageCell.class);
    assertThatThrownBy(() -> StageCell.builder().stage("x").conversion(Proportion.of(0, 0)).rest(Proportion.EMPTY)
        .flagged(true).build()).isInstanceOf(ValidationException.class).hasMessageContaining("flagged");
  }

  @Test
  void unknownPropertiesAreRejected() {
    assertThatThrownBy(() -> ClientyieldJson.read("{\"falseDiscoveryRate\":0.05,\"minTrials\":30,\"x\":1}",
        CrossStatisticsOptions.class)).isInstanceOf(ValidationException.class);
  }
}
