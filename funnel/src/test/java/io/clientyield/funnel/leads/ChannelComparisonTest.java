package io.clientyield.funnel.leads;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.leads.ChannelComparison.Assumption;
import io.clientyield.funnel.leads.ChannelComparison.Channel;
import io.clientyield.funnel.leads.ChannelComparison.Defaults;
import io.clientyield.funnel.leads.ChannelComparison.Metric;
import io.clientyield.funnel.leads.ChannelComparison.Row;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ChannelComparisonTest {

  private static final double EPS = 1e-12;

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  // cheap immature leads: 200 leads for 2 000, Cr 1 % -> 2 contracts
  private static final Channel COLD_CALLS = Channel.of("cold calls", LeadInputs.builder()
      .set(LeadQuantity.LEADS, 200).set(LeadQuantity.CR, 0.01).spend(eur("2000.00")).build());
  // expensive mature leads: 20 leads for 1 000, 5 contracts (Cr 25 % derived)
  private static final Channel REFERRALS = Channel.of("referrals", LeadInputs.builder()
      .set(LeadQuantity.LEADS, 20).set(LeadQuantity.CONTRACTS, 5).spend(eur("1000.00")).build());
  // Cr unknown: falls back to the default 5 %
  private static final Channel SITE = Channel.of("site", LeadInputs.builder()
      .set(LeadQuantity.LEADS, 100).spend(eur("3000.00")).build());
  // no spend recorded: no CPL, CAC or ROMI
  private static final Channel EXHIBITION = Channel.of("exhibition", LeadInputs.builder()
      .set(LeadQuantity.LEADS, 30).set(LeadQuantity.CR, 0.2).build());

  private static final Defaults DEFAULTS = Defaults.builder().cr(0.05)
      .averageCheck(eur("2000.00")).grossMargin(0.5).build();

  private static ChannelComparison comparison() {
    return LeadEconomics.compareChannels(List.of(COLD_CALLS, REFERRALS, SITE, EXHIBITION), DEFAULTS);
  }

  @Test
  void cheapestLeadsAreNotTheCheapestContractsBecauseMaturityDiffers() {
    ChannelComparison c = comparison();
    assertThat(c.ranking(Metric.COST_PER_LEAD))
        .containsExactly("cold calls", "site", "referrals");
    assertThat(c.ranking(Metric.COST_PER_CONTRACT))
        .containsExactly("referrals", "site", "cold calls");
    assertThat(c.ranking(Metric.ROMI)).containsExactly("referrals", "site", "cold calls");
    Row cold = c.row("cold calls").orElseThrow();
    assertThat(cold.metrics().costPerLead()).contains(eur("10.00"));
    assertThat(cold.metrics().costPerContract()).contains(eur("1000.00"));
    // 2 contracts × 2 000 × 0.5 − 2 000 = 0
    assertThat(cold.metrics().romi().getAsDouble()).isCloseTo(0, within(EPS));
    Row ref = c.row("referrals").orElseThrow();
    assertThat(ref.metrics().costPerLead()).contains(eur("50.00"));
    assertThat(ref.metrics().costPerContract()).contains(eur("200.00"));
    // 5 × 2 000 × 0.5 − 1 000 = 4 000 over 1 000
    assertThat(ref.metrics().romi().getAsDouble()).isCloseTo(4, within(EPS));
    assertThat(ref.assumed()).containsExactlyInAnyOrder(Assumption.AVERAGE_CHECK,
        Assumption.GROSS_MARGIN);
    Row site = c.row("site").orElseThrow();
    assertThat(site.assumed()).contains(Assumption.CR);
    assertThat(site.metrics().costPerContract()).contains(eur("600.00"));
    assertThat(site.costPerLeadRank()).isEqualTo(OptionalInt.of(2));
  }

  @Test
  void channelsWithAnUndefinedMetricHaveNoRank() {
    Row ex = comparison().row("exhibition").orElseThrow();
    assertThat(ex.costPerLeadRank()).isEmpty();
    assertThat(ex.romiRank()).isEmpty();
    assertThat(ex.rank(Metric.COST_PER_CONTRACT)).isEmpty();
    assertThat(ex.metrics().revenue()).contains(eur("12000.00"));
    assertThat(comparison().ranking(Metric.ROMI)).doesNotContain("exhibition");
  }

  @Test
  void withoutDefaultsOnlyOwnInputsCount() {
    ChannelComparison c = LeadEconomics.compareChannels(List.of(COLD_CALLS, SITE));
    assertThat(c.ranking(Metric.COST_PER_LEAD)).containsExactly("cold calls", "site");
    assertThat(c.ranking(Metric.COST_PER_CONTRACT)).containsExactly("cold calls");
    assertThat(c.ranking(Metric.ROMI)).isEmpty();
    assertThat(c.row("site").orElseThrow().assumed()).isEmpty();
    assertThat(c.row("nowhere")).isEmpty();
  }

  @Test
  void equalValuesShareARank() {
    Channel a = Channel.of("a", LeadInputs.builder().set(LeadQuantity.LEADS, 10)
        .spend(eur("100.00")).build());
    Channel b = Channel.of("b", LeadInputs.builder().set(LeadQuantity.LEADS, 20)
        .spend(eur("200.00")).build());
    Channel c = Channel.of("c", LeadInputs.builder().set(LeadQuantity.LEADS, 20)
        .spend(eur("300.00")).build());
    ChannelComparison cmp = LeadEconomics.compareChannels(List.of(c, a, b));
    assertThat(cmp.rows().stream().map(r -> r.costPerLeadRank().getAsInt()))
        .containsExactly(3, 1, 1);
    assertThat(cmp.ranking(Metric.COST_PER_LEAD)).containsExactly("a", "b", "c");
  }

  @Test
  void badInputIsRejectedNamingTheChannel() {
    assertThatThrownBy(() -> LeadEconomics.compareChannels(List.of(SITE, SITE)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("channels[1].name");
    Channel usd = Channel.of("usd", LeadInputs.builder().set(LeadQuantity.LEADS, 1)
        .spend(Money.of("1.00", "USD")).build());
    assertThatThrownBy(() -> LeadEconomics.compareChannels(List.of(SITE, usd)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("channels[1].currency");
    // the fallback check is in EUR, the channel's spend in USD
    assertThatThrownBy(() -> LeadEconomics.compareChannels(List.of(usd), DEFAULTS))
        .isInstanceOf(ValidationException.class).hasMessageContaining("channels[0].");
    assertThatThrownBy(() -> LeadEconomics.compareChannels(Arrays.asList(SITE, null)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("channels[1]");
    assertThatThrownBy(() -> Channel.of(" ", SITE.economics()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> Defaults.builder().cr(1.5).grossMargin(-0.1).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).hasSize(2));
    assertThatThrownBy(() -> comparison().ranking(null)).isInstanceOf(ValidationException.class);
    Channel daily = Channel.of("daily", SITE.economics().toBuilder().period("day").build());
    Channel yearly = Channel.of("yearly", SITE.economics().toBuilder().period("year").build());
    assertThatThrownBy(() -> LeadEconomics.compareChannels(List.of(daily, SITE, yearly)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("channels[2].period");
  }

  @Test
  void everyTypeRoundTripsAsJson() {
    ChannelComparison c = comparison();
    assertJsonRoundTrip(c, ChannelComparison.class);
    assertJsonRoundTrip(c.rows().get(0), Row.class);
    assertJsonRoundTrip(REFERRALS, Channel.class);
    assertJsonRoundTrip(DEFAULTS, Defaults.class);
    assertJsonRoundTrip(Defaults.none(), Defaults.class);
    assertJsonRoundTrip(LeadEconomics.compareChannels(List.of()), ChannelComparison.class);
  }

  @Test
  void theNestedRecordsRejectNullsNamingTheField() {
    assertThatThrownBy(() -> new Channel(null, null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field())
                .containsExactly("name", "economics"));
    assertThatThrownBy(() -> new Row(" ", null, null, null, null, OptionalInt.of(0)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field())
                .containsExactly("name", "metrics", "assumed", "romiRank"));
    assertThatThrownBy(() -> new ChannelComparison(null, Arrays.asList(
        comparison().rows().get(0), null)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("defaults")
        .hasMessageContaining("rows[1]");
    assertThat(new Defaults(null, null, null)).isEqualTo(Defaults.none());
    assertThatThrownBy(() -> Defaults.builder().averageCheck(null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("averageCheck");
    assertThatThrownBy(() -> LeadEconomics.compareChannels(null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("channels");
  }
}
