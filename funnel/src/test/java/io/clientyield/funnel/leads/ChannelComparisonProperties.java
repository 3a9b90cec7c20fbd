package io.clientyield.funnel.leads;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.funnel.leads.ChannelComparison.Assumption;
import io.clientyield.funnel.leads.ChannelComparison.Channel;
import io.clientyield.funnel.leads.ChannelComparison.Metric;
import io.clientyield.funnel.leads.ChannelComparison.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChannelComparisonProperties {

  private static List<Channel> scaleSpends(List<Channel> channels, int factor) {
    return channels.stream().map(c -> Channel.of(c.name(), c.economics().toBuilder()
        .spend(c.economics().spend().orElseThrow().multipliedBy(factor)).build()))
        .collect(Collectors.toList());
  }

  @Test
  void ranksAreUnchangedWhenEverySpendIsScaledByTheSameFactor() {
    qt().withExamples(200).forAll(LeadGenerators.channels(), LeadGenerators.defaults(),
        LeadGenerators.spendFactors()).checkAssert((channels, defaults, k) -> {
          ChannelComparison before = LeadEconomics.compareChannels(channels, defaults);
          ChannelComparison after = LeadEconomics.compareChannels(scaleSpends(channels, k), defaults);
          for (Metric m : Metric.values()) {
            assertThat(after.ranking(m)).isEqualTo(before.ranking(m));
            for (int i = 0; i < channels.size(); i++) {
              assertThat(after.rows().get(i).rank(m)).isEqualTo(before.rows().get(i).rank(m));
            }
          }
        });
  }

  @Test
  void ranksDoNotDependOnInputOrder() {
    qt().withExamples(200).forAll(LeadGenerators.channels(), LeadGenerators.defaults())
        .checkAssert((channels, defaults) -> {
          List<Channel> reversed = new ArrayList<>(channels);
          Collections.reverse(reversed);
          ChannelComparison a = LeadEconomics.compareChannels(channels, defaults);
          ChannelComparison b = LeadEconomics.compareChannels(reversed, defaults);
          for (Row row : a.rows()) {
            Row other = b.row(row.name()).orElseThrow();
            assertThat(other).isEqualTo(row);
          }
        });
  }

  @Test
  void aBetterRankNeverHasAWorseMetric() {
    qt().withExamples(200).forAll(LeadGenerators.channels(), LeadGenerators.defaults())
        .checkAssert((channels, defaults) -> {
          List<Row> rows = LeadEconomics.compareChannels(channels, defaults).rows();
          for (Row x : rows) {
            for (Row y : rows) {
              if (x.costPerLeadRank().isPresent() && y.costPerLeadRank().isPresent()
                  && x.costPerLeadRank().getAsInt() < y.costPerLeadRank().getAsInt()) {
                assertThat(x.metrics().costPerLead().get())
                    .isLessThanOrEqualTo(y.metrics().costPerLead().get());
              }
              if (x.costPerContractRank().isPresent() && y.costPerContractRank().isPresent()
                  && x.costPerContractRank().getAsInt() < y.costPerContractRank().getAsInt()) {
                assertThat(x.metrics().costPerContract().get())
                    .isLessThanOrEqualTo(y.metrics().costPerContract().get());
              }
              if (x.romiRank().isPresent() && y.romiRank().isPresent()
                  && x.romiRank().getAsInt() < y.romiRank().getAsInt()) {
                assertThat(x.metrics().romi().getAsDouble())
                    .isGreaterThanOrEqualTo(y.metrics().romi().getAsDouble() - 1e-12);
              }
            }
          }
        });
  }

  @Test
  void aChannelsOwnCrWinsOverTheDefault() {
    qt().withExamples(200).forAll(LeadGenerators.channels(), LeadGenerators.defaults())
        .checkAssert((channels, defaults) -> {
          ChannelComparison c = LeadEconomics.compareChannels(channels, defaults);
          for (int i = 0; i < channels.size(); i++) {
            LeadInputs own = channels.get(i).economics();
            Row row = c.rows().get(i);
            if (LeadEconomics.metrics(own).value(LeadQuantity.CR).isPresent()) {
              assertThat(row.assumed()).doesNotContain(Assumption.CR);
              assertThat(row.metrics().values().get(LeadQuantity.CR))
                  .isEqualTo(LeadEconomics.metrics(own).value(LeadQuantity.CR).getAsDouble());
            } else {
              assertThat(row.assumed()).contains(Assumption.CR);
              assertThat(row.metrics().values().get(LeadQuantity.CR))
                  .isEqualTo(defaults.cr().getAsDouble());
            }
          }
        });
  }

  @Test
  void everyComparisonRoundTripsAsJson() {
    qt().withExamples(100).forAll(LeadGenerators.channels(), LeadGenerators.defaults())
        .checkAssert((channels, defaults) ->
            assertJsonRoundTrip(LeadEconomics.compareChannels(channels, defaults),
                ChannelComparison.class));
  }
}
