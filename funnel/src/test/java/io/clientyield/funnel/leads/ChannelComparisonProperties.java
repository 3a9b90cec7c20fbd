package io.clientyield.funnel.leads;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

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
          ChannelComparison before = ChannelComparison.compare(channels, defaults);
          ChannelComparison after = ChannelComparison.compare(scaleSpends(channels, k), defaults);
          for (ChannelMetric m : ChannelMetric.values()) {
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
          ChannelComparison a = ChannelComparison.compare(channels, defaults);
          ChannelComparison b = ChannelComparison.compare(reversed, defaults);
          for (ChannelRow row : a.rows()) {
            ChannelRow other = b.row(row.name()).orElseThrow();
            assertThat(other).isEqualTo(row);
          }
        });
  }

  @Test
  void aBetterRankNeverHasAWorseMetric() {
    qt().withExamples(200).forAll(LeadGenerators.channels(), LeadGenerators.defaults())
        .checkAssert((channels, defaults) -> {
          List<ChannelRow> rows = ChannelComparison.compare(channels, defaults).rows();
          for (ChannelRow x : rows) {
            for (ChannelRow y : rows) {
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
          ChannelComparison c = ChannelComparison.compare(channels, defaults);
          for (int i = 0; i < channels.size(); i++) {
            LeadEconomics own = channels.get(i).economics();
            ChannelRow row = c.rows().get(i);
            if (own.value(Field.CR).isPresent()) {
              assertThat(row.assumed()).doesNotContain(Assumption.CR);
              assertThat(row.metrics().values().get(Field.CR))
                  .isEqualTo(own.value(Field.CR).getAsDouble());
            } else {
              assertThat(row.assumed()).contains(Assumption.CR);
              assertThat(row.metrics().values().get(Field.CR))
                  .isEqualTo(defaults.cr().getAsDouble());
            }
          }
        });
  }

  @Test
  void everyComparisonRoundTripsAsJson() {
    qt().withExamples(100).forAll(LeadGenerators.channels(), LeadGenerators.defaults())
        .checkAssert((channels, defaults) ->
            assertJsonRoundTrip(ChannelComparison.compare(channels, defaults),
                ChannelComparison.class));
  }
}
