package io.clientyield.funnel;

import io.clientyield.funnel.ConversionComparison.PriceRealization;
import io.clientyield.funnel.CrossStatisticsOptions.ConversionTestMethod;
import io.clientyield.funnel.CrossStatistics.GroupStatistics.StageCell;
import io.clientyield.funnel.StageFunnel.FunnelStage;
import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.DealId;
import io.clientyield.core.ManagerId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Outcome;
import io.clientyield.core.ValidationException;
import io.clientyield.core.json.ClientyieldJson;
import io.clientyield.funnel.internal.ConversionTests;
import io.clientyield.funnel.internal.DealSink;
import io.clientyield.funnel.internal.FunnelSinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/**
 * The friction items of issue 16 (item 9) that live in the funnel: list and contracted value in
 * one pass, the CRM status mapping with "lost, party unknown", the z statistic beside the
 * p-value; and the cap on groups × stages (issue 18).
 */
class FunnelFrictionTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final Stages STAGES = Stages.of("contact", "proposal", "contract");
  private static final double EXACT = 1e-12;

  private static Deal won(String id, String list, String contracted) {
    Deal.Builder b = Deal.builder().id(DealId.of(id)).reachedStage("contract").outcome(Outcome.won())
        .budget(Money.of(list, "EUR"));
    if (contracted != null) {
      b.contractedValue(Money.of(contracted, "EUR"));
    }
    return b.build();
  }

  @Test
  void contractedAndListValueComeOutOfOnePass() {
    List<Deal> deals = List.of(
        won("1", "10000.00", "9000.00"),
        won("2", "5000.00", "4500.00"),
        won("3", "2000.00", null),
        Deal.builder().id(DealId.of("4")).reachedStage("proposal").budget(Money.of("3000.00", "EUR"))
            .outcome(Outcome.clientRefused("price")).build());
    StageFunnel funnel = deals.stream().collect(StageFunnelAccumulator.collector(STAGES, EUR));
    ConversionComparison c = funnel.conversion();
    assertThat(c.wonBudget()).isEqualTo(Money.of("17000.00", "EUR"));
    assertThat(c.closedBudget()).isEqualTo(Money.of("20000.00", "EUR"));
    PriceRealization r = c.priceRealization().orElseThrow();
    assertThat(r.deals()).isEqualTo(2);
    assertThat(r.list()).isEqualTo(Money.of("15000.00", "EUR"));
    assertThat(r.contracted()).isEqualTo(Money.of("13500.00", "EUR"));
    assertThat(r.realization().getAsDouble()).isCloseTo(0.9, within(EXACT));
    assertThat(c.wonValue()).isEqualTo(Money.of("15500.00", "EUR"));
    assertThat(c.financialClosed().getAsDouble()).isCloseTo(0.85, within(EXACT));
    assertThat(c.financialClosedContracted().getAsDouble()).isCloseTo(0.775, within(EXACT));
    String json = assertJsonRoundTrip(c, ConversionComparison.class);
    assertThat(json).endsWith(",\"priceRealization\":{\"deals\":2,"
        + "\"list\":{\"amount\":\"15000.00\",\"currency\":\"EUR\"},"
        + "\"contracted\":{\"amount\":\"13500.00\",\"currency\":\"EUR\"}}}");
    assertJsonRoundTrip(deals.get(0), Deal.class);
  }

  @Test
  void withoutContractedValuesNothingChanges() {
    StageFunnel funnel = List.of(won("1", "100.00", null)).stream()
        .collect(StageFunnelAccumulator.collector(STAGES, EUR));
    assertThat(funnel.conversion().priceRealization()).isEmpty();
    assertThat(funnel.conversion().wonValue()).isEqualTo(Money.of("100.00", "EUR"));
    assertThat(ClientyieldJson.write(funnel)).doesNotContain("priceRealization").doesNotContain("lostUnknown");
    assertThat(ClientyieldJson.write(won("1", "100.00", null))).doesNotContain("contractedValue");
  }

  @Test
  void realizationIsUndefinedOnAZeroListValue() {
    PriceRealization r = new PriceRealization(1, Money.zero(EUR), Money.of("10.00", "EUR"));
    assertThat(r.realization()).isEmpty();
  }

  @Test
  void aContractedValueNeedsAWinAndAListValueInItsCurrency() {
    assertThatThrownBy(() -> Deal.builder().id(DealId.of("1")).reachedStage("proposal")
            .contractedValue(Money.of("-1.00", "USD")).outcome(Outcome.clientRefused("price")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("contractedValue (USD -1.00) must be >= 0")
        .hasMessageContaining("requires a WON outcome")
        .hasMessageContaining("requires a budget (the list value)");
    assertThatThrownBy(() -> Deal.builder().id(DealId.of("1")).reachedStage("proposal")
            .budget(Money.of("1.00", "EUR")).contractedValue(Money.of("1.00", "USD"))
            .outcome(Outcome.won()).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("cannot mix EUR and USD");
  }

  @Test
  void aStatusColumnMapsToStageAndOutcome() {
    DealStatusMapper statuses = DealStatusMapper.builder(STAGES)
        .open("Engaging", "proposal")
        .closed("Won", "contract", Outcome.won())
        .closed("Lost", "proposal", Outcome.lostUnknown())
        .build();
    Deal lost = statuses.apply("Lost", Deal.builder().id(DealId.of("9"))).build();
    assertThat(lost.reachedStage()).isEqualTo("proposal");
    assertThat(lost.outcome()).contains(Outcome.lostUnknown());
    assertThat(statuses.map("Engaging")).isEqualTo(new DealStatusMapper.Mapped("proposal", Optional.empty()));
    assertThat(statuses.map("Won").outcome()).contains(Outcome.won());
    assertThatThrownBy(() -> statuses.map("won")).isInstanceOf(ValidationException.class)
        .hasMessage("status (won) must be one of the mapped statuses [Engaging, Lost, Won]");
    DealStatusMapper relaxed = DealStatusMapper.builder(STAGES).closed("Won", "contract", Outcome.won())
        .ignoringCase().build();
    assertThat(relaxed.map(" WON ").reachedStage()).isEqualTo("contract");
    assertThatThrownBy(() -> DealStatusMapper.builder(STAGES).open("Engaging", "negotiation"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("stage (negotiation)");
    assertThatThrownBy(() -> DealStatusMapper.builder(STAGES).open("A", "contact").open("A", "contact"))
        .isInstanceOf(ValidationException.class).hasMessage("status (A) must be mapped once");
    assertThatThrownBy(() -> DealStatusMapper.builder(STAGES).open("a", "contact").open("A", "contact")
        .ignoringCase().build()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("must differ from every other status ignoring case");
  }

  @Test
  void lostPartyUnknownIsItsOwnLossInTheFunnel() {
    List<Deal> deals = new ArrayList<>();
    deals.add(Deal.builder().id(DealId.of("1")).reachedStage("proposal").outcome(Outcome.lostUnknown())
        .budget(Money.of("10.00", "EUR")).build());
    deals.add(Deal.builder().id(DealId.of("2")).reachedStage("proposal")
        .outcome(Outcome.clientRefused("price")).build());
    deals.add(Deal.builder().id(DealId.of("3")).reachedStage("contract").outcome(Outcome.won()).build());
    StageFunnel funnel = deals.stream().collect(StageFunnelAccumulator.collector(STAGES, EUR));
    FunnelStage proposal = funnel.stage("proposal");
    assertThat(proposal.lostUnknown()).isEqualTo(1);
    assertThat(proposal.refused()).isEqualTo(1);
    assertThat(proposal.dropped()).isEqualTo(2);
    assertThat(proposal.droppedBudget()).isEqualTo(Money.of("10.00", "EUR"));
    assertThat(proposal.reasons(Outcome.Kind.LOST_UNKNOWN)).singleElement()
        .satisfies(r -> assertThat(r.count()).isEqualTo(1));
    assertThat(funnel.lostUnknown()).isEqualTo(1);
    assertThat(funnel.conversion().closed()).isEqualTo(3);
    assertThat(funnel.weakestByLoss().orElseThrow().stage()).isEqualTo("proposal");
    String json = assertJsonRoundTrip(funnel, StageFunnel.class);
    assertThat(json).contains("\"declined\":0,\"lostUnknown\":1,\"reasons\"");

    // the primitive path counts the same outcome code
    StageFunnelAccumulator viaSink = new StageFunnelAccumulator(STAGES, EUR, List.of("price"));
    DealSink sink = FunnelSinks.of(viaSink);
    sink.deal(0, 1, Outcome.Kind.LOST_UNKNOWN.ordinal(), DealSink.NO_REASON, 1000);
    sink.deal(0, 1, Outcome.Kind.CLIENT_REFUSED.ordinal(), 0, DealSink.NO_BUDGET);
    sink.deal(0, 2, Outcome.Kind.WON.ordinal(), DealSink.NO_REASON, DealSink.NO_BUDGET);
    assertThat(viaSink.result()).isEqualTo(funnel);
  }

  @Test
  void theZStatisticStandsBesideThePValue() {
    // anna passes 30 of 100 at "contact", boris 50 of 100 (both then drop at "proposal")
    CrossStatisticsAccumulator<ManagerId> acc = CrossStatisticsAccumulator.byManager(STAGES, EUR);
    int id = 0;
    for (String manager : List.of("anna", "boris")) {
      int passed = manager.equals("anna") ? 30 : 50;
      for (int i = 0; i < 100; i++) {
        acc.add(Deal.builder().id(DealId.of("D" + id++)).manager(ManagerId.of(manager))
            .reachedStage(i < passed ? "proposal" : "contact").outcome(Outcome.clientRefused("price"))
            .build());
      }
    }
    StageCell cell = acc.result().group("anna").cell("contact");
    assertThat(cell.test()).contains(ConversionTestMethod.NORMAL_Z);
    assertThat(cell.zStatistic().getAsDouble()).isCloseTo(-2.8867513459481287, within(1e-12));
    assertThat(cell.pValue().getAsDouble()).isCloseTo(0.0019462, within(1e-6));
    assertThat(acc.result().group("boris").cell("contact").zStatistic().getAsDouble())
        .isCloseTo(2.8867513459481287, within(1e-12));
    // a cell whose pooled conversion is 1 has no z statistic, and is not flagged
    assertThat(ConversionTests.zStatistic(100, 100, 100, 100)).isEmpty();
    assertThat(acc.result().group("anna").cell("proposal").zStatistic()).isEmpty();
  }

  @Test
  void groupsTimesStagesIsCapped() {
    Stages eight = Stages.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
    CrossStatisticsAccumulator<String> acc = CrossStatisticsAccumulator.by(eight, EUR, d -> null);
    DealSink sink = FunnelSinks.of(acc);
    assertThatThrownBy(() -> sink.deal(524_288, 0, DealSink.OPEN, DealSink.NO_REASON, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("group (524288) groups × stages must be <= 4194304 (the cap of one funnel "
            + "accumulator; 8 stages)");
    assertThat(acc.result().team().topEntered()).isZero();
    sink.deal(1_000, 0, DealSink.OPEN, DealSink.NO_REASON, 0);
    assertThat(acc.result().team().topEntered()).isEqualTo(1);
  }
}
