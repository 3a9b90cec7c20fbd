package io.clientyield.forecasting;

import io.clientyield.forecasting.PlannedDeal.BudgetVersion;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientyield.core.ClientId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.ReportingPeriod;
import io.clientyield.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannedDealTest {
  static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
  static final PlannedDeal PLAN =
      PlannedDeal.plan(
          ClientId.of("c1"), ReportingPeriod.month(2026, 9), ManagerId.of("ann"), ManagerId.of("m1"), T0,
          Money.of("100000000", "EUR"));

  @Test
  void historyIsAppendOnly() {
    PlannedDeal refined = PLAN.refine(T0.plusSeconds(10), Money.of("80000000", "EUR"));
    PlannedDeal executed =
        refined
            .contract(T0.plusSeconds(20), Money.of("78000000", "EUR"))
            .execute(T0.plusSeconds(30), Money.of("75000000", "EUR"));
    assertThat(PLAN.history()).hasSize(1);
    assertThat(refined.history()).hasSize(2);
    assertThat(executed.history()).hasSize(4).startsWith(refined.history().toArray(new BudgetVersion[0]));
    assertThat(executed.plannedBudget()).isEqualTo(Money.of("100000000", "EUR"));
    assertThat(executed.valueAt(BudgetStep.EXECUTED)).contains(Money.of("75000000", "EUR"));
    assertThat(PLAN.valueAt(BudgetStep.ACTUAL)).isEmpty();
    assertThat(refined.valueThrough(BudgetStep.EXECUTED)).isEqualTo(Money.of("80000000", "EUR"));
    assertJsonRoundTrip(executed, PlannedDeal.class);
  }

  @Test
  void outOfOrderTimestampIsRejected() {
    assertThatThrownBy(() -> PLAN.refine(T0.minusSeconds(1), Money.of("1", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("history[1].at");
  }

  @Test
  void refiningAfterExecutionIsRejected() {
    PlannedDeal executed = PLAN.execute(T0.plusSeconds(5), Money.of("7", "EUR"));
    assertThatThrownBy(() -> executed.refine(T0.plusSeconds(6), Money.of("1", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not come after EXECUTED");
    assertThatThrownBy(() -> executed.execute(T0.plusSeconds(6), Money.of("1", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most once");
  }

  @Test
  void jsonWithAnOutOfOrderHistoryIsRejected() throws Exception {
    PlannedDeal refined = PLAN.refine(T0.plusSeconds(10), Money.of("80", "EUR"));
    String json = io.clientyield.core.json.ClientyieldJson.mapper().writeValueAsString(refined)
        .replace("2026-08-01T00:00:10Z", "2026-07-01T00:00:00Z");
    assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.mapper()
            .readValue(json, PlannedDeal.class))
        .hasStackTraceContaining("history[1].at");
  }

  @Test
  void aNullVersionInTheHistoryIsNamedByIndex() {
    List<BudgetVersion> history = new ArrayList<>(PLAN.history());
    history.add(null);
    assertThatThrownBy(() -> new PlannedDeal(
            PLAN.client(), PLAN.period(), PLAN.planner(), PLAN.manager(), history))
        .isInstanceOf(ValidationException.class)
        .hasMessage("history[1] (null) must not be null");
  }
}
