package io.clientyield.funnel.leads;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.leads.ChannelComparison.Channel;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class LeadEconomicsProperties {

  private static final Money CHECK = Money.of("1000.00", "EUR");

  private static Money revenue(double leads, double cr) {
    return LeadEconomics.metrics(LeadInputs.builder().set(LeadQuantity.LEADS, leads)
        .set(LeadQuantity.CR, cr).averageCheck(CHECK).build()).revenue().orElseThrow();
  }

  @Test
  void revenueIsMonotoneInLeadsAndCr() {
    qt().withExamples(300).forAll(LeadGenerators.counts(), LeadGenerators.rates(),
        LeadGenerators.counts(), LeadGenerators.rates())
        .check((l, cr, dl, dcr) -> revenue(l + dl, Math.min(1, cr + dcr))
            .compareTo(revenue(l, cr)) >= 0);
  }

  @Test
  void ratesOutsideUnitIntervalAreRejectedNamingTheField() {
    qt().withExamples(200).forAll(LeadGenerators.badRates()).checkAssert(x -> {
      for (LeadQuantity f : LeadQuantity.values()) {
        if (f.isRate() || x < 0) {
          assertThatThrownBy(() -> LeadInputs.builder().set(f, x))
              .isInstanceOf(ValidationException.class)
              .hasMessageContaining(f.label());
        }
      }
    });
  }

  @Test
  void cplTimesLeadsIsSpendWithinHalfACentPerLead() {
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(), LeadGenerators.spendCents())
        .checkAssert((leads, cents) -> {
          Money spend = Money.ofMinor(cents, Money.currency("EUR"));
          Money cpl = LeadEconomics.metrics(LeadInputs.builder().set(LeadQuantity.LEADS, leads)
              .spend(spend).build()).costPerLead().orElseThrow();
          BigDecimal diff = cpl.multipliedBy(leads).minus(spend).amount().abs();
          assertThat(diff).isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(leads)));
          if (cents % leads == 0) {
            assertThat(cpl.multipliedBy(leads)).isEqualTo(spend);
          }
        });
  }

  @Test
  void leadsNeededForTheForwardRevenueReturnTheLeads() {
    // revenue is rounded to the cent, so leads come back within 0.005 / (Cr × check) + 1e-9 relative
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(),
        LeadGenerators.rates().assuming(r -> r > 0)).checkAssert((leads, cr) -> {
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, leads).set(LeadQuantity.CR, cr)
              .averageCheck(CHECK).build();
          double back = LeadTargets.plan(m, LeadEconomics.metrics(m).revenue().orElseThrow())
              .leadsNeeded().getAsDouble();
          assertThat(Math.abs(back - leads))
              .isLessThanOrEqualTo(0.005 / (cr * 1000.0) + 1e-9 * leads);
        });
  }

  private static final double RATIO_TOLERANCE = 1e-12;

  @Test
  void anyModelRoundTripsAsJsonWithItsMetrics() {
    qt().withExamples(200).forAll(LeadGenerators.anyModels()).checkAssert(m -> {
      assertJsonRoundTrip(m, LeadInputs.class);
      assertJsonRoundTrip(LeadEconomics.metrics(m), LeadMetrics.class);
    });
  }

  @Test
  void derivedValuesSatisfyEveryRelation() {
    LeadQuantity[][] relations = {{LeadQuantity.QUERIES, LeadQuantity.CTR, LeadQuantity.VISITS},
        {LeadQuantity.VISITS, LeadQuantity.SITE_CONVERSION, LeadQuantity.LEADS}, {LeadQuantity.LEADS, LeadQuantity.CR, LeadQuantity.CONTRACTS}};
    qt().withExamples(300).forAll(LeadGenerators.anyModels()).checkAssert(m -> {
      for (LeadQuantity[] r : relations) {
        OptionalDouble a = LeadEconomics.metrics(m).value(r[0]);
        OptionalDouble b = LeadEconomics.metrics(m).value(r[1]);
        OptionalDouble c = LeadEconomics.metrics(m).value(r[2]);
        if (a.isPresent() && b.isPresent() && c.isPresent()) {
          double p = a.getAsDouble() * b.getAsDouble();
          assertThat(Math.abs(p - c.getAsDouble()))
              .isLessThanOrEqualTo(1e-9 * Math.max(p, c.getAsDouble()));
        }
      }
      for (LeadQuantity f : LeadQuantity.values()) {
        LeadEconomics.metrics(m).value(f).ifPresent(x -> LeadSolver.checkValue(f, x));
      }
    });
  }

  @Test
  void romiIsAtLeastMinusOne() {
    qt().withExamples(300).forAll(LeadGenerators.anyModels())
        .check(m -> LeadEconomics.metrics(m).romi().isEmpty() || LeadEconomics.metrics(m).romi().getAsDouble() >= -1);
  }

  @Test
  void scalingMultipliesEveryCountAndKeepsEveryRate() {
    qt().withExamples(200).forAll(LeadGenerators.websiteModels(), LeadGenerators.spendFactors())
        .checkAssert((m, k) -> {
          LeadInputs s = m.scaled(PeriodScale.of("day", "period", k));
          for (LeadQuantity f : LeadQuantity.values()) {
            assertThat(LeadEconomics.metrics(s).value(f).isPresent()).isEqualTo(LeadEconomics.metrics(m).value(f).isPresent());
            if (LeadEconomics.metrics(m).value(f).isPresent()) {
              double before = LeadEconomics.metrics(m).value(f).getAsDouble();
              double expected = f.isRate() ? before : before * k;
              assertThat(LeadEconomics.metrics(s).value(f).getAsDouble())
                  .isCloseTo(expected, org.assertj.core.api.Assertions.within(
                      RATIO_TOLERANCE * Math.max(1, expected)));
            }
            assertThat(s.isGiven(f)).isEqualTo(m.isGiven(f));
          }
          assertThat(s.spend().orElseThrow()).isEqualTo(m.spend().orElseThrow().multipliedBy(k));
        });
  }

  @Test
  void queriesNeededForTheForwardRevenueReturnTheQueries() {
    qt().withExamples(300).forAll(LeadGenerators.counts().assuming(q -> q > 0),
        LeadGenerators.positiveRates(), LeadGenerators.positiveRates(),
        LeadGenerators.positiveRates()).checkAssert((q, ctr, sc, cr) -> {
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.QUERIES, q).set(LeadQuantity.CTR, ctr)
              .set(LeadQuantity.SITE_CONVERSION, sc).set(LeadQuantity.CR, cr).averageCheck(CHECK).build();
          double back = LeadTargets.plan(m, LeadEconomics.metrics(m).revenue().orElseThrow()).queriesNeeded().getAsDouble();
          // revenue is rounded to half a cent
          assertThat(Math.abs(back - q))
              .isLessThanOrEqualTo(0.005 / (ctr * sc * cr * 1000.0) + 1e-9 * q);
        });
  }

  @Test
  void spendAtTheMaxSpendMeetsTheTargetRomiAndOneCentMoreDoesNot() {
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(), LeadGenerators.positiveRates(),
        LeadGenerators.positiveMoney(), LeadGenerators.targetRomis()).checkAssert((l, cr, check, t) -> {
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, l).set(LeadQuantity.CR, cr)
              .averageCheck(check).grossMargin(0.6).build();
          CostCeilings c = LeadTargets.ceilings(m, t);
          Money max = c.maxSpend().orElseThrow();
          double tol = RATIO_TOLERANCE * Math.max(1, Math.abs(t));
          if (max.signum() > 0) {
            assertThat(LeadEconomics.metrics(m.toBuilder().spend(max).build()).romi().getAsDouble())
                .isGreaterThanOrEqualTo(t - tol);
          }
          Money above = max.plus(Money.ofMinor(1, max.currency()));
          assertThat(LeadEconomics.metrics(m.toBuilder().spend(above).build()).romi().getAsDouble()).isLessThan(t + tol);
          // a whole number of leads at the max CPL also meets the target
          Money cpl = c.maxCostPerLead().orElseThrow();
          if (cpl.signum() > 0) {
            assertThat(LeadEconomics.metrics(m.toBuilder().spend(cpl.multipliedBy(l)).build()).romi()
                .getAsDouble())
                .isGreaterThanOrEqualTo(t - tol);
          }
        });
  }

  @Test
  void clicksTimesDerivedCpcIsSpendWithinHalfACentPerClick() {
    qt().withExamples(300).forAll(SourceDSL.integers().between(1, 5000),
        LeadGenerators.spendCents()).checkAssert((clicks, cents) -> {
          Money spend = Money.ofMinor(cents, LeadGenerators.EUR);
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.CLICKS, clicks).spend(spend).build();
          BigDecimal diff = LeadEconomics.metrics(m).costPerClick().orElseThrow().multipliedBy(clicks).minus(spend)
              .amount().abs();
          assertThat(diff).isLessThanOrEqualTo(
              new BigDecimal("0.005").multiply(BigDecimal.valueOf(clicks)));
          // and the derived CPC is accepted back as a given one
          Money cpc = LeadEconomics.metrics(m).costPerClick().get();
          assertThat(LeadEconomics.metrics(m.toBuilder().costPerClick(cpc).build()).spend())
              .contains(spend);
        });
  }

  @Test
  void negativeMoneyIsRejectedNamingTheField() {
    qt().withExamples(100).forAll(SourceDSL.longs().between(-100_000_000L, -1))
        .checkAssert(cents -> {
          Money bad = Money.ofMinor(cents, LeadGenerators.EUR);
          assertThatThrownBy(() -> LeadInputs.builder().spend(bad))
              .isInstanceOf(ValidationException.class).hasMessageContaining("spend");
          assertThatThrownBy(() -> LeadInputs.builder().averageCheck(bad))
              .isInstanceOf(ValidationException.class).hasMessageContaining("averageCheck");
          assertThatThrownBy(() -> LeadInputs.builder().costPerClick(bad))
              .isInstanceOf(ValidationException.class).hasMessageContaining("costPerClick");
        });
  }

  @Test
  void revenueIsMonotoneInEveryLeverOfTheWebsiteChain() {
    qt().withExamples(300).forAll(LeadGenerators.websiteModels(),
        SourceDSL.integers().between(0, 4), LeadGenerators.rates()).checkAssert((m, i, d) -> {
          LeadQuantity[] levers = {LeadQuantity.QUERIES, LeadQuantity.CTR, LeadQuantity.SITE_CONVERSION, LeadQuantity.CR};
          LeadInputs.Builder b = m.toBuilder();
          if (i < 4) {
            LeadQuantity f = levers[i];
            double x = LeadEconomics.metrics(m).value(f).getAsDouble();
            b.set(f, f.isRate() ? Math.min(1, x + d) : x + 100 * d);
          } else {
            b.averageCheck(m.averageCheck().get().multipliedBy(1 + d, java.math.RoundingMode.DOWN));
          }
          assertThat(LeadEconomics.metrics(b.build()).revenue().orElseThrow())
              .isGreaterThanOrEqualTo(LeadEconomics.metrics(m).revenue().orElseThrow());
        });
  }

  @Test
  void spendNeededForTheForwardRevenueIsTheSpend() {
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(), LeadGenerators.positiveRates(),
        LeadGenerators.positiveMoney(), LeadGenerators.money()).checkAssert((l, cr, check, spend) -> {
          LeadInputs m = LeadInputs.builder().set(LeadQuantity.LEADS, l).set(LeadQuantity.CR, cr)
              .averageCheck(check).spend(spend).build();
          Money revenue = LeadEconomics.metrics(m).revenue().orElseThrow();
          if (revenue.signum() > 0) {
            Money back = LeadTargets.plan(m, revenue).spendNeeded().orElseThrow();
            // the revenue was rounded by at most half a cent: spend × 0.005 / revenue, plus the
            // cent the ceiling may add
            BigDecimal bound = spend.amount().multiply(new BigDecimal("0.005"))
                .divide(revenue.amount(), java.math.MathContext.DECIMAL64)
                .add(new BigDecimal("0.01"));
            assertThat(back.minus(spend).amount().abs()).isLessThanOrEqualTo(bound);
          }
        });
  }

  @Test
  void ratesOutsideUnitIntervalAndNegativeCountsAreRejectedInJsonNamingTheField() {
    qt().withExamples(200).forAll(LeadGenerators.badRates()).checkAssert(x -> {
      for (LeadQuantity f : LeadQuantity.values()) {
        if (f.isRate() || x < 0) {
          String json = "{\"inputs\":{\"" + f.name() + "\":" + x + "}}";
          assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.read(json,
              LeadInputs.class))
              .isInstanceOf(ValidationException.class).hasMessageContaining(f.label());
        }
      }
    });
  }

  @Test
  void wildInputsGiveAModelOrAValidationExceptionAndEveryQuestionIsTotal() {
    qt().withExamples(300).forAll(LeadGenerators.wildModels(), LeadGenerators.targetRomis())
        .checkAssert((built, t) -> {
          if (!(built instanceof LeadInputs)) {
            assertThat(built).isInstanceOf(ValidationException.class);
            return;
          }
          LeadInputs m = (LeadInputs) built;
          assertJsonRoundTrip(m, LeadInputs.class);
          assertJsonRoundTrip(LeadEconomics.metrics(m), LeadMetrics.class);
          LeadEconomics.metrics(m).romi().ifPresent(r -> assertThat(r).isBetween(-1.0, Double.MAX_VALUE));
          m.averageCheck().ifPresent(c -> {
            assertJsonRoundTrip(LeadTargets.plan(m, c.multipliedBy(3)), RevenueTargetPlan.class);
            assertJsonRoundTrip(LeadEconomics.leverRanking(m, 1, 0.01, c), LeverRanking.class);
          });
          assertJsonRoundTrip(LeadTargets.ceilings(m, t), CostCeilings.class);
          assertJsonRoundTrip(LeadEconomics.leverRanking(m, 0.5), LeverRanking.class);
          assertJsonRoundTrip(LeadEconomics.compareChannels(java.util.List.of(Channel.of("x", m))),
              ChannelComparison.class);
        });
  }
}
