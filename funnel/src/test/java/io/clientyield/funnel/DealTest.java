package io.clientyield.funnel;

import io.clientyield.funnel.Deal.StageVisit;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DealTest {
  private static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);

  @Test
  void roundTripsThroughJson() {
    Deal deal = Deal.builder()
        .id(DealId.of("D-17"))
        .manager(ManagerId.of("anna"))
        .budget(Money.of("12000.00", "EUR"))
        .reachedStage("proposal")
        .addHistory(StageVisit.of("contact", SEP_1), StageVisit.of("proposal", SEP_1.plusDays(9)))
        .outcome(Outcome.clientRefused("price"))
        .closedOn(SEP_1.plusDays(20))
        .putAttribute("office", "Berlin")
        .build();
    assertThat(deal.isOpen()).isFalse();
    assertJsonRoundTrip(deal, Deal.class);
  }

  @Test
  void reportsEveryViolationTogether() {
    assertThatThrownBy(() -> Deal.builder()
            .id(DealId.of("D-1"))
            .reachedStage("won")
            .addHistory(StageVisit.of("contact", SEP_1), StageVisit.of("proposal", SEP_1.minusDays(1)))
            .closedOn(SEP_1)
            .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(3))
        .hasMessageContaining("history[1].enteredOn")
        .hasMessageContaining("must appear in the history")
        .hasMessageContaining("closedOn");
  }

  @Test
  void aNegativeBudgetIsRejectedAtTheBoundary() {
    assertThatThrownBy(() -> Deal.builder()
            .id(DealId.of("D-3"))
            .reachedStage("proposal")
            .budget(Money.of("-0.01", "EUR"))
            .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("budget (EUR -0.01) must be >= 0");
    assertThat(Deal.builder().id(DealId.of("D-4")).reachedStage("proposal")
        .budget(Money.of("0.00", "EUR")).build().budget()).contains(Money.of("0.00", "EUR"));
  }

  @Test
  void closingBeforeTheLastStageEntryIsRejected() {
    assertThatThrownBy(() -> Deal.builder()
            .id(DealId.of("D-2"))
            .reachedStage("proposal")
            .addHistory(StageVisit.of("contact", SEP_1), StageVisit.of("proposal", SEP_1.plusDays(9)))
            .outcome(Outcome.won())
            .closedOn(SEP_1.plusDays(5))
            .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("closedOn")
        .hasMessageContaining("must not be before the last history date (" + SEP_1.plusDays(9) + ")");
  }
}
