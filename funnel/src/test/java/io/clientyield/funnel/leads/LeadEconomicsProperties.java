package io.clientyield.funnel.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import static io.clientyield.testkit.JsonAssertions.assertJsonRoundTrip;

import io.clientyield.core.Money;
import io.clientyield.core.ValidationException;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import org.quicktheories.generators.SourceDSL;
import org.junit.jupiter.api.Test;

class LeadEconomicsProperties {

  private static final Money CHECK = Money.of("1000.00", "EUR");

  private static Money revenue(double leads, double cr) {
    return LeadEconomics.builder().set(Field.LEADS, leads).set(Field.CR, cr)
        .averageCheck(CHECK).build().revenue().orElseThrow();
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
      for (Field f : Field.values()) {
        if (f.isRate() || x < 0) {
          assertThatThrownBy(() -> LeadEconomics.builder().set(f, x))
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
          Money cpl = LeadEconomics.builder().set(Field.LEADS, leads).spend(spend).build()
              .costPerLead().orElseThrow();
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
          LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, leads).set(Field.CR, cr)
              .averageCheck(CHECK).build();
          double back = m.leadsNeededFor(m.revenue().orElseThrow()).getAsDouble();
          assertThat(Math.abs(back - leads))
              .isLessThanOrEqualTo(0.005 / (cr * 1000.0) + 1e-9 * leads);
        });
  }

  private static final double RATIO_TOLERANCE = 1e-12;

  @Test
  void anyModelRoundTripsAsJsonWithItsMetrics() {
    qt().withExamples(200).forAll(LeadGenerators.anyModels()).checkAssert(m -> {
      assertJsonRoundTrip(m, LeadEconomics.class);
      assertJsonRoundTrip(m.metrics(), LeadMetrics.class);
    });
  }

  @Test
  void derivedValuesSatisfyEveryRelation() {
    Field[][] relations = {{Field.QUERIES, Field.CTR, Field.VISITS},
        {Field.VISITS, Field.SITE_CONVERSION, Field.LEADS}, {Field.LEADS, Field.CR, Field.CONTRACTS}};
    qt().withExamples(300).forAll(LeadGenerators.anyModels()).checkAssert(m -> {
      for (Field[] r : relations) {
        OptionalDouble a = m.value(r[0]);
        OptionalDouble b = m.value(r[1]);
        OptionalDouble c = m.value(r[2]);
        if (a.isPresent() && b.isPresent() && c.isPresent()) {
          double p = a.getAsDouble() * b.getAsDouble();
          assertThat(Math.abs(p - c.getAsDouble()))
              .isLessThanOrEqualTo(1e-9 * Math.max(p, c.getAsDouble()));
        }
      }
      for (Field f : Field.values()) {
        m.value(f).ifPresent(x -> LeadEconomics.checkValue(f, x));
      }
    });
  }

  @Test
  void romiIsAtLeastMinusOne() {
    qt().withExamples(300).forAll(LeadGenerators.anyModels())
        .check(m -> m.romi().isEmpty() || m.romi().getAsDouble() >= -1);
  }

  @Test
  void scalingMultipliesEveryCountAndKeepsEveryRate() {
    qt().withExamples(200).forAll(LeadGenerators.websiteModels(), LeadGenerators.spendFactors())
        .checkAssert((m, k) -> {
          LeadEconomics s = m.scaled(PeriodScale.of("day", "period", k));
          for (Field f : Field.values()) {
            assertThat(s.value(f).isPresent()).isEqualTo(m.value(f).isPresent());
            if (m.value(f).isPresent()) {
              double before = m.value(f).getAsDouble();
              double expected = f.isRate() ? before : before * k;
              assertThat(s.value(f).getAsDouble())
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
          LeadEconomics m = LeadEconomics.builder().set(Field.QUERIES, q).set(Field.CTR, ctr)
              .set(Field.SITE_CONVERSION, sc).set(Field.CR, cr).averageCheck(CHECK).build();
          double back = m.planFor(m.revenue().orElseThrow()).queriesNeeded().getAsDouble();
          // revenue is rounded to half a cent
          assertThat(Math.abs(back - q))
              .isLessThanOrEqualTo(0.005 / (ctr * sc * cr * 1000.0) + 1e-9 * q);
        });
  }

  @Test
  void spendAtTheMaxSpendMeetsTheTargetRomiAndOneCentMoreDoesNot() {
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(), LeadGenerators.positiveRates(),
        LeadGenerators.positiveMoney(), LeadGenerators.targetRomis()).checkAssert((l, cr, check, t) -> {
          LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, l).set(Field.CR, cr)
              .averageCheck(check).grossMargin(0.6).build();
          CostCeilings c = m.ceilingsFor(t);
          Money max = c.maxSpend().orElseThrow();
          double tol = RATIO_TOLERANCE * Math.max(1, Math.abs(t));
          if (max.signum() > 0) {
            assertThat(m.toBuilder().spend(max).build().romi().getAsDouble())
                .isGreaterThanOrEqualTo(t - tol);
          }
          Money above = max.plus(Money.ofMinor(1, max.currency()));
          assertThat(m.toBuilder().spend(above).build().romi().getAsDouble()).isLessThan(t + tol);
          // a whole number of leads at the max CPL also meets the target
          Money cpl = c.maxCostPerLead().orElseThrow();
          if (cpl.signum() > 0) {
            assertThat(m.toBuilder().spend(cpl.multipliedBy(l)).build().romi().getAsDouble())
                .isGreaterThanOrEqualTo(t - tol);
          }
        });
  }

  @Test
  void clicksTimesDerivedCpcIsSpendWithinHalfACentPerClick() {
    qt().withExamples(300).forAll(SourceDSL.integers().between(1, 5000),
        LeadGenerators.spendCents()).checkAssert((clicks, cents) -> {
          Money spend = Money.ofMinor(cents, LeadGenerators.EUR);
          LeadEconomics m = LeadEconomics.builder().set(Field.CLICKS, clicks).spend(spend).build();
          BigDecimal diff = m.costPerClick().orElseThrow().multipliedBy(clicks).minus(spend)
              .amount().abs();
          assertThat(diff).isLessThanOrEqualTo(
              new BigDecimal("0.005").multiply(BigDecimal.valueOf(clicks)));
          // and the derived CPC is accepted back as a given one
          assertThat(m.toBuilder().costPerClick(m.costPerClick().get()).build().spend())
              .contains(spend);
        });
  }

  @Test
  void negativeMoneyIsRejectedNamingTheField() {
    qt().withExamples(100).forAll(SourceDSL.longs().between(-100_000_000L, -1))
        .checkAssert(cents -> {
          Money bad = Money.ofMinor(cents, LeadGenerators.EUR);
          assertThatThrownBy(() -> LeadEconomics.builder().spend(bad))
              .isInstanceOf(ValidationException.class).hasMessageContaining("spend");
          assertThatThrownBy(() -> LeadEconomics.builder().averageCheck(bad))
              .isInstanceOf(ValidationException.class).hasMessageContaining("averageCheck");
          assertThatThrownBy(() -> LeadEconomics.builder().costPerClick(bad))
              .isInstanceOf(ValidationException.class).hasMessageContaining("costPerClick");
        });
  }

  @Test
  void revenueIsMonotoneInEveryLeverOfTheWebsiteChain() {
    qt().withExamples(300).forAll(LeadGenerators.websiteModels(),
        SourceDSL.integers().between(0, 4), LeadGenerators.rates()).checkAssert((m, i, d) -> {
          Field[] levers = {Field.QUERIES, Field.CTR, Field.SITE_CONVERSION, Field.CR};
          LeadEconomics.Builder b = m.toBuilder();
          if (i < 4) {
            Field f = levers[i];
            double x = m.value(f).getAsDouble();
            b.set(f, f.isRate() ? Math.min(1, x + d) : x + 100 * d);
          } else {
            b.averageCheck(m.averageCheck().get().multipliedBy(1 + d, java.math.RoundingMode.DOWN));
          }
          assertThat(b.build().revenue().orElseThrow())
              .isGreaterThanOrEqualTo(m.revenue().orElseThrow());
        });
  }

  @Test
  void spendNeededForTheForwardRevenueIsTheSpend() {
    qt().withExamples(300).forAll(LeadGenerators.wholeLeads(), LeadGenerators.positiveRates(),
        LeadGenerators.positiveMoney(), LeadGenerators.money()).checkAssert((l, cr, check, spend) -> {
          LeadEconomics m = LeadEconomics.builder().set(Field.LEADS, l).set(Field.CR, cr)
              .averageCheck(check).spend(spend).build();
          Money revenue = m.revenue().orElseThrow();
          if (revenue.signum() > 0) {
            Money back = m.planFor(revenue).spendNeeded().orElseThrow();
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
      for (Field f : Field.values()) {
        if (f.isRate() || x < 0) {
          String json = "{\"inputs\":{\"" + f.name() + "\":" + x + "}}";
          assertThatThrownBy(() -> io.clientyield.core.json.ClientyieldJson.read(json,
              LeadEconomics.class))
              .isInstanceOf(ValidationException.class).hasMessageContaining(f.label());
        }
      }
    });
  }

  @Test
  void wildInputsGiveAModelOrAValidationExceptionAndEveryQuestionIsTotal() {
    qt().withExamples(300).forAll(LeadGenerators.wildModels(), LeadGenerators.targetRomis())
        .checkAssert((built, t) -> {
          if (!(built instanceof LeadEconomics)) {
            assertThat(built).isInstanceOf(ValidationException.class);
            return;
          }
          LeadEconomics m = (LeadEconomics) built;
          assertJsonRoundTrip(m, LeadEconomics.class);
          assertJsonRoundTrip(m.metrics(), LeadMetrics.class);
          m.romi().ifPresent(r -> assertThat(r).isBetween(-1.0, Double.MAX_VALUE));
          m.averageCheck().ifPresent(c -> {
            assertJsonRoundTrip(m.planFor(c.multipliedBy(3)), RevenueTargetPlan.class);
            assertJsonRoundTrip(LeverRanking.absolute(m, 1, 0.01, c), LeverRanking.class);
          });
          assertJsonRoundTrip(m.ceilingsFor(t), CostCeilings.class);
          assertJsonRoundTrip(LeverRanking.relative(m, 0.5), LeverRanking.class);
          assertJsonRoundTrip(ChannelComparison.compare(java.util.List.of(Channel.of("x", m))),
              ChannelComparison.class);
        });
  }
}
